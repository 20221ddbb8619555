"""Missions, meetings and follow-ups: lifecycles and the bad input the issue lists."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from danvan.core.choices import Role
from danvan.core.workflow import TransitionNotAllowed, transitions_of
from danvan.organizations.tests.factories import OrganizationFactory
from danvan.oversight import services
from danvan.oversight.choices import FindingPart, FollowUpStatus, MissionStatus
from danvan.oversight.models import FollowUp, MissionMember
from danvan.oversight.tests.factories import MeetingFactory, MissionFactory
from danvan.people.tests.factories import PersonFactory, PositionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(tree, make_user):
    return make_user(tree.ld2, role=Role.EDITOR)


@pytest.fixture
def mission(tree):
    return MissionFactory(unit=tree.ld2, planned_start=datetime.date(2018, 6, 11))


def follow_up(mission, unit, **fields):
    return FollowUp(mission=mission, owner_unit=unit, text="Thực hiện sâu rộng Nghị quyết 25-NQ/TW", **fields)


def test_member_gets_the_title_held_at_the_time(tree, editor, mission):
    person = PersonFactory(unit=tree.ld2, full_name="Nguyễn Văn Hiền")
    PositionFactory(person=person, title="Trưởng Ban Dân vận Huyện ủy", valid_from=datetime.date(2015, 1, 1), valid_to=datetime.date(2020, 9, 30))
    PositionFactory(person=person, title="Bí thư Huyện ủy", valid_from=datetime.date(2020, 10, 1))
    member = services.add_member(editor, mission, person, is_leader=True)
    assert member.title == "Trưởng Ban Dân vận Huyện ủy"
    assert mission.leader == member


def test_a_member_listed_twice_is_refused(tree, editor, mission):
    person = PersonFactory(unit=tree.ld2)
    services.add_member(editor, mission, person)
    with pytest.raises(ValidationError) as error:
        services.add_member(editor, mission, person, title="Thành viên")
    assert "person" in error.value.message_dict
    assert MissionMember.objects.count() == 1


def test_lifecycle_planned_to_closed(tree, editor, mission):
    services.start_mission(editor, mission, datetime.date(2018, 6, 11))
    services.record_finding(editor, mission, FindingPart.STRENGTH, "Đảng ủy có quan tâm lãnh đạo")
    services.conclude_mission(editor, mission, datetime.date(2018, 6, 11))
    item = services.assign_follow_up(editor, follow_up(mission, tree.lc2, deadline=datetime.date(2018, 12, 31)))
    services.complete_follow_up(editor, item)
    services.close_mission(editor, mission)
    assert mission.status == MissionStatus.CLOSED
    assert [record.target for record in transitions_of(mission)] == ["in_progress", "concluded", "closed"]


def test_illegal_moves_are_refused(editor, mission):
    with pytest.raises(TransitionNotAllowed):
        services.close_mission(editor, mission, "lý do")
    with pytest.raises(ValidationError):
        services.record_finding(editor, mission, FindingPart.CAUSE, "Chưa bắt đầu")


def test_closing_with_open_follow_ups_needs_a_reason(tree, editor, mission):
    services.start_mission(editor, mission)
    services.conclude_mission(editor, mission)
    services.assign_follow_up(editor, follow_up(mission, tree.lc2))
    with pytest.raises(ValidationError) as error:
        services.close_mission(editor, mission, "  ")
    assert "note" in error.value.message_dict
    mission.refresh_from_db()
    assert mission.status == MissionStatus.CONCLUDED
    services.close_mission(editor, mission, "Chuyển sang kế hoạch năm 2019")
    assert transitions_of(mission).last().note == "Chuyển sang kế hoạch năm 2019"


def test_deadline_before_the_mission_is_refused(tree, editor, mission):
    with pytest.raises(ValidationError) as error:
        services.assign_follow_up(editor, follow_up(mission, tree.lc2, deadline=datetime.date(2018, 6, 10)))
    assert "deadline" in error.value.message_dict
    assert not FollowUp.objects.exists()


def test_owner_outside_the_missions_scope_is_refused(tree, make_user):
    mission = MissionFactory(unit=tree.ld2)
    with pytest.raises(ValidationError) as error:
        services.assign_follow_up(make_user(None, role=Role.ADMINISTRATOR), follow_up(mission, tree.lc1))
    assert "owner_unit" in error.value.message_dict
    assert not FollowUp.objects.exists()


def test_owner_organisation_must_sit_on_the_owner_unit(tree, editor, mission):
    with pytest.raises(ValidationError) as error:
        services.assign_follow_up(editor, follow_up(mission, tree.lc2, owner_organization=OrganizationFactory(unit=tree.lc3)))
    assert "owner_organization" in error.value.message_dict


def test_a_current_commune_may_own_a_legacy_districts_recommendation(tree, make_user):
    # Xã Bình An (current) took over xã Mong Thọ: the province of today reaches both.
    mission = MissionFactory(unit=tree.cp)
    item = services.assign_follow_up(make_user(tree.cp), follow_up(mission, tree.lc2))
    assert item.pk


def test_follow_up_lifecycle_and_progress(tree, editor, mission, make_user):
    item = services.assign_follow_up(editor, follow_up(mission, tree.lc2, deadline=datetime.date(2019, 12, 31)))
    assert item.status == FollowUpStatus.OPEN and item.kind == "recommendation"
    owner = make_user(tree.lc2, role=Role.EDITOR)
    services.report_progress(owner, item, "Đã xây dựng kế hoạch")
    assert item.status == FollowUpStatus.IN_PROGRESS
    with pytest.raises(TransitionNotAllowed) as error:
        services.cancel_follow_up(owner, item, "")
    assert "note" in error.value.message_dict
    services.complete_follow_up(owner, item, datetime.date(2019, 11, 1))
    item.refresh_from_db()
    assert (item.status, item.completed_on, item.is_overdue) == (FollowUpStatus.DONE, datetime.date(2019, 11, 1), False)
    with pytest.raises(ValidationError):
        services.report_progress(owner, item, "Thêm")
    with pytest.raises(TransitionNotAllowed):
        services.move_follow_up(owner, item, FollowUpStatus.OPEN)


def test_a_viewer_cannot_move_a_follow_up(tree, editor, mission, make_user):
    item = services.assign_follow_up(editor, follow_up(mission, tree.lc2))
    with pytest.raises(Exception):
        services.move_follow_up(make_user(tree.lc2, role=Role.VIEWER), item, FollowUpStatus.DONE)
    item.refresh_from_db()
    assert item.status == FollowUpStatus.OPEN


def test_overdue_is_computed(tree, editor, mission):
    late = services.assign_follow_up(editor, follow_up(mission, tree.lc2, deadline=datetime.date(2018, 7, 1)))
    services.assign_follow_up(editor, follow_up(mission, tree.lc2, deadline=datetime.date(2999, 1, 1)))
    assert list(FollowUp.objects.overdue()) == [late]
    assert late.is_overdue


def test_meeting_tasks_and_attendees(tree, editor):
    chair = PersonFactory(unit=tree.ld2, full_name="Hoàng Văn Thắng")
    PositionFactory(person=chair, title="Phó Bí thư Huyện ủy")
    meeting = MeetingFactory(unit=tree.ld2, chair=chair)
    services.record_meeting(editor, meeting)
    assert meeting.chair_title == "Phó Bí thư Huyện ủy"
    with pytest.raises(ValidationError) as error:
        services.add_attendee(editor, meeting, chair)
    assert "person" in error.value.message_dict
    task = services.assign_follow_up(editor, FollowUp(meeting=meeting, owner_unit=tree.ld2, text="Xây dựng kế hoạch giám sát năm 2019"))
    assert task.kind == "task" and task.source == meeting
    with pytest.raises(ValidationError) as error:
        services.assign_follow_up(editor, FollowUp(meeting=meeting, owner_unit=tree.ld2, text="x", deadline=datetime.date(2018, 10, 2)))
    assert "deadline" in error.value.message_dict
