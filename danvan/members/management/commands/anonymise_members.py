"""Anonymise the persons who left every organisation more than ``settings.MEMBERS_ANONYMISE_AFTER_YEARS`` ago."""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from danvan.people import services
from danvan.people.models import Person


def long_gone(today, years):
    """Persons with memberships, all ended before the cut-off, holding no title since: an open membership or a
    title keeps the record named."""
    try:
        cutoff = today.replace(year=today.year - years)
    except ValueError:  # 29 February
        cutoff = today.replace(year=today.year - years, day=28)
    ended_late = Q(memberships__left__isnull=True) | Q(memberships__left__gte=cutoff)
    titled = Q(positions__valid_to__isnull=True) | Q(positions__valid_to__gte=cutoff)
    return (Person.objects.filter(anonymised_on__isnull=True, memberships__isnull=False)
            .exclude(pk__in=Person.objects.filter(ended_late).values("pk"))
            .exclude(pk__in=Person.objects.filter(titled).values("pk")).distinct())


class Command(BaseCommand):
    help = "Anonymise members who left more than MEMBERS_ANONYMISE_AFTER_YEARS years ago; their counts stay."

    def handle(self, *args, **options):
        today = timezone.localdate()
        count = 0
        with transaction.atomic():
            for person in long_gone(today, settings.MEMBERS_ANONYMISE_AFTER_YEARS).iterator(chunk_size=2000):
                services.anonymise(person, today)
                count += 1
        self.stdout.write(f"{count}")
