"""Filters of the initiative lists (page, export and API alike) and the year span of the statistics."""

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from danvan.core.filters import BooleanFilter, CodedChoiceFilter, IdField, IdModelChoiceFilter, OrderingFilter, ScopedFilterSet, YearField, YearFilter
from danvan.movement.choices import HolderKind, InitiativeKind, RecognitionLevel, Status
from danvan.movement.models import Field, Initiative, Phase
from danvan.movement.queries import Span, default_span

SORTS = (
    ("name", "name"), ("registration_year", "registration_year"), ("unit__name", "unit"), ("status", "status"),
    ("highest_level", "level"), ("last_result_on", "last_result"),
)
SORT_LABELS = {
    "name": gettext_lazy("Name"), "registration_year": gettext_lazy("Registration year"), "unit__name": gettext_lazy("Unit"),
    "status": gettext_lazy("Status"), "highest_level": gettext_lazy("Level"), "last_result_on": gettext_lazy("Latest result"),
}


class InitiativeFilter(ScopedFilterSet):
    phase = IdModelChoiceFilter(label=gettext_lazy("Phase"), queryset=Phase.objects.all())
    year = YearFilter(field_name="registration_year")
    field = IdModelChoiceFilter(label=gettext_lazy("Field"), queryset=Field.objects.all(), field_name="fields")
    kind = django_filters.ChoiceFilter(label=gettext_lazy("Kind"), choices=InitiativeKind.choices)
    holder = django_filters.ChoiceFilter(label=gettext_lazy("Holder"), choices=HolderKind.choices)
    status = django_filters.ChoiceFilter(label=gettext_lazy("Status"), choices=Status.choices)
    level = CodedChoiceFilter(label=gettext_lazy("Level"), choices=RecognitionLevel, field_name="highest_level")
    formalism = BooleanFilter(label=gettext_lazy("Formalism"), method="filter_formalism")
    sort = OrderingFilter(label=gettext_lazy("Sort"), fields=SORTS, field_labels=SORT_LABELS)

    class Meta:
        model = Initiative
        fields = ["q", "unit", "phase", "year", "field", "kind", "holder", "status", "level"]

    def filter_formalism(self, queryset, name, value):
        formal = Initiative.objects.formalism().values("pk")
        return queryset.filter(pk__in=formal) if value else queryset.exclude(pk__in=formal)


class UnitQuery(forms.Form):
    """``?unit=``: the unit a page or the statistics are asked about."""

    unit = IdField(label=gettext_lazy("Unit"), required=False)


class SpanQuery(forms.Form):
    phase = IdField(label=gettext_lazy("Phase"), required=False)
    from_year = YearField(label=gettext_lazy("From year"), required=False)
    to_year = YearField(label=gettext_lazy("To year"), required=False)


class BatchQuery(forms.Form):
    """``?year=``: the registration year the appraisal batch screen lists."""

    year = YearField(label=gettext_lazy("Year"), required=False)


def parse_span(params, unit=None):
    """The span asked for: ``phase``, or ``from_year``/``to_year``, else ``default_span(unit)``.

    Raises a ValidationError naming the parameter for a value that is not a phase or a year.
    """
    form = SpanQuery(params)
    if not form.is_valid():
        raise ValidationError(form.errors.as_data())
    phase_id, from_year, to_year = (form.cleaned_data[name] for name in ("phase", "from_year", "to_year"))
    if phase_id is not None:
        phase = Phase.objects.filter(pk=phase_id).first()
        if phase is None:
            raise ValidationError({"phase": _("Unknown phase.")})
        return Span.of_phase(phase)
    if from_year is None and to_year is None:
        return default_span(unit)
    span = Span(from_year or to_year, to_year or from_year)
    if span.to_year < span.from_year:
        raise ValidationError({"to_year": _("The last year cannot be before the first year.")})
    return span
