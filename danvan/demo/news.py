"""The four seed texts as the articles their districts published, with bylines, on their days, linked to the demo's
records of the same events (the Năm Căn and Giồng Trôm missions, U Minh Thượng's commendations, the Kim Sơn briefing).

The texts are the seeds' own (``data/news``), without the portals' menus; a line the seed shows under a photo becomes
that photo's caption, the photo itself a plain picture drawn here (the seeds' images are not kept). Seeds 001 and 002
print no byline: theirs names the district's mobilization commission, which the seeds say held the event.
``build(story)`` is idempotent: an article is found by its unit and title first.
"""

import datetime
import io
from pathlib import Path

from django.core.files.base import ContentFile
from django.utils import timezone

from danvan.awards.models import CommendationDecision
from danvan.demo.awards import PARTY_NUMBER
from danvan.engagement.models import Dialogue
from danvan.news import services
from danvan.news.choices import Status
from danvan.news.models import Article, ArticlePhoto, Category
from danvan.oversight.models import Meeting, Mission

TEXTS = Path(__file__).parent / "data" / "news"
CATEGORY = ("tin-tuc-su-kien", "Tin tức – sự kiện")


def _at(year, month, day, hour, minute):
    return timezone.make_aware(datetime.datetime(year, month, day, hour, minute))


def _articles(places):
    """(text file, unit, published at, byline, captions, links) of each seed."""
    nam_can, giong_trom = places.districts["Năm Căn"], places.districts["Giồng Trôm"]
    u_minh_thuong, kim_son = places.districts["U Minh Thượng"], places.districts["Kim Sơn"]
    return [
        ("nam-can.txt", nam_can, _at(2018, 10, 2, 9, 30), "Tin và ảnh Minh Sửa, Văn phòng Huyện uỷ Năm Căn",
         ["Đoàn khảo sát mô hình “tuyến đường xanh sạch, đẹp” do UBMTTQ chủ trì, tại xã Hiệp Tùng, huyện Năm Căn.",
          "Mô hình tuyến đường hoa, do Ban công tác Mặt trận ấp Kinh Mới thực hiện, cần được nhân rộng trên các tuyến đường lộ giao thông nông thôn ở các xóm, ấp.",
          "Đoàn công tác làm việc tại xã Hiệp Tùng."],
         {"missions": Mission.objects.filter(unit=nam_can)}),
        ("giong-trom.txt", giong_trom, _at(2018, 6, 12, 8, 15), "Ban Dân vận Huyện ủy Giồng Trôm", [],
         {"missions": Mission.objects.filter(unit=giong_trom), "dialogues": Dialogue.objects.filter(unit=places.communes["Mỹ Thạnh"])}),
        ("u-minh-thuong.txt", u_minh_thuong, _at(2020, 8, 10, 13, 19), "Ban Dân vận Huyện ủy U Minh Thượng", [],
         {"decisions": CommendationDecision.objects.filter(issuing_body__unit=u_minh_thuong, number__in=[PARTY_NUMBER, "1268/QĐ-UBND"])}),
        ("kim-son.txt", kim_son, _at(2018, 10, 3, 16, 0), "Ngô Quyền - Văn phòng Huyện ủy Kim Sơn", ["Quang cảnh hội nghị"],
         {"meetings": Meeting.objects.filter(unit=kim_son, held_on=datetime.date(2018, 10, 3))}),
    ]


def _picture(index):
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (1200, 800), [(176, 32, 32), (30, 110, 60), (30, 80, 150)][index % 3]).save(buffer, format="JPEG", quality=80)
    return ContentFile(buffer.getvalue(), name=f"anh-{index + 1}.jpg")


def _html(paragraphs):
    from django.utils.html import escape

    return "".join(f"<p>{escape(paragraph)}</p>" for paragraph in paragraphs)


def build(story):
    category, _ = Category.objects.get_or_create(slug=CATEGORY[0], defaults={"name": CATEGORY[1]})
    for filename, unit, published_at, byline, captions, links in _articles(story.places):
        title, *paragraphs = [line for line in (TEXTS / filename).read_text(encoding="utf-8").split("\n\n") if line.strip()]
        if Article.objects.filter(unit=unit, title=title).exists():
            continue
        story.on(published_at.date())
        body = [paragraph for paragraph in paragraphs if paragraph not in captions]
        article = services.write_article(story.user, Article(
            unit=unit, title=title, lead=body[0], body=_html(body[1:]), byline=byline, published_at=published_at, tags="dân vận"),
            links={name: list(records) for name, records in links.items()}, categories=[category])
        for index, caption in enumerate(captions):
            services.add_photo(story.user, article, ArticlePhoto(image=_picture(index), caption=caption, order=index))
        services.move_article(story.user, article, Status.PUBLISHED)
