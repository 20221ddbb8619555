"""THE ONE TEST THAT LOADS THE OFFICIAL UNIT LISTS: the demo rebuilds the four seeds through the services.

Seed 002's figures asked of legacy huyện U Minh Thượng and of today's tỉnh An Giang; seeds 000,
001 and 003 as missions, a meeting and directives; every initiative's history; a second run
that writes nothing at all.
"""

import collections
import datetime

import pytest
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType

from danvan.awards.choices import ProposalStatus
from danvan.awards.models import CommendationDecision, CommendationProposal, Recipient
from danvan.core import aggregates
from danvan.core.aggregates import Aggregate
from danvan.core.choices import Level
from danvan.core.models import TransitionRecord
from danvan.demo import build, world
from danvan.demo.story import SYSTEM_USERNAME, Story, system_user
from danvan.directives.models import Directive, Implementation
from danvan.directives.queries import obligation_status
from danvan.engagement.choices import Channel, DialogueKind, PetitionStatus
from danvan.engagement.models import Dialogue, HotCase, HotCaseEvent, Petition
from danvan.movement.choices import Status
from danvan.movement.models import Initiative, Recognition, Replication, ResultUpdate
from danvan.movement.queries import Span, initiative_stats
from danvan.organizations.models import Organization
from danvan.oversight.choices import FindingPart, MissionStatus
from danvan.oversight.models import Finding, FollowUp, Meeting, Mission
from danvan.people.models import Person, Position
from danvan.units.models import Unit

SEED_002 = {"registered": 635, "commune": 266, "district": 61}
# The only ways an initiative of the demo may have come to its status, from its draft.
PATHS = {
    Status.REGISTERED: [Status.SUBMITTED, Status.REGISTERED],
    Status.NOT_RECOGNISED: [Status.SUBMITTED, Status.REGISTERED, Status.UNDER_APPRAISAL, Status.NOT_RECOGNISED],
    Status.ENDED: [Status.SUBMITTED, Status.REGISTERED, Status.ENDED],
    Status.RECOGNISED: [Status.SUBMITTED, Status.REGISTERED, Status.UNDER_APPRAISAL, Status.RECOGNISED],
}
COUNTED = (Unit, Organization, Person, Position, Initiative, Recognition, ResultUpdate, Replication, CommendationDecision,
           Recipient, CommendationProposal, Directive, Implementation, Mission, Meeting, Finding, FollowUp,
           Dialogue, Petition, HotCase, HotCaseEvent,
           TransitionRecord, LogEntry)


@pytest.mark.django_db
def test_the_demo_world(db):
    """One test, so the official lists load once, inside the test's transaction (nothing leaks)."""
    build.build()
    places = world.build_places(Story(system_user()))
    check_seed_002_figures(places)
    check_typical_models()
    check_spread_and_decisions(places)
    check_missions_meetings_and_directives()
    check_my_thanh_dialogue_petitions_and_cases(places)
    check_kl_215_reception_months(places)
    check_every_initiative_has_its_history()
    check_counters_match_a_recount()
    check_second_run_writes_nothing()


def check_my_thanh_dialogue_petitions_and_cases(places):
    """Seed 001: the Party secretary's dialogue, what was raised there, the two pressing matters settled, no
    denunciation, and 2242-QĐ/TU met for 2018 by the dialogue alone (no fulfilment recorded by hand)."""
    commune = places.communes["Mỹ Thạnh"]
    dialogue = Dialogue.objects.get(unit=commune)
    assert dialogue.kind == DialogueKind.PERIODIC and dialogue.date.year == 2018
    assert (dialogue.chair.full_name, dialogue.chair_title) == ("Nguyễn Hoàng Thái", "Bí thư Đảng ủy xã")
    assert dialogue.participants > 0 and 0 < dialogue.opinions_answered <= dialogue.opinions_raised
    assert set(dialogue.organizations.values_list("name", flat=True)) >= {"Đảng ủy xã Mỹ Thạnh", "UBND xã Mỹ Thạnh"}
    petitions = Petition.objects.filter(dialogue=dialogue)
    assert petitions.count() == 2
    assert {p.channel for p in petitions} == {Channel.DIALOGUE}
    assert {p.status for p in petitions} == {PetitionStatus.ANSWERED}
    assert all(p.answered_on <= p.deadline for p in petitions)
    assert petitions.get(case__name="Vụ lò bún ở ấp Nghĩa Huấn").unit == places.hamlets["Nghĩa Huấn"]
    assert not Petition.objects.filter(unit__path__startswith=commune.path, kind__name="Tố cáo").exists()
    cases = HotCase.objects.filter(unit=commune).order_by("name")
    assert [c.name for c in cases] == ["Vụ chợ Mỹ Lồng", "Vụ lò bún ở ấp Nghĩa Huấn"]
    for case in cases:
        assert case.settled and case.settled_on < datetime.date(2018, 6, 11) and case.settlement
        assert case.leader_title == "Bí thư Đảng ủy xã" and case.events.count() >= 2 and case.petitions.count() == 1
    obligation = Directive.objects.get(symbol="2242-QĐ/TU").obligations.get()
    assert not obligation.fulfilments.exists()
    cell = next(c for c in obligation_status(obligation, system_user(), 2018) if c.unit == commune)
    assert cell.state == "met" and [f.record for f in cell.fulfilments] == [dialogue]


