"""The commendations of 04/8/2020 in huyện U Minh Thượng (seed 002), decided through ``awards.services``.

BTV Huyện ủy: giấy khen to 04 collectives and 06 individuals; UBND huyện: giấy khen to 20
collectives, two of them proposed by xã Thạnh Yên's Front committee on 15/7/2020 and accepted
into the decision. A second proposal still awaits a decision.
"""

import datetime

from danvan.awards import services
from danvan.awards.catalogues import seed_forms
from danvan.awards.models import CommendationDecision, CommendationForm, CommendationProposal, ProposedRecipient, Recipient
from danvan.core.choices import HolderKind, Level
from danvan.demo.accounts import official
from danvan.demo.world import person
from danvan.movement.models import Initiative, Phase
from danvan.organizations.models import Organization
from danvan.units.models import Unit

DECIDED_ON = datetime.date(2020, 8, 4)
PROPOSED_ON = datetime.date(2020, 7, 15)
PENDING_ON = datetime.date(2020, 9, 1)
PARTY_NUMBER = "245-QĐ/HU"
COMMENDED_INDIVIDUALS = ["Trần Văn Hiếu", "Nguyễn Thị Bé Ba", "Lê Văn Tám", "Phạm Thị Hồng", "Võ Minh Trí", "Huỳnh Thị Thu"]


def build(story):
    """Decide the commendations once (found by the Party committee's decision number)."""
    seed_forms(CommendationForm)
    district = story.places.districts["U Minh Thượng"]
    party = Organization.objects.get(name="Huyện ủy U Minh Thượng", unit=district)
    if CommendationDecision.objects.filter(issuing_body=party, number=PARTY_NUMBER).exists():
        return
    government = Organization.objects.get(name="UBND huyện U Minh Thượng", unit=district)
    merit, phase = CommendationForm.objects.get(code="giay-khen"), Phase.objects.get(start_year=2016, end_year=2020)
    communes = Unit.objects.descendants(district).filter(level=Level.COMMUNE)
    best = _best_initiative_by_owner(district)
    collectives = list(Organization.objects.filter(pk__in=list(best)).select_related("unit").order_by("name"))[:20]
    thanh_yen = story.places.communes["Thạnh Yên"]
    proposed = [org for org in collectives if org.unit.path.startswith(thanh_yen.path)][:2]

    story.on(PROPOSED_ON)
    front = Organization.objects.get(name="Ủy ban MTTQ Việt Nam xã Thạnh Yên", unit=thanh_yen)
    proposal = services.propose_commendation(official(story.places, "thanhyen"), _proposal(
        front, government, merit, PROPOSED_ON, "Đề nghị khen thưởng tập thể có mô hình “Dân vận khéo” tiêu biểu giai đoạn 2016–2020",
    ), [ProposedRecipient(kind=HolderKind.COLLECTIVE, organization=org, initiative=best[org.pk],
                          achievement=_achievement(best[org.pk])) for org in proposed])

    story.on(DECIDED_ON)
    _party_decision(story, district, party, merit, phase, communes)
    decision = services.decide_commendation(story.user, CommendationDecision(
        number="1268/QĐ-UBND", date=DECIDED_ON, issuing_body=government, form=merit, phase=phase,
        reason="Có thành tích tốt trong phong trào thi đua “Dân vận khéo” giai đoạn 2016–2020",
        signer="Lê Tiến Dũng", signer_title="Phó Chủ tịch UBND huyện",
    ), [Recipient(kind=HolderKind.COLLECTIVE, organization=org, initiative=best[org.pk], achievement=_achievement(best[org.pk]))
        for org in collectives if org not in proposed])
    services.accept_proposal(official(story.places, "uminhthuong"), proposal, decision)

    story.on(PENDING_ON)
    red_cross = Organization.objects.get(name="Hội Chữ thập đỏ xã Minh Thuận")
    services.propose_commendation(story.user, _proposal(
        red_cross, government, merit, PENDING_ON, "Đề nghị khen thưởng Câu lạc bộ ngân hàng máu sống",
    ), [ProposedRecipient(kind=HolderKind.COLLECTIVE, organization=red_cross,
                          initiative=Initiative.objects.get(name="Câu lạc bộ ngân hàng máu sống"))])


def _best_initiative_by_owner(district):
    """Each recognised owner organisation of the district with its best model: the highest level first."""
    recognised = Initiative.objects.filter(
        unit__in=Unit.objects.descendants(district), highest_level__isnull=False, owner_organization__isnull=False,
    ).order_by("highest_level", "pk")
    best = {}
    for initiative in recognised:
        best.setdefault(initiative.owner_organization_id, initiative)
    return best


def _achievement(initiative):
    return f"Mô hình “{initiative.name}”"


def _proposal(proposing_body, addressed_to, form, date, reason):
    return CommendationProposal(proposing_body=proposing_body, addressed_to=addressed_to, form=form, date=date, reason=reason)


def _party_decision(story, district, party, merit, phase, communes):
    steering = list(Organization.objects.filter(unit__in=communes, kind__code="ban-chi-dao-qcdc-dvk").order_by("name")[:4])
    individuals = [person(story, name, district, "male" if index % 2 else "female") for index, name in enumerate(COMMENDED_INDIVIDUALS)]
    services.decide_commendation(story.user, CommendationDecision(
        number=PARTY_NUMBER, date=DECIDED_ON, issuing_body=party, form=merit, phase=phase,
        reason="Có thành tích xuất sắc trong công tác chỉ đạo phong trào thi đua “Dân vận khéo” giai đoạn 2016–2020",
        signer="Đặng Xuân Thắng", signer_title="Phó Bí thư Thường trực Huyện ủy",
    ), [Recipient(kind=HolderKind.COLLECTIVE, organization=org) for org in steering]
       + [Recipient(kind=HolderKind.INDIVIDUAL, person=someone) for someone in individuals])
