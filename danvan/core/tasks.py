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
