"""A follow-up list's lines say what the record holds: source, owner, deadline, status, overdue."""

import datetime

import pytest
from django.urls import reverse

from danvan.core.choices import Role
from danvan.oversight.choices import FollowUpStatus
from danvan.oversight.tests.factories import FollowUpFactory, MissionFactory

pytestmark = pytest.mark.django_db


def test_each_line_shows_the_follow_up_its_source_owner_deadline_and_whether_it_is_overdue(tree, make_user, login):
    client = login(make_user(tree.ld2, role=Role.EDITOR))
    mission = MissionFactory(unit=tree.ld2, subject="Giám sát việc thực hiện quy chế dân chủ ở cơ sở")
    late = FollowUpFactory(mission=mission, owner_unit=tree.lc2, text="Bổ sung hồ sơ " * 20, deadline=datetime.date(2019, 12, 31))
    done = FollowUpFactory(mission=mission, owner_unit=tree.lc3, deadline=datetime.date(2019, 11, 30), status=FollowUpStatus.DONE)
    page = client.get(reverse("oversight:follow-up-list")).content.decode()
    late_line = page[page.index(f'href="{late.get_absolute_url()}"'):].split("</tr>")[0]
    done_line = page[page.index(f'href="{done.get_absolute_url()}"'):].split("</tr>")[0]
    assert "Bổ sung hồ sơ Bổ sung" in late_line and "…" in late_line  # a long text is cut short
    assert str(mission)[:30] in late_line and str(tree.lc2) in late_line and "31/12/2019" in late_line
    assert 'class="badge overdue"' in late_line
    assert 'class="badge overdue"' not in done_line and "30/11/2019" in done_line
