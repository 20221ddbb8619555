"""Builders for the URL walk (danvan/core/tests/test_url_walk.py): core's own scoped models."""

import datetime
import hashlib

from django.core.files.base import ContentFile

DOCX = b"PK\x03\x04walk"


def _document(unit, marker, pk):
    from django.apps import apps

    from danvan.core.documents.models import Document, DocumentFormat, DocumentType
    from danvan.core.documents.seeds import seed_document_defaults
    from danvan.organizations.tests.factories import OrganizationFactory

    seed_document_defaults(lambda name: apps.get_model("core", name))  # a transactional test before may have emptied them
    document = Document(
        id=pk, issuer=OrganizationFactory(unit=unit), unit=unit, type=DocumentType.objects.get(code="report"),
        format=DocumentFormat.objects.get(code="front"), period="T20251001", number=1, symbol="01-BC/HND",
        place=unit.name, issued_on=datetime.date(2026, 3, 5), summary=marker, signer_name="Nguyễn Văn An",
        signer_title="Chủ tịch", sha256=hashlib.sha256(DOCX).hexdigest(),
    )
    document.file.save("walk.docx", ContentFile(DOCX), save=False)
    document.save()
    return document


def walk_builders():
    from danvan.core.documents.models import Document

    return {Document: _document}