def check_kl_215_reception_months(places):
    """KL 215-KL/TW: two monthly obligations from 2026; xã Năm Căn's reception days meet some months by themselves."""
    conclusion = Directive.objects.get(symbol="215-KL/TW", unit=places.current_ca_mau)
    assert conclusion.issued_on == datetime.date(2025, 11, 23) and conclusion.issuer_name == "Bộ Chính trị"
    by_level = {o.level: o for o in conclusion.obligations.all()}
    assert {level: (o.times, o.is_monthly, o.first_year) for level, o in by_level.items()} == {
        Level.PROVINCE: (1, True, 2026), Level.COMMUNE: (2, True, 2026)}
    commune = Unit.objects.get(level=Level.COMMUNE, name="Năm Căn", parent=places.current_ca_mau)
    obligation = by_level[Level.COMMUNE]
    assert not obligation.fulfilments.exists()
    cell = next(c for c in obligation_status(obligation, system_user(), 2026, today=datetime.date(2026, 12, 7)) if c.unit == commune)
    assert [m.state for m in cell.months[:6]] == ["met", "overdue", "met", "overdue", "met", "overdue"]
    assert cell.months[11].state == "due"


def _check(stats):
    assert stats["registered"] == SEED_002["registered"]
    assert stats["recognized_by_level"]["commune"] == SEED_002["commune"]
    assert stats["recognized_by_level"]["district"] == SEED_002["district"]
    assert stats["commended_by_recipient"] == {"collective": 24, "individual": 6}
    assert sum(stats["by_field"].values()) == 635 and sum(stats["by_kind"].values()) == 635
    assert sum(stats["by_holder"].values()) == 635
    names = {recognition.initiative.name for recognition in stats["typical"]}
    assert {"Tổ dần đổi công", "Quỹ xoay vòng sửa chữa nhà đồng đội", "Tổ sửa chữa cầu lộ, GTNT",
            "Câu lạc bộ ngân hàng máu sống"} <= names


def check_counters_match_a_recount():
    """The demo writes through the services, so the statistics' counters need no recount: one changes nothing."""
    def stored():
        return set(Aggregate.objects.filter(count__gt=0).values_list(*aggregates.KEY_FIELDS, "count"))

    kept = stored()
    assert kept and aggregates.rebuild() and stored() == kept


def check_seed_002_figures(places):
    district = places.districts["U Minh Thượng"]
    an_giang = Unit.objects.get(name="An Giang", level=Level.PROVINCE, valid_to__isnull=True)
    _check(initiative_stats(district, Span(2016, 2020)))
    _check(initiative_stats(an_giang, Span(2016, 2020)))
    recognitions_2019_2020 = initiative_stats(district, Span(2019, 2020))
    assert recognitions_2019_2020["recognized_by_level"]["commune"] == 266


def check_typical_models():
    expected = {
        "Tổ dần đổi công": ("Chi hội Phụ nữ ấp Đặng Văn Do", "Đặng Văn Do", "Thạnh Yên"),
        "Quỹ xoay vòng sửa chữa nhà đồng đội": ("Chi hội Cựu chiến binh ấp Minh Dũng", "Minh Dũng", "Minh Thuận"),
        "Tổ sửa chữa cầu lộ, GTNT": ("Chi hội Nông dân ấp Xẻo Kè", "Xẻo Kè", "Thạnh Yên"),
        "Tuyến đường hoa": ("Ban công tác Mặt trận ấp Kinh Mới", "Kinh Mới", "Hiệp Tùng"),
    }
    for name, (owner, hamlet, commune) in expected.items():
        initiative = Initiative.objects.select_related("unit__parent", "owner_organization").get(name=name)
        assert (initiative.owner_organization.name, initiative.unit.name, initiative.unit.parent.name) == (owner, hamlet, commune)
    blood = Initiative.objects.get(name="Câu lạc bộ ngân hàng máu sống")
    assert (blood.owner_organization.name, blood.unit.name) == ("Hội Chữ thập đỏ xã Minh Thuận", "Minh Thuận")
    assert Initiative.objects.get(name="Tuyến đường xanh, sạch, đẹp", unit__name="Hiệp Tùng").owner_organization.name == "Ủy ban MTTQ Việt Nam xã Hiệp Tùng"
    assert Initiative.objects.get(name="Cửa hàng thực phẩm sạch").unit.parent.name == "Kim Sơn"


