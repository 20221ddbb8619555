"""Background work of the members app, run by ``danvan db_worker`` (or the worker ``danvan serve`` starts)."""

from django_tasks import task


@task()
def import_memberships_task(run_id):
    from danvan.members.imports import run_import

    run = run_import(run_id)
    return {"status": run.status, "imported": run.imported}
