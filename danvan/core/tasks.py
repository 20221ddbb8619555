"""Background work of core, run by ``danvan db_worker`` (or the worker ``danvan serve`` starts)."""

from django_tasks import task


@task()
def send_digest_task():
    """The daily digest from the queue, for a scheduler that enqueues rather than runs commands."""
    from danvan.core.digest import MailServerMissing, send_digests

    try:
        outcome = send_digests()
    except MailServerMissing:
        return {"sent": 0, "failed": 0, "configured": False}
    return {"sent": len(outcome.sent), "failed": len(outcome.failed), "configured": True}


@task()
def make_document_pdfs_task(document_ids):
    """The PDFs of documents just issued, in one LibreOffice run; a document that has one keeps it."""
    from danvan.core.documents.services import attach_pdfs
    from danvan.core.pdf import libreoffice

    if libreoffice() is None:
        return {"converted": 0, "installed": False}
    return {"converted": attach_pdfs(document_ids), "installed": True}
