from django.core.management.base import BaseCommand

from danvan.core.documents.defaults import write_all


class Command(BaseCommand):
    help = "Write the built-in .docx templates of official documents again (danvan/core/data/documents/)."

    def handle(self, *args, **options):
        for path in write_all():
            self.stdout.write(str(path))
