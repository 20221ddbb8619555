import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from danvan.core.filters import BooleanFilter, IdField, IdFilter, IdModelChoiceFilter, OrderingFilter, ScopedFilterSet, YearFilter
from danvan.engagement.choices import DialogueKind, StatusType
from danvan.engagement.models import Dialogue, Petition, PetitionField, PetitionKind


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
    kind = IdModelChoiceFilter(label=_("Kind"), queryset=PetitionKind.objects.all())
    field = IdModelChoiceFilter(label=_("Field"), queryset=PetitionField.objects.all())
    dialogue = IdFilter(field_name="dialogue")
    o = OrderingFilter(label=_("Sort by"), fields=(("received_on", "received_on"), ("deadline", "deadline")),
                       field_labels={"received_on": _("Received on"), "deadline": _("Deadline")})

    class Meta:
        model = Petition
        fields = ["q", "unit", "status", "overdue", "kind", "field", "dialogue"]

    def filter_status(self, queryset, name, value):
        return queryset.of_type(value)

    def filter_overdue(self, queryset, name, value):
        return queryset.overdue() if value else queryset


class DialogueQuery(forms.Form):
    """``?dialogue=``: the dialogue a new petition was raised at."""

    dialogue = IdField(label=_("Dialogue"), required=False)
