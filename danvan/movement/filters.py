"""Filters of the initiative lists (page, export and API alike) and the year span of the statistics."""

import django_filters
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from danvan.core.filters import ScopedFilterSet
from danvan.movement.choices import HolderKind, InitiativeKind, RecognitionLevel, Status
from danvan.movement.models import Field, Initiative, Phase
from danvan.movement.queries import Span, default_span

SORTS = (
    ("name", "name"), ("registration_year", "registration_year"), ("unit__name", "unit"), ("status", "status"),
    ("highest_level", "level"), ("last_result_on", "last_result"),
)


class InitiativeFilter(ScopedFilterSet):
    phase = django_filters.ModelChoiceFilter(label=gettext_lazy("Phase"), queryset=Phase.objects.all())
    year = django_filters.NumberFilter(label=gettext_lazy("Year"), field_name="registration_year")
    field = django_filters.ModelChoiceFilter(label=gettext_lazy("Field"), queryset=Field.objects.all(), field_name="fields")
    kind = django_filters.ChoiceFilter(label=gettext_lazy("Kind"), choices=InitiativeKind.choices)
    holder = django_filters.ChoiceFilter(label=gettext_lazy("Holder"), choices=HolderKind.choices)
    status = django_filters.ChoiceFilter(label=gettext_lazy("Status"), choices=Status.choices)
    level = django_filters.TypedChoiceFilter(label=gettext_lazy("Level"), choices=RecognitionLevel.choices, coerce=int, field_name="highest_level")
    formalism = django_filters.BooleanFilter(label=gettext_lazy("Formalism"), method="filter_formalism")
    sort = django_filters.OrderingFilter(label=gettext_lazy("Sort"), fields=SORTS)

    class Meta:
        model = Initiative
        fields = ["q", "unit", "phase", "year", "field", "kind", "holder", "status", "level"]

    def filter_formalism(self, queryset, name, value):
        formal = Initiative.objects.formalism().values("pk")
        return queryset.filter(pk__in=formal) if value else queryset.exclude(pk__in=formal)


def _year(params, key):
    value = params.get(key)
    if value in (None, ""):
        return None
    if not str(value).isdigit() or not 1945 <= int(value) <= 2100:
        raise ValidationError({key: _("“%(value)s” is not a year.") % {"value": value}})
    return int(value)


def parse_span(params):
    """The span asked for: ``phase``, or ``from_year``/``to_year``, else the current phase."""
    phase_id = params.get("phase")
    if phase_id:
        phase = Phase.objects.filter(pk=phase_id).first() if str(phase_id).isdigit() else None
        if phase is None:
            raise ValidationError({"phase": _("Unknown phase.")})
        return Span.of_phase(phase)
    from_year, to_year = _year(params, "from_year"), _year(params, "to_year")
    if from_year is None and to_year is None:
        return default_span()
    span = Span(from_year or to_year, to_year or from_year)
    if span.to_year < span.from_year:
        raise ValidationError({"to_year": _("The last year cannot be before the first year.")})
    return span
