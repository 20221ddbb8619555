from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from danvan.reporting.models import ReportForm
from danvan.reporting.services import open_due_periods


class Command(BaseCommand):
    help = "Open the reporting periods that have begun, each with a draft report for every unit that owes it (safe to run again)."

    def handle(self, *args, **options):
        opened, created = open_due_periods(ReportForm.objects.prefetch_related("organization_kinds"))
        self.stdout.write(_("%(periods)s periods opened, %(reports)s reports created.") % {"periods": opened, "reports": created})
