"""Filters shared by the lists of every app."""

import django_filters
from django.utils.translation import gettext_lazy as _

from danvan.core.scoping import subtree_q
from danvan.core.search import search_queryset


class ScopedFilterSet(django_filters.FilterSet):
    """Adds diacritic-insensitive text search and "in this unit or below" to a list's filters."""

    q = django_filters.CharFilter(label=_("Search"), method="filter_text")
    unit = django_filters.NumberFilter(label=_("Unit"), method="filter_unit_subtree")

    def filter_text(self, queryset, name, value):
        return search_queryset(queryset, value)

    def filter_unit_subtree(self, queryset, name, value):
        from danvan.units.models import Unit

        unit = Unit.objects.filter(pk=value).first()
        if unit is None:
            return queryset.none()
        units = Unit.objects.filter(subtree_q(unit.path)).values("pk")
        return queryset.filter(**{f"{queryset.model.scope_path}__in": units})
