"""Anonymise the persons who left every organisation more than ``settings.MEMBERS_ANONYMISE_AFTER_YEARS`` ago."""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from danvan.people import services
from danvan.members.models import Membership
from danvan.people.models import Person, Position


def long_gone(today, years):
    """Persons with memberships, all ended before the cut-off, holding no title since: an open membership or a
    title keeps the record named."""
    try:
        cutoff = today.replace(year=today.year - years)
    except ValueError:  # 29 February
        cutoff = today.replace(year=today.year - years, day=28)
    left_lately = Q(left__isnull=True) | Q(left__gte=cutoff)
    held_lately = Q(valid_to__isnull=True) | Q(valid_to__gte=cutoff)
    return (Person.objects.filter(anonymised_on__isnull=True, pk__in=Membership.objects.values("person"))
            .exclude(pk__in=Membership.objects.filter(left_lately).values("person"))
            .exclude(pk__in=Position.objects.filter(held_lately).values("person")))


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
