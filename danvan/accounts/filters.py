import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from danvan.core.choices import Role
from danvan.core.filters import BooleanFilter, BoundedFilterSet, IdModelChoiceFilter, _units_in_scope
from danvan.core.scoping import Scope
from danvan.core.widgets import AutocompleteSelect
from danvan.accounts.models import User

SEARCHED = ("username", "first_name", "last_name", "email")


class UserFilter(BoundedFilterSet):
    """Accounts by name, unit (and below), role and whether they may log in."""

    q = django_filters.CharFilter(label=_("Search"), method="filter_text", max_length=100)
    unit = IdModelChoiceFilter(label=_("Unit"), queryset=_units_in_scope, method="filter_unit",
                               widget=AutocompleteSelect("units:lookup"))
    role = django_filters.ChoiceFilter(label=_("Role"), choices=Role.choices)
    is_active = BooleanFilter(label=_("Active"))

    class Meta:
        model = User
        fields = ["q", "unit", "role", "is_active"]

    def filter_text(self, queryset, name, value):
        for word in value.split():
            queryset = queryset.filter(Q(*[Q(**{f"{field}__icontains": word}) for field in SEARCHED], _connector=Q.OR))
        return queryset

    def filter_unit(self, queryset, name, unit):
        return Scope.of_unit(unit).filter(queryset, "unit")  # path ranges joined, as the scope itself filters
