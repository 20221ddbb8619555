"""Read side of memberships: who counted where as of a date and over a span, for any unit (legacy or current) and
organisation, lượt (memberships) beside người (distinct persons), with rates against the stored denominators.

Every figure is read from the placements (the branch, so the unit, a member was in on each day) in a fixed number of
queries whatever the number of members: the figures by organisation in one grouped query, each breakdown in one more,
the denominators in one."""

import dataclasses
import datetime

from django.db.models import Case, CharField, Count, Q, Value, When
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from danvan.core.statistics import Reach
from danvan.members.models import EligiblePopulation, MembershipPlacement
from danvan.people.models import Gender, OccupationGroup

FIGURES = ("memberships", "persons", "new", "left", "core")

# Age bands as member reports group them (the Youth Union's 16–30 first); the age is the one reached in the year asked.
AGE_BANDS = ((30, gettext_lazy("Up to 30")), (45, gettext_lazy("31 to 45")), (60, gettext_lazy("46 to 60")))
OVER_SIXTY = gettext_lazy("Over 60")
UNKNOWN = gettext_lazy("Not recorded")
NO_RELIGION = gettext_lazy("No religion")


@dataclasses.dataclass(frozen=True)
class MemberQuestion:
    """What the counts are asked about: a reach (``Reach.of(unit)``: its subtree and the legacy ones that became part
    of it), a span (both days included; the totals are as of its last day) and optionally one organisation kind."""

    reach: Reach
    date_from: datetime.date
    date_to: datetime.date
    kind: int | None = None


def _open_at(day):
    return Q(valid_from__lte=day) & (Q(valid_to__isnull=True) | Q(valid_to__gte=day))


def _placements(reach, kind=None):
    placements = MembershipPlacement.objects.filter(reach.q("unit")).order_by()
    return placements if kind is None else placements.filter(membership__kind_id=kind)


def _counted(question):
    """The five figures as conditional counts: memberships, persons and core members as of the span's last day, new
    (joined the organisation in the span) and left (left it in the span); a transfer is neither."""
    at_end = _open_at(question.date_to)
    new = Q(joined_here=True, valid_from__gte=question.date_from, valid_from__lte=question.date_to)
    left = Q(left_here=True, valid_to__gte=question.date_from, valid_to__lte=question.date_to)
    return at_end | new | left, {
        "memberships": Count("pk", filter=at_end),
        "persons": Count("membership__person_id", distinct=True, filter=at_end),
        "new": Count("pk", filter=new),
        "left": Count("pk", filter=left),
        "core": Count("pk", filter=at_end & Q(membership__is_core=True)),
    }


def persons_at(reach, day, kind=None):
    """How many distinct persons are members (of ``kind``, else of any organisation) within ``reach`` on ``day``."""
    return _placements(reach, kind).filter(_open_at(day)).aggregate(n=Count("membership__person_id", distinct=True))["n"]


def _with_growth(figures):
    return {**figures, "net_growth": figures["new"] - figures["left"]}


def rate(numerator, denominator):
    """"x/y (p%)" as reports write a rate; "x/—" without a stored denominator."""
    if not denominator:
        return f"{number_format(numerator, force_grouping=True)}/—"
    share = number_format(round(100 * numerator / denominator, 1), decimal_pos=1)
    return f"{number_format(numerator, force_grouping=True)}/{number_format(denominator, force_grouping=True)} ({share}%)"


def _denominators(reach, year):
    """{kind id: the eligible population of the reach in ``year``}: where a unit and a unit within it both have one,
    the outer one counts (its definition covers the inner), so nothing is added twice."""
    rows = sorted(EligiblePopulation.objects.filter(reach.q("unit"), year=year).values_list("kind_id", "unit__path", "count"),
                  key=lambda row: len(row[1]))
    kept = {}
    for kind, path, count in rows:
        outer = kept.setdefault(kind, [])
        if not any(path.startswith(prefix) for prefix, _count in outer):
            outer.append((path, count))
    return {kind: sum(count for _path, count in outer) for kind, outer in kept.items()}


def _age_band(year):
    born = "membership__person__birth_year"
    whens = [When(**{f"{born}__gte": year - limit}, then=Value(str(label))) for limit, label in AGE_BANDS]
    return Case(When(**{f"{born}__isnull": True}, then=Value(str(UNKNOWN))), *whens, default=Value(str(OVER_SIXTY)),
                output_field=CharField())


def _breakdown(placements, key, labels=None, blank=UNKNOWN):
    """[(label, memberships, persons)] of the members as of the day ``placements`` were filtered for, grouped by ``key``;
    ``blank`` names those without a value."""
    groups = placements.values_list(key).annotate(memberships=Count("pk"), persons=Count("membership__person_id", distinct=True))
    rows = [(str((labels or {}).get(value, value)) if value not in (None, "") else str(blank), memberships, persons)
            for value, memberships, persons in groups]
    return sorted(rows, key=lambda row: -row[1])


def _ethnicities(at_end):
    """Each ethnic group's members, after the members from ethnic minorities taken together (what reports cite)."""
    groups = at_end.values_list("membership__person__ethnicity__name", "membership__person__ethnicity__minority").annotate(
        memberships=Count("pk"), persons=Count("membership__person_id", distinct=True))
    rows = sorted(groups, key=lambda row: -row[2])
    minorities = [row for row in rows if row[1]]
    total = (str(_("Ethnic minorities")), sum(row[2] for row in minorities), sum(row[3] for row in minorities))
    return [total] + [(str(name) if name else str(UNKNOWN), memberships, persons) for name, _minority, memberships, persons in rows]


def _breakdowns(question):
    at_end = _placements(question.reach, question.kind).filter(_open_at(question.date_to))
    order = {str(label): index for index, label in enumerate([*(label for _limit, label in AGE_BANDS), OVER_SIXTY, UNKNOWN])}
    return {
        "sex": _breakdown(at_end, "membership__person__gender", dict(Gender.choices)),
        "age": sorted(_breakdown(at_end.annotate(band=_age_band(question.date_to.year)), "band"), key=lambda row: order[row[0]]),
        "ethnicity": _ethnicities(at_end),
        "religion": _breakdown(at_end, "membership__person__religion__name", blank=NO_RELIGION),
        "occupation": _breakdown(at_end, "membership__person__occupation_group", dict(OccupationGroup.choices)),
    }


def member_stats(question):
    """The counts of ``question``: totals (memberships and persons as of the last day, new, left, net growth, core), the
    same by organisation kind with its rate against the stored denominator of the last day's year, and the members of
    the last day by sex, age band, ethnicity, religion and occupation. Eight queries whatever the data."""
    condition, counted = _counted(question)
    placements = _placements(question.reach, question.kind).filter(condition)
    totals = _with_growth(placements.aggregate(**counted))
    denominators = _denominators(question.reach, question.date_to.year)
    by_kind = []
    for kind, name, *figures in placements.values_list("membership__kind_id", "membership__kind__name").annotate(**counted):
        row = _with_growth(dict(zip(FIGURES, figures)))
        eligible = denominators.get(kind)
        by_kind.append({"kind": kind, "name": name, **row, "eligible": eligible, "rate": rate(row["persons"], eligible)})
    by_kind.sort(key=lambda row: row["name"])
    return {**totals, "by_organization": by_kind, "breakdowns": _breakdowns(question)}
