"""The people services hold the rules of a person's record and of a title held, whatever page or command writes."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from danvan.core.choices import Role
from danvan.organizations.tests.factories import OrganizationFactory
from danvan.people import services
from danvan.people.models import Person, Position
from danvan.people.tests.factories import PersonFactory, PositionFactory

D = datetime.date


def test_a_year_of_birth_outside_1900_and_this_year_is_refused(tree, make_user):
    editor = make_user(unit=tree.cc1)
    for year in (1899, datetime.date.today().year + 1):
        with pytest.raises(ValidationError) as caught:
            services.save_person(editor, Person(full_name="Lê Thị Hoa", unit=tree.cc1, birth_year=year))
        assert "birth_year" in caught.value.message_dict
    assert services.save_person(editor, Person(full_name="Lê Thị Hoa", unit=tree.cc1, birth_year=1975)).pk
    assert Person.objects.count() == 1


def test_a_position_lies_within_the_period_of_its_organisation(tree, make_user):
    editor = make_user(unit=tree.cc1)
    front = OrganizationFactory(unit=tree.cc1, valid_from=D(2025, 7, 1))
    person = PersonFactory(unit=tree.cc1)
    with pytest.raises(ValidationError) as caught:
        services.record_position(editor, Position(person=person, organization=front, title="Chủ tịch", valid_from=D(2020, 1, 1)))
    assert "valid_from" in caught.value.message_dict
    assert services.record_position(editor, Position(person=person, organization=front, title="Chủ tịch")).pk  # dates unknown
    ended = OrganizationFactory(unit=tree.cc1, valid_to=D(2025, 6, 30))
    with pytest.raises(ValidationError):
        services.record_position(editor, Position(person=person, organization=ended, title="Chủ tịch", valid_to=D(2025, 12, 31)))


def test_the_same_title_twice_at_once_is_refused_one_after_the_other_is_not(tree, make_user):
    editor = make_user(unit=tree.cc1)
    held = PositionFactory(person__unit=tree.cc1, title="Chủ tịch", valid_from=D(2020, 1, 1), valid_to=D(2024, 12, 31))
    again = Position(person=held.person, organization=held.organization, title="chủ tịch", valid_from=D(2024, 6, 1))
    with pytest.raises(ValidationError) as caught:
        services.record_position(editor, again)
    assert "title" in caught.value.message_dict
    later = Position(person=held.person, organization=held.organization, title="Chủ tịch", valid_from=D(2025, 1, 1))
    assert services.record_position(editor, later).pk
    held.title = "Chủ tịch"
    assert services.record_position(editor, held)  # editing a position does not clash with itself


def test_the_position_page_saves_through_the_service(tree, make_user, login):
    client = login(make_user(unit=tree.cc1, role=Role.EDITOR))
    front = OrganizationFactory(unit=tree.cc1, valid_from=D(2025, 7, 1))
    person = PersonFactory(unit=tree.cc1)
    response = client.post(reverse("people:position-create", args=[person.pk]),
                           {"organization": front.pk, "title": "Chủ tịch", "valid_from": "01/01/2020"})
    assert response.status_code == 200 and "valid_from" in response.context["form"].errors
    assert not Position.objects.exists()
