"""Read side of dialogues and petitions, with a fixed number of queries."""

import dataclasses
import datetime

from django.db.models import Count, F, Q, Sum

from danvan.core.choices import Level
from danvan.core.statistics import Reach
from danvan.core.workdays.calendar import working_calendar
from danvan.directives.evidence import Evidence
from danvan.engagement.choices import Channel, DialogueKind, PetitionStatus
from danvan.engagement.models import Dialogue, Petition, PetitionField, PetitionKind


def dialogues_held(unit_ids, first_year, last_year):
    """The dialogues with the people held in ``unit_ids`` in those years: what the yearly dialogue obligation
    (2242-QĐ/TU) counts; reception days are not dialogues. One query."""
    dialogues = Dialogue.objects.filter(unit_id__in=unit_ids, kind__in=DialogueKind.dialogues(),
                                        date__year__gte=first_year, date__year__lte=last_year).order_by("date", "pk")
    return [Evidence(unit_id=d.unit_id, year=d.date.year, record=d, fulfilled_on=d.date) for d in dialogues]



def receptions_held(unit_ids, first_year, last_year):
    """The days the head of the Party committee received citizens (tiếp công dân định kỳ) in ``unit_ids`` in those
    years: what KL 215-KL/TW's reception days a month count. A day counts once however many records it has (the
    first one stands for it). One query."""
    receptions = Dialogue.objects.filter(unit_id__in=unit_ids, kind=DialogueKind.PARTY_RECEPTION,
                                         date__year__gte=first_year, date__year__lte=last_year).order_by("unit_id", "date", "pk")
    days, found = set(), []
    for reception in receptions:
        if (reception.unit_id, reception.date) not in days:
            days.add((reception.unit_id, reception.date))
            found.append(Evidence(unit_id=reception.unit_id, year=reception.date.year, record=reception, fulfilled_on=reception.date))
    return sorted(found, key=lambda item: (item.fulfilled_on, item.record.pk))

# ---------------------------------------------------------------- statistics (issue 12, point 5)

@dataclasses.dataclass(frozen=True)
class StatsQuestion:
    """What the statistics are asked about: the reach of a unit (``Reach``: its subtree and, for a current unit,
    its legacy predecessors'), the period of receipt (both days included), and optional channel, field and kind."""

    reach: Reach
    date_from: datetime.date
    date_to: datetime.date
    channel: str = ""
    field: int | None = None
    kind: int | None = None


def _petitions(question):
    # A matter sent again and merged into the petition kept counts once.
    petitions = Petition.objects.distinct_cases().filter(question.reach.q("unit"), received_on__gte=question.date_from,
                                                         received_on__lte=question.date_to)
    filters = {"channel": question.channel, "field_id": question.field, "kind_id": question.kind}
    return petitions.filter(**{name: value for name, value in filters.items() if value not in (None, "")})


def _figures():
    return dict.fromkeys(FIGURES, 0)


FIGURES = ("received", "answered_on_time", "answered_late", "open", "overdue", "escalated")


def _counted(today):
    """The six figures as conditional counts: on time and late from the recorded answer and the computed
    deadline, overdue from the status and the deadline, escalated (vượt cấp) from the derived flag (never typed)."""
    unanswered = Q(status__in=PetitionStatus.unanswered())
    answered = Q(answered_on__isnull=False)
    return {
        "received": Count("pk"),
        # A petition answered while its deadline still waits for a year's calendar (deadline_pending_year, no
        # deadline yet) counts as answered on time: no deadline could have been missed. Only those from the public
        # page wait so; a staff-entered petition always has its deadline.
        "answered_on_time": Count("pk", filter=answered & (Q(deadline__isnull=True) | Q(answered_on__lte=F("deadline")))),
        "answered_late": Count("pk", filter=answered & Q(answered_on__gt=F("deadline"))),
        "open": Count("pk", filter=unanswered),
        "overdue": Count("pk", filter=unanswered & Q(deadline__lt=today)),
        "escalated": Count("pk", filter=Q(is_escalated=True)),
    }


