"""The pages: a new member, a transfer and a leaving recorded through the forms; the counts page with its chart and .xlsx."""

import datetime
import io

import openpyxl
import pytest
from django.urls import reverse

from danvan.members.models import Membership
from danvan.members.tests.factories import MembershipFactory, farmers_branch
from danvan.people.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def test_a_branch_officer_records_a_member_and_moves_them(tree, make_user, login):
    client = login(make_user(unit=tree.cp))
    branch, there = farmers_branch(tree.cc1), farmers_branch(tree.cc2)
    person = PersonFactory(unit=tree.cc1)
    response = client.post(reverse("members:create"), {"person": person.pk, "branch": branch.pk, "joined": "02/05/2018", "role": "member"})
    membership = Membership.objects.get()
    assert response.status_code == 302 and response["Location"] == membership.get_absolute_url()
    response = client.post(reverse("members:transfer", args=[membership.pk]), {"branch": there.pk, "on": "01/03/2020"})
    assert response.status_code == 302
    page = client.get(membership.get_absolute_url()).content.decode()
    assert there.name in page and "29/02/2020" in page


def test_a_bad_day_is_shown_on_the_form_and_nothing_is_saved(tree, make_user, login):
    client = login(make_user(unit=tree.cc1))
    person = PersonFactory(unit=tree.cc1, birth_date=datetime.date(2019, 1, 1))
    response = client.post(reverse("members:create"), {"person": person.pk, "branch": farmers_branch(tree.cc1).pk,
                                                        "joined": "02/05/2018", "role": "member"})
    assert response.status_code == 200 and "trước khi" in response.content.decode()
    assert not Membership.objects.exists()


def test_leaving_is_recorded_with_its_reason(tree, make_user, login):
    membership = MembershipFactory(branch=farmers_branch(tree.cc1))
    client = login(make_user(unit=tree.cc1))
    response = client.post(reverse("members:leave", args=[membership.pk]), {"left": "31/12/2019", "leave_reason": "moved_away"})
    assert response.status_code == 302
    membership.refresh_from_db()
    assert (membership.left, membership.leave_reason) == (datetime.date(2019, 12, 31), "moved_away")


def test_the_counts_page_shows_lượt_and_người_with_a_chart_and_exports_them(tree, make_user, login):
    membership = MembershipFactory(branch=farmers_branch(tree.lc2))
    client = login(make_user(unit=tree.cp))
    query = {"unit": tree.cc1.pk, "from": "2018-01-01", "to": "2018-12-31"}
    page = client.get(reverse("members:stats"), query).content.decode()
    assert "<svg" in page and "Lượt hội viên, đoàn viên" in page and "Số người" in page and "Tăng thực" in page
    response = client.get(reverse("members:stats"), {**query, "format": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    cells = [cell for row in sheet.iter_rows(values_only=True) for cell in row if cell is not None]
    assert membership.kind.name in cells and "Tăng thực" in cells


def test_a_person_page_lists_their_memberships_and_the_list_filters(tree, make_user, login):
    membership = MembershipFactory(branch=farmers_branch(tree.cc1))
    client = login(make_user(unit=tree.cc1))
    assert membership.kind.name in client.get(reverse("members:person", args=[membership.person_id])).content.decode()
    listed = client.get(reverse("members:list"), {"q": membership.person.full_name, "open": "true"}).content.decode()
    assert membership.person.full_name in listed
    assert membership.person.full_name not in client.get(reverse("members:list"), {"open": "false"}).content.decode()
