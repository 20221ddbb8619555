"""Two officials edit one initiative's page at once: nothing of either is lost without being told."""

import datetime

from danvan.core.choices import Role
from danvan.movement.models import Initiative
from danvan.movement.tests.factories import FieldFactory, InitiativeFactory


def _as_submitted(response, **changes):
    """What the browser would send back for the form on ``response``, with ``changes`` typed in."""
    data = {}
    for bound in response.context["form"]:
        value = bound.value()
        if value is None:
            continue
        if isinstance(value, (list, tuple)):
            data[bound.html_name] = [str(item) for item in value]
        elif isinstance(value, datetime.date):
            data[bound.html_name] = value.strftime("%d/%m/%Y")
        elif isinstance(value, bool):
            if value:
                data[bound.html_name] = "on"
        else:
            data[bound.html_name] = str(value)
    data.update(changes)
    return data


def test_a_stale_save_shows_what_the_other_person_changed_and_keeps_what_this_user_typed(tree, make_user, login):
    initiative = InitiativeFactory(unit=tree.cc1, description="Mô tả ban đầu", goals="Mục tiêu ban đầu")
    initiative.fields.set([FieldFactory()])
    url = f"/movement/{initiative.pk}/edit/"
    lan = login(make_user(tree.cc1, Role.EDITOR, first_name="Lan", last_name="Trần"))
    minh = login(make_user(tree.cc1, Role.EDITOR))

    minh_page = minh.get(url)
    lan_page = lan.get(url)
    assert lan.post(url, _as_submitted(lan_page, description="Mô tả của Lan")).status_code == 302

    refused = minh.post(url, _as_submitted(minh_page, description="Mô tả của Minh", goals="Mục tiêu của Minh"))
    assert refused.status_code == 200
    page = refused.content.decode()
    assert "Mô tả của Lan" in page and "Lan" in " ".join(refused.context["form"].errors["description"])
    assert "Mô tả của Minh" in page and "Mục tiêu của Minh" in page  # what Minh typed is still in the form
    stored = Initiative.objects.get(pk=initiative.pk)
    assert (stored.description, stored.goals) == ("Mô tả của Lan", "Mục tiêu ban đầu")

    # Minh has seen Lan's change; saving the same form again keeps his text.
    assert minh.post(url, _as_submitted(refused)).status_code == 302
    stored = Initiative.objects.get(pk=initiative.pk)
    assert (stored.description, stored.goals) == ("Mô tả của Minh", "Mục tiêu của Minh")


def test_a_stale_save_of_other_fields_is_merged_silently(tree, make_user, login):
    initiative = InitiativeFactory(unit=tree.cc1, description="Mô tả", goals="Mục tiêu")
    initiative.fields.set([FieldFactory()])
    url = f"/movement/{initiative.pk}/edit/"
    first, second = login(make_user(tree.cc1, Role.EDITOR)), login(make_user(tree.cc1, Role.EDITOR))
    first_page, second_page = first.get(url), second.get(url)
    assert first.post(url, _as_submitted(first_page, description="Mô tả mới")).status_code == 302
    assert second.post(url, _as_submitted(second_page, goals="Mục tiêu mới")).status_code == 302
    stored = Initiative.objects.get(pk=initiative.pk)
    assert (stored.description, stored.goals) == ("Mô tả mới", "Mục tiêu mới")
