"""Every change to memberships and eligible populations: validated, scoped, one transaction, nothing half-written."""

import dataclasses
import datetime

from django.contrib.humanize.templatetags.humanize import intcomma
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from danvan.core.choices import Role
from danvan.core.scoping import Scope
from danvan.core.services import (allocate_ids, analyze_database, ensure_relations_in_scope, insert_many, not_in_future,
                                  require_role, save_record)
from danvan.core.text import fold, normalize
from danvan.core.statistics import Reach
from danvan.members.models import Membership, MembershipPlacement, MembershipRule
from danvan.organizations.choices import KindCategory
from danvan.people.models import Person
from danvan.people.services import detect_duplicates

ONE_DAY = datetime.timedelta(days=1)


def _day(day):
    return day.strftime("%d/%m/%Y")


def organisation_kind_of(branch):
    """The organisation a branch's members belong to: a chi hội or chi đoàn counts for the organisation above it,
    a grassroots organisation (công đoàn cơ sở) for its own kind."""
    if branch.kind.category == KindCategory.MASS_ORGANIZATION:
        return branch.kind
    parent = branch.parent if branch.kind.category == KindCategory.BRANCH else None
    if parent is None or parent.kind.category not in (KindCategory.MASS_ORGANIZATION, KindCategory.FRONT):
        raise ValidationError({"branch": _("%(branch)s is not a branch of the Front or of a mass organisation: members are "
                                           "recorded in a branch (chi hội, chi đoàn, công đoàn cơ sở).") % {"branch": branch}})
    return parent.kind


def _check_person(membership):
    """Born before joining, and of the age the organisation's charter asks (a year of birth alone refuses only
    what it proves)."""
    person, joined = membership.person, membership.joined
    birth_date, birth_year = person.birth_date, person.birth_year
    if (birth_date and joined < birth_date) or (birth_year and joined.year < birth_year):
        raise ValidationError({"joined": _("The day of joining (%(joined)s) is before %(person)s was born.")
                               % {"joined": _day(joined), "person": person}})
    rule = MembershipRule.objects.filter(kind_id=membership.kind_id).first()
    if rule is None or not (birth_date or birth_year):
        return
    if birth_date:
        age = joined.year - birth_date.year - ((joined.month, joined.day) < (birth_date.month, birth_date.day))
    else:
        age = joined.year - birth_year
    if age < rule.minimum_age:
        raise ValidationError({"joined": _("%(person)s was %(age)s on %(joined)s: %(kind)s admits members from the age of %(minimum)s.")
                               % {"person": person, "age": age, "joined": _day(joined), "kind": membership.kind,
                                  "minimum": rule.minimum_age}})


def _check_single(membership):
    """One membership of one organisation at a time: two periods of the same person may not overlap."""
    others = Membership.objects.filter(person_id=membership.person_id, kind_id=membership.kind_id).exclude(pk=membership.pk)
    if membership.left is not None:
        others = others.filter(joined__lte=membership.left)
    clash = others.open_at(membership.joined).first() or others.filter(joined__gte=membership.joined).first()
    if clash is not None:
        raise ValidationError({"person": _("%(person)s is already a member of %(kind)s from %(joined)s (%(branch)s): one person "
                                           "has one membership of an organisation at a time.")
                               % {"person": membership.person, "kind": membership.kind, "joined": _day(clash.joined),
                                  "branch": clash.branch}})


def _check_named(user, membership):
    """The person and branch named are the user's to name, and given, before any rule speaks of them."""
    require_role(user, Role.EDITOR)
    ensure_relations_in_scope(user, membership)
    membership.clean_fields(exclude=["kind"])


def _check_unmoved(membership):
    """An edit corrects details: the person stays, and a change of branch is a transfer, which keeps the history."""
    loaded = getattr(membership, "loaded", {})
    if membership.person_id != loaded.get("person_id", membership.person_id):
        raise ValidationError({"person": _("A membership stays with its person; record a new one for someone else.")})
    if membership.branch_id != loaded.get("branch_id", membership.branch_id):
        raise ValidationError({"branch": _("A member changes branch by a transfer, which keeps the branches of before.")})


def _place(user, membership, branch, start, *, joined_here=False):
    placement = MembershipPlacement(membership=membership, branch=branch, unit=branch.unit, valid_from=start,
                                    valid_to=membership.left, joined_here=joined_here, left_here=membership.left is not None)
    return save_record(user, placement)


def _current_placement(membership):
    return membership.placements.select_for_update().order_by("-valid_from", "-pk").first()


@transaction.atomic
def record_membership(user, membership):
    """Record a new member of a branch (kết nạp), or correct a membership's details; moves go through ``transfer``
    and the end through ``end_membership``."""
    is_new = membership.pk is None
    if not is_new:
        _check_unmoved(membership)
    _check_named(user, membership)
    not_in_future("joined", membership.joined)
    membership.kind = organisation_kind_of(membership.branch)
    _check_person(membership)
    if not is_new:
        first = membership.placements.order_by("valid_from", "pk").first()
        if first.valid_to is not None and membership.joined > first.valid_to:
            raise ValidationError({"joined": _("The day of joining must come before the first transfer (%(day)s).")
                                   % {"day": _day(first.valid_to + ONE_DAY)}})
    _check_single(membership)
    save_record(user, membership)
    if is_new:
        _place(user, membership, membership.branch, membership.joined, joined_here=True)
    else:
        first.valid_from = membership.joined
        save_record(user, first)
    return membership


