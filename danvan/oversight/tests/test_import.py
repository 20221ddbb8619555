"""Follow-ups imported from the downloaded template: all rows or none, each bad row named, sources and owners within reach."""

import datetime

import pytest
from django.test import Client

from danvan.core.choices import Role
from danvan.core.tests.imports import (
    assert_lying_and_huge_files_refused, assert_page_access, assert_refused, headers_of, row_error, template_upload, vi,
)
from danvan.organizations.tests.factories import OrganizationFactory
from danvan.oversight.imports import SPEC
from danvan.oversight.models import FollowUp
from danvan.oversight.tests.factories import MeetingFactory, MissionFactory

pytestmark = pytest.mark.django_db
URL = "/oversight/follow-ups/import/"


@pytest.fixture
def editor(tree, make_user, login):
    return login(make_user(unit=tree.cc1, role=Role.EDITOR))


@pytest.fixture
def sources(tree):
    return (MissionFactory(unit=tree.cc1, subject="Giám sát thực hiện dân chủ ở cơ sở"),
            MeetingFactory(unit=tree.cc1, title="Hội nghị giao ban quý IV"))


def test_the_filled_in_template_assigns_the_follow_ups_of_missions_and_meetings(tree, editor, sources):
    mission, meeting = sources
    farmers = OrganizationFactory(name="Hội Nông dân ấp Mới", unit=tree.h1)
    assert headers_of(editor, URL) == [column.header for column in SPEC.columns]
    rows = [["Rà soát hộ nghèo", "giam sat thuc hien dan chu o co so", "ấp Mới", "Hội Nông dân ấp Mới", "31/12/2026"],
            ["Báo cáo kết quả vận động", "Hội nghị giao ban quý IV", "xã Bình An", None, datetime.datetime(2019, 1, 15)]]
    response = editor.post(URL, {"file": template_upload(editor, URL, rows)})
    assert response.status_code == 302 and response["Location"] == "/oversight/follow-ups/"
    recommendation = FollowUp.objects.get(text="Rà soát hộ nghèo")
    assert (recommendation.kind, recommendation.mission, recommendation.owner_unit, recommendation.owner_organization,
            recommendation.deadline, recommendation.status) == ("recommendation", mission, tree.h1, farmers, datetime.date(2026, 12, 31), "open")
    task = FollowUp.objects.get(text="Báo cáo kết quả vận động")
    # A deadline already past is taken as written: the task is simply overdue.
    assert (task.kind, task.meeting, task.owner_unit, task.deadline) == ("task", meeting, tree.cc1, datetime.date(2019, 1, 15))
    again = template_upload(editor, URL, rows[:1])
    assert_refused(editor, URL, again, FollowUp, row_error(
        2, SPEC.header("text"), vi("%(source)s already gave %(unit)s this follow-up.", source=mission, unit=tree.h1)[:-1]))


def test_one_bad_row_among_good_ones_assigns_nothing_and_names_each_bad_row_and_column(tree, editor, sources):
    rows = [["Rà soát hộ nghèo", "Hội nghị giao ban quý IV", "xã Bình An", None, "31/12/2026"],
            ["Việc hai", "Hội nghị giao ban quý IV", "xã Bình An", None, "30/02/2026"],
            ["Việc ba", "Hội nghị không có", "xã Bình An", None, None],
            ["Việc bốn", "Hội nghị giao ban quý IV", "xã Bình An", None, "01/01/2010"]]
    page = assert_refused(editor, URL, template_upload(editor, URL, rows), FollowUp,
                          row_error(3, SPEC.header("deadline"), vi("“%(value)s” is not a date dd/mm/yyyy", value="30/02/2026")),
                          row_error(4, SPEC.header("source"), vi("no mission or meeting “%(value)s” within reach", value="Hội nghị không có")),
                          f"Dòng 5, cột «{SPEC.header('deadline')}»")  # before the meeting itself
    assert "Dòng 2" not in page


def test_an_owner_or_source_of_another_unit_is_a_bad_row(tree, editor, sources):
    MeetingFactory(unit=tree.cc3, title="Hội nghị xã Đất Mũi")
    elsewhere = OrganizationFactory(name="Hội Nông dân xã Đất Mũi", unit=tree.cc3)
    rows = [["Rà soát hộ nghèo", "Hội nghị giao ban quý IV", "xã Bình An", None, None],
            ["Việc hai", "Hội nghị giao ban quý IV", "xã Đất Mũi", None, None],
            ["Việc ba", "Hội nghị xã Đất Mũi", "xã Bình An", None, None],
            ["Việc bốn", "Hội nghị giao ban quý IV", "xã Bình An", elsewhere.name, None]]
    assert_refused(editor, URL, template_upload(editor, URL, rows), FollowUp,
                   row_error(3, SPEC.header("owner_unit"), vi("“%(value)s” is outside the units you work for", value="xã Đất Mũi")),
                   row_error(4, SPEC.header("source"), vi("no mission or meeting “%(value)s” within reach", value="Hội nghị xã Đất Mũi")),
                   row_error(5, SPEC.header("owner_organization"), vi("no organisation “%(value)s” in %(unit)s", value=elsewhere.name, unit=tree.cc1)))


def test_files_that_are_not_xlsx_and_a_huge_file_are_refused(editor):
    assert_lying_and_huge_files_refused(editor, URL, FollowUp)


def test_the_page_is_for_editors_of_the_unit(tree, login, make_user):
    assert_page_access(URL, login, make_user, tree.cc1, tree.cc3, Client())
    assert URL in login(make_user(unit=tree.cc1, role=Role.EDITOR)).get("/oversight/follow-ups/").content.decode()
