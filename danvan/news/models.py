"""News articles (tin, bài) a unit publishes on its portal, with their photos and the records they report."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from danvan.core.audit import track
from danvan.core.models import ScopedModel, SearchableModel
from danvan.core.scoping import ScopedQuerySet
from danvan.core.uploads import IMAGE_CHECK
from danvan.news.choices import Status
from danvan.news.html import plain_text


class Category(models.Model):
    """A section of the portal (Tin tức – sự kiện, Dân vận khéo …); configurable."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("code"), max_length=60, unique=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("news category")
        verbose_name_plural = _("news categories")
        ordering = ["order", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("portal:category", args=[self.slug])


class ArticleQuerySet(ScopedQuerySet):
    def published(self):
        """What the public reads: published, and not dated in the future."""
        return self.filter(status=Status.PUBLISHED, published_at__lte=timezone.now())


class Article(ScopedModel, SearchableModel):
    unit = models.ForeignKey("units.Unit", verbose_name=_("publishing unit"), on_delete=models.PROTECT, related_name="articles")
    title = models.CharField(_("title"), max_length=300, blank=True)
    slug = models.SlugField(max_length=120, editable=False, blank=True, allow_unicode=False)
    lead = models.TextField(_("lead"), max_length=2000, blank=True, help_text=_("The opening paragraph shown in lists and feeds."))
    body = models.TextField(_("body"), max_length=200_000, blank=True)
    byline = models.CharField(_("byline"), max_length=200, blank=True, help_text=_("For example: Tin và ảnh Minh Sửa, Văn phòng Huyện uỷ Năm Căn"))
    categories = models.ManyToManyField(Category, verbose_name=_("categories"), blank=True, related_name="articles")
    tags = models.CharField(_("tags"), max_length=300, blank=True, help_text=_("Separated by commas."))
    published_at = models.DateTimeField(_("publication time"), null=True, blank=True,
                                        help_text=_("Left empty, the time the article is published."))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    written_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("written by"), null=True, editable=False,
                                   on_delete=models.SET_NULL, related_name="+")
    missions = models.ManyToManyField("oversight.Mission", verbose_name=_("missions reported"), blank=True, related_name="articles")
    meetings = models.ManyToManyField("oversight.Meeting", verbose_name=_("meetings reported"), blank=True, related_name="articles")
    dialogues = models.ManyToManyField("engagement.Dialogue", verbose_name=_("dialogues reported"), blank=True, related_name="articles")
    decisions = models.ManyToManyField("awards.CommendationDecision", verbose_name=_("decisions reported"), blank=True, related_name="articles")
    initiatives = models.ManyToManyField("movement.Initiative", verbose_name=_("models reported"), blank=True, related_name="articles")

    objects = ArticleQuerySet.as_manager()

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")
        ordering = ["-published_at", "-id"]
        indexes = [models.Index(fields=["status", "published_at", "id"], name="article_portal_order"),
                   models.Index(fields=["unit", "status", "published_at"], name="article_unit_portal")]

    LINKS = ("missions", "meetings", "dialogues", "decisions", "initiatives")

    def __str__(self):
        return self.title or str(_("Untitled article"))

    def search_source(self):
        return f"{self.title} {self.lead} {self.byline} {self.tags} {plain_text(self.body)}"

    def get_absolute_url(self):
        return reverse("news:detail", args=[self.pk])

    def public_url(self):
        return reverse("portal:article", args=[self.pk, self.slug or "bai"])

    @property
    def tag_list(self):
        return [tag.strip() for tag in self.tags.split(",") if tag.strip()]

    @property
    def is_public(self):
        return self.status == Status.PUBLISHED and self.published_at is not None and self.published_at <= timezone.now()


class ArticlePhotoQuerySet(ScopedQuerySet):
    def published(self):
        return self.filter(article__in=Article.objects.published())


class ArticlePhoto(ScopedModel):
    """A photo of an article, stored at the page's size and as a thumbnail, re-encoded without metadata."""

    scope_path = "article__unit"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="photos")
    image = models.FileField(_("photo"), upload_to="news/%Y/%m/", validators=[IMAGE_CHECK])
    thumbnail = models.FileField(upload_to="news/%Y/%m/thumbs/", editable=False, blank=True)
    caption = models.CharField(_("caption"), max_length=300, blank=True, help_text=_("For example: Đoàn công tác làm việc tại xã Hiệp Tùng"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = ArticlePhotoQuerySet.as_manager()

    class Meta:
        verbose_name = _("article photo")
        verbose_name_plural = _("article photos")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.caption or self.image.name.rsplit("/", 1)[-1]

    def get_absolute_url(self):
        return self.article.get_absolute_url()


track(Category, Article, ArticlePhoto)
