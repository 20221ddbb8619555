from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import translation
from django.utils.translation import gettext as _

from danvan.core import aggregates


class Command(BaseCommand):
    help = ("Recount the statistics' counters from the records (after data was written without the services, "
            "e.g. a bulk load); running it again changes nothing.")

    def handle(self, *args, **options):
        with translation.override(settings.LANGUAGE_CODE):
            for name, rows in aggregates.rebuild().items():
                self.stdout.write(_("%(name)s: %(rows)s counter rows recounted from the records.") % {"name": name, "rows": rows})
