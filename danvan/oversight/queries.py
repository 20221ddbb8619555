"""Read side: open, due-soon and overdue follow-ups, plans planned against done, the month calendar."""

import calendar
import dataclasses
import datetime
import itertools
from urllib.parse import urlencode

from django.db.models import Count, F, Q, Window
from django.db.models.functions import RowNumber
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _, ngettext

from danvan.core.statistics import in_units
from danvan.directives import evidence
from danvan.directives.choices import ObligationState
from danvan.directives.models import ObligationFulfilment
from danvan.directives.queries import ObligationCell, obligations_binding
from danvan.oversight.choices import FollowUpStatus, MissionStatus
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


@dataclasses.dataclass(frozen=True)
class FollowUpRow:
    """One line of a follow-up list with its words made once here: template filters and tags on each
    cell of 50 lines were most of the list page's time."""

    url: str
    text: str
    source: str  # the mission or meeting it came from
    owner: str
    deadline: str
    status: str
    overdue: bool


def follow_up_rows(follow_ups, today=None):
    """The lines a follow-up list shows for ``follow_ups`` (one page of them, owners and sources already joined)."""
    today, unfinished = today or datetime.date.today(), set(FollowUpStatus.unfinished())
    rows = []
    for follow_up in follow_ups:
        source, deadline = follow_up.mission or follow_up.meeting, follow_up.deadline
        rows.append(FollowUpRow(
            follow_up.get_absolute_url(), Truncator(follow_up.text).chars(140), Truncator(str(source)).chars(60) if source else "",
            str(follow_up.owner_organization or follow_up.owner_unit), deadline.strftime("%d/%m/%Y") if deadline else "—",
            follow_up.get_status_display(), follow_up.status in unfinished and deadline is not None and deadline < today,
        ))
    return rows


def plans_with_progress(queryset):
    """Each plan with how many missions it planned and how many are done (concluded or closed)."""
    done = [MissionStatus.CONCLUDED, MissionStatus.CLOSED]
    return queryset.annotate(planned=Count("missions"), done=Count("missions", filter=Q(missions__status__in=done)))


@dataclasses.dataclass
class Day:
    date: datetime.date
    in_month: bool
    events: list


@dataclasses.dataclass(frozen=True)
class Entry:
    """One line on a day of the calendar; ``kind`` names its colour (``CALENDAR_KINDS``)."""

    kind: str
    label: str
    url: str
    overdue: bool = False
    more: bool = False  # the line standing for the day's entries not named
    state: str = ""  # a monthly obligation's state that month when not overdue (met, due)


# (kind, legend): the calendar's legend, in this order; each kind is a CSS class of its colour.
CALENDAR_KINDS = (
    ("mission", _("Missions")), ("meeting", _("Meetings")),
    ("follow-up", _("Follow-up deadlines")), ("obligation", _("Obligations falling due")),
)


def _missions(user, first, last):
    missions = Mission.objects.visible_to(user).filter(planned_start__gte=first, planned_start__lte=last)
    for mission in missions.only("pk", "kind", "subject", "planned_start", "started_on", "status"):
        yield mission.date, Entry("mission", f"{mission.get_kind_display()}: {mission.subject}", mission.get_absolute_url())


def _meetings(user, first, last):
    for meeting in Meeting.objects.visible_to(user).filter(held_on__gte=first, held_on__lte=last).only("pk", "kind", "title", "held_on"):
        yield meeting.held_on, Entry("meeting", meeting.title, meeting.get_absolute_url())


FOLLOW_UPS_PER_DAY = 5  # a province's month can hold thousands of deadlines: a day names a few and links the rest


def _follow_ups(user, first, last, today):
    """Deadlines of the follow-ups still open (done ones no longer fall due): the first few of each day, then a
    line linking the day's others. Two queries however many fall due."""
    due = FollowUp.objects.visible_to(user).due_between(first, last)
    counts = dict(due.order_by().values_list("deadline").annotate(count=Count("pk")))
    ranked = due.annotate(rank=Window(RowNumber(), partition_by=[F("deadline")], order_by=[F("pk").asc()]))
    for follow_up in ranked.filter(rank__lte=FOLLOW_UPS_PER_DAY).select_related("owner_unit", "owner_organization").order_by("deadline", "pk"):
        owner = follow_up.owner_organization or follow_up.owner_unit
        yield follow_up.deadline, Entry("follow-up", f"{owner}: {follow_up.text}", follow_up.get_absolute_url(), follow_up.deadline < today)
    for deadline, count in sorted(counts.items()):
        if count > FOLLOW_UPS_PER_DAY:
            # Open ones due up to that day, latest first: the day's own lead the list.
            query = urlencode({"status": "unfinished", "deadline_before": deadline.isoformat(), "o": "-deadline"})
            more = ngettext("and %(count)d more follow-up", "and %(count)d more follow-ups", count - FOLLOW_UPS_PER_DAY)
            yield deadline, Entry("follow-up", more % {"count": count - FOLLOW_UPS_PER_DAY},
                                  f"{reverse('oversight:follow-up-list')}?{query}", deadline < today, more=True)


