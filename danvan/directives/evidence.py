"""Records of other apps that meet an obligation by themselves, without anyone linking them by hand.

An app whose records are the work an obligation asks for (engagement's dialogues meet the yearly
dialogue of 2242-QĐ/TU) registers a source in its ``AppConfig.ready``::

    evidence.register(ObligationKind.DIALOGUE, dialogues_held)

``source(unit_ids, first_year, last_year)`` returns the records held in those units and years as
``Evidence``; the obligations' state (``queries.obligation_status``, ``obligations_of_unit``) counts them
beside the fulfilments recorded by hand. Directives imports none of those apps.

Sources are asked for whole years, for yearly and monthly obligations alike: each Evidence carries its day, and
its ``month`` (that day's, unless the source says otherwise) places it in a month of a monthly obligation
(KL 215-KL/TW's reception days, ``engagement.queries.receptions_held``). ``found(..., months=...)`` keeps only
the evidence of those months.
"""

import dataclasses
import datetime

_SOURCES = {}


@dataclasses.dataclass(frozen=True)
class Evidence:
    """One record that meets an obligation, shown like a fulfilment (``record``, ``description``, ``fulfilled_on``)."""

    unit_id: int
    year: int
    record: object
    fulfilled_on: datetime.date
    description: str = ""
    month_counted: int | None = None  # the month it counts for, when not its day's

    @property
    def month(self):
        return self.month_counted or self.fulfilled_on.month

    @property
    def key(self):
        return (self.record._meta.label_lower, self.record.pk)


def register(kind, source):
    _SOURCES.setdefault(kind, []).append(source)


def found(kind, unit_ids, first_year, last_year, months=None):
    """Every registered record of ``kind`` in ``unit_ids`` and the years [first_year, last_year] (and, when given,
    only in ``months``, numbers 1–12): one query per source."""
    if not unit_ids:
        return []
    items = [item for source in _SOURCES.get(kind, ()) for item in source(list(unit_ids), first_year, last_year)]
    if months is not None:
        months = set(months)
        items = [item for item in items if item.month in months]
    return items


def fulfilment_key(fulfilment):
    """The record a hand-recorded fulfilment (or an Evidence already counted) names, so that the same record is
    never counted twice."""
    if isinstance(fulfilment, Evidence):
        return fulfilment.key
    if fulfilment.content_type_id is None:
        return None
    return (f"{fulfilment.content_type.app_label}.{fulfilment.content_type.model}", fulfilment.object_id)
