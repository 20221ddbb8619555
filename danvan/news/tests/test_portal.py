"""The public portal: no login, published articles only; search ignoring diacritics; feeds, sitemap, photos."""

import datetime

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from danvan.news.choices import Status
from danvan.news.tests.factories import ArticleFactory, CategoryFactory, PhotoFactory, PublishedArticleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def hidden(tree):
    """One article of each kind the public must never reach, with its photo."""
    articles = [ArticleFactory(unit=tree.cc1, title=f"Tin ẩn {status}", status=status) for status in
                (Status.DRAFT, Status.SUBMITTED, Status.RETURNED)]
    articles.append(ArticleFactory(unit=tree.cc1, title="Tin ẩn hẹn giờ", status=Status.PUBLISHED,
                                   published_at=timezone.now() + datetime.timedelta(days=1)))
    return [(article, PhotoFactory(article=article)) for article in articles]


def test_nothing_unpublished_is_reachable(tree, client, hidden):
    PublishedArticleFactory(unit=tree.cc1, title="Tin công khai")
    category = CategoryFactory()
    for article, _photo in hidden:
        article.categories.add(category)
    pages = [reverse("portal:home"), reverse("portal:unit", args=[tree.cc1.pk]), reverse("portal:category", args=[category.slug]),
             reverse("portal:feed"), reverse("portal:feed-atom"), reverse("portal:unit-feed", args=[tree.cc1.pk]),
             reverse("portal:category-feed", args=[category.slug]), reverse("portal:sitemap"), reverse("portal:home") + "?q=tin+an"]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "Tin ẩn" not in response.content.decode(), url
    for article, photo in hidden:
        assert client.get(article.public_url()).status_code == 404
        assert client.get(reverse("portal:photo", args=[photo.pk])).status_code == 404
        assert client.get(reverse("portal:thumbnail", args=[photo.pk])).status_code == 404


def test_the_article_page_has_other_news_the_font_size_control_and_its_photo(tree, client):
    article = PublishedArticleFactory(unit=tree.cc1, title="Hội nghị tổng kết phong trào “Dân vận khéo”")
    other = PublishedArticleFactory(unit=tree.cc1, title="Đoàn khảo sát mô hình tuyến đường xanh",
                                    published_at=timezone.now() - datetime.timedelta(days=2))
    photo = PhotoFactory(article=article, caption="Quang cảnh hội nghị")
    html = client.get(article.public_url()).content.decode()
    assert "Xem với cỡ chữ" in html and 'data-font="1"' in html and 'data-font="-1"' in html
    assert "Tin khác" in html and other.public_url() in html
    assert reverse("portal:photo", args=[photo.pk]) in html and "Quang cảnh hội nghị" in html
    assert article.byline in html
    assert client.get(reverse("portal:photo", args=[photo.pk])).status_code == 200


def test_a_wrong_slug_is_sent_to_the_articles_address(tree, client):
    article = PublishedArticleFactory(unit=tree.cc1)
    response = client.get(reverse("portal:article", args=[article.pk, "sai"]))
    assert response.status_code == 301 and response["Location"] == article.public_url()


def test_search_ignores_diacritics_and_the_unit_page_holds_its_units(tree, client):
    found = PublishedArticleFactory(unit=tree.cc1, title="Hội nghị giao ban công tác dân vận")
    PublishedArticleFactory(unit=tree.cc3, title="Tin của Đất Mũi")
    assert found.title in client.get(reverse("portal:home"), {"q": "giao ban dan van"}).content.decode()
    assert "Tin của Đất Mũi" not in client.get(reverse("portal:home"), {"q": "giao ban"}).content.decode()
    unit_page = client.get(reverse("portal:unit", args=[tree.cc1.pk])).content.decode()
    assert found.title in unit_page and "Tin của Đất Mũi" not in unit_page


def test_the_feeds_list_published_articles_with_their_bylines(tree, client):
    article = PublishedArticleFactory(unit=tree.cc1, title="Hội nghị giao ban")
    rss = client.get(reverse("portal:feed"))
    assert rss["Content-Type"].startswith("application/rss+xml")
    assert "Hội nghị giao ban" in rss.content.decode() and article.public_url() in rss.content.decode()
    atom = client.get(reverse("portal:feed-atom")).content.decode()
    assert "<feed" in atom and article.byline in atom
    assert client.get(reverse("portal:unit-feed", args=[999999])).status_code == 404


def test_the_sitemap_names_each_published_article(tree, client):
    article = PublishedArticleFactory(unit=tree.cc1)
    assert article.public_url() in client.get(reverse("portal:sitemap")).content.decode()


def test_searching_too_often_from_one_address_is_slowed_down(tree, client, settings):
    cache.clear()
    for _ in range(30):
        assert client.get(reverse("portal:home"), {"q": "giao ban"}).status_code == 200
    assert client.get(reverse("portal:home"), {"q": "giao ban"}).status_code == 429
    assert client.get(reverse("portal:home")).status_code == 200  # reading is never limited
    cache.clear()


def test_a_linked_records_page_shows_the_article(tree, make_user, login):
    from danvan.oversight.tests.factories import MeetingFactory

    meeting = MeetingFactory(unit=tree.cc1)
    article = PublishedArticleFactory(unit=tree.cc1, title="Tin hội nghị giao ban")
    article.meetings.add(meeting)
    html = login(make_user(tree.cc1)).get(meeting.get_absolute_url()).content.decode()
    assert article.public_url() in html
