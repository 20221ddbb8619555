"""Kết luận 215-KL/TW (23/11/2025): the head of a province's Party committee receives citizens at least 1 day a month
and a commune's at least 2, from 2026. The demo registers it in today's tỉnh Cà Mau with its two monthly obligations,
and records a few reception days of the Party secretary of xã Năm Căn in the first half of 2026, so that the
obligations page shows months met and months overdue (``engagement.queries.receptions_held`` counts them by
themselves).

The secretary's name and the days are sample data, said so in each record. ``build(story, directive)`` is
idempotent: each record is looked up by its natural key first.
"""

import datetime

from danvan.core.choices import Level
from danvan.core.services import save_record
from danvan.demo.world import REFORM, hold, organization, person
from danvan.directives.choices import ObligationKind, PeriodUnit
from danvan.directives.models import Obligation
from danvan.engagement import services
from danvan.engagement.choices import DialogueKind
from danvan.engagement.models import Dialogue
from danvan.units.services import find_official

D = datetime.date
ISSUED = D(2025, 11, 23)
OBLIGATIONS = [
    # level, times a month, title
    (Level.PROVINCE, 1, "Người đứng đầu cấp ủy cấp tỉnh tiếp công dân định kỳ ít nhất 01 ngày/tháng"),
    (Level.COMMUNE, 2, "Người đứng đầu cấp ủy cấp xã tiếp công dân định kỳ ít nhất 02 ngày/tháng"),
]
SECRETARY = "Nguyễn Văn An"
# Two days in January, March and May (met); one in February and June, none in April (overdue).
DAYS = [D(2026, 1, 8), D(2026, 1, 22), D(2026, 2, 12), D(2026, 3, 5), D(2026, 3, 19), D(2026, 5, 7), D(2026, 5, 21), D(2026, 6, 11)]


def obligations(story, conclusion):
    found = {o.title: o for o in Obligation.objects.filter(directive=conclusion)}
    made = []
    for level, times, title in OBLIGATIONS:
        if title not in found:
            story.on(ISSUED)
            found[title] = save_record(story.user, Obligation(
                directive=conclusion, title=title, kind=ObligationKind.RECEPTION, level=level, period_unit=PeriodUnit.MONTH,
                times=times, first_year=2026,
            ))
        made.append(found[title])
    return made


def build(story):
    """The reception days of xã Năm Căn (today's Cà Mau) in 2026."""
    commune = find_official(Level.COMMUNE, "Năm Căn", parent=story.places.current_ca_mau, legacy=False)
    story.on(REFORM)
    party = organization(story, f"Đảng ủy {commune.type_word} {commune.name}", "dang-uy-xa", commune, valid_from=REFORM)
    secretary = person(story, SECRETARY, commune, "male")
    hold(story, secretary, party, "Bí thư Đảng ủy xã", valid_from=REFORM)
    held = set(Dialogue.objects.filter(unit=commune, kind=DialogueKind.PARTY_RECEPTION).values_list("date", flat=True))
    for day in DAYS:
        if day in held or day > datetime.date.today():
            continue
        story.on(day)
        services.record_dialogue(story.user, Dialogue(
            kind=DialogueKind.PARTY_RECEPTION, unit=commune, chair=secretary, date=day, place=f"Trụ sở Đảng ủy {commune.type_word} {commune.name}",
            participants=6, opinions_raised=4, opinions_answered=3,
            summary=("Bí thư Đảng ủy xã tiếp công dân định kỳ theo Kết luận 215-KL/TW của Bộ Chính trị. "
                     "(Người chủ trì, ngày và số liệu ở đây là dữ liệu mẫu.)"),
        ), organizations=[party])