def check_spread_and_decisions(places):
    district = places.districts["U Minh Thượng"]
    communes = Unit.objects.descendants(district).filter(level=Level.COMMUNE)
    for commune in communes:
        assert Initiative.objects.filter(unit=commune).count() > 50, commune
    party = CommendationDecision.objects.get(issuing_body__name="Huyện ủy U Minh Thượng")
    assert (party.recipients.filter(kind="collective").count(), party.recipients.filter(kind="individual").count()) == (4, 6)
    government = CommendationDecision.objects.get(issuing_body__name="UBND huyện U Minh Thượng")
    assert government.recipients.filter(kind="collective").count() == 20 and party.form.name == "Giấy khen"
    accepted = CommendationProposal.objects.get(decision=government)
    assert accepted.proposing_body.name == "Ủy ban MTTQ Việt Nam xã Thạnh Yên" and accepted.status == ProposalStatus.ACCEPTED
    assert CommendationProposal.objects.filter(decision__isnull=True, proposing_body__name="Hội Chữ thập đỏ xã Minh Thuận").exists()


def check_missions_meetings_and_directives():
    survey = Mission.objects.get(planned_start=datetime.date(2018, 6, 11))
    assert survey.status == MissionStatus.CONCLUDED
    assert (survey.leader.person.full_name, survey.leader.title) == ("Nguyễn Văn Hiền", "Ủy viên Ban Thường vụ Huyện ủy, Trưởng Ban Dân vận Huyện ủy")
    target = survey.targets.get()
    assert (target.received_by.full_name, target.received_by_title) == ("Nguyễn Hoàng Thái", "Huyện ủy viên, Bí thư Đảng ủy xã")
    assert survey.findings.filter(part=FindingPart.SHORTCOMING).count() >= 5
    assert survey.follow_ups.count() == 8

    commune_programme = Directive.objects.get(symbol="13-CT/ĐU")
    programme = commune_programme.implements_links.get().directive
    assert (programme.number, programme.doc_type) == (20, "ctr")
    assert programme.implements_links.get().directive.symbol == "25-NQ/TW"
    assert Directive.objects.get(symbol="120-KH/HU").implements_links.get().directive.symbol == "911-TB/TU"

    nam_can = Mission.objects.get(members__person__full_name="Tôn Nữ Hương Giang")
    assert set(nam_can.follow_ups.values_list("deadline", flat=True)) == {datetime.date(2019, 12, 31)}
    briefing = Meeting.objects.get(held_on=datetime.date(2018, 10, 3))
    assert (briefing.chair.full_name, briefing.chair_title) == ("Hoàng Văn Thắng", "Phó Bí thư Huyện ủy")
    assert briefing.attendees.count() == 3
    assert briefing.follow_ups.filter(text__contains="tuyển quân năm 2019").exists()
    assert briefing.follow_ups.filter(text__contains="nhiệm kỳ 2019-2024").exists()
    # The survey's history is dated on the day of the survey, as the official who entered it would have it.
    moves = TransitionRecord.objects.filter(content_type=ContentType.objects.get_for_model(Mission), object_id=survey.pk)
    assert {move.at.date() for move in moves} == {datetime.date(2018, 6, 11)}


def check_every_initiative_has_its_history():
    """Each initiative came to its status by allowed steps, dated in its own story, written by the demo's user."""
    initiative_type = ContentType.objects.get_for_model(Initiative)
    moves = collections.defaultdict(list)
    for move in TransitionRecord.objects.filter(content_type=initiative_type).select_related("by").order_by("at", "pk"):
        moves[move.object_id].append(move)
    audited = set(LogEntry.objects.filter(content_type=initiative_type, action=LogEntry.Action.CREATE,
                                          actor__username=SYSTEM_USERNAME).values_list("object_id", flat=True))
    initiatives = list(Initiative.objects.all())
    assert len(initiatives) == 638
    for initiative in initiatives:
        history = moves[initiative.pk]
        steps = [move.target for move in history]
        path = PATHS[initiative.status]
        higher_again = [Status.RECOGNISED] if initiative.recognitions.count() == 2 else []
        assert steps == path + higher_again, (initiative.name, steps)
        assert history[0].source == Status.DRAFT and all(a.target == b.source for a, b in zip(history, history[1:]))
        assert {move.by.username for move in history} == {SYSTEM_USERNAME}
        assert history[1].at.year == initiative.registration_year, initiative.name
        if initiative.recognised_on:
            assert history[-1].at.date() == initiative.recognised_on
        assert initiative.pk in audited, initiative.name


def check_second_run_writes_nothing():
    counts = [model.objects.count() for model in COUNTED]
    build.build()
    assert [model.objects.count() for model in COUNTED] == counts
