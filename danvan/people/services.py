"""Every change to people and the titles they hold: validated, one transaction, through ``save_record``."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from danvan.core.choices import Level
from danvan.core.scoping import unit_within
from danvan.core.services import save_record
from danvan.people.models import Gender, Position

FIRST_BIRTH_YEAR = 1900


@transaction.atomic
def save_person(user, person):
    """Create or edit a person's record, kept by the unit it names."""
    check_person(person)
    return save_record(user, person)


def check_person(person):
    """The rules a person's record obeys however it is written (a page, the API, an import row)."""
    _check_birth(person)
    _check_citizen_id(person)
    hamlet = person.residence_hamlet
    if hamlet is not None and (hamlet.level != Level.HAMLET or not unit_within(hamlet, person.unit)):
        raise ValidationError({"residence_hamlet": _("The hamlet of residence must be a hamlet within %(unit)s.")
                               % {"unit": person.unit}})


def _check_birth(person):
    today = datetime.date.today()
    if person.birth_date is not None:
        if not datetime.date(FIRST_BIRTH_YEAR, 1, 1) <= person.birth_date <= today:
            raise ValidationError({"birth_date": _("The date of birth must lie between 01/01/%(first)s and today.")
                                   % {"first": FIRST_BIRTH_YEAR}})
        if person.birth_year is not None and person.birth_year != person.birth_date.year:
            raise ValidationError({"birth_year": _("The year of birth differs from the date of birth.")})
    if person.birth_year is not None and not FIRST_BIRTH_YEAR <= person.birth_year <= today.year:
        raise ValidationError({"birth_year": _("The year of birth must lie between %(first)s and %(last)s.")
                               % {"first": FIRST_BIRTH_YEAR, "last": today.year}})


# The citizen ID's fourth digit tells sex and century (Thông tư 59/2021/TT-BCA, art. 7): 0/1 for a man or a
# woman born in the 20th century, 2/3 in the 21st …; its fifth and sixth digits are the year of birth's last two.
_CENTURY_DIGITS = {1900: ("0", "1"), 2000: ("2", "3"), 2100: ("4", "5"), 2200: ("6", "7"), 2300: ("8", "9")}


def _check_citizen_id(person):
    number = person.citizen_id
    if not number or not number.isdigit() or len(number) != 12:
        return  # blank, or refused by the field's own validator
    if person.birth_year is not None:
        century = person.birth_year // 100 * 100
        if number[3] not in _CENTURY_DIGITS.get(century, ()) or number[4:6] != f"{person.birth_year % 100:02d}":
            raise ValidationError({"citizen_id": _("This citizen ID number does not match the year of birth.")})
    if person.gender and (int(number[3]) % 2 == 1) != (person.gender == Gender.FEMALE):
        raise ValidationError({"citizen_id": _("This citizen ID number does not match the sex.")})


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
