"""Read side of dialogues and petitions, with a fixed number of queries."""

from danvan.directives.evidence import Evidence
from danvan.engagement.choices import DialogueKind
from danvan.engagement.models import Dialogue


def dialogues_held(unit_ids, first_year, last_year):
    """The dialogues with the people held in ``unit_ids`` in those years: what the yearly dialogue obligation
    (2242-QĐ/TU) counts; reception days are not dialogues. One query."""
    dialogues = Dialogue.objects.filter(unit_id__in=unit_ids, kind__in=DialogueKind.dialogues(),
                                        date__year__gte=first_year, date__year__lte=last_year).order_by("date", "pk")
    return [Evidence(unit_id=d.unit_id, year=d.date.year, record=d, fulfilled_on=d.date) for d in dialogues]
