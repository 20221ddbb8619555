"""THE registry of computed indicators: code -> (source, key). A source is ``source(units, date_from, date_to)``
returning a dict of figures, read once per question however many of its keys are asked; ``units`` is a
``core.statistics.Reach`` (subtrees by path, legacy predecessors included), never a list of ids.

Reporting sits above the domain apps and reads their ``queries.py``; they never import it."""

from django.db.models import Count, Q

from danvan.awards.queries import commendation_section
from danvan.core.statistics import in_units
from danvan.engagement.choices import DialogueKind
from danvan.engagement.models import Dialogue
from danvan.engagement.queries import StatsQuestion, petition_stats
from danvan.members.queries import MemberQuestion, member_stats
from danvan.movement import queries as movement_queries
from danvan.oversight.choices import FollowUpKind
from danvan.oversight.models import FollowUp, Mission

_COMPUTED = {}


def register(source, **codes):
    """``register(petitions, **{"engagement.petitions.received": "received"})``: each code reads its key of ``source``."""
    for code, key in codes.items():
        _COMPUTED[code] = (source, key)


def is_computed(code):
    return code in _COMPUTED


def computed_values(codes, units, date_from, date_to):
    """{code: figure} for the computed ``codes`` among those asked, each source asked once."""
    answers, values = {}, {}
    for code in codes:
        if code not in _COMPUTED:
            continue
        source, key = _COMPUTED[code]
        if source not in answers:
            answers[source] = source(units, date_from, date_to)
        values[code] = answers[source][key]
    return values


def _span(date_from, date_to):
    # The movement counts registrations and recognitions by year (seed 002's "giai đoạn 2016-2020").
    return movement_queries.Span(date_from.year, date_to.year)


def movement(units, date_from, date_to):
    span = _span(date_from, date_to)
    rows = movement_queries._counts(units, "initiative", movement_queries.LEVEL)
    recognised = movement_queries._recognition_counts(rows, span)
    return {"registered": movement_queries._registration_counts(rows, span)["registered"], **recognised}


def commendations(units, date_from, date_to):
    return commendation_section(units, _span(date_from, date_to))["commended_by_recipient"]


def missions(units, date_from, date_to):
    ended = {"ended_on__gte": date_from, "ended_on__lte": date_to}
    held = Mission.objects.filter(in_units("unit", units), **ended).count()
    recommendations = FollowUp.objects.filter(
        in_units("mission__unit", units), kind=FollowUpKind.RECOMMENDATION,
        **{f"mission__{name}": day for name, day in ended.items()}).count()
    return {"missions": held, "recommendations": recommendations}


def engagement(units, date_from, date_to):
    petitions = petition_stats(StatsQuestion(units, date_from, date_to))
    dialogues = Dialogue.objects.filter(in_units("unit", units), date__gte=date_from, date__lte=date_to).aggregate(
        held=Count("pk", filter=Q(kind__in=DialogueKind.dialogues())))
    return {"received": petitions["received"], "settled": petitions["answered_on_time"] + petitions["answered_late"],
            "dialogues": dialogues["held"]}


def members(units, date_from, date_to):
    # Memberships (lượt) as of the span's last day, as seed 000 counts "tổng số … 22.896 đoàn viên, hội viên".
    figures = member_stats(MemberQuestion(units, date_from, date_to))
    return {"new": figures["new"], "total": figures["memberships"]}


register(movement, **{"movement.registered": "registered", "movement.recognised.commune": "commune",
                      "movement.recognised.district": "district", "movement.recognised.province": "province"})
register(members, **{"members.new": "new", "members.total": "total"})
register(commendations, **{"awards.commended.collective": "collective", "awards.commended.individual": "individual"})
register(missions, **{"oversight.missions": "missions", "oversight.recommendations": "recommendations"})
register(engagement, **{"engagement.dialogues": "dialogues", "engagement.petitions.received": "received",
                        "engagement.petitions.settled": "settled"})
