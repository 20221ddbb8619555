from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from danvan.demo import build as demo


class Command(BaseCommand):
    help = "Load the demo world from the seed news items (idempotent), then serve it."

    def add_arguments(self, parser):
        parser.add_argument("--no-serve", action="store_true", help="load the demo data only")
        parser.add_argument("--port", type=int, default=8000)

    def handle(self, *args, no_serve, port, **options):
        call_command("migrate", interactive=False, verbosity=0)
        rows = demo.build()
        self.stdout.write(_("Demo data ready. Accounts (password: %(password)s):") % {"password": demo.DEMO_PASSWORD})
        whole_country = _("whole country")
        for username, role, unit in rows:
            self.stdout.write(f"  {username:<12} {role:<14} {unit or whole_country}")
        if not no_serve:
            call_command("serve", port=port)