def _month_ends(first, last):
    """(year, month, last day) of each month whose last day is shown."""
    ends, month = [], first.replace(day=1)
    while month <= last:
        following = (month + datetime.timedelta(days=31)).replace(day=1)
        end = following - datetime.timedelta(days=1)
        if first <= end <= last:
            ends.append((month.year, month.month, end))
        month = following
    return ends


def _monthly_fulfilments(obligations, unit, years):
    """Per (obligation, year, month): the fulfilments recorded by hand and the evidence other apps register (a
    reception day meets KL 215-KL/TW's month by itself), for ``unit``. One query, plus one per evidence source."""
    found = {}
    for fulfilment in ObligationFulfilment.objects.filter(obligation__in=obligations, unit=unit, year__in=years).select_related("content_type"):
        month = fulfilment.month or (fulfilment.fulfilled_on.month if fulfilment.fulfilled_on else None)
        found.setdefault((fulfilment.obligation_id, fulfilment.year, month), []).append(fulfilment)
    for kind in {obligation.kind for obligation in obligations}:
        items = evidence.found(kind, [unit.pk], min(years), max(years))
        for obligation in (o for o in obligations if o.kind == kind):
            for item in items:
                counted = found.setdefault((obligation.pk, item.year, item.month), [])
                if item.key not in {evidence.fulfilment_key(fulfilment) for fulfilment in counted}:
                    counted.append(item)
    return found


def _obligations(user, first, last, today):
    """The obligations binding the user's own unit whose period ends within the days shown: a yearly one on 31
    December, a monthly one (KL 215-KL/TW's reception days) on each month's last day with that month's state for
    the unit (met, due, overdue). One query for the obligations; when a monthly one binds the unit, one for its
    fulfilments and one per evidence source of its kind."""
    if user.unit is None:
        return
    ends = _month_ends(first, last)
    years = sorted({year for year, _month, _end in ends})
    if not years:
        return
    binding = obligations_binding(user.unit, user, years[0])
    for year in years[1:]:
        binding = binding | obligations_binding(user.unit, user, year)
    obligations = list(binding.order_by("directive", "title", "pk"))
    monthly = [obligation for obligation in obligations if obligation.is_monthly]
    found = _monthly_fulfilments(monthly, user.unit, years) if monthly else {}
    for year, month, end in ends:
        url = f"{reverse('directives:obligations')}?{urlencode({'unit': user.unit.pk, 'year': year})}"
        for obligation in obligations:
            if not obligation.first_year <= year <= (obligation.last_year or year):
                continue
            if obligation.is_monthly:
                period = (year, year, month)
                cell = ObligationCell(obligation, user.unit, period, found.get((obligation.pk, year, month), []), today)
                yield end, Entry("obligation", f"{obligation.title} ({month:02d}/{year})", url, cell.state == ObligationState.OVERDUE,
                                 state=cell.get_state_display() if cell.state != ObligationState.OVERDUE else "")
            elif month == 12 and obligation.deadline_of(obligation.period_of(year)) == end:
                yield end, Entry("obligation", obligation.title, url)


def month_calendar(user, year, month, today=None):
    """Weeks (Monday first) of ``month``, each day with its missions, meetings, open follow-ups' deadlines and the
    obligations falling due (a yearly one on 31 December, a monthly one at each month's end). Five queries, plus
    the monthly obligations' fulfilments and evidence when one binds the user's unit."""
    today = today or datetime.date.today()
    weeks = calendar.Calendar().monthdatescalendar(year, month)
    first, last = weeks[0][0], weeks[-1][-1]
    by_day = {}
    for day, entry in itertools.chain(_missions(user, first, last), _meetings(user, first, last),
                                      _follow_ups(user, first, last, today), _obligations(user, first, last, today)):
        by_day.setdefault(day, []).append(entry)
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
