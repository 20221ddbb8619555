"""The mission report as the register issues it: the leading organisation's format, signed by the leader,
issued once, the period never backwards, and refused with a Vietnamese message when nobody can sign."""

import datetime

import pytest
from django.urls import reverse

from danvan.core.choices import Role
from danvan.core.documents.models import Document, Element
from danvan.core.tests import documents as clerk
from danvan.oversight.choices import FindingPart
from danvan.oversight.models import Finding
from danvan.oversight.tests.documents import mission_with_leader
from danvan.oversight.tests.factories import FollowUpFactory, MissionFactory
from danvan.people.tests.factories import PositionFactory

pytestmark = pytest.mark.django_db


def download(client, mission):
    response = client.get(reverse("oversight:mission-report", args=[mission.pk]))
    assert response.status_code == 200, response
    return b"".join(response.streaming_content)


def test_the_report_is_a_party_document_issued_once(tree, make_user, login):
    mission, _ = mission_with_leader(tree.ld2, subject="Khảo sát 5 năm thực hiện Chương trình hành động số 20")
    Finding.objects.create(mission=mission, part=FindingPart.SHORTCOMING, text="Việc đối thoại còn hình thức.")
    FollowUpFactory(mission=mission, owner_unit=tree.lc2, text="Rà soát hộ nghèo")
    client = login(make_user(tree.ld2, role=Role.EDITOR))
    first = download(client, mission)
    assert download(client, mission) == first and Document.objects.count() == 1
    # A reader downloads what the official issued: the same bytes, no second number.
    assert download(login(make_user(tree.ld2, role=Role.VIEWER)), mission) == first and Document.objects.count() == 1
    opened = clerk.open_docx(first)
    party = clerk.format_named("party")
    clerk.check_page(opened, party)
    clerk.check_elements(opened, party)
    left, right = clerk.header_lines(opened)
    assert left[-2:] == ["*", "Số 01-BC/BDVHU"] and right[0] == "ĐẢNG CỘNG SẢN VIỆT NAM"
    assert [p.text for p in clerk.of_element(opened, Element.TYPE_NAME)] == ["BÁO CÁO"]
    assert clerk.of_element(opened, Element.SUMMARY)[0].text == "kết quả khảo sát"
    assert [p.text for p in clerk.of_element(opened, Element.AUTHORITY)] == ["K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN"]
    text = clerk.text(opened)
    assert "Khảo sát 5 năm thực hiện Chương trình hành động số 20" in text and "Việc đối thoại còn hình thức." in text
    assert "Rà soát hộ nghèo" in text and "Nơi nhận:" in text


@pytest.mark.parametrize("dates, expected", [
    ({"planned_start": datetime.date(2026, 11, 10), "planned_end": datetime.date(2026, 11, 12)}, "10/11/2026 – 12/11/2026"),
    ({"planned_start": datetime.date(2026, 11, 10), "planned_end": datetime.date(2026, 11, 12),
      "started_on": datetime.date(2026, 12, 2)}, "Thời gian: 02/12/2026"),
    ({"planned_start": datetime.date(2026, 11, 10), "started_on": datetime.date(2026, 11, 11),
      "ended_on": datetime.date(2026, 11, 14)}, "11/11/2026 – 14/11/2026"),
])
def test_the_period_never_reads_backwards(tree, make_user, login, dates, expected):
    mission, _ = mission_with_leader(tree.ld2, **dates)
    text = clerk.text(clerk.open_docx(download(login(make_user(tree.ld2, role=Role.EDITOR)), mission)))
    assert expected in text and "02/12/2026 – 12/11/2026" not in text


def test_a_leader_who_no_longer_holds_the_title_is_refused_and_nothing_is_numbered(tree, make_user, login):
    mission, leader = mission_with_leader(tree.ld2)
    mission.members.update(title="")
    PositionFactory(person=leader, organization=mission.leading_organization, title="Trưởng ban",
                    valid_from=datetime.date(2016, 1, 1), valid_to=datetime.date(2020, 1, 1))
    client = login(make_user(tree.ld2, role=Role.EDITOR))
    response = client.get(reverse("oversight:mission-report", args=[mission.pk]), follow=True)
    assert "cần người ký" in response.content.decode() and not Document.objects.exists()


def test_a_mission_without_leader_says_so_and_another_units_user_gets_404(tree, make_user, login):
    mission = MissionFactory(unit=tree.ld2)
    response = login(make_user(tree.ld2, role=Role.EDITOR)).get(reverse("oversight:mission-report", args=[mission.pk]), follow=True)
    assert "cần người ký" in response.content.decode() and not Document.objects.exists()
    mission, _ = mission_with_leader(tree.ld2)
    assert login(make_user(tree.lp1, role=Role.ADMINISTRATOR)).get(reverse("oversight:mission-report", args=[mission.pk])).status_code == 404
