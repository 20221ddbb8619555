"""Every change to people and the titles they hold: validated, one transaction, through ``save_record``."""

import datetime
import itertools

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.core.choices import Level, Role
from danvan.core.scoping import unit_within
from danvan.core.services import ensure_in_scope, require_role, save_record
from danvan.people.models import CandidateStatus, DuplicateCandidate, DuplicateRule, Gender, ImportRun, Person, Position

FIRST_BIRTH_YEAR = 1900


@transaction.atomic
def save_person(user, person):
    """Create or edit a person's record, kept by the unit it names."""
    check_person(person)
    _check_gated(user, person)
    return save_record(user, person)


def _check_gated(user, person):
    """Writing a citizen ID, an ethnicity or a religion needs the permission that reads them (blank and unset alike)."""
    loaded = getattr(person, "loaded", {})
    attnames = [Person._meta.get_field(name).attname for name in GATED_FIELDS]
    if any((getattr(person, name) or None) != (loaded.get(name) or None) for name in attnames) and not may_see_personal_data(user):
        raise PermissionDenied(_("Only a user allowed to read personal data records a citizen ID number, an ethnicity or a religion."))


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


# --- possible duplicates ---------------------------------------------------------------------------


def _qualifying_sets(rule):
    """The smallest sets of the rule's fields whose weights reach its threshold: agreeing on any one is enough."""
    weights = {entry.field: entry.weight for entry in rule.fields.all()}
    found = []
    for size in range(1, len(weights) + 1):
        for fields in itertools.combinations(sorted(weights), size):
            score = sum(weights[name] for name in fields)
            if score >= rule.threshold and not any(set(smaller) <= set(fields) for smaller, _score in found):
                found.append((fields, score))
    return found


def _pairs_sql(fields, unit):
    """One INSERT … SELECT of the pairs agreeing on ``fields``: a self-join on the person table the database
    answers from its indexes, never a comparison of persons two by two in Python."""
    quote = connection.ops.quote_name
    table, candidates = quote(Person._meta.db_table), quote(DuplicateCandidate._meta.db_table)
    conditions = ["a.id < b.id", "a.anonymised_on IS NULL", "b.anonymised_on IS NULL"]
    for name in fields:
        field = Person._meta.get_field(name)
        column = quote(field.column)
        conditions += [f"a.{column} = b.{column}", f"a.{column} IS NOT NULL"]
        if not field.is_relation and field.get_internal_type() == "CharField":
            conditions.append(f"a.{column} <> ''")
    params = []
    if unit is not None:
        # The unit table as the person's field names it: people imports nothing of the units app (which imports people).
        units = quote(Person._meta.get_field("unit").related_model._meta.db_table)
        conditions.append(f"a.unit_id IN (SELECT id FROM {units} WHERE path LIKE %s)")
        params.append(f"{unit.path}%")
    sql = (f"INSERT INTO {candidates} (first_id, second_id, rule_id, score, status, found_at, version) "
           f"SELECT a.id, b.id, %s, %s, %s, %s, 1 FROM {table} a JOIN {table} b ON {' AND '.join(conditions)} "
           f"WHERE NOT EXISTS (SELECT 1 FROM {candidates} d WHERE d.first_id = a.id AND d.second_id = b.id)")
    return sql, params


@transaction.atomic
def detect_duplicates(unit=None):
    """Store the pairs of persons each rule in use finds (within ``unit``'s subtree, or everywhere), except those
    already stored: a pair marked as different persons is never proposed again. Returns how many were added."""
    added = 0
    now = timezone.now()
    with connection.cursor() as cursor:
        for rule in DuplicateRule.objects.filter(is_active=True).prefetch_related("fields"):
            for fields, score in _qualifying_sets(rule):
                sql, params = _pairs_sql(fields, unit)
                cursor.execute(sql, [rule.pk, score, CandidateStatus.OPEN, now, *params])
                added += cursor.rowcount
    return added


def _open_candidate(user, candidate):
    require_role(user, Role.EDITOR)
    for person in (candidate.first, candidate.second):
        ensure_in_scope(user, person)
    if candidate.status != CandidateStatus.OPEN:
        raise ValidationError(_("This pair has already been decided: %(status)s.") % {"status": candidate.get_status_display()})


@transaction.atomic
def mark_different(user, candidate):
    """Remember that the two are different persons: no later detection proposes them again."""
    _open_candidate(user, candidate)
    candidate.status = CandidateStatus.DIFFERENT
    return save_record(user, candidate)


MERGED_FIELDS = ("gender", "birth_date", "birth_year", "ethnicity", "religion", "occupation_group", "residence_hamlet",
                 "citizen_id")


@transaction.atomic
def merge_persons(user, candidate, keep):
    """Merge the pair into ``keep``: what the other person holds (memberships, titles …, whatever app records it)
    moves to ``keep``, what ``keep`` lacks is taken from the other, and the other's record is deleted; each move
    is in the records' history."""
    _open_candidate(user, candidate)
    if keep.pk not in (candidate.first_id, candidate.second_id):
        raise ValidationError({"keep": _("Keep one of the two persons of the pair.")})
    other = candidate.second if keep.pk == candidate.first_id else candidate.first
    for name in MERGED_FIELDS:
        if name in GATED_FIELDS and not may_see_personal_data(user):
            continue
        if getattr(keep, name) in (None, "") and getattr(other, name) not in (None, ""):
            setattr(keep, name, getattr(other, name))
    save_person(user, keep)
    candidate.status = CandidateStatus.MERGED
    save_record(user, candidate)
    try:
        with transaction.atomic():
            _move_records(other, keep)
    except IntegrityError as error:
        raise ValidationError(_("Both persons hold a record that a person holds only once (an open membership of the "
                                "same organisation): end one of them before merging.")) from error
    other.delete()
    return keep


