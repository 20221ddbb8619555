"""Builders for the URL walk (danvan/core/tests/test_url_walk.py): one record per model in a unit, with a marker."""

from django.core.files.base import ContentFile

from danvan.movement.choices import Status
from danvan.movement.tests.factories import InitiativeFactory, RecognitionFactory, ReplicationFactory
from danvan.units.tests.factories import HamletFactory

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def _initiative(unit, marker, pk):
    # Recognised, with no results: it shows on the list, the formalism watch and the showcase alike.
    return InitiativeFactory(id=pk, unit=unit, name=marker, status=Status.RECOGNISED, highest_level=3, registration_year=2019)


def _attachment(unit, marker, pk):
    initiative = InitiativeFactory(unit=unit, name=f"{marker} mô hình", status=Status.RECOGNISED, highest_level=3)
    attachment = initiative.attachments.model(id=pk, initiative=initiative, title=marker, kind="photo", is_public=True)
    attachment.file.save("anh.png", ContentFile(PNG), save=True)
    return attachment


def _recognition(unit, marker, pk):
    return RecognitionFactory(id=pk, initiative__unit=unit, initiative__name=f"{marker} mô hình", document=marker)


def _replication(unit, marker, pk):
    return ReplicationFactory(id=pk, origin__unit=unit, origin__name=f"{marker} mô hình", unit=HamletFactory(parent=unit), note=marker)


def _appraisal(unit, marker, pk):
    from danvan.movement.models import Appraisal
    from danvan.movement.tests.documents import COUNCIL, steering_committee

    # The commune's steering committee issues the appraisal's record (record.docx, record.pdf).
    steering_committee(unit)
    initiative = InitiativeFactory(unit=unit, name=f"{marker} mô hình")
    return Appraisal.objects.create(id=pk, initiative=initiative, level=3, year=2019, outcome="met", note=marker, appraisers=COUNCIL)


def walk_builders():
    from danvan.movement.models import Appraisal, Initiative, InitiativeAttachment, Recognition, Replication

    return {Initiative: _initiative, InitiativeAttachment: _attachment, Recognition: _recognition,
            Replication: _replication, Appraisal: _appraisal}
