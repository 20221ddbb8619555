"""Background work of the review queue, run by ``danvan db_worker`` (or the worker ``danvan serve`` starts)."""

from django_tasks import task


@task()
def process_batch_task(batch_id):
    from danvan.ingest.services import process_batch

    batch = process_batch(batch_id)
    return {"done": batch.done, "total": batch.total}
