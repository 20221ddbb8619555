"""Who reaches what: a unit's subtree, across the 2025 reform, and which role may write."""

import pytest
from django.urls import reverse

from danvan.core.choices import Role
from danvan.organizations.models import Organization
from danvan.organizations.tests.factories import OrganizationFactory
from danvan.people.models import Person
from danvan.people.tests.factories import PersonFactory
from danvan.units.models import Unit

pytestmark = pytest.mark.django_db


def visible_units(user):
    return set(Unit.objects.visible_to(user))


def test_commune_user_reaches_its_subtree_and_its_legacy_predecessor_only(tree, make_user):
    user = make_user(tree.cc1)
    # Mong Thọ (legacy) became part of Bình An, so Bình An's officials keep its records.
    assert visible_units(user) == {tree.cc1, tree.h1, tree.lc2}


def test_current_province_user_reaches_merged_legacy_province_and_merged_legacy_commune(tree, make_user):
    user = make_user(tree.cp)
    assert visible_units(user) == {tree.cp, tree.cc1, tree.h1, tree.cc2, tree.lp1, tree.ld1, tree.lc1, tree.lh1, tree.lc2}
    people = {PersonFactory(unit=unit).pk: unit for unit in (tree.lc1, tree.lh1, tree.lc2, tree.lc3, tree.ld2, tree.cc3)}
    seen = {people[p.pk] for p in Person.objects.visible_to(user)}
    assert seen == {tree.lc1, tree.lh1, tree.lc2}


def test_legacy_commune_user_sees_only_that_legacy_subtree(tree, make_user):
    user = make_user(tree.lc1)
    assert visible_units(user) == {tree.lc1, tree.lh1}
    own = PersonFactory(unit=tree.lh1)
    PersonFactory(unit=tree.cp)
    PersonFactory(unit=tree.cc1)
    assert list(Person.objects.visible_to(user)) == [own]


def test_legacy_user_does_not_cross_forward_to_todays_unit(tree, make_user, login):
    client = login(make_user(tree.lc2))
    assert client.get(reverse("units:detail", args=[tree.lc2.pk])).status_code == 200
    assert client.get(reverse("units:detail", args=[tree.cc1.pk])).status_code == 404


def test_national_user_reaches_everything(tree, national_admin):
    assert visible_units(national_admin) == set(Unit.objects.all())


def test_inactive_user_reaches_nothing(tree, make_user):
    assert visible_units(make_user(tree.cp, is_active=False)) == set()


def test_sibling_commune_is_out_of_reach_in_pages(tree, make_user, login):
    person = PersonFactory(unit=tree.cc2, full_name="Trần Thị Ngoài")
    client = login(make_user(tree.cc1))
    assert client.get(reverse("people:detail", args=[person.pk])).status_code == 404
    assert "Trần Thị Ngoài" not in client.get(reverse("people:list")).content.decode()
    assert client.get(reverse("units:detail", args=[tree.cc2.pk])).status_code == 404


@pytest.mark.parametrize(
    ("url_name", "needs_pk"),
    [("people:create", False), ("people:update", True), ("organizations:create", False), ("units:create", False)],
)
def test_viewer_cannot_open_or_post_write_pages(tree, make_user, login, url_name, needs_pk):
    person = PersonFactory(unit=tree.cc1, full_name="Lê Văn Xem")
    url = reverse(url_name, args=[person.pk] if needs_pk else [])
    client = login(make_user(tree.cc1, role=Role.VIEWER))
    assert client.get(url).status_code == 403
    data = {"full_name": "Đã sửa", "unit": tree.cc1.pk, "name": "Mới", "kind": 1, "type": "ap", "parent": tree.cc1.pk}
    assert client.post(url, data).status_code == 403
    person.refresh_from_db()
    assert person.full_name == "Lê Văn Xem"
    assert Person.objects.count() == 1
    assert Unit.objects.filter(name="Mới", parent=tree.cc1).count() == 1  # only the tree's own hamlet


def test_viewer_can_read(tree, make_user, login):
    person = PersonFactory(unit=tree.cc1)
    client = login(make_user(tree.cc1, role=Role.VIEWER))
    assert client.get(reverse("people:detail", args=[person.pk])).status_code == 200
    assert client.get(reverse("people:list")).status_code == 200


@pytest.mark.parametrize("role", [Role.EDITOR, Role.APPROVER, Role.ADMINISTRATOR])
def test_editor_and_above_can_create_and_edit_a_person(tree, make_user, login, role):
    client = login(make_user(tree.cc1, role=role))
    response = client.post(reverse("people:create"), {"full_name": "Phạm Thị Mới", "gender": "female", "unit": tree.h1.pk})
    person = Person.objects.get(full_name="Phạm Thị Mới")
    assert response.status_code == 302
    assert response["Location"] == reverse("people:detail", args=[person.pk])
    response = client.post(reverse("people:update", args=[person.pk]), {"full_name": "Phạm Thị Mai", "unit": tree.h1.pk})
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.full_name == "Phạm Thị Mai"


def test_editor_cannot_create_a_record_in_another_unit(tree, make_user, login):
    client = login(make_user(tree.cc1))
    response = client.post(reverse("people:create"), {"full_name": "Ngoài Phạm Vi", "unit": tree.cc2.pk})
    assert response.status_code == 200
    assert "unit" in response.context["form"].errors
    assert not Person.objects.exists()
    # The form offers only units in scope.
    offered = set(response.context["form"].fields["unit"].queryset)
    assert offered == {tree.cc1, tree.h1, tree.lc2}


def test_editor_cannot_move_a_record_out_of_scope(tree, make_user, login):
    organization = OrganizationFactory(unit=tree.cc1, name="Hội Nông dân Bình An")
    client = login(make_user(tree.cc1))
    data = {"name": "Hội Nông dân Bình An", "kind": organization.kind_id, "unit": tree.cc3.pk}
    response = client.post(reverse("organizations:update", args=[organization.pk]), data)
    assert response.status_code == 200
    assert "unit" in response.context["form"].errors
    organization.refresh_from_db()
    assert organization.unit == tree.cc1


def test_save_record_refuses_and_rolls_back_an_out_of_scope_write(tree, make_user):
    from django.core.exceptions import ValidationError

    from danvan.core.services import save_record

    user = make_user(tree.cc1)
    with pytest.raises(ValidationError):
        save_record(user, Person(full_name="Lọt Lưới", unit=tree.cc2))
    assert not Person.objects.filter(full_name="Lọt Lưới").exists()


def test_commune_editor_cannot_edit_official_units_but_administrator_can(tree, make_user, login):
    url = reverse("units:update", args=[tree.cc1.pk])
    assert login(make_user(tree.cc1)).get(url).status_code == 403
    client = login(make_user(tree.cp, role=Role.ADMINISTRATOR))
    data = {"type": "xa", "name": "Bình An Mới", "code": tree.cc1.code, "parent": tree.cp.pk, "valid_from": "01/07/2025"}
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    tree.cc1.refresh_from_db()
    assert tree.cc1.name == "Bình An Mới"


def test_scope_filter_on_organizations_uses_the_organizations_unit(tree, make_user):
    inside = OrganizationFactory(unit=tree.lc2)
    OrganizationFactory(unit=tree.lc3)
    assert list(Organization.objects.visible_to(make_user(tree.cc1))) == [inside]
