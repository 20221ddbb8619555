from django.core.management.base import BaseCommand, CommandError
from django.utils.dateparse import parse_datetime
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

from danvan.core.backup import BackupError, is_older_than_code, restore, stage

YES = {"yes", "y", "có", "co", "c"}


class Command(BaseCommand):
    help = "Bring back the database and the uploaded files from an archive of `danvan backup`."

    def add_arguments(self, parser):
        parser.add_argument("file", help="Archive written by `danvan backup`.")
        parser.add_argument("--yes", "--noinput", "--no-input", action="store_false", dest="interactive",
                            help="Do not ask for confirmation.")

    def handle(self, *args, file, interactive=True, **options):
        try:
            staged = stage(file)
        except BackupError as error:
            raise CommandError(str(error)) from error
        manifest = staged.manifest
        made = parse_datetime(manifest.get("created_at") or "")
        summary = {
            "date": date_format(localtime(made), "d/m/Y H:i") if made else "?",
            "rows": sum(manifest["tables"].values()), "files": len(manifest["media"]),
        }
        if interactive:
            question = _("Every record and uploaded file will be replaced by those of the backup of %(date)s "
                         "(%(rows)s records, %(files)s files). Stop the server first. Continue? [yes/no] ") % summary
            if input(question).strip().casefold() not in YES:
                staged.discard()
                self.stdout.write(_("Restore cancelled; nothing was changed."))
                return
        try:
            restore(staged)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(_("Restored the backup of %(date)s: %(rows)s records, %(files)s uploaded files.") % summary)
        if is_older_than_code(manifest):
            self.stdout.write(_("The backup is older than this version of Dân Vận: run `danvan migrate` now."))
