"""Bad input to the API is a 400 naming the parameter or field in Vietnamese (404 for a record that does
not exist), never a 500, and nothing is written. Each case is one that answered 500 before (issue 8)."""

import pytest
from django.test import Client
from rest_framework.authtoken.models import Token

from danvan.core.choices import Role
from danvan.core.models import TransitionRecord
from danvan.directives.tests.factories import DirectiveFactory
from danvan.movement.choices import Status
from danvan.movement.tests.factories import InitiativeFactory
from danvan.oversight.choices import MissionStatus
from danvan.oversight.tests.factories import FollowUpFactory, MissionFactory

pytestmark = pytest.mark.django_db

BEYOND_BIGINT = str(2**63)
YEAR_MESSAGE = "Nhập năm từ 1900 đến 2100."
ID_MESSAGE = "Nhập số hiệu của bản ghi: số nguyên từ 1 đến 9223372036854775807."


@pytest.fixture
def editor(tree, make_user):
    return make_user(unit=tree.cc1, role=Role.EDITOR)


@pytest.fixture
def api(editor):
    return Client(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=editor).key}")


@pytest.mark.parametrize("url, year", [("/api/v1/directives/", "0"), ("/api/v1/missions/", "10000"),
                                       ("/api/v1/initiatives/", "0"), ("/api/v1/meetings/", "99999999999"),
                                       ("/api/v1/commendation-decisions/", "0")])
def test_a_year_out_of_bounds_is_a_400_naming_the_year(api, tree, url, year):
    DirectiveFactory(unit=tree.cc1)

    response = api.get(url, {"year": year})

    assert response.status_code == 400
    assert response.json() == {"year": [YEAR_MESSAGE]}


@pytest.mark.parametrize("url, parameter", [
    ("/api/v1/follow-ups/", "mission"), ("/api/v1/follow-ups/", "meeting"), ("/api/v1/missions/", "directive"),
    ("/api/v1/implementations/", "directive"), ("/api/v1/obligations/", "directive"), ("/api/v1/findings/", "mission"),
    ("/api/v1/units/", "parent"),
])
@pytest.mark.parametrize("value", [BEYOND_BIGINT, "0", "-1", "1.5", "abc"])
def test_an_id_no_record_can_have_is_a_400_naming_the_filter(api, url, parameter, value):
    response = api.get(url, {parameter: value})

    assert response.status_code == 400
    assert response.json() == {parameter: [ID_MESSAGE]}


@pytest.mark.parametrize("url", ["/api/v1/initiatives/", "/api/v1/organizations/", "/api/v1/missions/"])
def test_a_unit_beyond_the_database_range_is_a_400_naming_the_unit(api, url):
    response = api.get(url, {"unit": BEYOND_BIGINT})

    assert response.status_code == 400
    assert response.json() == {"unit": ["Không có bản ghi nào mang số hiệu này trong phạm vi của đồng chí."]}


def test_an_id_no_record_has_finds_nothing(api, tree):
    FollowUpFactory(mission=MissionFactory(unit=tree.cc1))

    response = api.get("/api/v1/follow-ups/", {"mission": 2**63 - 1})

    assert response.status_code == 200
    assert response.json()["results"] == []


def test_a_record_that_does_not_exist_is_a_404(api):
    assert api.get(f"/api/v1/initiatives/{BEYOND_BIGINT}/").status_code == 404
    assert api.get("/api/v1/initiatives/999999/").status_code == 404


@pytest.mark.parametrize("parameters, field, message", [
    ({"unit": BEYOND_BIGINT}, "unit", ID_MESSAGE),
    ({"from_year": "abc"}, "from_year", YEAR_MESSAGE),
    ({"to_year": "10000"}, "to_year", YEAR_MESSAGE),
    ({"phase": "0"}, "phase", ID_MESSAGE),
])
def test_statistics_with_an_impossible_parameter_are_a_400_naming_it(api, parameters, field, message):
    response = api.get("/api/v1/initiatives/stats/", parameters)

    assert response.status_code == 400
    assert response.json() == {field: [message]}


@pytest.mark.parametrize("payload, field", [({"to": {}}, "to"), ({"to": "in_progress", "note": ["x"]}, "note"), ({}, "to")])
def test_a_transition_payload_of_the_wrong_shape_is_a_400_and_moves_nothing(api, tree, payload, field):
    mission = MissionFactory(unit=tree.cc1)

    response = api.post(f"/api/v1/missions/{mission.pk}/transition/", payload, content_type="application/json")

    assert response.status_code == 400
    assert field in response.json()
    mission.refresh_from_db()
    assert mission.status == MissionStatus.PLANNED
    assert not TransitionRecord.objects.exists()


def test_the_schema_and_the_docs_need_a_login(client, api, editor, login):
    assert client.get("/api/v1/schema/").status_code == 401
    docs = client.get("/api/v1/docs/")
    assert docs.status_code == 302 and docs["Location"].startswith("/accounts/login/")

    assert api.get("/api/v1/schema/", {"format": "json"}).status_code == 200
    assert login(editor).get("/api/v1/docs/").status_code == 200


@pytest.mark.parametrize("path", ["/api/v1/initiatives/0.5/accept/", "/api/v1/no-such-thing/", "/api/v1/missions/abc/"])
def test_a_path_no_route_matches_is_a_json_404(api, path):
    response = api.get(path)

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"detail": "Không tìm thấy."}


@pytest.mark.parametrize("figure", ["beneficiaries", "households_out_of_poverty", "workdays_mobilised", "money_mobilised"])
def test_a_result_figure_beyond_its_column_is_a_400_and_records_nothing(api, tree, figure):
    initiative = InitiativeFactory(unit=tree.cc1, status=Status.REGISTERED)

    response = api.post(f"/api/v1/initiatives/{initiative.pk}/results/", {"date": "2024-05-01", "text": "Kết quả", figure: 2**63},
                        content_type="application/json")

    assert response.status_code == 400
    assert list(response.json()) == [figure]
    assert not initiative.result_updates.exists()
