import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from danvan.core.choices import Level
from danvan.core.filters import BoundedFilterSet, CodedChoiceFilter, IdField, IdFilter
from danvan.core.search import ranked_search
from danvan.units.models import Unit


class UnitFilter(BoundedFilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="filter_text")
    search = django_filters.CharFilter(label=_("Search"), method="filter_text")
    level = CodedChoiceFilter(label=_("Level"), choices=Level)
    valid_at = django_filters.DateFilter(label=_("Valid on"), method="filter_valid_at")
    parent = IdFilter(label=_("Parent unit"), field_name="parent_id")

    class Meta:
        model = Unit
        fields = ["q", "level", "valid_at", "parent"]

    def filter_text(self, queryset, name, value):
        return ranked_search(queryset, value)

    def filter_valid_at(self, queryset, name, value):
        return queryset.valid_at(value)


class ParentQuery(forms.Form):
    """``?parent=``: the commune a new hamlet is added to."""

    parent = IdField(label=_("Parent unit"), required=False)
