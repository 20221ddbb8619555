import django_filters
from django.utils.translation import gettext_lazy as _

from danvan.core.filters import ScopedFilterSet
from danvan.news.choices import Status
from danvan.news.models import Article


class ArticleFilter(ScopedFilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=Status.choices)

    class Meta:
        model = Article
        fields = ["q", "status"]
