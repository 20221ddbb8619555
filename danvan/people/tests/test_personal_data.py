"""Personal data (Nghị định 13/2023/NĐ-CP): the minimum shown, the citizen ID masked without the permission, reads
from outside the person's commune and exports logged, a person's data given out, those long gone anonymised."""

import datetime
import io
import json

import openpyxl
import pytest
from auditlog.models import LogEntry
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.urls import reverse

from danvan.core.choices import Role
from danvan.people import services
from danvan.people.models import Gender, Person
from danvan.people.tests.factories import PersonFactory, PositionFactory, allowed_personal_data

NUMBER = "087190001234"


def _reads(person):
    return LogEntry.objects.get_for_object(person).filter(action=LogEntry.Action.ACCESS)


@pytest.fixture
def person(tree):
    return PersonFactory(unit=tree.cc1, full_name="Lê Thị Hoa", gender=Gender.FEMALE, birth_year=1990, citizen_id=NUMBER)


def test_the_citizen_id_is_masked_on_the_page_and_in_the_api_without_the_permission(tree, make_user, login, person):
    plain = login(make_user(unit=tree.cc1))
    page = plain.get(reverse("people:detail", args=[person.pk])).content.decode()
    assert NUMBER not in page and "•••••••••234" in page
    assert plain.get(reverse("api:person-detail", args=[person.pk])).json()["citizen_id"] == "•••••••••234"
    allowed = login(allowed_personal_data(make_user(unit=tree.cc1)))
    assert NUMBER in allowed.get(reverse("people:detail", args=[person.pk])).content.decode()
    assert allowed.get(reverse("api:person-list")).json()["results"][0]["citizen_id"] == NUMBER


def test_the_edit_form_offers_the_citizen_id_only_with_the_permission_and_the_service_refuses_it(tree, make_user, login, person):
    editor = make_user(unit=tree.cc1)
    assert 'name="citizen_id"' not in login(editor).get(reverse("people:update", args=[person.pk])).content.decode()
    person = Person.objects.get(pk=person.pk)
    person.citizen_id = "087190009999"
    with pytest.raises(PermissionDenied):
        services.save_person(editor, person)
    assert Person.objects.get(pk=person.pk).citizen_id == NUMBER


def test_a_read_from_outside_the_persons_commune_is_logged_not_one_from_inside(tree, make_user, login, person):
    login(make_user(unit=tree.cc1)).get(reverse("people:detail", args=[person.pk]))
    assert not _reads(person).exists()
    province = make_user(unit=tree.cp)
    assert login(province).get(reverse("people:detail", args=[person.pk])).status_code == 200
    read = _reads(person).get()
    assert (read.actor, read.additional_data) == (province, {"surface": "page"})


def test_the_list_and_its_export_show_the_minimum_unless_allowed_and_an_allowed_export_is_logged(tree, make_user, login, person):
    def export(user):
        response = login(user).get(reverse("people:list") + "?format=xlsx")
        sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
        return [cell for row in sheet.iter_rows(values_only=True) for cell in row if cell]

    assert NUMBER not in export(make_user(unit=tree.cc1)) and not _reads(person).exists()
    assert NUMBER in export(allowed_personal_data(make_user(unit=tree.cc1)))
    assert _reads(person).get().additional_data == {"surface": "export"}


def test_a_persons_data_is_given_out_as_json_and_xlsx_only_with_the_permission(tree, make_user, login, person):
    PositionFactory(person=person, title="Chi hội trưởng")
    url = reverse("people:data", args=[person.pk])
    plain = login(make_user(unit=tree.cc1))
    assert plain.get(url + "?format=json").status_code == 403
    assert "?format=json" not in plain.get(url).content.decode()
    client = login(allowed_personal_data(make_user(unit=tree.cc1)))
    assert "?format=json" in client.get(url).content.decode()
    data = json.loads(client.get(url + "?format=json").content)
    assert NUMBER in data["person"].values()
    assert any("Chi hội trưởng" in record for records in data["records"].values() for record in records)
    assert client.get(url + "?format=xlsx")["Content-Type"].startswith("application/vnd.openxmlformats")
    assert _reads(person).count() == 2


def test_the_api_lists_only_persons_within_the_users_units_and_filters(tree, make_user, login, person):
    PersonFactory(unit=tree.cc2, full_name="Trần Văn Xa")
    PersonFactory(unit=tree.cc1, full_name="Đỗ Văn Gần", gender=Gender.MALE)
    client = login(make_user(unit=tree.cc1, role=Role.VIEWER))
    assert {p["full_name"] for p in client.get(reverse("api:person-list")).json()["results"]} == {"Lê Thị Hoa", "Đỗ Văn Gần"}
    assert [p["full_name"] for p in client.get(reverse("api:person-list") + "?gender=female").json()["results"]] == ["Lê Thị Hoa"]
    assert [p["full_name"] for p in client.get(reverse("api:person-list") + "?q=do van").json()["results"]] == ["Đỗ Văn Gần"]
