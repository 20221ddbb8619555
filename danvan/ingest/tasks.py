"""Background work of the review queue, run by ``danvan db_worker`` (or the worker ``danvan serve`` starts)."""

from django_tasks import task


@task()
def process_batch_task(batch_id):
    from danvan.ingest.services import fail_stalled_batches, process_batch

    # `danvan db_worker` has no start hook of ours: a worker taking a batch also stops those a dead one left.
    fail_stalled_batches()
    batch = process_batch(batch_id)
    return {"done": batch.done, "total": batch.total}
