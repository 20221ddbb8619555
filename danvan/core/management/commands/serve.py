import gc

from django.conf import settings
from django.core.management.base import BaseCommand
from waitress import serve

from danvan.core.services import analyze_database
from danvan.core.signals import worker_starting
from danvan.wsgi import application


def start_worker_thread():
    """Run the background task queue in this process, so the demo needs no second service."""
    import threading

    from django.utils.crypto import get_random_string
    from django_tasks_db.management.commands.db_worker import Worker

    worker = Worker(
        queue_names=["*"], interval=1, batch=False, backend_name="default", startup_delay=False,
        max_tasks=None, worker_id=f"serve-{get_random_string(12)}", excluded_queue_names=[],
    )
    worker_starting.send(sender=type(worker))
    threading.Thread(target=worker.run, name="danvan-worker", daemon=True).start()
    return worker


# A page allocates some 100,000 objects the collector tracks: at Python's 700 it ran the youngest generation
# about 140 times a page and the middle one a dozen; at 10,000 a few times, for the same garbage.
ALLOCATIONS_BEFORE_COLLECTING = 10_000


def freeze_start_up_heap():
    """Keep what start-up built (modules, models, URL patterns, translations: some 200,000 objects that live as
    long as the process) out of every later collection: each full collection walked them all while every
    thread waited for the interpreter lock."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(ALLOCATIONS_BEFORE_COLLECTING, *gc.get_threshold()[1:])


class Command(BaseCommand):
    help = "Serve Dân Vận with a production WSGI server (waitress)."

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--threads", type=int, default=8)
        parser.add_argument("--no-worker", action="store_true", help="Do not run background tasks here (run `danvan db_worker` instead).")

    def handle(self, *args, host, port, threads, no_worker=False, **options):
        settings.MEDIA_ROOT.mkdir(parents=True, exist_ok=True)
        analyze_database()
        if not no_worker:
            start_worker_thread()
        self.stdout.write(f"Dân Vận: http://{host}:{port}/  (Ctrl+C to stop)")
        freeze_start_up_heap()
        serve(application, host=host, port=port, threads=threads, ident="danvan")
