"""The PDF of an issued document: made in the background once, downloaded through scoping, the same bytes
every time; a page that says so while it is being made or where LibreOffice is missing."""

import io

import pypdf
import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import transaction
from django.urls import URLResolver, get_resolver, reverse
from django_tasks_db.models import DBTaskResult

from danvan.core.choices import Role
from danvan.core.documents.models import Document
from danvan.core.documents.seeds import seed_document_defaults
from danvan.core.documents.services import attach_pdfs
from danvan.core.tasks import make_document_pdfs_task
from danvan.core.tests.test_documents import issue, party_body

pytestmark = pytest.mark.django_db


def seeded():
    """The default formats and types: the migration's rows are gone after an earlier transactional test."""
    seed_document_defaults(lambda name: apps.get_model("core", name))


def run_worker():
    call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)


def content(response):
    return b"".join(response.streaming_content)


def queued():
    return [result.args_kwargs["args"][0] for result in DBTaskResult.objects.filter(task_path=make_document_pdfs_task.module_path)]


@pytest.fixture
def editor(tree, make_user):
    return make_user(tree.cp2, role=Role.EDITOR)


@pytest.mark.django_db(transaction=True)  # the worker commits, as in production
def test_the_pdf_is_made_in_the_background_and_downloads_the_same_every_time(tree, editor, login):
    seeded()
    body = party_body(tree.cp2)
    with transaction.atomic():  # a decision's certificates, say: one task, one LibreOffice run
        first, second = issue(editor, body), issue(editor, body)
    assert queued() == [[first.pk, second.pk]]
    client = login(editor)
    url = reverse("core:document-download-pdf", args=[first.pk])
    waiting = client.get(url)
    assert waiting.status_code == 202 and waiting["Retry-After"] == "30"
    assert "PDF đang được tạo, vui lòng thử lại sau" in waiting.content.decode()
    assert len(queued()) == 1, "a download while the task waits queues no second one"
    assert client.get(reverse("api:document-detail", args=[first.pk])).json()["pdf"] is None

    run_worker()
    first.refresh_from_db()
    assert first.pdf and Document.objects.get(pk=second.pk).pdf
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    pdf = content(response)
    assert pdf.startswith(b"%PDF") and content(client.get(url)) == pdf
    assert "01-BC/BTGDVTU" in pypdf.PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    attach_pdfs([first.pk])  # a second conversion keeps the first PDF
    assert content(client.get(url)) == pdf
    listed = client.get(reverse("api:document-list")).json()["results"]
    assert {row["id"]: row["pdf"] for row in listed} == {
        document.pk: f"http://testserver{reverse('core:document-download-pdf', args=[document.pk])}" for document in (first, second)}
    page = client.get(reverse("core:document-detail", args=[first.pk])).content.decode()
    assert url in page and url in client.get(reverse("core:document-list")).content.decode()


def test_the_pdf_is_refused_outside_the_users_units(tree, editor, make_user, login):
    document = issue(editor, party_body(tree.cp2))
    stranger = login(make_user(tree.lp1, role=Role.ADMINISTRATOR))
    assert stranger.get(reverse("core:document-download-pdf", args=[document.pk])).status_code == 404
    assert stranger.get(reverse("api:document-detail", args=[document.pk])).status_code == 404


@pytest.mark.django_db(transaction=True)
def test_without_libreoffice_there_is_no_pdf_and_the_page_says_so(tree, editor, login, monkeypatch):
    seeded()
    monkeypatch.setattr("danvan.core.pdf.shutil.which", lambda name: None)
    document = issue(editor, party_body(tree.cp2))
    run_worker()
    document.refresh_from_db()
    assert not document.pdf
    response = login(editor).get(reverse("core:document-download-pdf", args=[document.pk]))
    assert response.status_code == 200 and "LibreOffice" in response.content.decode()
    assert reverse("core:document-download", args=[document.pk]) in response.content.decode()
    assert len(queued()) == 1, "no conversion is queued where none can run"


def test_a_document_rolled_back_is_never_converted(tree, editor, django_capture_on_commit_callbacks):
    body = party_body(tree.cp2)
    with django_capture_on_commit_callbacks(execute=True):
        with transaction.atomic():
            kept = issue(editor, body)
            try:
                with transaction.atomic():
                    issue(editor, body)
                    raise RuntimeError
            except RuntimeError:
                pass
    assert queued() == [[kept.pk]]


def test_a_download_queues_the_conversion_again_when_no_task_waits(tree, editor, login):
    document = issue(editor, party_body(tree.cp2))  # committed by no one here: no task was queued
    assert queued() == []
    assert login(editor).get(reverse("core:document-download-pdf", args=[document.pk])).status_code == 202
    assert queued() == [[document.pk]]


def all_routes(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from all_routes(pattern.url_patterns, prefix + str(pattern.pattern))
        else:
            yield prefix + str(pattern.pattern)


def test_every_docx_address_has_its_pdf_beside_it():
    """A new kind of document gets its ….pdf with ``as_view(as_pdf=True)`` next to its ….docx."""
    routes = set(all_routes(get_resolver().url_patterns))
    docx = {route for route in routes if route.endswith(".docx")}
    assert len(docx) >= 7, docx
    assert {route for route in docx if route.removesuffix(".docx") + ".pdf" not in routes} == set()
