import time

from django.core.management.base import BaseCommand

from danvan.core.services import analyze_database
from danvan.units.services import load_official_units


class Command(BaseCommand):
    help = "Administrative units: `danvan units load` loads the official legacy and 2025 lists."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["load"])

    def handle(self, *args, action, **options):
        started = time.perf_counter()
        report = load_official_units()
        analyze_database()
        elapsed = time.perf_counter() - started
        if report.changed:
            self.stdout.write(
                f"Units: {report.created} created, {report.updated} updated; lineage: "
                f"{report.successions_created} links created, {report.successions_removed} removed ({elapsed:.1f} s)."
            )
        else:
            self.stdout.write(f"Units already up to date: nothing changed ({elapsed:.1f} s).")
