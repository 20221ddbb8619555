"""The demo reproduces seeds 000, 001 and 003 — on the official unit lists, the one slow test of these apps."""

import datetime

import pytest

from danvan.core import demo
from danvan.core.demo import world
from danvan.directives.models import Directive, Implementation
from danvan.oversight.choices import FindingPart, MissionStatus
from danvan.oversight.demo import build_demo
from danvan.oversight.models import Finding, FollowUp, Meeting, Mission

pytestmark = pytest.mark.django_db  # the one test of these apps that loads the official unit lists


def test_demo_reproduces_the_seeds_and_is_idempotent():
    demo.build()  # units, organisations, people with titles
    places = world.build_places()
    build_demo(places)
    counts = [model.objects.count() for model in (Directive, Implementation, Mission, Meeting, Finding, FollowUp)]
    build_demo(places)
    assert [model.objects.count() for model in (Directive, Implementation, Mission, Meeting, Finding, FollowUp)] == counts

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
