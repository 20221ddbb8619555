"""A batch whose reader died (server stopped, worker killed) never stays "running": it is stopped and retried."""

import datetime
import threading

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, override
from django_tasks_db.models import DBTaskResult

from danvan.core.choices import Role
from danvan.ingest import services
from danvan.ingest.models import Batch, ProposedItem, SourceDocument
from danvan.ingest.tasks import process_batch_task
from danvan.ingest.tests.factories import SAMPLE

Status = Batch.Status


@pytest.fixture
def people(tree, make_user, login):
    editor = make_user(tree.cc1, role=Role.EDITOR)
    return type("People", (), {
        "editor": editor, "client": login(editor),
        "outsider": login(make_user(tree.cc3, role=Role.EDITOR)),
        "viewer": login(make_user(tree.cc1, role=Role.VIEWER)),
    })


def crashed_batch(tree, editor, upload, files=3, read=1, minutes_ago=60):
    """A background upload whose reader read ``read`` files, then died ``minutes_ago`` minutes ago."""
    uploads = [upload(f"bao-cao-{n}.txt", SAMPLE.replace("Nguyễn Văn Tám", f"Nguyễn Văn Số{n}")) for n in range(files)]
    batch = services.start_upload(editor, tree.cc1, uploads, background=True)  # enqueued only on commit: never
    for document in batch.documents.order_by("pk")[:read]:
        services.extract_document(document)
    Batch.objects.filter(pk=batch.pk).update(
        status=Status.RUNNING, done=read, updated_at=timezone.now() - datetime.timedelta(minutes=minutes_ago)
    )
    return Batch.objects.get(pk=batch.pk)


def stopped_reason():
    with override("vi"):
        return gettext(
            "Reading stopped before every file was read (the server or the background worker was interrupted). "
            "Press “Retry” to read the remaining files."
        )


def test_opening_the_page_of_a_batch_left_running_stops_it_and_offers_a_retry(tree, people, upload, settings):
    settings.INGEST_STALLED_MINUTES = 10
    batch = crashed_batch(tree, people.editor, upload, minutes_ago=11)
    with override("vi"):
        page = people.client.get(reverse("ingest:batch", args=[batch.pk])).content.decode()
        retry_label = gettext("Retry")
    batch.refresh_from_db()
    assert batch.status == Status.FAILED and batch.failure == stopped_reason()
    assert stopped_reason() in page and f"{retry_label}</button>" in page
    assert 'hx-trigger="every 1s"' not in page, "a stopped batch is not polled for ever"
    # A viewer sees why it stopped but gets no button.
    assert f"{retry_label}</button>" not in people.viewer.get(reverse("ingest:batch", args=[batch.pk])).content.decode()


def test_a_batch_still_moving_is_left_to_its_reader(tree, people, upload, settings):
    settings.INGEST_STALLED_MINUTES = 10
    batch = crashed_batch(tree, people.editor, upload, minutes_ago=9)
    fragment = people.client.get(reverse("ingest:batch-progress", args=[batch.pk]), HTTP_HX_REQUEST="true").content.decode()
    batch.refresh_from_db()
    assert batch.status == Status.RUNNING and batch.failure == ""
    assert 'hx-trigger="every 1s"' in fragment


def test_the_worker_danvan_serve_starts_stops_every_batch_a_dead_reader_left(tree, people, upload, monkeypatch):
    from danvan.core.management.commands import serve

    dead = crashed_batch(tree, people.editor, upload)
    alive = crashed_batch(tree, people.editor, upload, minutes_ago=0)
    # The queue's record of each reader's task, claimed by a worker that then died (or still runs).
    for batch in (dead, alive):
        process_batch_task.enqueue(batch.pk)
    for result in DBTaskResult.objects.all():
        result.claim("dead-worker")
    started = []
    monkeypatch.setattr(threading, "Thread", lambda target, **kwargs: type("T", (), {"start": lambda self: started.append(target)})())
    serve.start_worker_thread()
    assert started, "the worker thread was started"
    assert Batch.objects.get(pk=dead.pk).status == Status.FAILED
    assert Batch.objects.get(pk=alive.pk).status == Status.RUNNING
    tasks = {result.args_kwargs["args"][0]: result.status for result in DBTaskResult.objects.all()}
    assert tasks == {dead.pk: "FAILED", alive.pk: "RUNNING"}, "the dead reader's task is closed in the queue too"


@pytest.mark.django_db(transaction=True)  # the worker commits, as in production
def test_retry_reads_the_unread_files_once_and_finishes(tree, people, upload, django_capture_on_commit_callbacks):
    batch = crashed_batch(tree, people.editor, upload, files=3, read=1)
    first = batch.documents.order_by("pk").first()
    first_items = list(first.items.values_list("pk", flat=True))
    assert first_items and batch.documents.filter(status=SourceDocument.Status.UPLOADED).count() == 2
    people.client.get(reverse("ingest:batch", args=[batch.pk]))
    with django_capture_on_commit_callbacks(execute=True):
        response = people.client.post(reverse("ingest:batch", args=[batch.pk]))
    assert response.status_code == 302
    batch.refresh_from_db()
    assert (batch.status, batch.done, batch.failure) == (Status.QUEUED, 1, "")
    call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)
    batch.refresh_from_db()
    assert (batch.status, batch.done, batch.total) == (Status.FINISHED, 3, 3)
    assert set(batch.documents.values_list("status", flat=True)) == {SourceDocument.Status.EXTRACTED}
    assert list(first.items.values_list("pk", flat=True)) == first_items, "the file read before the crash is not read again"
    assert all(document.items.exists() for document in batch.documents.all())
    fragment = people.client.get(reverse("ingest:batch-progress", args=[batch.pk]), HTTP_HX_REQUEST="true").content.decode()
    assert 'value="3"' in fragment and "hx-trigger" not in fragment


def test_retry_by_an_editor_of_another_unit_is_404_and_changes_nothing(tree, people, upload, settings):
    batch = crashed_batch(tree, people.editor, upload)
    services.fail_stalled_batches(batch)
    before = (Batch.objects.filter(pk=batch.pk).values().get(), DBTaskResult.objects.count())
    response = people.outsider.post(reverse("ingest:batch", args=[batch.pk]))
    assert response.status_code == 404
    assert (Batch.objects.filter(pk=batch.pk).values().get(), DBTaskResult.objects.count()) == before
    assert people.viewer.post(reverse("ingest:batch", args=[batch.pk])).status_code == 403
    assert (Batch.objects.filter(pk=batch.pk).values().get(), DBTaskResult.objects.count()) == before


def test_only_a_stopped_batch_can_be_retried(tree, people, upload):
    batch = crashed_batch(tree, people.editor, upload, minutes_ago=0)
    with override("vi"):
        response = people.client.post(reverse("ingest:batch", args=[batch.pk]), follow=True)
        message = gettext("Only an upload whose reading stopped can be retried.")
    assert message in response.content.decode()
    assert Batch.objects.get(pk=batch.pk).status == Status.RUNNING and not DBTaskResult.objects.exists()


def test_a_reader_presumed_dead_that_wakes_up_stops_at_the_next_file(tree, people, upload):
    batch = crashed_batch(tree, people.editor, upload, files=2, read=0)
    services.fail_stalled_batches(batch)
    services.process_batch(batch.pk)
    batch.refresh_from_db()
    assert batch.status == Status.FAILED and not ProposedItem.objects.exists()
