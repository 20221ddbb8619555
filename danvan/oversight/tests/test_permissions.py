"""Missions, meetings and follow-ups, pages and API, as anonymous, as each role and as a user of another unit
(``core/tests/cases.py``)."""

import datetime

from danvan.core.tests.cases import ApiCases, MARKER, PageCases
from danvan.organizations.tests.factories import OrganizationFactory
from danvan.oversight.models import FollowUp, Meeting, Mission
from danvan.oversight.tests.factories import FollowUpFactory, MeetingFactory, MissionFactory
from danvan.people.tests.factories import PersonFactory


class MissionFixtures:
    model = Mission

    def make(self, tree, unit):
        return MissionFactory(unit=unit, subject=MARKER, planned_start=datetime.date(2026, 3, 2))

    def shown(self, record):
        return record.subject


class TestMissionPages(MissionFixtures, PageCases):
    list_route, detail_route = "oversight:mission-list", "oversight:mission-detail"
    create_route, update_route = "oversight:mission-create", "oversight:mission-update"

    def create_data(self, tree):
        return {"kind": "survey", "subject": "Khảo sát việc thực hiện quy chế dân chủ ở cơ sở", "directives": [],
                "unit": tree.cc1.pk, "leading_organization": OrganizationFactory(unit=tree.cc1).pk,
                "planned_start": "02/03/2026", "planned_end": "06/03/2026", "summary": ""}

    def update_data(self, tree, record):
        return {"kind": "supervision", "subject": "Giám sát việc thực hiện quy chế dân chủ", "directives": [],
                "unit": tree.h1.pk, "leading_organization": record.leading_organization_id,
                "planned_start": "09/03/2026", "planned_end": "", "summary": "Tóm tắt", "read_version": record.version}


class TestMissionApi(MissionFixtures, ApiCases):
    api_url = "/api/v1/missions/"

    def create_data(self, tree):
        return {"kind": "survey", "subject": "Khảo sát việc thực hiện quy chế dân chủ ở cơ sở", "directives": [],
                "unit": tree.cc1.pk, "leading_organization": OrganizationFactory(unit=tree.cc1).pk,
                "planned_start": "2026-03-02", "planned_end": "2026-03-06", "summary": ""}

    def update_data(self, tree, record):
        return {"kind": "supervision", "subject": "Giám sát việc thực hiện quy chế dân chủ", "unit": tree.h1.pk,
                "planned_start": "2026-03-09", "summary": "Tóm tắt"}


class TestMeetingPages(PageCases):
    model = Meeting
    list_route, detail_route = "oversight:meeting-list", "oversight:meeting-detail"
    create_route, update_route = "oversight:meeting-create", "oversight:meeting-update"

    def make(self, tree, unit):
        return MeetingFactory(unit=unit, title=MARKER, held_on=datetime.date(2026, 1, 15))

    def create_data(self, tree):
        chair = PersonFactory(unit=tree.cc1)
        return {"kind": "briefing", "title": "Giao ban khối dân vận quý I", "unit": tree.cc1.pk,
                "organization": OrganizationFactory(unit=tree.cc1).pk, "held_on": "15/01/2026", "place": "Hội trường xã",
                "chair": chair.pk, "chair_title": "Bí thư Đảng ủy", "directives": [], "summary": "", "conclusions": ""}

    def update_data(self, tree, record):
        return {"kind": "thematic", "title": "Hội nghị chuyên đề dân vận", "unit": tree.cc1.pk, "organization": record.organization_id,
                "held_on": "16/01/2026", "place": "", "chair": "", "chair_title": "", "directives": [], "summary": "Tóm tắt",
                "conclusions": "Kết luận", "read_version": record.version}


class FollowUpFixtures:
    model = FollowUp

    def make(self, tree, unit):
        mission = MissionFactory(unit=unit, subject=f"{MARKER} đoàn", planned_start=datetime.date(2026, 3, 2))
        return FollowUpFactory(mission=mission, owner_unit=unit, text=MARKER, deadline=datetime.date(2026, 6, 30))


class TestFollowUpPages(FollowUpFixtures, PageCases):
    """Added on its mission's page, then listed, shown and edited on its own."""

    list_route, detail_route = "oversight:follow-up-list", "oversight:follow-up-detail"
    create_route, update_route = "oversight:mission-follow-up-add", "oversight:follow-up-update"

    def create_parent(self, tree):
        return Mission.objects.filter(subject="Đoàn khảo sát h7").first() or MissionFactory(
            unit=tree.cc1, subject="Đoàn khảo sát h7", planned_start=datetime.date(2026, 3, 2))

    def create_data(self, tree):
        return {"text": "Củng cố tổ hòa giải ở ấp Mới", "owner_unit": tree.h1.pk, "owner_organization": "", "deadline": "30/06/2026"}

    def update_data(self, tree, record):
        return {"text": "Củng cố tổ hòa giải", "owner_unit": tree.cc1.pk, "owner_organization": OrganizationFactory(unit=tree.cc1).pk,
                "deadline": "31/07/2026", "read_version": record.version}


class TestFollowUpApi(FollowUpFixtures, ApiCases):
    api_url = "/api/v1/follow-ups/"

    def create_data(self, tree):
        mission = MissionFactory(unit=tree.cc1, planned_start=datetime.date(2026, 3, 2))
        return {"mission": mission.pk, "text": "Củng cố tổ hòa giải ở ấp Mới", "owner_unit": tree.h1.pk, "deadline": "2026-06-30"}

    def update_data(self, tree, record):
        return {"text": "Củng cố tổ hòa giải", "owner_unit": tree.cc1.pk, "deadline": "2026-07-31"}


class TestMeetingApi(ApiCases):
    """Meetings are read through the API, written on the pages."""

    model = Meeting
    api_url = "/api/v1/meetings/"
    can_create = can_update = False
    make = TestMeetingPages.make
