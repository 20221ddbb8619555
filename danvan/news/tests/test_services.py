"""The article's lifecycle and the bad input of issue 15: nothing half-written, a Vietnamese message naming the field."""

import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from danvan.core.choices import Role
from danvan.core.workflow import transitions_of
from danvan.news import services
from danvan.news.choices import Status
from danvan.news.models import Article, ArticlePhoto
from danvan.news.tests.factories import ArticleFactory, jpeg_with_gps, png
from danvan.oversight.tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db


def test_an_editor_writes_submits_and_an_approver_returns_then_publishes(tree, make_user):
    editor, approver = make_user(tree.cc1, Role.EDITOR), make_user(tree.cc1, Role.APPROVER)
    meeting = MeetingFactory(unit=tree.cc1)
    article = services.write_article(editor, Article(unit=tree.cc1, title="Hội nghị Giao ban công tác dân vận", body="<p>Nội dung</p>"),
                                     links={"meetings": [meeting]})
    assert article.slug == "hoi-nghi-giao-ban-cong-tac-dan-van" and list(article.meetings.all()) == [meeting]
    services.move_article(editor, article, Status.SUBMITTED)
    with pytest.raises(PermissionDenied):
        services.move_article(editor, article, Status.PUBLISHED)
    with pytest.raises(ValidationError, match="lý do"):
        services.move_article(approver, article, Status.RETURNED)
    services.move_article(approver, article, Status.RETURNED, "Thiếu ảnh")
    services.move_article(editor, article, Status.SUBMITTED)
    services.move_article(approver, article, Status.PUBLISHED)
    article.refresh_from_db()
    assert article.status == Status.PUBLISHED and article.published_at is not None and article.is_public
    assert [t.target for t in transitions_of(article)] == ["submitted", "returned", "submitted", "published"]


def test_publishing_without_a_title_is_refused_in_vietnamese(tree, make_user, settings):
    approver = make_user(tree.cc1, Role.APPROVER)
    article = services.write_article(approver, Article(unit=tree.cc1, title="", body="<p>Nội dung</p>"))
    with pytest.raises(ValidationError) as refused:
        services.move_article(approver, article, Status.PUBLISHED)
    assert "tiêu đề" in str(refused.value.message_dict["title"])
    article.refresh_from_db()
    assert article.status == Status.DRAFT and article.published_at is None


def test_an_approver_of_another_unit_cannot_publish(tree, make_user):
    article = ArticleFactory(unit=tree.cc1, status=Status.SUBMITTED)
    with pytest.raises(ValidationError):
        services.move_article(make_user(tree.cc3, Role.APPROVER), article, Status.PUBLISHED)
    article.refresh_from_db()
    assert article.status == Status.SUBMITTED


def test_a_body_with_scripts_or_styles_is_refused_and_nothing_is_saved(tree, make_user):
    editor = make_user(tree.cc1, Role.EDITOR)
    for body in ['<p>Tin</p><script>alert(1)</script>', '<p style="color:red">Tin</p>', '<p onclick="x()">Tin</p>',
                 '<style>p{}</style><p>Tin</p>', '<a href="javascript:alert(1)">Tin</a>']:
        with pytest.raises(ValidationError) as refused:
            services.write_article(editor, Article(unit=tree.cc1, title="Tin", body=body))
        assert "script" in str(refused.value.message_dict["body"])
    assert not Article.objects.exists()


def test_the_body_keeps_only_the_allowed_tags(tree, make_user):
    article = services.write_article(make_user(tree.cc1, Role.EDITOR), Article(
        unit=tree.cc1, title="Tin", body='<div><p>Đoạn <b>đậm</b> <span>và</span> <a href="https://x.vn/">liên kết</a></p><img src="x.png"></div>'))
    assert article.body == '<p>Đoạn <b>đậm</b> và <a href="https://x.vn/" rel="noopener noreferrer nofollow">liên kết</a></p>'


def test_the_form_shows_what_is_left_of_a_body_with_scripts(tree, make_user, login):
    client = login(make_user(tree.cc1, Role.EDITOR))
    response = client.post(reverse("news:create"), {"unit": tree.cc1.pk, "title": "Tin", "body": "<p>Tin bài</p><script>alert(1)</script>"})
    html = response.content.decode()
    assert response.status_code == 200 and "đã được loại bỏ" in html
    assert "&lt;p&gt;Tin bài&lt;/p&gt;</textarea>" in html and "alert(1)" not in html
    assert not Article.objects.exists()


def test_a_user_of_another_unit_cannot_write_for_it_nor_link_its_records(tree, make_user):
    editor = make_user(tree.cc3, Role.EDITOR)
    with pytest.raises(ValidationError):
        services.write_article(editor, Article(unit=tree.cc1, title="Tin"))
    with pytest.raises(ValidationError, match="outside|ngoài"):
        services.write_article(editor, Article(unit=tree.cc3, title="Tin"), links={"meetings": [MeetingFactory(unit=tree.cc1)]})
    assert not Article.objects.exists()


def test_a_photo_is_resized_stripped_of_its_gps_and_thumbnailed(tree, make_user):
    editor = make_user(tree.cc1, Role.EDITOR)
    article = ArticleFactory(unit=tree.cc1)
    photo = services.add_photo(editor, article, ArticlePhoto(image=jpeg_with_gps(), caption="Quang cảnh hội nghị"))
    with Image.open(photo.image.open("rb")) as page:
        assert max(page.size) == services.PAGE_SIDE and not page.getexif()
    with Image.open(photo.thumbnail.open("rb")) as thumbnail:
        assert max(thumbnail.size) == services.THUMBNAIL_SIDE and not thumbnail.getexif()


def test_a_file_that_is_not_an_image_is_refused_and_nothing_is_saved(tree, make_user, login):
    article = ArticleFactory(unit=tree.cc1)
    client = login(make_user(tree.cc1, Role.EDITOR))
    fake = SimpleUploadedFile("anh.jpg", b"%PDF-1.4 not an image", content_type="image/jpeg")
    response = client.post(reverse("news:photo-add", args=[article.pk]), {"image": fake, "caption": "Ảnh"})
    assert response.status_code == 200 and "Nội dung tệp không đúng" in response.content.decode()
    assert not ArticlePhoto.objects.exists()


def test_a_photo_of_another_units_article_is_refused(tree, make_user):
    with pytest.raises(ValidationError):
        services.add_photo(make_user(tree.cc3, Role.EDITOR), ArticleFactory(unit=tree.cc1), ArticlePhoto(image=png()))
    assert not ArticlePhoto.objects.exists()
