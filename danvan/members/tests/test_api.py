"""The API: GET /api/v1/members/stats/ and /api/v1/memberships/ with the services' rules and Vietnamese 400s."""

import datetime

import pytest
from rest_framework.test import APIClient

from danvan.members.models import Membership
from danvan.members.tests.factories import MembershipFactory, farmers_branch
from danvan.people.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def _client(user):
    client = APIClient(HTTP_ACCEPT_LANGUAGE="vi")
    client.force_authenticate(user)
    return client


def test_stats_answer_new_left_memberships_persons_and_by_organisation(tree, make_user):
    MembershipFactory(branch=farmers_branch(tree.lc2), joined=datetime.date(2018, 5, 1))
    answer = _client(make_user(unit=tree.cp)).get("/api/v1/members/stats/", {"unit": tree.cc1.pk, "from": "2018-01-01", "to": "2018-12-31"})
    assert answer.status_code == 200
    data = answer.json()
    assert (data["new"], data["left"], data["memberships"], data["persons"]) == (1, 0, 1, 1)
    assert data["by_organization"][0]["name"] == "Hội Nông dân" and data["by_organization"][0]["new"] == 1


@pytest.mark.parametrize("params, field", [({"from": "2018-13-01"}, "from"), ({"from": "2019-01-01", "to": "2018-01-01"}, "to"),
                                           ({"unit": "99999999"}, "unit"), ({"kind": "x"}, "kind")])
def test_bad_parameters_answer_400_in_vietnamese(tree, make_user, params, field):
    answer = _client(make_user(unit=tree.cc1)).get("/api/v1/members/stats/", params)
    assert answer.status_code == 400 and field in answer.json()


def test_another_units_counts_are_out_of_reach(tree, make_user):
    MembershipFactory(branch=farmers_branch(tree.cc3))
    answer = _client(make_user(unit=tree.cc1)).get("/api/v1/members/stats/", {"unit": tree.cc3.pk})
    assert answer.status_code == 400
    assert _client(make_user(unit=tree.cc1)).get("/api/v1/members/stats/").json()["memberships"] == 0


def test_a_membership_is_written_through_the_service_and_refused_in_vietnamese(tree, make_user):
    client = _client(make_user(unit=tree.cc1))
    branch, person = farmers_branch(tree.cc1), PersonFactory(unit=tree.cc1, birth_date=datetime.date(2019, 1, 1))
    answer = client.post("/api/v1/memberships/", {"person": person.pk, "branch": branch.pk, "joined": "2018-05-02"}, format="json")
    assert answer.status_code == 400 and "trước khi" in answer.json()["joined"][0]
    assert not Membership.objects.exists()
    person = PersonFactory(unit=tree.cc1)
    answer = client.post("/api/v1/memberships/", {"person": person.pk, "branch": branch.pk, "joined": "2018-05-02"}, format="json")
    assert answer.status_code == 201 and answer.json()["kind"] == branch.parent.kind_id


def test_transfer_and_leave_through_the_api(tree, make_user):
    client = _client(make_user(unit=tree.cp))
    membership = MembershipFactory(branch=farmers_branch(tree.cc1))
    there = farmers_branch(tree.cc2)
    answer = client.post(f"/api/v1/memberships/{membership.pk}/transfer/", {"branch": there.pk, "on": "2020-03-01"}, format="json")
    assert answer.status_code == 200 and answer.json()["branch"] == there.pk and len(answer.json()["placements"]) == 2
    answer = client.post(f"/api/v1/memberships/{membership.pk}/leave/", {"left": "2021-01-01", "leave_reason": "deceased"}, format="json")
    assert answer.status_code == 200 and answer.json()["left"] == "2021-01-01"
    listed = client.get("/api/v1/memberships/", {"open": "false"}).json()
    assert [row["id"] for row in listed["results"]] == [membership.pk]
