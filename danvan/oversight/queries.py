"""Read side: open, due-soon and overdue follow-ups, plans planned against done, the month calendar."""

import calendar
import dataclasses
import datetime

from django.db.models import Count, Q

from danvan.core.statistics import in_units
from danvan.oversight.choices import MissionStatus
from danvan.oversight.models import FollowUp, Meeting, Mission

DUE_SOON_DAYS = 14


def follow_ups_for(user):
    return FollowUp.objects.visible_to(user).select_related("owner_unit", "owner_organization", "mission", "meeting")


def open_follow_ups(user):
    """Follow-ups of the user's units still open or in progress, the nearest deadline first."""
    return follow_ups_for(user).unfinished().order_by("deadline", "pk")


def due_soon(user, today=None, days=DUE_SOON_DAYS):
    today = today or datetime.date.today()
    return follow_ups_for(user).due_between(today, today + datetime.timedelta(days=days)).order_by("deadline", "pk")


def overdue(user, today=None):
    return follow_ups_for(user).overdue(today).order_by("deadline", "pk")


def plans_with_progress(queryset):
    """Each plan with how many missions it planned and how many are done (concluded or closed)."""
    done = [MissionStatus.CONCLUDED, MissionStatus.CLOSED]
    return queryset.annotate(planned=Count("missions"), done=Count("missions", filter=Q(missions__status__in=done)))


@dataclasses.dataclass
class Day:
    date: datetime.date
    in_month: bool
    events: list


def month_calendar(user, year, month):
    """Weeks (Monday first) of ``month``, each day with the missions and meetings on it. Two queries."""
    weeks = calendar.Calendar().monthdatescalendar(year, month)
    first, last = weeks[0][0], weeks[-1][-1]
    by_day = {}
    missions = Mission.objects.visible_to(user).filter(planned_start__gte=first, planned_start__lte=last).only("pk", "kind", "subject", "planned_start", "started_on", "status")
    for mission in missions:
        by_day.setdefault(mission.date, []).append(("mission", mission))
    for meeting in Meeting.objects.visible_to(user).filter(held_on__gte=first, held_on__lte=last).only("pk", "kind", "title", "held_on"):
        by_day.setdefault(meeting.held_on, []).append(("meeting", meeting))
    return [[Day(day, day.month == month, by_day.get(day, [])) for day in week] for week in weeks]


TOP_ORGANIZATIONS = 10


def follow_ups_by_organization(follow_ups, today=None, limit=TOP_ORGANIZATIONS):
    """(organisation, open, overdue) of the owners with the most unfinished follow-ups, in one query.

    Follow-ups without an organisation (owned by a unit only) count together under ``None``."""
    today = today or datetime.date.today()
    rows = (
        follow_ups.unfinished().values("owner_organization", "owner_organization__name")
        .annotate(open=Count("pk"), overdue=Count("pk", filter=Q(deadline__lt=today)))
        .order_by("-open", "-overdue", "owner_organization__name")[:limit]
    )
    return [(row["owner_organization__name"], row["open"], row["overdue"]) for row in rows]


def follow_up_section(units, span):
    """The statistics' follow-ups by organisation: those open today among ``units`` (the span does not apply,
    a recommendation stays open until done whatever year it was made)."""
    rows = follow_ups_by_organization(FollowUp.objects.filter(in_units("owner_unit", units)))
    return {"follow_ups_by_organization": [{"organization": name, "open": opened, "overdue": overdue} for name, opened, overdue in rows]}
