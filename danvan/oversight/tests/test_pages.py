"""Pages and API as a user meets them: fixed query counts, scoping, transitions with their refusals."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from danvan.core.choices import Role
from danvan.directives.tests.factories import DirectiveFactory, ImplementationFactory
from danvan.oversight.choices import FollowUpStatus
from danvan.oversight.models import FollowUp, MissionMember
from danvan.people.tests.factories import PersonFactory
from danvan.oversight.tests.factories import FollowUpFactory, MissionFactory
from danvan.units.tests.factories import LegacyCommuneFactory

pytestmark = pytest.mark.django_db
SOON = datetime.date.today() + datetime.timedelta(days=5)


def add(tree, n, directive):
    for _ in range(n):
        commune = LegacyCommuneFactory(parent=tree.ld2)
        mission = MissionFactory(unit=tree.ld2)
        FollowUpFactory(mission=mission, owner_unit=commune, deadline=SOON)
        ImplementationFactory(directive=directive, unit=commune)


def count(client, url):
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context)


@pytest.mark.parametrize("name", ["oversight:follow-up-mine", "oversight:follow-up-due", "oversight:follow-up-list", "oversight:mission-list", "directives:matrix"])
def test_page_cost_does_not_grow_with_records(tree, make_user, login, name):
    client = login(make_user(tree.ld2, role=Role.EDITOR))
    directive = DirectiveFactory(unit=tree.ld2)
    url = reverse(name, args=[directive.pk]) if name == "directives:matrix" else reverse(name)
    add(tree, 3, directive)
    few = count(client, url)
    add(tree, 12, directive)
    assert count(client, url) == few
    if name == "oversight:follow-up-due":
        assert len(client.get(url).context["object_list"]) == 15


def test_api_filters_by_symbol_and_by_status_and_unit(tree, make_user, login):
    client = login(make_user(tree.ld2, role=Role.VIEWER))
    resolution = DirectiveFactory(unit=tree.ld2, number=25, symbol="25-NQ/TW")
    DirectiveFactory(unit=tree.ld2, number=26, symbol="26-NQ/TW")
    found = client.get("/api/v1/directives/", {"symbol": "25-nq/tw"}).json()["results"]
    assert [d["id"] for d in found] == [resolution.pk]
    mission = MissionFactory(unit=tree.ld2)
    mine = FollowUpFactory(mission=mission, owner_unit=tree.lc2)
    FollowUpFactory(mission=mission, owner_unit=tree.lc3)
    FollowUpFactory(mission=mission, owner_unit=tree.lc2, status=FollowUpStatus.DONE)
    found = client.get("/api/v1/follow-ups/", {"status": "open", "unit": tree.lc2.pk}).json()["results"]
    assert [f["id"] for f in found] == [mine.pk]


def test_api_refuses_bad_input_with_the_field_and_saves_nothing(tree, make_user, login):
    client = login(make_user(tree.ld2, role=Role.EDITOR))
    response = client.post("/api/v1/directives/", {"unit": tree.ld2.pk, "symbol": "25NQ/TW"}, content_type="application/json")
    assert response.status_code == 400 and "symbol" in response.json()
    mission = MissionFactory(unit=tree.ld2, planned_start=datetime.date(2018, 6, 11))
    response = client.post("/api/v1/follow-ups/", {"mission": mission.pk, "text": "x", "owner_unit": tree.lc2.pk, "deadline": "2018-06-01"}, content_type="application/json")
    assert response.status_code == 400 and "deadline" in response.json()
    assert not FollowUp.objects.exists()


def test_api_transitions(tree, make_user, login):
    item = FollowUpFactory(mission=MissionFactory(unit=tree.ld2), owner_unit=tree.lc2)
    url = f"/api/v1/follow-ups/{item.pk}/transition/"
    viewer = login(make_user(tree.ld2, role=Role.VIEWER))
    assert viewer.post(url, {"to": "done"}, content_type="application/json").status_code == 403
    editor = login(make_user(tree.lc2, role=Role.EDITOR))
    assert editor.get(url).json()["allowed"] == ["in_progress", "done", "cancelled"]
    refused = editor.post(url, {"to": "cancelled"}, content_type="application/json")
    assert refused.status_code == 400 and "note" in refused.json()
    assert editor.post(url, {"to": "done"}, content_type="application/json").json()["status"] == "done"
    assert editor.post(url, {"to": "open"}, content_type="application/json").status_code == 400


def test_mission_report_and_exports(tree, make_user, login):
    import io

    from docx import Document

    reader, editor = login(make_user(tree.ld2, role=Role.VIEWER)), login(make_user(tree.ld2, role=Role.EDITOR))
    mission = MissionFactory(unit=tree.ld2)
    MissionMember.objects.create(mission=mission, person=PersonFactory(unit=tree.ld2), title="Trưởng ban", is_leader=True)
    FollowUpFactory(mission=mission, owner_unit=tree.lc2, text="Rà soát hộ nghèo")
    url = reverse("oversight:mission-report", args=[mission.pk])
    # A reader takes no number in the register: before an official has issued the report, the mission's page says so.
    refused = reader.get(url, follow=True)
    assert "Văn bản này chưa được ban hành" in refused.content.decode()
    issued = editor.get(url)
    assert issued["Content-Type"].endswith("wordprocessingml.document")
    content = b"".join(issued.streaming_content)
    assert any("Rà soát hộ nghèo" in p.text for p in Document(io.BytesIO(content)).paragraphs)
    assert b"".join(reader.get(url).streaming_content) == content
    assert reader.get(reverse("oversight:follow-up-list"), {"format": "xlsx"})["Content-Type"].endswith("spreadsheetml.sheet")


def test_closing_through_the_page_without_reason_shows_the_error(tree, make_user, login):
    from danvan.oversight import services

    user = make_user(tree.ld2, role=Role.EDITOR)
    mission = MissionFactory(unit=tree.ld2)
    services.start_mission(user, mission)
    services.conclude_mission(user, mission)
    FollowUpFactory(mission=mission, owner_unit=tree.lc2)
    response = login(user).post(reverse("oversight:mission-transition", args=[mission.pk]), {"to": "closed", "note": ""})
    assert response.status_code == 200 and response.context["form"].errors["note"]
    mission.refresh_from_db()
    assert mission.status == "concluded"


def test_a_mission_started_without_a_date_starts_on_its_planned_day(tree, make_user, login):
    mission = MissionFactory(unit=tree.ld2, planned_start=datetime.date(2026, 11, 10), planned_end=datetime.date(2026, 11, 12))
    client = login(make_user(tree.ld2, role=Role.EDITOR))
    client.post(reverse("oversight:mission-transition", args=[mission.pk]), {"to": "in_progress", "note": ""})
    client.post(reverse("oversight:mission-transition", args=[mission.pk]), {"to": "concluded", "note": ""})
    mission.refresh_from_db()
    assert (mission.status, mission.started_on, mission.ended_on) == ("concluded", datetime.date(2026, 11, 10), datetime.date(2026, 11, 12))


def test_a_mission_started_on_a_day_the_user_enters(tree, make_user, login):
    mission = MissionFactory(unit=tree.ld2, planned_start=datetime.date(2026, 11, 10))
    client = login(make_user(tree.ld2, role=Role.EDITOR))
    client.post(reverse("oversight:mission-transition", args=[mission.pk]), {"to": "in_progress", "on": "11/11/2026"})
    mission.refresh_from_db()
    assert mission.started_on == datetime.date(2026, 11, 11)


def test_a_date_in_the_future_is_refused_beside_its_field(tree, make_user, login):
    mission = MissionFactory(unit=tree.ld2)
    item = FollowUpFactory(mission=mission, owner_unit=tree.lc2)
    client = login(make_user(tree.ld2, role=Role.EDITOR))
    tomorrow = (datetime.date.today() + datetime.timedelta(days=1)).strftime("%d/%m/%Y")
    response = client.post(reverse("oversight:progress-add", args=[item.pk]), {"text": "Đã họp dân", "noted_on": tomorrow})
    assert response.status_code == 200
    assert "Ngày này ở tương lai" in " ".join(response.context["form"].errors["noted_on"])
    assert not item.progress_notes.exists()
    response = client.post(reverse("oversight:mission-transition", args=[mission.pk]), {"to": "in_progress", "on": tomorrow})
    assert response.status_code == 200 and response.context["form"].errors["on"]
    mission.refresh_from_db()
    assert mission.status == "planned" and mission.started_on is None


def test_a_planned_mission_says_findings_wait_before_anything_is_typed(tree, make_user, login):
    mission = MissionFactory(unit=tree.ld2)
    client = login(make_user(tree.ld2, role=Role.EDITOR))
    detail = client.get(reverse("oversight:mission-detail", args=[mission.pk])).content.decode()
    assert reverse("oversight:finding-add", args=[mission.pk]) not in detail
    assert "Chỉ ghi nhận xét khi đoàn đang làm việc hoặc đã kết luận." in detail
    response = client.get(reverse("oversight:finding-add", args=[mission.pk]), follow=True)
    assert response.redirect_chain[-1][0] == reverse("oversight:mission-detail", args=[mission.pk])


def test_a_recommendation_of_a_mission_to_one_commune_opens_on_that_commune(tree, make_user, login):
    """Journey (b): a province inspecting one commune gives its recommendations to that commune, not to itself."""
    client = login(make_user(tree.ld2, role=Role.EDITOR))
    mission = MissionFactory(unit=tree.ld2)
    url = reverse("oversight:mission-follow-up-add", args=[mission.pk])
    assert client.get(url).context["form"].initial["owner_unit"] == tree.ld2.pk
    mission.targets.create(unit=tree.lc2)
    mission.targets.create(unit=tree.lc2, organization=None)
    assert client.get(url).context["form"].initial["owner_unit"] == tree.lc2.pk
    mission.targets.create(unit=tree.lc3)
    assert client.get(url).context["form"].initial["owner_unit"] == tree.ld2.pk  # two communes: no guess


def test_the_close_form_asks_no_date_it_would_drop(tree, make_user, login):
    """Journey (b): closing keeps no date, so the form does not ask for one; starting and completing do."""
    from danvan.oversight import services

    user = make_user(tree.ld2, role=Role.EDITOR)
    client = login(user)
    mission = MissionFactory(unit=tree.ld2)
    url = reverse("oversight:mission-transition", args=[mission.pk])
    assert "on" in client.get(url).context["form"].fields
    services.start_mission(user, mission)
    services.conclude_mission(user, mission)
    assert "on" not in client.get(url).context["form"].fields
    follow_up = FollowUpFactory(mission=mission, owner_unit=tree.lc2)
    assert "on" in client.get(reverse("oversight:follow-up-transition", args=[follow_up.pk])).context["form"].fields
