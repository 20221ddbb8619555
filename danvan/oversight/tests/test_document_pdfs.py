"""The mission report's PDF sits beside its .docx: issued at the first request, made in the background, the
same file afterwards, refused outside the user's units."""

import pytest
from django.urls import reverse

from danvan.core.choices import Role
from danvan.core.documents.models import Document
from danvan.core.documents.services import attach_pdfs
from danvan.oversight.tests.documents import mission_with_leader

pytestmark = pytest.mark.django_db


def test_the_mission_report_pdf_is_made_once_and_refused_outside_scope(tree, make_user, login):
    mission, _ = mission_with_leader(tree.ld2, subject="Khảo sát mô hình “Dân vận khéo”")
    client = login(make_user(tree.ld2, role=Role.EDITOR))  # the first download issues it
    url = reverse("oversight:mission-report-pdf", args=[mission.pk])
    assert url in client.get(mission.get_absolute_url()).content.decode()
    waiting = client.get(url)  # the first request issues the report; its PDF comes from the worker
    assert waiting.status_code == 202 and "PDF đang được tạo" in waiting.content.decode()
    assert reverse("oversight:mission-report", args=[mission.pk]) in waiting.content.decode()
    document = Document.objects.get()
    assert attach_pdfs([document.pk]) == 1
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].endswith('.pdf"') and "bao-cao-" in response["Content-Disposition"]
    pdf = b"".join(response.streaming_content)
    assert pdf.startswith(b"%PDF") and b"".join(client.get(url).streaming_content) == pdf
    assert Document.objects.count() == 1
    assert login(make_user(tree.lp1, role=Role.ADMINISTRATOR)).get(url).status_code == 404
