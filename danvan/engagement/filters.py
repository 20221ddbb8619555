import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

import datetime

from danvan.core.filters import (
    BooleanFilter, IdField, IdFilter, IdModelChoiceField, IdModelChoiceFilter, OrderingFilter, ScopedFilterSet, YearField, YearFilter,
)
from danvan.core.periods import PeriodQuery
from danvan.engagement.choices import Channel, DialogueKind, StatusType
from danvan.engagement.models import Dialogue, HotCase, Petition, PetitionField, PetitionKind
from danvan.engagement.queries import StatsQuestion
from danvan.engagement.reports import PERIOD_CODES as REPORT_PERIODS


class DialogueFilter(ScopedFilterSet):
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=DialogueKind.choices)
    year = YearFilter(field_name="date__year")
    o = OrderingFilter(label=_("Sort by"), fields=(("date", "date"), ("participants", "participants")),
                       field_labels={"date": _("Date"), "participants": _("Participants")})

    class Meta:
        model = Dialogue
        fields = ["q", "unit", "year", "kind"]


class PetitionFilter(ScopedFilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=StatusType.choices, method="filter_status")
    overdue = BooleanFilter(label=_("Overdue only"), method="filter_overdue")
    escalated = BooleanFilter(label=pgettext_lazy("petition", "Escalated"), field_name="is_escalated")
    kind = IdModelChoiceFilter(label=_("Kind"), queryset=PetitionKind.objects.all())
    field = IdModelChoiceFilter(label=_("Field"), queryset=PetitionField.objects.all())
    dialogue = IdFilter(field_name="dialogue")
    o = OrderingFilter(label=_("Sort by"), fields=(("received_on", "received_on"), ("deadline", "deadline")),
                       field_labels={"received_on": _("Received on"), "deadline": _("Deadline")})

    class Meta:
        model = Petition
        fields = ["q", "unit", "status", "overdue", "escalated", "kind", "field", "dialogue"]

    def filter_status(self, queryset, name, value):
        return queryset.of_type(value)

    def filter_overdue(self, queryset, name, value):
        return queryset.overdue() if value else queryset


class DialogueQuery(forms.Form):
    """``?dialogue=``: the dialogue a new petition was raised at."""

    dialogue = IdField(label=_("Dialogue"), required=False)


class StatsQuery(PeriodQuery):
    """``?unit=&from=YYYY-MM-DD&to=YYYY-MM-DD&channel=&field=&kind=``: what the petition statistics are asked
    about. The unit must be within the user's scope; by default the whole scope, this year up to today."""

    channel = forms.ChoiceField(label=_("Channel"), choices=[("", "---------"), *Channel.choices], required=False)
    field = IdModelChoiceField(label=_("Field"), queryset=PetitionField.objects.all(), required=False)
    kind = IdModelChoiceField(label=_("Kind"), queryset=PetitionKind.objects.all(), required=False)
    # The working calendar, which petition deadlines are counted on, starts there.
    first_day = datetime.date(2000, 1, 1)
    first_day_message = _("The statistics start on 01/01/2000 at the earliest.")

    def question(self):
        """The ``StatsQuestion`` of a valid form: the reach of the unit asked about, else the user's whole scope."""
        data = self.cleaned_data
        date_from, date_to = self.span()
        return StatsQuestion(self.reach(), date_from, date_to, data.get("channel") or "",
                             getattr(data.get("field"), "pk", None), getattr(data.get("kind"), "pk", None))


class HotCaseFilter(ScopedFilterSet):
    """``?unit={id}&settled=true|false&q=``: a unit's hot cases (its subtree included)."""

    settled = BooleanFilter(label=_("Settled"), method="filter_settled")

    class Meta:
        model = HotCase
        fields = ["q", "unit", "settled"]

    def filter_settled(self, queryset, name, value):
        return queryset.filter(settled_on__isnull=not value)


class ReportQuery(forms.Form):
    """``?year=YYYY&period=``: which KL 215-KL/TW report (a month m01 … m12, q1, 6m, 9m or year); this month by default."""

    year = YearField(label=_("Year"), required=False)
    period = forms.ChoiceField(label=_("Reporting period"), required=False,
                               choices=[("", "---------"), *((code, code) for code in REPORT_PERIODS)])
