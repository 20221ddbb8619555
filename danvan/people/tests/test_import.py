"""People with their titles imported from the downloaded template: all rows or none, each bad row named, within reach."""

import pytest
from django.test import Client

from danvan.core.choices import Role
from danvan.core.tests.imports import (
    assert_lying_and_huge_files_refused, assert_page_access, assert_refused, headers_of, row_error, template_upload, vi,
)
from danvan.organizations.tests.factories import OrganizationFactory
from danvan.people.imports import SPEC
from danvan.people.models import Person, Position

pytestmark = pytest.mark.django_db
URL = "/people/import/"


@pytest.fixture
def editor(tree, make_user, login):
    return login(make_user(unit=tree.cc1, role=Role.EDITOR))


@pytest.fixture
def farmers(tree):
    return OrganizationFactory(name="Hội Nông dân xã Bình An", unit=tree.cc1)


def _row(name="Nguyễn Văn An", gender="nam", year=1975, phone="0912 345 678", unit="xã Bình An", organization="Hội Nông dân xã Bình An",
         title="Chủ tịch", since="01/10/2025"):
    return [name, gender, year, phone, unit, organization, title, since]


def test_the_filled_in_template_creates_the_people_with_their_titles(tree, editor, farmers):
    assert headers_of(editor, URL) == [column.header for column in SPEC.columns]
    rows = [_row(), _row(name="Trần Thị Bình", gender="Nữ", year="1982", phone=912345679, title="Phó Chủ tịch", since=None)]
    response = editor.post(URL, {"file": template_upload(editor, URL, rows)})
    assert response.status_code == 302 and response["Location"] == "/people/"
    an = Person.objects.get(full_name="Nguyễn Văn An")
    assert (an.gender, an.birth_year, an.unit, an.note) == ("male", 1975, tree.cc1, vi("Telephone: %(phone)s", phone="0912345678"))
    assert [(p.organization, p.title, p.valid_from.isoformat()) for p in an.positions.all()] == [(farmers, "Chủ tịch", "2025-10-01")]
    binh = Person.objects.get(full_name="Trần Thị Bình")
    assert (binh.gender, binh.birth_year, binh.note) == ("female", 1982, vi("Telephone: %(phone)s", phone="0912345679"))
    assert [(p.organization, p.title, p.valid_from) for p in binh.positions.all()] == [(farmers, "Phó Chủ tịch", None)]
    # The same person again, with a second title: the record is reused; the same title again is a bad row.
    second = template_upload(editor, URL, [_row(title="Bí thư chi bộ")])
    assert editor.post(URL, {"file": second}).status_code == 302
    assert Person.objects.filter(full_name="Nguyễn Văn An").count() == 1 and an.positions.count() == 2
    again = template_upload(editor, URL, [_row()])
    page = assert_refused(editor, URL, again, Position, f"Dòng 2, cột «{SPEC.header('title')}»")
    assert "Nguyễn Văn An" in page


def test_one_bad_row_among_good_ones_creates_nobody_and_names_each_bad_row_and_column(tree, editor, farmers):
    rows = [_row(), _row(name="Lê Văn Cường", year=1850), _row(name="Phạm Thị Dung", phone="12ab"),
            _row(name="Võ Văn Em", since="31/02/2025"), _row(name="Đỗ Thị Gấm", gender="khác")]
    page = assert_refused(editor, URL, template_upload(editor, URL, rows), Person,
                          f"Dòng 3, cột «{SPEC.header('birth_year')}»",
                          row_error(4, SPEC.header("phone"), vi("“%(value)s” is not a telephone number", value="12ab")),
                          row_error(5, SPEC.header("valid_from"), vi("“%(value)s” is not a date dd/mm/yyyy", value="31/02/2025")),
                          f"Dòng 6, cột «{SPEC.header('gender')}»: “khác”")
    assert "Dòng 2" not in page and not Position.objects.exists()


def test_a_unit_or_organisation_of_another_unit_is_a_bad_row(tree, editor, farmers):
    elsewhere = OrganizationFactory(name="Hội Nông dân xã Đất Mũi", unit=tree.cc3)
    rows = [_row(), _row(name="Lê Văn Cường", unit="xã Đất Mũi"), _row(name="Phạm Thị Dung", organization=elsewhere.name)]
    assert_refused(editor, URL, template_upload(editor, URL, rows), Person,
                   row_error(3, SPEC.header("unit"), vi("“%(value)s” is outside the units you work for", value="xã Đất Mũi")),
                   row_error(4, SPEC.header("organization"), vi("no organisation “%(value)s” in %(unit)s or above it", value=elsewhere.name, unit=tree.cc1)))
    assert not Position.objects.exists()


def test_files_that_are_not_xlsx_and_a_huge_file_are_refused(editor):
    assert_lying_and_huge_files_refused(editor, URL, Person)


def test_the_page_is_for_editors_of_the_unit(tree, login, make_user):
    assert_page_access(URL, login, make_user, tree.cc1, tree.cc3, Client())
    assert URL in login(make_user(unit=tree.cc1, role=Role.EDITOR)).get("/people/").content.decode()
