"""Filters shared by the lists of every app."""

import django_filters
from django.utils.translation import gettext_lazy as _

from django.apps import apps

from danvan.core.scoping import unit_reach
from danvan.core.widgets import AutocompleteSelect
from danvan.core.search import search_queryset


def _units_in_scope(request):
    units = apps.get_model("units", "Unit").objects
    return units.visible_to(request.user) if request is not None else units.none()


class ScopedFilterSet(django_filters.FilterSet):
    """Adds diacritic-insensitive text search and "in this unit or below" to a list's filters."""

    q = django_filters.CharFilter(label=_("Search"), method="filter_text")
    unit = django_filters.ModelChoiceFilter(
        label=_("Unit"), queryset=_units_in_scope, method="filter_unit_subtree", widget=AutocompleteSelect("units:lookup")
    )

    def filter_text(self, queryset, name, value):
        return search_queryset(queryset, value)

    def filter_unit_subtree(self, queryset, name, unit):
        return queryset.filter(**{f"{queryset.model.scope_path}__in": unit_reach(unit).values("pk")})
