"""The REST API: token, units with filters and lineage, organisations by subtree, scope, schema."""

import pytest
from django.test import Client
from django.urls import reverse
from rest_framework.authtoken.models import Token

from danvan.accounts.tests.factories import PASSWORD, UserFactory
from danvan.core.choices import Role
from danvan.organizations.tests.factories import OrganizationFactory
from danvan.units.tests.factories import HamletFactory

pytestmark = pytest.mark.django_db

UNITS = reverse("api:unit-list")
ORGANIZATIONS = reverse("api:organization-list")


def unit_url(unit):
    return reverse("api:unit-detail", args=[unit.pk])


def api_client(user):
    token, _ = Token.objects.get_or_create(user=user)
    return Client(HTTP_AUTHORIZATION=f"Token {token.key}")


@pytest.fixture
def province_user(tree):
    return UserFactory(username="tinh.angiang", unit=tree.cp, role=Role.VIEWER)


@pytest.fixture
def api(province_user):
    return api_client(province_user)


def names(response):
    return [item["name"] for item in response.json()["results"]]


def test_token_flow(province_user):
    client = Client()
    response = client.post(reverse("api:token"), {"username": "tinh.angiang", "password": PASSWORD})
    assert response.status_code == 200
    token = response.json()["token"]
    assert Token.objects.get(user=province_user).key == token
    assert client.get(UNITS, HTTP_AUTHORIZATION=f"Token {token}").status_code == 200
    assert client.get(UNITS, HTTP_AUTHORIZATION="Token sai-token").status_code == 401


def test_token_with_a_wrong_password_is_refused(province_user):
    response = Client().post(reverse("api:token"), {"username": "tinh.angiang", "password": "sai"})
    assert response.status_code == 400
    assert "token" not in response.json()
    assert not Token.objects.exists()


@pytest.mark.parametrize("url", [UNITS, ORGANIZATIONS])
def test_unauthenticated_is_refused(db, url):
    assert Client().get(url).status_code in (401, 403)


def test_units_list_is_paginated_and_scoped(tree, api):
    response = api.get(UNITS)
    assert response.status_code == 200
    body = response.json()
    assert {"count", "next", "previous", "results"} <= set(body)
    assert body["count"] == 9  # An Giang's subtree, the old Kiên Giang's and Mong Thọ
    assert "Cà Mau" not in names(response)


def test_units_list_paginates(tree, api):
    for n in range(55):
        HamletFactory(parent=tree.cc2, name=f"Ấp số {n:02d}")
    first = api.get(UNITS).json()
    assert first["count"] == 64
    assert len(first["results"]) == 50
    second = api.get(first["next"]).json()
    assert len(second["results"]) == 14
    assert second["previous"]


def test_units_filters(tree, api):
    assert names(api.get(UNITS, {"search": "binh an"})) == ["Bình An"]
    assert names(api.get(UNITS, {"q": "mong tho"})) == ["Mong Thọ"]
    assert set(names(api.get(UNITS, {"level": 1}))) == {"An Giang", "Kiên Giang"}
    assert set(names(api.get(UNITS, {"level": 3, "valid_at": "2025-06-01"}))) == {"Minh Hòa", "Mong Thọ"}
    assert set(names(api.get(UNITS, {"level": 3, "valid_at": "2025-08-01"}))) == {"Bình An", "Thạnh Lộc"}
    assert names(api.get(UNITS, {"parent": tree.cc1.pk})) == ["Mới"]


def test_unit_detail_fields_and_lineage(tree, api):
    body = api.get(unit_url(tree.cc1)).json()
    assert set(body) == {"id", "code", "name", "type", "level", "valid_from", "valid_to", "parent", "successors", "predecessors"}
    assert body["name"] == "Bình An"
    assert body["type"] == "xã"
    assert body["level"] == 3
    assert body["valid_from"] == "2025-07-01"
    assert body["valid_to"] is None
    assert body["parent"] == tree.cp.pk
    assert [p["id"] for p in body["predecessors"]] == [tree.lc2.pk]
    assert body["successors"] == []

    legacy = api.get(unit_url(tree.lp1)).json()
    assert legacy["valid_to"] == "2025-06-30"
    assert legacy["successors"] == [{"id": tree.cp.pk, "code": "91", "name": "An Giang", "type": "tỉnh", "level": 1}]


def test_out_of_scope_detail_is_404(tree, api):
    assert api.get(unit_url(tree.cc3)).status_code == 404
    assert api.get(unit_url(tree.lp2)).status_code == 404
    organization = OrganizationFactory(unit=tree.cc3)
    assert api.get(reverse("api:organization-detail", args=[organization.pk])).status_code == 404


def test_organizations_by_unit_include_sub_units_and_exclude_others(tree, api):
    on_commune = OrganizationFactory(unit=tree.cc1, name="Hội Nông dân xã Bình An")
    on_hamlet = OrganizationFactory(unit=tree.h1, name="Chi hội ấp Mới")
    OrganizationFactory(unit=tree.cc2, name="Hội Nông dân phường Thạnh Lộc")
    OrganizationFactory(unit=tree.cc3, name="Hội Nông dân xã Đất Mũi")
    response = api.get(ORGANIZATIONS, {"unit": tree.cc1.pk})
    assert set(names(response)) == {on_commune.name, on_hamlet.name}
    item = next(i for i in response.json()["results"] if i["id"] == on_hamlet.pk)
    assert item["unit"] == tree.h1.pk
    assert item["kind"] == "Hội Nông dân"
    # A unit out of scope is not a choice: refused as for a unit that does not exist, nothing listed.
    refused = api.get(ORGANIZATIONS, {"unit": tree.cc3.pk})
    assert refused.status_code == 400 and set(refused.json()) == {"unit"}
    assert len(names(api.get(ORGANIZATIONS))) == 3


def test_api_is_read_only(tree, api, make_user):
    editor = api_client(make_user(tree.cc1, role=Role.EDITOR))
    assert editor.post(UNITS, {"name": "Ấp Mới Lập"}).status_code in (403, 405)
    assert editor.delete(unit_url(tree.h1)).status_code in (403, 405)


def test_schema_is_openapi(db, national_admin, login):
    response = login(national_admin).get(reverse("api:schema"), {"format": "json"})
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    assert "/api/v1/units/" in schema["paths"]
    assert "/api/v1/organizations/{id}/" in schema["paths"]


def test_a_write_cannot_name_a_related_record_of_another_unit(tree):
    """Related records named in a request are limited to the caller's scope, as in the forms."""
    from danvan.directives.models import Directive
    from danvan.directives.tests.factories import DirectiveFactory

    elsewhere = DirectiveFactory(unit=tree.cc3, symbol="05-KH/ĐU")
    editor = api_client(UserFactory(unit=tree.cc1, role=Role.EDITOR))
    payload = {"symbol": "07-KH/ĐU", "unit": tree.cc1.pk, "subject": "Kế hoạch thực hiện", "implements": elsewhere.pk}
    response = editor.post("/api/v1/directives/", payload, content_type="application/json")
    assert response.status_code == 400 and set(response.json()) == {"implements"}
    assert not Directive.objects.filter(unit=tree.cc1).exists()
    payload["implements"] = None
    assert editor.post("/api/v1/directives/", payload, content_type="application/json").status_code == 201
