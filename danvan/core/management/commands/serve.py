from django.conf import settings
from django.core.management.base import BaseCommand
from waitress import serve

from danvan.wsgi import application


class Command(BaseCommand):
    help = "Serve Dân Vận with a production WSGI server (waitress)."

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--threads", type=int, default=8)

    def handle(self, *args, host, port, threads, **options):
        settings.MEDIA_ROOT.mkdir(parents=True, exist_ok=True)
        self.stdout.write(f"Dân Vận: http://{host}:{port}/  (Ctrl+C to stop)")
        serve(application, host=host, port=port, threads=threads, ident="danvan")
