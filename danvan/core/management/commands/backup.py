from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from danvan.core.backup import BackupError, create_backup


class Command(BaseCommand):
    help = "Write one archive of the database and the uploaded files, while the server runs."

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", help="Archive to write (default: var/backups/danvan-YYYYmmdd-HHMMSS.tar.gz).")

    def handle(self, *args, file=None, **options):
        try:
            path, manifest = create_backup(file)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(_("Backup written to %(path)s: %(rows)s records in %(tables)s tables, %(files)s uploaded files.") % {
            "path": path, "rows": sum(manifest["tables"].values()), "tables": len(manifest["tables"]),
            "files": len(manifest["media"]),
        })