def _weighted_median(values):
    """Median of ``values`` given as (value, how many) pairs; None when there are none."""
    pairs = sorted(values)
    total = sum(weight for _value, weight in pairs)
    if not total:
        return None

    def nth(index):
        for value, weight in pairs:
            if index < weight:
                return value
            index -= weight

    if total % 2:
        return nth(total // 2)
    return (nth(total // 2 - 1) + nth(total // 2)) / 2


def median_working_days(petitions, calendar=None):
    """Median working days from receipt to answer, over the answered ``petitions``. One query of the distinct
    (received, answered) pairs with their counts: a province's year holds a few thousand pairs, each counted by
    two binary searches on the calendar's ordinals, never a walk over days or over every petition."""
    calendar = calendar or working_calendar()
    pairs = (petitions.filter(answered_on__isnull=False).order_by().values_list("received_on", "answered_on").annotate(n=Count("pk")))
    last = datetime.date(calendar.last_year, 12, 31)
    return _weighted_median([(calendar.count(received, min(answered, last)), n) for received, answered, n in pairs])


def petition_stats(question, today=None):
    """Received, answered on time, answered late, open (not yet answered), overdue, escalated (vượt cấp), and the median working days to
    answer, for the petitions received in the period; with the same figures by field, kind and channel.

    Four queries whatever the data: the counts grouped by (field, kind, channel), the answer pairs for the median,
    and the two catalogues' names (plus the calendar's stamp, cached between calls)."""
    today = today or datetime.date.today()
    petitions = _petitions(question)
    groups = petitions.order_by().values_list("field_id", "kind_id", "channel").annotate(**_counted(today))
    totals, by = _figures(), {"field": {}, "kind": {}, "channel": {}}
    for field, kind, channel, *figures in groups:
        for breakdown, key in (("field", field), ("kind", kind), ("channel", channel)):
            row = by[breakdown].setdefault(key, _figures())
            for name, value in zip(FIGURES, figures):
                row[name] += value
        for name, value in zip(FIGURES, figures):
            totals[name] += value
    names = {"field": dict(PetitionField.objects.values_list("pk", "name")), "kind": dict(PetitionKind.objects.values_list("pk", "name")),
             "channel": dict(Channel.choices)}
    return {
        **totals,
        "median_working_days": median_working_days(petitions),
        **{f"by_{breakdown}": [{"id": key, "name": str(names[breakdown].get(key, key)), **row}
                               for key, row in sorted(rows.items(), key=lambda item: -item[1]["received"])]
           for breakdown, rows in by.items()},
    }


DIALOGUE_FIGURES = ("held", "participants", "opinions_raised", "opinions_answered")


def dialogue_stats(question):
    """Dialogues and receptions held in the period by the level of their unit and their kind: how many, lượt of
    participants, opinions raised and answered on the spot. One query, grouped by (level, kind)."""
    dialogues = Dialogue.objects.filter(question.reach.q("unit"), date__gte=question.date_from, date__lte=question.date_to)
    groups = dialogues.order_by().values_list("unit__level", "kind").annotate(
        held=Count("pk"), participants=Sum("participants"), opinions_raised=Sum("opinions_raised"), opinions_answered=Sum("opinions_answered"))
    totals, rows = dict.fromkeys(DIALOGUE_FIGURES, 0), []
    for level, kind, *figures in groups:
        row = {"level": level, "level_name": str(Level(level).label), "kind": kind, "kind_name": str(DialogueKind(kind).label),
               **dict(zip(DIALOGUE_FIGURES, figures))}
        rows.append(row)
        for name in DIALOGUE_FIGURES:
            totals[name] += row[name] or 0
    rows.sort(key=lambda row: (row["level"], list(DialogueKind).index(row["kind"])))
    return {**totals, "by_level_and_kind": rows}


def statistics(question):
    """The figures of the statistics page, its export and the API: the petitions received and the dialogues held
    in the period."""
    return {**petition_stats(question), "date_from": question.date_from, "date_to": question.date_to, "dialogues": dialogue_stats(question)}


# ---------------------------------------------------------------- status labels (issue 12, point 2)

def province_id_of(unit):
    ancestors = unit.ancestor_ids()
    return ancestors[0] if ancestors else unit.pk


def status_labeller():
    """petition → its status as its province words it (``PetitionStatusLabel``), else the default label. One
    query however many petitions are labelled: the catalogue holds at most a few labels per province."""
    from danvan.engagement.models import PetitionStatusLabel

    # Unordered: the model's ordering by unit joined the units table to sort rows read into a dict.
    rows = PetitionStatusLabel.objects.order_by().values_list("unit_id", "status", "label")
    labels = {(unit_id, status): label for unit_id, status, label in rows}
    # The default labels in the reader's language, read once: get_status_display() rebuilds the choices' dict at each call.
    defaults = {status: str(label) for status, label in PetitionStatus.choices}
    return lambda petition: labels.get((province_id_of(petition.unit), petition.status)) or defaults.get(petition.status, petition.status)


def label_statuses(petitions):
    """Set ``status_label`` on each petition (see ``status_labeller``); returns them as a list."""
    petitions, label = list(petitions), status_labeller()
    for petition in petitions:
        petition.status_label = label(petition)
    return petitions


def status_label(petition):
    return label_statuses([petition])[0].status_label


# ---------------------------------------------------------------- the public page (issue 12, point 6)

def public_provinces():
    from danvan.units.models import Unit

    return Unit.objects.current().filter(level=Level.PROVINCE).order_by("name")


def public_communes(province=None):
    """The communes of today the public page writes to: those with a People's Committee in office."""
    from danvan.organizations.choices import KindCategory
    from danvan.units.models import Unit

    today = datetime.date.today()
    communes = Unit.objects.current().filter(level=Level.COMMUNE).filter(
        Q(organizations__kind__category=KindCategory.GOVERNMENT),
        Q(organizations__valid_from__isnull=True) | Q(organizations__valid_from__lte=today),
        Q(organizations__valid_to__isnull=True) | Q(organizations__valid_to__gte=today))
    if province is not None:
        communes = communes.filter(path__startswith=province.path)
    return communes.distinct().order_by("name")
