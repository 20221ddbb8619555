import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from danvan.core.choices import Level
from danvan.core.filters import BoundedFilterSet, IdField, IdFilter, OrderingFilter, ScopedFilterSet, YearField, YearFilter
from danvan.directives.choices import DirectiveStatus, DirectiveType
from danvan.directives.models import Directive, Implementation, Obligation


class DirectiveFilter(ScopedFilterSet):
    symbol = django_filters.CharFilter(label=_("Symbol"), method="filter_symbol")
    doc_type = django_filters.ChoiceFilter(label=_("Type"), choices=DirectiveType.choices)
    status = django_filters.ChoiceFilter(label=_("Status"), choices=DirectiveStatus.choices)
    year = YearFilter(field_name="issued_on__year")
    o = OrderingFilter(
        label=_("Sort by"),
        fields=(("issued_on", "issued_on"), ("number", "number"), ("doc_type", "doc_type")),
        field_labels={"issued_on": _("Issue date"), "number": _("Number"), "doc_type": _("Type")},
    )

    class Meta:
        model = Directive
        fields = ["q", "symbol", "doc_type", "status", "year", "unit"]

    def filter_symbol(self, queryset, name, value):
        return queryset.with_symbol(value)


class ImplementationFilter(BoundedFilterSet):
    directive = IdFilter(field_name="directive")
    unit = IdFilter(field_name="unit")

    class Meta:
        model = Implementation
        fields = ["directive", "unit"]


class ObligationFilter(BoundedFilterSet):
    directive = IdFilter(field_name="directive")

    class Meta:
        model = Obligation
        fields = ["directive", "level"]


class MatrixQuery(forms.Form):
    """``?level=``: which level of units the implementation matrix lists."""

    level = forms.TypedChoiceField(label=_("Level"), choices=Level.choices, coerce=int, required=False, empty_value=None)


class ObligationStatusQuery(forms.Form):
    year = YearField(label=_("Year"), required=False)
    unit = IdField(label=_("Unit"), required=False)