@transaction.atomic
def transfer(user, membership, branch, on):
    """Move a member to another branch of the same organisation from ``on`` (chuyển sinh hoạt): one membership,
    continuous, with the branch it was in each day."""
    if branch is None or on is None:
        raise ValidationError({"branch" if branch is None else "on": _("This field is required.")})
    not_in_future("on", on)
    if not membership.is_open:
        raise ValidationError({"on": _("This membership ended on %(day)s; a new one is recorded instead.") % {"day": _day(membership.left)}})
    if branch.pk == membership.branch_id:
        raise ValidationError({"branch": _("The member is already in %(branch)s.") % {"branch": branch}})
    membership.branch = branch
    _check_named(user, membership)
    if organisation_kind_of(branch).pk != membership.kind_id:
        raise ValidationError({"branch": _("%(branch)s is not a branch of %(kind)s.") % {"branch": branch, "kind": membership.kind}})
    current = _current_placement(membership)
    if on <= current.valid_from:
        raise ValidationError({"on": _("The transfer must come after %(day)s, when the member came to %(branch)s.")
                               % {"day": _day(current.valid_from), "branch": current.branch}})
    current.valid_to = on - ONE_DAY
    save_record(user, current)
    save_record(user, membership)
    _place(user, membership, branch, on)
    return membership


@transaction.atomic
def end_membership(user, membership, left, reason):
    """End a membership on ``left`` (its last day) for ``reason`` (đưa ra khỏi tổ chức, qua đời …)."""
    if left is None or not reason:
        raise ValidationError({"left" if left is None else "leave_reason": _("This field is required.")})
    not_in_future("left", left)
    if not membership.is_open:
        raise ValidationError({"left": _("This membership already ended on %(day)s.") % {"day": _day(membership.left)}})
    current = _current_placement(membership)
    if left < current.valid_from:
        raise ValidationError({"left": _("The membership cannot end before %(day)s, when the member came to %(branch)s.")
                               % {"day": _day(current.valid_from), "branch": current.branch}})
    membership.left, membership.leave_reason = left, reason
    save_record(user, membership)
    current.valid_to, current.left_here = left, True
    save_record(user, current)
    return membership


@transaction.atomic
def set_eligible_population(user, population):
    """Enter (or correct) a stored denominator; never smaller than the members it would be the denominator of."""
    from danvan.members.queries import persons_at

    require_role(user, Role.EDITOR)
    ensure_relations_in_scope(user, population)
    population.full_clean()
    year_end = datetime.date(population.year, 12, 31)
    members = persons_at(Reach(Scope.of_unit(population.unit).paths), min(year_end, datetime.date.today()), population.kind_id)
    if population.count < members:
        raise ValidationError({"count": _("%(unit)s has %(members)s members of %(kind)s at the end of %(year)s: the eligible "
                                          "population cannot be smaller.")
                               % {"unit": population.unit, "members": intcomma(members), "kind": population.kind,
                                  "year": population.year}})
    save_record(user, population)
    return population



# --- the import of memberships (members/imports.py) -------------------------------------------------------

IMPORT_CHUNK = 5000


@dataclasses.dataclass
class ImportedMembership:
    """One checked row of an import: a person to create and their membership of a branch."""

    person: object
    branch: object
    kind_id: int
    joined: datetime.date
    left: datetime.date | None
    leave_reason: str
    role: str
    is_core: bool
    card_number: str


@transaction.atomic
def import_memberships(user, memberships):
    """Write checked rows (``ImportedMembership``, read by ``members.imports``) in one transaction, a chunk of
    persons, memberships and first placements at a time with one ``executemany`` each, so that memory stays that
    of a chunk; then the duplicate rules run over the user's units and what they find waits for review. Returns
    how many memberships were written."""
    require_role(user, Role.EDITOR)
    done = 0
    for chunk in _chunks(memberships, IMPORT_CHUNK):
        _write_chunk(chunk)
        done += len(chunk)
    if done:
        analyze_database()
        detect_duplicates(user.unit)
    return done


def _chunks(items, size):
    chunk = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


PERSON_COLUMNS = ("id", "full_name", "folded_name", "search_text", "gender", "birth_date", "birth_year", "ethnicity",
                  "religion", "occupation_group", "citizen_id", "unit", "note", "version")
MEMBERSHIP_COLUMNS = ("id", "person", "kind", "branch", "joined", "left", "leave_reason", "role", "is_core", "card_number",
                      "version")
PLACEMENT_COLUMNS = ("membership", "branch", "unit", "joined_here", "left_here", "valid_from", "valid_to", "version")


def _write_chunk(chunk):
    person_ids, membership_ids = allocate_ids(Person, len(chunk)), allocate_ids(Membership, len(chunk))
    persons, memberships, placements = [], [], []
    for row, person_id, membership_id in zip(chunk, person_ids, membership_ids):
        person = row.person
        name = normalize(person.full_name)
        birth_year = person.birth_date.year if person.birth_date else person.birth_year
        persons.append((person_id, name, fold(name), fold(name), person.gender, person.birth_date, birth_year,
                        person.ethnicity_id, person.religion_id, person.occupation_group, person.citizen_id,
                        row.branch.unit_id, "", 1))
        memberships.append((membership_id, person_id, row.kind_id, row.branch.pk, row.joined, row.left, row.leave_reason,
                            row.role, row.is_core, row.card_number, 1))
        placements.append((membership_id, row.branch.pk, row.branch.unit_id, True, row.left is not None, row.joined,
                           row.left, 1))
    insert_many(Person, persons, PERSON_COLUMNS)
    insert_many(Membership, memberships, MEMBERSHIP_COLUMNS)
    insert_many(MembershipPlacement, placements, PLACEMENT_COLUMNS)
