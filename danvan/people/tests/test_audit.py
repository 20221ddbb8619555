"""Every change to a person is logged with who did it and before → after, and shown on the page."""

import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from danvan.core.audit import history
from danvan.people.models import Person
from danvan.people.tests.factories import PersonFactory, PositionFactory
from danvan.organizations.tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(tree, make_user):
    return make_user(tree.cc1, username="canbo.binhan", first_name="Lê", last_name="Thị Hoa")


def test_creating_a_person_through_the_page_is_logged_with_the_actor(tree, editor, login):
    response = login(editor).post(reverse("people:create"), {"full_name": "Đặng Văn Lâm", "birth_year": "1975", "unit": tree.cc1.pk})
    assert response.status_code == 302
    person = Person.objects.get()
    (entry,) = history(person)
    assert entry.action == LogEntry.Action.CREATE
    assert entry.actor == editor
    assert entry.changes_dict["full_name"] == ["None", "Đặng Văn Lâm"]


def test_updating_a_person_through_the_page_records_before_and_after(tree, editor, login):
    person = PersonFactory(unit=tree.cc1, full_name="Đặng Văn Lâm", birth_year=1975)
    client = login(editor)
    response = client.post(reverse("people:update", args=[person.pk]), {"full_name": "Đặng Văn Lâm", "gender": "male", "birth_year": "1976", "unit": tree.cc1.pk})
    assert response.status_code == 302
    entry = history(person)[0]
    assert entry.action == LogEntry.Action.UPDATE
    assert entry.actor == editor
    assert entry.changes_dict == {"birth_year": ["1975", "1976"]}  # only what changed; search_text is not logged

    page = client.get(reverse("people:detail", args=[person.pk]))
    assert list(page.context["history"])[0] == entry
    text = page.content.decode()
    assert "1975 → 1976" in text
    assert "Lê Thị Hoa" in text or "canbo.binhan" in text


def test_failed_update_is_not_logged(tree, editor, login):
    person = PersonFactory(unit=tree.cc1)
    count = LogEntry.objects.count()
    login(editor).post(reverse("people:update", args=[person.pk]), {"full_name": "", "unit": tree.cc1.pk})
    assert LogEntry.objects.count() == count


def test_position_and_organisation_changes_are_logged(tree, editor, login):
    position = PositionFactory(person__unit=tree.cc1, title="Phó Chủ tịch")
    data = {"organization": position.organization_id, "title": "Chủ tịch", "valid_from": "01/07/2025"}
    assert login(editor).post(reverse("people:position-update", args=[position.pk]), data).status_code == 302
    assert history(position)[0].changes_dict["title"] == ["Phó Chủ tịch", "Chủ tịch"]

    organization = OrganizationFactory(unit=tree.cc1, name="Chi hội Ấp Mới")
    page = login(editor).get(reverse("organizations:detail", args=[organization.pk]))
    assert "Chi hội Ấp Mới" in page.content.decode()
    assert list(page.context["history"]) == list(history(organization))