def _move_records(other, keep):
    for relation in Person._meta.related_objects:
        if relation.related_model is DuplicateCandidate or not relation.field.concrete:
            continue
        name = relation.field.name
        for record in relation.related_model._default_manager.filter(**{name: other}):
            setattr(record, name, keep)
            record.save()


# --- personal data (Nghị định 13/2023/NĐ-CP) --------------------------------------------------------------

SHOWN_DIGITS = 3
GATED_FIELDS = ("citizen_id", "ethnicity", "religion")


def may_see_personal_data(user, person=None):
    """The separate permission to read a citizen ID, ethnicity and religion and to export personal data, within
    the user's scope: Điều 2 counts the ID number as basic personal data (khoản 3 g) and religion and ethnic
    origin as sensitive (khoản 4); Điều 3 limits processing to what its purpose needs."""
    if not user.has_perm("people.view_personal_data"):
        return False
    return person is None or user.scope.contains(person.unit)


def citizen_id_for(user, person):
    """The number in full for a user allowed to see it, else masked but for its last digits (none if blank)."""
    number = person.citizen_id
    if not number or may_see_personal_data(user, person):
        return number
    return "•" * (len(number) - SHOWN_DIGITS) + number[-SHOWN_DIGITS:]


def _commune_of(unit):
    return unit.parent if unit.level == Level.HAMLET else unit


def log_read(user, person, surface="page"):
    """Log a read of the person's record by someone outside the person's commune (its own officials need no
    entry: they keep the record): who, when and where, among the protective measures of Điều 26."""
    if user.unit is not None and unit_within(user.unit, _commune_of(person.unit)):
        return
    log_reads(user, [person], surface)


def log_reads(user, persons, surface):
    """One access entry per person shown (a page, an export, the person's data given out)."""
    LogEntry.objects.bulk_create([
        LogEntry(content_type=_person_type(), object_pk=str(person.pk), object_id=person.pk, object_repr=str(person)[:200],
                 action=LogEntry.Action.ACCESS, actor=user, changes="", additional_data={"surface": surface})
        for person in persons])


def _person_type():
    return ContentType.objects.get_for_model(Person)


PERSONAL_FIELDS = ("full_name", "gender", "birth_date", "birth_year", "ethnicity", "religion", "occupation_group",
                   "citizen_id", "unit", "residence_hamlet", "note")


def personal_data(user, person):
    """Everything kept about the person, for the person asking for it (Điều 14, providing personal data): their
    record's fields and every record of theirs in any app (memberships, titles …). Needs the permission; logged."""
    if not may_see_personal_data(user, person):
        raise PermissionDenied(_("Only a user allowed to read personal data may export a person's data."))
    log_reads(user, [person], "data-export")
    fields = {str(Person._meta.get_field(name).verbose_name): shown(person, name) for name in PERSONAL_FIELDS}
    held = {}
    for relation in Person._meta.related_objects:
        if relation.related_model is DuplicateCandidate or not relation.field.concrete:
            continue
        records = relation.related_model._default_manager.filter(**{relation.field.name: person})
        held[str(relation.related_model._meta.verbose_name_plural)] = [str(record) for record in records]
    return {"person": fields, "records": held}


def shown(person, name):
    """A field of the person as a page shows it: a choice's label, a date as dd/mm/yyyy."""
    field = Person._meta.get_field(name)
    value = getattr(person, f"get_{name}_display")() if field.choices else getattr(person, name)
    if isinstance(value, datetime.date):
        return value.strftime("%d/%m/%Y")
    return "" if value is None else str(value)


def anonymise(person, today):
    """Strip what names the person and keep what the counts read (sex, year of birth, ethnicity, religion,
    occupation group, unit): Điều 16 lets personal data be deleted, the statistics stay true."""
    person.full_name = _("Anonymised person %(number)s") % {"number": person.pk}
    person.birth_date = None
    person.citizen_id = person.note = ""
    person.residence_hamlet = None
    person.anonymised_on = today
    person.save()


# --- background imports ------------------------------------------------------------------------------------


@transaction.atomic
def start_import(user, upload, enqueue):
    """Keep the uploaded sheet and queue its import (``enqueue(run_id)``, once the file is stored)."""
    require_role(user, Role.EDITOR)
    if user.unit is None:
        raise ValidationError(_("Only a user of a unit imports members: the rows are checked against its units."))
    run = save_record(user, ImportRun(unit=user.unit, started_by=user, file=upload))
    transaction.on_commit(lambda: enqueue(run.pk))
    return run


def note_import(run_id, **fields):
    """What the progress bar shows, written at once (outside the import's own transaction, which is all or nothing)."""
    ImportRun.objects.filter(pk=run_id).update(**fields)
