import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from danvan.core.filters import BooleanFilter, IdField, IdFilter, OrderingFilter, ScopedFilterSet, YearField, YearFilter
from danvan.oversight.choices import FollowUpKind, FollowUpStatus, MeetingKind, MissionKind, MissionStatus
from danvan.oversight.models import Finding, FollowUp, Meeting, Mission, SupervisionPlan


class MissionFilter(ScopedFilterSet):
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=MissionKind.choices)
    status = django_filters.ChoiceFilter(label=_("Status"), choices=MissionStatus.choices)
    year = YearFilter(field_name="planned_start__year")
    directive = IdFilter(label=_("Directive"), field_name="directives")
    o = OrderingFilter(label=_("Sort by"), fields=(("planned_start", "planned_start"), ("status", "status")),
                                      field_labels={"planned_start": _("Planned start"), "status": _("Status")})

    class Meta:
        model = Mission
        fields = ["q", "kind", "status", "year", "unit", "directive"]


class MeetingFilter(ScopedFilterSet):
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=MeetingKind.choices)
    year = YearFilter(field_name="held_on__year")
    o = OrderingFilter(label=_("Sort by"), fields=(("held_on", "held_on"), ("title", "title")),
                                      field_labels={"held_on": _("Date"), "title": _("Title")})

    class Meta:
        model = Meeting
        fields = ["q", "kind", "year", "unit"]


class FollowUpFilter(ScopedFilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), method="filter_status",
                                         choices=[("unfinished", _("Open or in progress")), *FollowUpStatus.choices])
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=FollowUpKind.choices)
    overdue = BooleanFilter(label=_("Overdue only"), method="filter_overdue")
    mission = IdFilter(field_name="mission")
    meeting = IdFilter(field_name="meeting")
    deadline_before = django_filters.DateFilter(label=_("Deadline up to"), field_name="deadline", lookup_expr="lte", input_formats=["%d/%m/%Y", "%Y-%m-%d"])
    o = OrderingFilter(label=_("Sort by"), fields=(("deadline", "deadline"), ("status", "status")),
                                      field_labels={"deadline": _("Deadline"), "status": _("Status")})

    class Meta:
        model = FollowUp
        fields = ["q", "status", "kind", "overdue", "unit", "mission", "meeting"]

    def filter_status(self, queryset, name, value):
        return queryset.unfinished() if value == "unfinished" else queryset.filter(status=value)

    def filter_overdue(self, queryset, name, value):
        return queryset.overdue() if value else queryset


class FindingFilter(ScopedFilterSet):
    mission = IdFilter(field_name="mission")

    class Meta:
        model = Finding
        fields = ["q", "mission", "part"]


class SupervisionPlanFilter(ScopedFilterSet):
    year = YearFilter()

    class Meta:
        model = SupervisionPlan
        fields = ["q", "year", "unit"]


class MonthQuery(forms.Form):
    """``?year=&month=``: the month the calendar shows."""

    year = YearField(label=_("Year"), required=False)
    month = forms.IntegerField(label=_("Month"), min_value=1, max_value=12, required=False)


class PlanQuery(forms.Form):
    """``?plan=``: the supervision plan a new mission carries out."""

    plan = IdField(label=_("Supervision plan"), required=False)
