"""Every change to people and the titles they hold: validated, one transaction, through ``save_record``."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from danvan.core.services import save_record
from danvan.people.models import Position

FIRST_BIRTH_YEAR = 1900


@transaction.atomic
def save_person(user, person):
    """Create or edit a person's record, kept by the unit it names."""
    last = datetime.date.today().year
    if person.birth_year is not None and not FIRST_BIRTH_YEAR <= person.birth_year <= last:
        raise ValidationError({"birth_year": _("The year of birth must lie between %(first)s and %(last)s.")
                               % {"first": FIRST_BIRTH_YEAR, "last": last}})
    return save_record(user, person)


@transaction.atomic
def record_position(user, position):
    """Record (or correct) a title a person holds in an organisation for a period: within the
    organisation's own period, and not the same title twice at once."""
    if position.organization_id:
        position.organization.ensure_covers(position)
        same = Position.objects.filter(person_id=position.person_id, organization_id=position.organization_id,
                                       title__iexact=position.title.strip()).overlapping(position.valid_from, position.valid_to)
        if same.exclude(pk=position.pk).exists():
            raise ValidationError({"title": _("%(person)s already holds “%(title)s” in %(organization)s for an overlapping period.")
                                   % {"person": position.person, "title": position.title, "organization": position.organization}})
    return save_record(user, position)
