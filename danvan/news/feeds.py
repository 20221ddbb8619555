"""RSS and Atom feeds of the portal: everything published, one unit's (with the units below it), one category's."""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from danvan.core.scoping import Scope
from danvan.news.models import Article, Category
from danvan.units.models import Unit

FEED_SIZE = 30


class ArticleFeed(Feed):
    def title(self, obj=None):
        return _("News of %(unit)s") % {"unit": obj} if obj is not None else _("News · Dân Vận")

    def link(self, obj=None):
        if isinstance(obj, Unit):
            return reverse("portal:unit", args=[obj.pk])
        return obj.get_absolute_url() if obj is not None else reverse("portal:home")

    def description(self, obj=None):
        return _("The latest published articles.")

    def articles(self, obj):
        return Article.objects.published()

    def items(self, obj=None):
        return self.articles(obj).select_related("unit").order_by("-published_at", "-id")[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_link(self, item):
        return item.public_url()

    def item_pubdate(self, item):
        return item.published_at

    def item_author_name(self, item):
        return item.byline or str(item.unit)

    def item_categories(self, item):
        return item.tag_list


class AtomArticleFeed(ArticleFeed):
    feed_type = Atom1Feed
    subtitle = ArticleFeed.description


class UnitFeed(ArticleFeed):
    def get_object(self, request, pk):
        return get_object_or_404(Unit, pk=pk)

    def articles(self, obj):
        return Scope.of_unit(obj).filter(super().articles(obj), "unit")


class CategoryFeed(ArticleFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Category, slug=slug)

    def articles(self, obj):
        return super().articles(obj).filter(categories=obj)
