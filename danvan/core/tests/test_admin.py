"""The admin site is for administrators, and shows lifecycle fields read-only."""

import pytest
from django.contrib import admin
from django.urls import reverse

from danvan.core.admin import LifecycleReadOnlyMixin
from danvan.core.choices import Role
from danvan.movement.choices import Status
from danvan.movement.tests.factories import InitiativeFactory

pytestmark = pytest.mark.django_db

INDEX = reverse("admin:index")


@pytest.mark.parametrize("role", [Role.VIEWER, Role.EDITOR, Role.APPROVER])
def test_staff_who_are_not_administrators_are_turned_away(tree, login, make_user, role):
    user = make_user(unit=tree.cp, role=role, is_staff=True)
    response = login(user).get(INDEX)
    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))


def test_an_administrator_and_a_superuser_are_let_in(tree, login, make_user, national_admin):
    national_admin.is_staff = True
    national_admin.save()
    assert login(national_admin).get(INDEX).status_code == 200
    superuser = make_user(unit=tree.cp, role=Role.VIEWER, is_staff=True, is_superuser=True)
    assert login(superuser).get(INDEX).status_code == 200


def our_admins():
    return [
        model_admin for model, model_admin in admin.site._registry.items() if model.__module__.startswith("danvan.")
    ]


def test_every_admin_of_ours_derives_from_the_core_base():
    classes = [type(model_admin) for model_admin in our_admins()]
    classes += [inline for model_admin in our_admins() for inline in model_admin.inlines]
    assert classes
    assert [cls.__name__ for cls in classes if not issubclass(cls, LifecycleReadOnlyMixin)] == []


def test_every_status_is_read_only_in_the_admin(rf, make_user):
    request = rf.get("/")
    request.user = make_user(role=Role.ADMINISTRATOR, is_superuser=True)
    missing = [
        type(model_admin).__name__
        for model_admin in our_admins()
        if any(field.name == "status" for field in model_admin.model._meta.fields)
        and "status" not in model_admin.get_readonly_fields(request)
    ]
    assert missing == []


def test_an_initiative_change_page_shows_its_lifecycle_read_only(tree, login, make_user):
    superuser = make_user(unit=tree.cp, role=Role.ADMINISTRATOR, is_staff=True, is_superuser=True)
    initiative = InitiativeFactory(unit=tree.cc1, status=Status.RECOGNISED)
    page = login(superuser).get(reverse("admin:movement_initiative_change", args=[initiative.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    for name in ("status", "highest_level", "recognised_on"):
        assert f"field-{name}" in html  # shown
        assert f'name="{name}"' not in html  # but not editable
    assert str(Status.RECOGNISED.label) in html or "Đã công nhận" in html
