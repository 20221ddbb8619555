"""Oversight's registered documents built for tests: each builder issues one document in a district through the
page's own builder and returns the core Document. The clerk's checks over every kind of document call
``mission_notice_document(unit)`` and ``meeting_notice_document(unit)`` (and ``mission_report_document(unit)``)."""

import datetime

from danvan.accounts.tests.factories import UserFactory
from danvan.core.choices import Role
from danvan.organizations.tests.factories import OrganizationFactory, OrganizationKindFactory
from danvan.oversight import reports
from danvan.oversight.choices import FindingPart, FollowUpKind, MissionStatus
from danvan.oversight.models import Finding, MeetingAttendee, MissionMember
from danvan.oversight.tests.factories import FollowUpFactory, MeetingFactory, MissionFactory
from danvan.people.tests.factories import PersonFactory, PositionFactory

FINDINGS = {
    FindingPart.STRENGTH: "Quy chế dân chủ ở cơ sở được mở rộng.",
    FindingPart.SHORTCOMING: "Việc đối thoại còn hình thức.",
    FindingPart.CAUSE: "Cấp ủy chưa quan tâm đúng mức.",
}


def commission(unit):
    kind = OrganizationKindFactory(code="ban-dan-van", name="Ban Dân vận", category="party_body")
    return OrganizationFactory(unit=unit, name=f"Ban Dân vận Huyện ủy {unit.name}", kind=kind)


def party_committee(unit):
    kind = OrganizationKindFactory(code="huyen-uy", name="Huyện ủy", category="party_committee")
    return OrganizationFactory(unit=unit, name=f"Huyện ủy {unit.name}", kind=kind)


def mission_with_leader(unit, **fields):
    mission = MissionFactory(unit=unit, leading_organization=commission(unit), **fields)
    leader = PersonFactory(unit=unit, full_name="Trần Văn Hùng")
    MissionMember.objects.create(mission=mission, person=leader, title="Phó Trưởng ban Dân vận Huyện ủy", is_leader=True)
    return mission, leader


def concluded_mission(unit, commune):
    """An inspection that ended on 01/10/2018 at ``commune``: one finding per part, two recommendations."""
    mission, leader = mission_with_leader(
        unit, kind="inspection", subject="Kiểm tra công tác dân vận 9 tháng năm 2018", status=MissionStatus.CONCLUDED,
        planned_start=datetime.date(2018, 10, 1), started_on=datetime.date(2018, 10, 1), ended_on=datetime.date(2018, 10, 1))
    target = mission.targets.create(unit=commune)
    for part, text in FINDINGS.items():
        Finding.objects.create(mission=mission, part=part, text=text, target=target if part == FindingPart.STRENGTH else None)
    front = OrganizationFactory(unit=unit, name=f"Ủy ban MTTQ Việt Nam huyện {unit.name}",
                                kind=OrganizationKindFactory(code="ubmttq", name="Ủy ban MTTQ", category="front"))
    FollowUpFactory(mission=mission, owner_unit=unit, owner_organization=front, text="Nhân rộng mô hình “Dân vận khéo”",
                    deadline=datetime.date(2019, 12, 31))
    FollowUpFactory(mission=mission, owner_unit=commune, text="Rà soát hộ nghèo", deadline=None)
    return mission, leader


def meeting_with_chair(unit, commune):
    """A briefing of the district's Party committee on 03/10/2018 chaired by its deputy secretary, with tasks for two owners."""
    committee = party_committee(unit)
    chair = PersonFactory(unit=unit, full_name="Hoàng Văn Thắng")
    PositionFactory(person=chair, organization=committee, title="Phó Bí thư Huyện ủy", valid_from=datetime.date(2015, 10, 1))
    meeting = MeetingFactory(unit=unit, organization=committee, chair=chair, title="Hội nghị giao ban công tác dân vận 9 tháng",
                             held_on=datetime.date(2018, 10, 3), place="Hội trường Huyện ủy",
                             conclusions="Kết quả năm dân vận chính quyền chưa rõ nét.\nTiếp tục quán triệt các nghị quyết.")
    MeetingAttendee.objects.create(meeting=meeting, person=PersonFactory(unit=unit, full_name="Ngô Văn Tuyến"), title="Trưởng Ban Dân vận")
    government = OrganizationFactory(unit=unit, name=f"UBND huyện {unit.name}",
                                     kind=OrganizationKindFactory(code="ubnd", name="UBND", category="government"))
    for owner, text in [(government, "Rà soát hộ nghèo, hộ cận nghèo năm 2019"), (committee, "Củng cố Ban Chỉ đạo Đề án 61"),
                        (government, "Phối hợp tuyển quân năm 2019")]:
        FollowUpFactory(mission=None, meeting=meeting, kind=FollowUpKind.TASK, owner_unit=unit, owner_organization=owner,
                        text=text, deadline=datetime.date(2018, 12, 31))
    return meeting, chair


def _user(unit):
    return UserFactory(unit=unit, role=Role.EDITOR)


def mission_report_document(unit):
    mission, _leader = mission_with_leader(unit)
    return reports.mission_report(_user(unit), mission)


def mission_notice_document(unit, commune=None):
    mission, _leader = concluded_mission(unit, commune or unit)
    return reports.mission_notice(_user(unit), mission, issued_on=datetime.date(2018, 10, 5))


def meeting_notice_document(unit, commune=None):
    meeting, _chair = meeting_with_chair(unit, commune or unit)
    return reports.meeting_notice(_user(unit), meeting, issued_on=datetime.date(2018, 10, 3))
