"""The admin shows reading batches and documents to an administrator, and changes none of them."""

import pytest
from django.urls import reverse

from danvan.core.choices import Role
from danvan.ingest.models import Batch, SourceDocument
from danvan.ingest.tests.factories import source_document

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(make_user, login):
    return login(make_user(unit=None, role=Role.ADMINISTRATOR, is_staff=True, is_superuser=True))


def test_batches_and_documents_are_listed_and_shown(tree, admin_client):
    document = source_document(tree.cc1, "Báo cáo sơ kết")
    for name, record in (("batch", document.batch), ("sourcedocument", document)):
        assert admin_client.get(reverse(f"admin:ingest_{name}_changelist")).status_code == 200
        page = admin_client.get(reverse(f"admin:ingest_{name}_change", args=[record.pk]))
        assert page.status_code == 200 and b'name="_save"' not in page.content


def test_nothing_is_added_changed_or_deleted_through_the_admin(tree, admin_client):
    document = source_document(tree.cc1, "Báo cáo sơ kết")
    assert admin_client.get(reverse("admin:ingest_batch_add")).status_code == 403
    assert admin_client.post(reverse("admin:ingest_sourcedocument_change", args=[document.pk]), {"title": "Khác"}).status_code == 403
    assert admin_client.post(reverse("admin:ingest_sourcedocument_delete", args=[document.pk]), {"post": "yes"}).status_code == 403
    assert SourceDocument.objects.get(pk=document.pk).title == "Báo cáo sơ kết" and Batch.objects.count() == 1
