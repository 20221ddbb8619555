"""The standard organisations of many communes at once: preview, create the missing ones in one go, again nothing."""

import pytest
from django.urls import reverse

from danvan.core.choices import Role
from danvan.organizations.models import Organization, OrganizationKind
from danvan.organizations.services import OPTIONAL_BODIES, set_up_standard_organizations
from danvan.organizations.tests.factories import OrganizationFactory
from danvan.units.tests.factories import HamletFactory

URL = reverse("organizations:standard")
DEFAULT_KINDS = ["dang-uy-xa", "ubnd", "ubmttq", "hoi-ccb", "hoi-nong-dan", "hoi-lhpn", "doan-tncs", "ban-cong-tac-mat-tran"]


@pytest.fixture
def province_admin(tree, make_user):
    return make_user(tree.cp, role=Role.ADMINISTRATOR)


def _create(page, area, kinds=DEFAULT_KINDS, **extra):
    return page.post(URL, {"area": area.pk, "kinds": kinds, "create": "1", **extra}, follow=True)


def test_the_missing_organisations_of_a_province_are_created_once_with_official_names(tree, province_admin, login):
    OrganizationFactory(unit=tree.cc1, kind=OrganizationKind.objects.get(code="hoi-nong-dan"), name="Hội ND xã Bình An (có sẵn)")
    page = login(province_admin)
    preview = page.post(URL, {"area": tree.cp.pk, "kinds": DEFAULT_KINDS, "preview": "1"})
    # Two communes × 7 bodies, less the farmers' union Bình An already has, and one hamlet (ấp Mới).
    assert preview.context["plan"]["total"] == 14
    assert Organization.objects.count() == 1  # the preview writes nothing

    response = _create(page, tree.cp)
    assert "14 tổ chức" in response.content.decode() or "14 organisations" in response.content.decode()
    names = set(Organization.objects.values_list("name", flat=True))
    assert {"Đảng ủy xã Bình An", "UBND phường Thạnh Lộc", "Ủy ban MTTQ Việt Nam xã Bình An", "Hội Cựu chiến binh xã Bình An",
            "Đoàn TNCS Hồ Chí Minh phường Thạnh Lộc", "Ban công tác Mặt trận ấp Mới"} <= names
    assert Organization.objects.filter(unit=tree.cc1, kind__code="hoi-nong-dan").count() == 1
    assert not Organization.objects.filter(kind__code__in=OPTIONAL_BODIES).exists()
    assert not Organization.objects.filter(unit__in=[tree.cc3, tree.lc1, tree.lc2]).exists()  # another province, legacy communes

    again = _create(page, tree.cp)
    assert Organization.objects.count() == 15
    assert "không có tổ chức nào" in again.content.decode().lower() or "no organisation was created" in again.content.decode()


def test_a_new_hamlet_gets_its_front_committee_on_the_next_run(tree, province_admin):
    communes = [tree.cc1]
    assert len(set_up_standard_organizations(province_admin, communes, DEFAULT_KINDS)) == 8
    HamletFactory(name="Kinh Mới", parent=tree.cc1)
    created = set_up_standard_organizations(province_admin, communes, DEFAULT_KINDS)
    assert [organization.name for organization in created] == ["Ban công tác Mặt trận ấp Kinh Mới"]


def test_unticked_communes_of_the_preview_are_left_out(tree, province_admin, login):
    response = _create(login(province_admin), tree.cp, previewed="1", communes=[tree.cc2.pk])
    assert response.status_code == 200
    assert set(Organization.objects.values_list("unit", flat=True)) == {tree.cc2.pk}


def test_a_commune_outside_reach_is_refused_beside_the_field_and_nothing_is_written(tree, province_admin, login):
    page = login(province_admin)
    response = page.post(URL, {"area": tree.cp2.pk, "kinds": DEFAULT_KINDS, "create": "1"})
    assert "area" in response.context["form"].errors
    response = page.post(URL, {"area": tree.cp.pk, "kinds": DEFAULT_KINDS, "create": "1", "previewed": "1", "communes": [tree.cc3.pk]})
    assert "communes" in response.context["form"].errors
    with pytest.raises(Exception):
        set_up_standard_organizations(province_admin, [tree.cc3], DEFAULT_KINDS)
    assert not Organization.objects.exists()


@pytest.mark.parametrize("role", [Role.VIEWER, Role.EDITOR, Role.APPROVER])
def test_only_an_administrator_sets_up_organisations(tree, make_user, login, role):
    page = login(make_user(tree.cp, role=role))
    assert page.get(URL).status_code == 403
    assert _create(page, tree.cp).status_code == 403
    assert not Organization.objects.exists()


@pytest.mark.parametrize("payload", [{"kinds": ["khong-co"]}, {"kinds": []}, {"area": "99999999999999999999999"}, {"area": "x"}])
def test_bad_input_is_refused_beside_its_field(tree, province_admin, login, payload):
    response = login(province_admin).post(URL, {"area": tree.cp.pk, "kinds": DEFAULT_KINDS, "create": "1", **payload})
    assert response.status_code == 200 and set(payload) & set(response.context["form"].errors)
    assert not Organization.objects.exists()
