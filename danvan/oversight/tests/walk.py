"""Builders for the URL walk (danvan/core/tests/test_url_walk.py): one record per model in a unit, with a marker."""

import datetime

from django.core.files.base import ContentFile

from danvan.oversight.choices import MissionStatus
from danvan.oversight.models import Finding, MeetingDocument, MissionDocument, MissionTarget, ProgressNote
from danvan.oversight.tests.factories import FollowUpFactory, MeetingFactory, MissionFactory, SupervisionPlanFactory

PDF = b"%PDF-1.4\n%walk\n"


def _mission(unit, marker, pk):
    # Concluded, so that every page of a mission (the finding form and its conclusion notice too) opens for its own
    # unit; led, so its report and notice can be signed.
    from danvan.oversight.models import MissionMember
    from danvan.people.tests.factories import PersonFactory

    mission = MissionFactory(id=pk, unit=unit, subject=marker, planned_start=datetime.date.today(), status=MissionStatus.CONCLUDED)
    MissionMember.objects.create(mission=mission, person=PersonFactory(unit=unit), title="Trưởng ban", is_leader=True)
    return mission


def _meeting(unit, marker, pk):
    # Chaired, so that its conclusion notice can be signed.
    from danvan.people.tests.factories import PersonFactory

    return MeetingFactory(id=pk, unit=unit, title=marker, held_on=datetime.date.today(), chair=PersonFactory(unit=unit),
                          chair_title="Bí thư Đảng ủy")


def _follow_up(unit, marker, pk):
    # Open and due within a week, so that the open and due-soon lists show it.
    mission = MissionFactory(unit=unit, subject=f"{marker} đoàn", planned_start=datetime.date.today())
    return FollowUpFactory(id=pk, mission=mission, owner_unit=unit, text=marker, deadline=datetime.date.today() + datetime.timedelta(days=7))


def _finding(unit, marker, pk):
    return Finding.objects.create(id=pk, mission=MissionFactory(unit=unit, subject=f"{marker} đoàn"), part="strength", text=marker)


def _target(unit, marker, pk):
    return MissionTarget.objects.create(id=pk, mission=MissionFactory(unit=unit, subject=f"{marker} đoàn"), unit=unit,
                                        received_by_title=marker)


def _plan(unit, marker, pk):
    return SupervisionPlanFactory(id=pk, unit=unit, title=marker)


def _mission_document(unit, marker, pk):
    document = MissionDocument(id=pk, mission=MissionFactory(unit=unit, subject=f"{marker} đoàn"), title=marker)
    document.file.save("bien-ban.pdf", ContentFile(PDF), save=True)
    return document


def _meeting_document(unit, marker, pk):
    document = MeetingDocument(id=pk, meeting=MeetingFactory(unit=unit, title=f"{marker} hội nghị"), title=marker)
    document.file.save("ket-luan.pdf", ContentFile(PDF), save=True)
    return document


def _progress_note(unit, marker, pk):
    follow_up = FollowUpFactory(mission=MissionFactory(unit=unit, subject=f"{marker} đoàn"), owner_unit=unit, text=f"{marker} việc")
    note = ProgressNote(id=pk, follow_up=follow_up, text=marker)
    note.file.save("minh-chung.pdf", ContentFile(PDF), save=True)
    return note


def walk_builders():
    from danvan.oversight.models import FollowUp, Meeting, Mission, SupervisionPlan

    return {
        Mission: _mission, Meeting: _meeting, FollowUp: _follow_up, Finding: _finding, SupervisionPlan: _plan,
        MissionDocument: _mission_document, MeetingDocument: _meeting_document, ProgressNote: _progress_note,
        MissionTarget: _target,
    }
