"""Bad input on the unit forms, posted through the real pages: the error is on the field and nothing is saved.

Messages are compared with the catalogue's Vietnamese for the English msgid, so the
tests hold whether or not the catalogue translates a given message yet.
"""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from danvan.core.choices import Role
from danvan.units.models import Unit
from danvan.units.tests.factories import HamletFactory, LEGACY_END

pytestmark = pytest.mark.django_db


def vi(message, **params):
    with translation.override("vi"):
        text = translation.gettext(message)
        return text % params if params else text


def level_message(level, parent):
    with translation.override("vi"):
        return translation.gettext("A %(level)s cannot be placed under a %(parent)s.") % {
            "level": str(level).lower(), "parent": str(parent).lower()
        }


def hamlet_data(tree, **overrides):
    return {"type": "ap", "name": "Ấp Tân Lập", "code": "", "parent": tree.cc1.pk, "valid_from": "", "valid_to": "", **overrides}


@pytest.fixture
def editor(tree, make_user, login):
    return login(make_user(tree.cc1, role=Role.EDITOR))


@pytest.fixture
def province_admin(tree, make_user, login):
    return login(make_user(tree.cp, role=Role.ADMINISTRATOR))


def post_invalid(client, url, data, field):
    count = Unit.objects.count()
    response = client.post(url, data)
    assert response.status_code == 200, "the form was accepted"
    errors = response.context["form"].errors
    assert field in errors, errors
    assert Unit.objects.count() == count
    return errors[field]


def test_a_valid_hamlet_is_saved(tree, editor):
    response = editor.post(reverse("units:create"), hamlet_data(tree))
    hamlet = Unit.objects.get(name="Ấp Tân Lập")
    assert response.status_code == 302
    assert (hamlet.level, hamlet.parent, hamlet.path) == (4, tree.cc1, tree.cc1.path + f"{hamlet.pk:08d}")


def test_hamlet_without_name(tree, editor):
    errors = post_invalid(editor, reverse("units:create"), hamlet_data(tree, name=""), "name")
    assert vi("This field is required.") in errors


def test_end_date_before_start_date(tree, editor):
    errors = post_invalid(editor, reverse("units:create"), hamlet_data(tree, valid_from="01/07/2025", valid_to="01/01/2025"), "valid_to")
    assert errors == [vi("The end date cannot be before the start date.")]


def test_end_date_before_start_date_when_editing(tree, editor):
    url = reverse("units:update", args=[tree.h1.pk])
    post_invalid(editor, url, hamlet_data(tree, name=tree.h1.name, valid_from="01/07/2025", valid_to="30/06/2025"), "valid_to")
    tree.h1.refresh_from_db()
    assert tree.h1.valid_to is None


@pytest.mark.parametrize("parent", ["cp", "lp1", "ld1"])
def test_hamlet_under_a_province_or_district_is_refused_by_the_form(tree, make_user, login, parent):
    client = login(make_user(None, role=Role.ADMINISTRATOR))
    errors = post_invalid(client, reverse("units:create"), hamlet_data(tree, parent=getattr(tree, parent).pk), "parent")
    assert errors  # the hamlet form only offers communes


@pytest.mark.parametrize(("parent", "level_word"), [("cp", "Province"), ("ld1", "District"), ("h1", "Hamlet")])
def test_hamlet_under_the_wrong_level_is_refused_by_the_model(tree, parent, level_word):
    hamlet = Unit(type="ap", name="Ấp Lạc", parent=getattr(tree, parent))
    with translation.override("vi"), pytest.raises(ValidationError) as caught:
        hamlet.full_clean()
    assert caught.value.message_dict["parent"] == [level_message(translation.gettext("Hamlet"), translation.gettext(level_word))]


def test_commune_under_a_commune_is_refused_through_the_page(tree, province_admin):
    data = {"type": "phuong", "name": tree.cc2.name, "code": tree.cc2.code, "parent": tree.cc1.pk, "valid_from": "01/07/2025"}
    errors = post_invalid(province_admin, reverse("units:update", args=[tree.cc2.pk]), data, "parent")
    with translation.override("vi"):
        assert errors == [level_message(translation.gettext("Commune"), translation.gettext("Commune"))]
    tree.cc2.refresh_from_db()
    assert tree.cc2.parent == tree.cp


def test_a_unit_cannot_be_moved_under_its_own_descendant(tree, make_user, login):
    client = login(make_user(tree.lp1, role=Role.ADMINISTRATOR))
    data = {"type": "huyen", "name": tree.ld1.name, "code": tree.ld1.code, "parent": tree.lc1.pk, "valid_to": "30/06/2025"}
    errors = post_invalid(client, reverse("units:update", args=[tree.ld1.pk]), data, "parent")
    assert errors == [vi("A unit cannot be placed under itself or one of its own sub-units.")]
    tree.ld1.refresh_from_db()
    tree.lc1.refresh_from_db()
    assert tree.ld1.parent == tree.lp1
    assert tree.lc1.path.startswith(tree.ld1.path)


@pytest.mark.parametrize("new_parent", ["self", "child", "grandchild"])
def test_model_guard_against_cycles(tree, new_parent):
    """The model refuses a cycle even where the level rule would not catch it first."""
    unit = tree.lp1
    unit.parent = {"self": tree.lp1, "child": tree.ld1, "grandchild": tree.lc1}[new_parent]
    with pytest.raises(ValidationError) as caught:
        unit.full_clean()
    assert caught.value.message_dict["parent"] == [vi("A unit cannot be placed under itself or one of its own sub-units.")]


def test_duplicate_code_in_the_same_period_is_refused(tree, editor):
    HamletFactory(parent=tree.cc1, code="AP-01")
    errors = post_invalid(editor, reverse("units:create"), hamlet_data(tree, code="AP-01"), "code")
    assert errors == [vi("Another unit of this level has this code in the same period.")]


def test_same_code_is_allowed_when_the_periods_do_not_overlap(tree, editor):
    HamletFactory(parent=tree.cc1, code="AP-02", valid_to=LEGACY_END)
    response = editor.post(reverse("units:create"), hamlet_data(tree, code="AP-02", valid_from="01/07/2025"))
    assert response.status_code == 302
    assert Unit.objects.filter(code="AP-02").count() == 2


def test_same_code_on_another_level_is_allowed(tree):
    # The reform reused codes: today's An Giang has the old Kiên Giang's 91, both provinces though
    # in periods that do not overlap; a commune may carry 91 too.
    unit = Unit(type="xa", name="Xã Chín Mốt", code="91", parent=tree.cp)
    unit.full_clean()


def test_province_code_reused_across_the_reform_but_not_within_a_period(tree):
    # While today's An Giang holds 91, another current province cannot.
    with pytest.raises(ValidationError) as caught:
        Unit(type="tinh", name="Tỉnh Trùng", code="91", valid_from=tree.cp.valid_from).full_clean()
    assert "code" in caught.value.message_dict
    # Without it, the legacy Kiên Giang's 91 (ended 30/06/2025) does not stop a current province taking 91.
    Unit.objects.filter(pk=tree.cp.pk).update(code="89")
    Unit(type="tinh", name="An Giang", code="91", valid_from=tree.cp.valid_from).full_clean()


def test_editor_cannot_add_a_hamlet_to_another_commune(tree, editor):
    assert editor.get(reverse("units:create"), {"parent": tree.cc2.pk}).status_code == 404
    post_invalid(editor, reverse("units:create"), hamlet_data(tree, parent=tree.cc2.pk), "parent")
