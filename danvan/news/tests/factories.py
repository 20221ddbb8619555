import datetime

import factory
from django.utils import timezone
from django.utils.text import slugify

from danvan.core.text import fold
from danvan.news.choices import Status
from danvan.news.models import Article, ArticlePhoto, Category
from danvan.units.tests.factories import CommuneFactory


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category
        django_get_or_create = ("slug",)

    slug = "tin-tuc-su-kien"
    name = "Tin tức – sự kiện"


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article

    unit = factory.SubFactory(CommuneFactory)
    title = factory.Sequence(lambda n: f"Đoàn công tác làm việc tại xã Hiệp Tùng {n}")
    slug = factory.LazyAttribute(lambda a: slugify(fold(a.title))[:100])
    lead = "Đoàn công tác của Ban Dân vận Huyện ủy làm việc với cấp ủy, chính quyền xã."
    body = "<p>Đoàn công tác đã tiến hành làm việc với cấp uỷ, chính quyền và Mặt trận Tổ quốc.</p>"
    byline = "Tin và ảnh Minh Sửa, Văn phòng Huyện uỷ Năm Căn"


class PublishedArticleFactory(ArticleFactory):
    status = Status.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(hours=1))


def png(name="anh.png", size=(40, 30), color=(200, 30, 30)):
    """A small real PNG upload."""
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def jpeg_with_gps(name="anh.jpg", size=(2400, 1600)):
    """A JPEG carrying EXIF with a GPS block, as a phone's camera writes it."""
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    image = Image.new("RGB", size, (20, 120, 60))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    exif[0x8825] = {1: "N", 2: (8.0, 45.0, 0.0), 3: "E", 4: (104.0, 59.0, 0.0)}
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


class PhotoFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ArticlePhoto

    article = factory.SubFactory(ArticleFactory)
    image = factory.LazyFunction(png)
    thumbnail = factory.LazyFunction(lambda: png("nho.png", (12, 9)))
    caption = "Đoàn công tác làm việc tại xã Hiệp Tùng"
