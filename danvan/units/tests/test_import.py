"""Hamlets imported from the downloaded template: all rows or none, each bad row named, only under communes within reach."""

import pytest
from django.test import Client

from danvan.core.choices import Level, Role
from danvan.core.tests.imports import (
    assert_lying_and_huge_files_refused, assert_page_access, assert_refused, headers_of, row_error, template_upload, vi,
)
from danvan.units.imports import SPEC
from danvan.units.models import Unit

pytestmark = pytest.mark.django_db
URL = "/units/import/"


@pytest.fixture
def editor(tree, make_user, login):
    return login(make_user(unit=tree.cc1, role=Role.EDITOR))


def test_the_filled_in_template_adds_the_hamlets_under_their_commune(tree, editor):
    assert headers_of(editor, URL) == [column.header for column in SPEC.columns]
    upload = template_upload(editor, URL, [["Kinh Mới", "ấp", "xã Bình An", "02"], ["Tổ 3", "tổ dân phố", "binh an", None]])
    response = editor.post(URL, {"file": upload})
    assert response.status_code == 302 and response["Location"] == "/units/list/"
    added = {unit.name: unit for unit in Unit.objects.filter(parent=tree.cc1).exclude(pk=tree.h1.pk)}
    assert set(added) == {"Kinh Mới", "Tổ 3"}
    assert (added["Kinh Mới"].type, added["Kinh Mới"].code, added["Kinh Mới"].level) == ("ap", "02", Level.HAMLET)
    assert added["Tổ 3"].type == "to_dan_pho"
    # The same file again: every row is a duplicate, refused by name, nothing added twice.
    again = template_upload(editor, URL, [["Kinh Mới", "ấp", "xã Bình An", "02"]])
    assert_refused(editor, URL, again, Unit, row_error(2, SPEC.header("name"), vi("%(parent)s already has a hamlet named “%(name)s”.", parent=tree.cc1, name="Kinh Mới")[:-1]))


def test_one_bad_row_among_good_ones_adds_nothing_and_names_each_bad_row_and_column(tree, editor):
    rows = [["Kinh Mới", "ấp", "xã Bình An"], ["Mới", "ấp", "xã Bình An"], ["Kinh Cũ", "làng", "xã Bình An"], ["", "ấp", "xã Bình An"]]
    page = assert_refused(editor, URL, template_upload(editor, URL, rows), Unit,
                          row_error(3, SPEC.header("name"), vi("%(parent)s already has a hamlet named “%(name)s”.", parent=tree.cc1, name="Mới")[:-1]),
                          f"{vi('Row %(row)s, column «%(column)s»: %(reason)s.', row=4, column=SPEC.header('type'), reason='')[:-2]}",
                          row_error(5, SPEC.header("name"), vi("the cell is empty")))
    assert "Dòng 2" not in page


def test_a_commune_of_another_unit_is_a_bad_row_not_a_hamlet(tree, editor):
    rows = [["Kinh Mới", "ấp", "xã Bình An"], ["Rạch Gốc", "ấp", "xã Đất Mũi"], ["Ấp 9", "ấp", "xã Không Có"]]
    assert_refused(editor, URL, template_upload(editor, URL, rows), Unit,
                   row_error(3, SPEC.header("commune"), vi("“%(value)s” is outside the units you work for", value="xã Đất Mũi")),
                   row_error(4, SPEC.header("commune"), vi("unknown unit “%(value)s”", value="xã Không Có")))
    assert not Unit.objects.filter(name__in=["Kinh Mới", "Rạch Gốc"]).exists()


def test_files_that_are_not_xlsx_and_a_huge_file_are_refused(editor):
    assert_lying_and_huge_files_refused(editor, URL, Unit)


def test_the_page_is_for_editors_of_the_unit(tree, login, make_user):
    assert_page_access(URL, login, make_user, tree.cc1, tree.cc3, Client())
    editor = login(make_user(unit=tree.cc1, role=Role.EDITOR))
    assert "/units/import/" in editor.get("/units/list/").content.decode()
    assert "/units/import/" not in login(make_user(unit=tree.cc1, role=Role.VIEWER)).get("/units/list/").content.decode()
