"""A person's profile (birth date, ethnicity, religion, occupation, hamlet, citizen ID) obeys the same rules
from every writer; each refusal names its field and stores nothing."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from danvan.people import services
from danvan.people.models import Ethnicity, Gender, OccupationGroup, Person, Religion
from danvan.people.tests.factories import allowed_personal_data

D = datetime.date


def _refused(user, field, **values):
    with pytest.raises(ValidationError) as caught:
        services.save_person(user, Person(full_name="Lê Thị Hoa", **values))
    assert field in caught.value.message_dict
    assert not Person.objects.exists()
    return caught.value.message_dict[field][0]


def test_the_year_of_birth_follows_the_date_and_the_name_is_folded_for_matching(tree, make_user):
    editor = allowed_personal_data(make_user(unit=tree.cc1))
    person = services.save_person(editor, Person(full_name="  Lê   Thị Hoà ", unit=tree.cc1, birth_date=D(1990, 5, 2),
                                                 ethnicity=Ethnicity.objects.get(name="Khơ-me"),
                                                 religion=Religion.objects.get(code="phat-giao"),
                                                 occupation_group=OccupationGroup.FARMER, residence_hamlet=tree.h1))
    person.refresh_from_db()
    assert (person.full_name, person.folded_name, person.birth_year) == ("Lê Thị Hoà", "le thi hoa", 1990)
    assert person.ethnicity.minority and not Ethnicity.objects.get(code="01").minority
    assert Ethnicity.objects.count() == 54


def test_a_date_of_birth_that_contradicts_the_year_or_lies_ahead_is_refused(tree, make_user):
    editor = make_user(unit=tree.cc1)
    _refused(editor, "birth_year", unit=tree.cc1, birth_date=D(1990, 5, 2), birth_year=1991)
    _refused(editor, "birth_date", unit=tree.cc1, birth_date=datetime.date.today() + datetime.timedelta(days=1))
    _refused(editor, "birth_date", unit=tree.cc1, birth_date=D(1899, 12, 31))


def test_the_hamlet_of_residence_is_a_hamlet_within_the_persons_unit(tree, make_user):
    editor = make_user(unit=tree.cc1)
    _refused(editor, "residence_hamlet", unit=tree.cc2, residence_hamlet=tree.h1)
    _refused(editor, "residence_hamlet", unit=tree.cc1, residence_hamlet=tree.cc1)


@pytest.mark.parametrize("number", ["08719000123", "0871900001234", "08719000123a"])
def test_a_citizen_id_is_twelve_digits(tree, make_user, number):
    with pytest.raises(ValidationError) as caught:
        Person(full_name="Lê Thị Hoa", unit=tree.cc1, citizen_id=number).full_clean()
    assert "citizen_id" in caught.value.message_dict


def test_a_citizen_id_agrees_with_the_sex_and_year_of_birth(tree, make_user):
    editor = allowed_personal_data(make_user(unit=tree.cc1))
    woman_1990 = "096190001234"
    _refused(editor, "citizen_id", unit=tree.cc1, gender=Gender.MALE, birth_year=1990, citizen_id=woman_1990)
    _refused(editor, "citizen_id", unit=tree.cc1, gender=Gender.FEMALE, birth_year=1991, citizen_id=woman_1990)
    _refused(editor, "citizen_id", unit=tree.cc1, gender=Gender.FEMALE, birth_year=2001, citizen_id="096101001234")
    assert services.save_person(editor, Person(full_name="Lê Thị Hoa", unit=tree.cc1, gender=Gender.FEMALE, birth_year=2001,
                                               citizen_id="096301001234")).pk


def test_the_person_form_refuses_a_malformed_citizen_id_in_vietnamese(tree, make_user, client):
    from django.urls import reverse
    from django.utils import translation

    client.force_login(allowed_personal_data(make_user(unit=tree.cc1)))
    response = client.post(reverse("people:create"), {"full_name": "Lê Thị Hoa", "unit": tree.cc1.pk, "citizen_id": "12345"})
    assert response.status_code == 200
    with translation.override("vi"):
        assert "12 chữ số" in response.content.decode()
    assert not Person.objects.exists()
