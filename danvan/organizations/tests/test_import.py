"""Organisations imported from the downloaded template: all rows or none, each bad row named, only units within reach."""

import pytest
from django.test import Client

from danvan.core.choices import Role
from danvan.core.tests.imports import (
    assert_lying_and_huge_files_refused, assert_page_access, assert_refused, headers_of, row_error, template_upload, vi,
)
from danvan.organizations.imports import SPEC
from danvan.organizations.models import Organization
from danvan.organizations.tests.factories import OrganizationFactory, OrganizationKindFactory

pytestmark = pytest.mark.django_db
URL = "/organizations/import/"


@pytest.fixture
def editor(tree, make_user, login):
    return login(make_user(unit=tree.cc1, role=Role.EDITOR))


@pytest.fixture
def provincial(tree):
    """Above the editor's commune: outside what a commune's editor may link to."""
    return OrganizationFactory(name="Hội Nông dân tỉnh An Giang", unit=tree.cp, kind=OrganizationKindFactory())


@pytest.fixture
def communal(tree):
    return OrganizationFactory(name="Hội Nông dân xã Bình An", unit=tree.cc1, kind=OrganizationKindFactory())


def test_the_filled_in_template_creates_the_organisations_with_kind_unit_and_parent(tree, editor, communal):
    assert headers_of(editor, URL) == [column.header for column in SPEC.columns]
    rows = [["Chi hội Nông dân ấp Mới", "Chi hội", "ấp Mới, xã Bình An", "Hội Nông dân xã Bình An"],
            ["Ban công tác Mặt trận ấp Mới", "ban cong tac mat tran", "ấp Mới", None]]
    response = editor.post(URL, {"file": template_upload(editor, URL, rows)})
    assert response.status_code == 302 and response["Location"] == "/organizations/"
    branch = Organization.objects.get(name="Chi hội Nông dân ấp Mới")
    assert (branch.kind.code, branch.unit, branch.parent) == ("chi-hoi", tree.h1, communal)
    front = Organization.objects.get(name="Ban công tác Mặt trận ấp Mới")
    assert (front.kind.code, front.unit, front.parent) == ("ban-cong-tac-mat-tran", tree.h1, None)
    again = template_upload(editor, URL, rows[:1])
    assert_refused(editor, URL, again, Organization, row_error(
        2, SPEC.header("name"), vi("%(unit)s already has an organisation named “%(name)s”.", unit=tree.h1, name=rows[0][0])[:-1]))


def test_one_bad_row_among_good_ones_creates_nothing_and_names_each_bad_row_and_column(tree, editor, provincial):
    rows = [["Hội Nông dân xã Bình An", "Hội Nông dân", "xã Bình An", ""],
            ["Hội Phụ nữ xã Bình An", "Hội Phụ nữ Không Có", "xã Bình An", ""],
            ["Đoàn Thanh niên xã Bình An", "Đoàn TNCS Hồ Chí Minh", "xã Bình An", "Tỉnh đoàn Không Có"]]
    page = assert_refused(editor, URL, template_upload(editor, URL, rows), Organization,
                          f"Dòng 3, cột «{SPEC.header('kind')}»: “Hội Phụ nữ Không Có”",
                          row_error(4, SPEC.header("parent"), vi("no organisation “%(value)s” in %(unit)s or above it", value="Tỉnh đoàn Không Có", unit=tree.cc1)))
    assert "Dòng 2" not in page


def test_a_unit_or_parent_of_another_unit_is_a_bad_row(tree, editor, provincial):
    elsewhere = OrganizationFactory(name="Hội Nông dân xã Đất Mũi", unit=tree.cc3)
    rows = [["Hội Nông dân xã Bình An", "Hội Nông dân", "xã Bình An", ""],
            ["Hội Nông dân xã Đất Mũi", "Hội Nông dân", "xã Đất Mũi", ""],
            ["Chi hội Nông dân ấp Mới", "Chi hội", "ấp Mới", elsewhere.name],
            ["Chi hội Nông dân ấp Mới", "Chi hội", "ấp Mới", provincial.name]]
    assert_refused(editor, URL, template_upload(editor, URL, rows), Organization,
                   row_error(3, SPEC.header("unit"), vi("“%(value)s” is outside the units you work for", value="xã Đất Mũi")),
                   row_error(4, SPEC.header("parent"), vi("no organisation “%(value)s” in %(unit)s or above it", value=elsewhere.name, unit=tree.h1)),
                   row_error(5, SPEC.header("parent"), vi("no organisation “%(value)s” in %(unit)s or above it", value=provincial.name, unit=tree.h1)))


def test_files_that_are_not_xlsx_and_a_huge_file_are_refused(editor):
    assert_lying_and_huge_files_refused(editor, URL, Organization)


def test_the_page_is_for_editors_of_the_unit(tree, login, make_user):
    assert_page_access(URL, login, make_user, tree.cc1, tree.cc3, Client())
    assert URL in login(make_user(unit=tree.cc1, role=Role.EDITOR)).get("/organizations/").content.decode()
