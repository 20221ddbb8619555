import django_filters
from django.utils.translation import gettext_lazy as _

from danvan.core.filters import ScopedFilterSet
from danvan.directives.choices import DirectiveStatus, DirectiveType
from danvan.directives.models import Directive, Implementation, Obligation


class DirectiveFilter(ScopedFilterSet):
    symbol = django_filters.CharFilter(label=_("Symbol"), method="filter_symbol")
    doc_type = django_filters.ChoiceFilter(label=_("Type"), choices=DirectiveType.choices)
    status = django_filters.ChoiceFilter(label=_("Status"), choices=DirectiveStatus.choices)
    year = django_filters.NumberFilter(label=_("Year"), field_name="issued_on__year")
    o = django_filters.OrderingFilter(
        label=_("Sort by"),
        fields=(("issued_on", "issued_on"), ("number", "number"), ("doc_type", "doc_type")),
        field_labels={"issued_on": _("Issue date"), "number": _("Number"), "doc_type": _("Type")},
    )

    class Meta:
        model = Directive
        fields = ["q", "symbol", "doc_type", "status", "year", "unit"]

    def filter_symbol(self, queryset, name, value):
        return queryset.with_symbol(value)


class ImplementationFilter(django_filters.FilterSet):
    directive = django_filters.NumberFilter(field_name="directive")
    unit = django_filters.NumberFilter(field_name="unit")

    class Meta:
        model = Implementation
        fields = ["directive", "unit"]


class ObligationFilter(django_filters.FilterSet):
    directive = django_filters.NumberFilter(field_name="directive")

    class Meta:
        model = Obligation
        fields = ["directive", "level"]
