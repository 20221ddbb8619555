"""The one write path every app's services use: role, scope of the record and of every record it
names, the version the writer read, validation, one transaction.

Pages, the API, imports, the review queue and commands all reach the database through
``save_record`` / ``delete_record`` (directly or inside an app's service), so they refuse alike.
"""

import dataclasses
import datetime

from auditlog.diff import get_field_value
from auditlog.models import LogEntry
from django.contrib.contenttypes.fields import GenericForeignKey
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.db.models import ProtectedError, RestrictedError
from django.utils.translation import gettext as _

from danvan.core import aggregates
from danvan.core.audit import diffed_against
from danvan.core.choices import Role
from danvan.core.models import VersionedModel
from danvan.core.scoping import Scope
from danvan.core.uploads import FileCheck


def require_role(user, role):
    if not Scope.for_user(user).allows(role):
        raise PermissionDenied(_("You do not have permission to do this."))


def ensure_in_scope(user, instance):
    """Refuse a record whose unit lies outside the user's scope; callers run in a transaction."""
    unit = instance.scope_unit()
    if unit is None or not Scope.for_user(user).contains(unit):
        raise ValidationError(_("This record would be outside the units you work on."))


def ensure_unit_in_scope(user, unit, field):
    """Refuse acting for ``unit`` (an approval addressed to its body, a level above the user …)."""
    if unit is None or not Scope.for_user(user).contains(unit):
        raise PermissionDenied(_("%(unit)s is outside the units you work on.") % {"unit": unit})


# --- related records ----------------------------------------------------------------------------

def choosable(user, model, field_name):
    """The records ``user`` may name in ``model.field_name``: those in scope, unless the model widens it.

    A model declares ``related_scopes = {"addressed_to": "addressable_by"}`` for a relation that
    legitimately reaches outside the writer's subtree (a proposal goes up to a body above).
    Forms, serializers and the services all ask here, so each surface offers and accepts the same.
    """
    related = model._meta.get_field(field_name).related_model
    method = getattr(model, "related_scopes", {}).get(field_name, "visible_to")
    manager = related._default_manager
    return getattr(manager, method)(user) if hasattr(manager, method) else None


def _named_relations(instance):
    """(field, value id) of each scoped relation the write sets or changes."""
    loaded = getattr(instance, "loaded", None) if not instance._state.adding else None
    for field in instance._meta.concrete_fields:
        if not field.is_relation or field.related_model is None:
            continue
        value = getattr(instance, field.attname)
        if value is None or (loaded is not None and loaded.get(field.attname) == value):
            continue
        yield field, value


def _outside(field):
    return ValidationError({field.name: _("“%(field)s”: the chosen record is outside the units you work on.")
                            % {"field": field.verbose_name}})


def ensure_relations_in_scope(user, instance):
    """Every related record the write names (new or changed relations, generic links too) is one the user may name."""
    if Scope.for_user(user).is_everything:
        return  # a national administrator may name any record; full_clean still checks that it exists
    for field, value in _named_relations(instance):
        allowed = choosable(user, type(instance), field.name)
        if allowed is not None and not allowed.filter(pk=value).exists():
            raise _outside(field)
    for field in instance._meta.private_fields:
        if isinstance(field, GenericForeignKey):
            record = getattr(instance, field.name)
            manager = type(record)._default_manager if record is not None else None
            if manager is not None and hasattr(manager, "visible_to") and not manager.visible_to(user).filter(pk=record.pk).exists():
                raise _outside(instance._meta.get_field(field.ct_field))


def ensure_all_in_scope(user, model, field_name, records):
    """The same check for the records of a many-to-many field (directives of a mission …)."""
    allowed = choosable(user, model, field_name)
    pks = {record.pk for record in records}
    if allowed is not None and pks and allowed.filter(pk__in=pks).count() != len(pks):
        raise _outside(model._meta.get_field(field_name))


# --- versions -----------------------------------------------------------------------------------

@dataclasses.dataclass
class Change:
    """What someone else changed in one field after the version a writer read."""

    field: str
    label: str
    after: str
    by: str
    at: object


class VersionConflict(ValidationError):
    """The writer changed fields that someone else changed after the version it read."""

    def __init__(self, changes, current_version):
        self.changes = changes
        self.current_version = current_version
        super().__init__({
            change.field: _("Changed meanwhile by %(by)s to “%(after)s”. Check it, then save again to keep yours.")
            % {"by": change.by, "after": change.after}
            for change in changes
        }, code="stale")


def _changes_since(instance, version):
    """Per field, the first change made after ``version``: the audit log keeps the version of each save."""
    changes = {}
    entries = LogEntry.objects.get_for_object(instance).select_related("actor").order_by("timestamp", "pk")
    for entry in entries:
        if (entry.additional_data or {}).get("version", 0) <= version:
            continue
        for name, (before, after) in entry.changes_dict.items():
            changes.setdefault(name, (before, after, entry))
    return changes


def _display(record, field):
    if field.choices:
        return str(record._get_FIELD_display(field))
    value = getattr(record, field.name)
    return "" if value is None else str(value)


def _actor(entry):
    actor = entry.actor
    return (actor.get_full_name() or actor.username) if actor else _("the system")


def merge_with_current(instance):
    """Lock the stored row and carry over every change made since the writer read it; refuse a clash.

    A field the writer left as it read it takes the stored value; a field the writer changed is
    written, unless someone else changed it too after the version the writer read. Returns the stored row
    (None for a new record), which the save that follows logs its changes against.
    """
    if not isinstance(instance, VersionedModel) or instance._state.adding:
        return None
    current = type(instance)._base_manager.select_for_update().get(pk=instance.pk)
    base = instance.read_version if instance.read_version is not None else instance.version
    loaded = getattr(instance, "loaded", {})
    since = _changes_since(current, base) if current.version != base else {}
    clashes = []
    for field in instance._meta.concrete_fields:
        if field.primary_key or field.attname == "version":
            continue
        mine, stored = getattr(instance, field.attname), getattr(current, field.attname)
        if mine == stored:
            continue
        untouched = field.attname in loaded and loaded[field.attname] == mine
        change = since.get(field.name)
        if untouched or (change is not None and str(get_field_value(instance, field)) == str(change[0])):
            setattr(instance, field.attname, stored)
        elif change is not None:
            entry = change[2]
            clashes.append(Change(field.name, str(field.verbose_name), _display(current, field), _actor(entry), entry.timestamp))
    if clashes:
        raise VersionConflict(clashes, current.version)
    instance.version = current.version
    return current


# --- the write path -----------------------------------------------------------------------------

def _store_checked_files(instance):
    """A new file is stored as its field's check gives it back: an image re-encoded, without metadata."""
    for field in instance._meta.concrete_fields:
        stored = getattr(instance, field.attname) if isinstance(field, models.FileField) else None
        if not stored or getattr(stored, "_committed", True):
            continue
        for check in (validator for validator in field.validators if isinstance(validator, FileCheck)):
            try:
                setattr(instance, field.attname, check.clean(stored.file))
            except ValidationError as error:
                raise ValidationError({field.name: error.messages}) from error


@transaction.atomic
def save_record(user, instance, role=Role.EDITOR, exclude=()):
    """Create or update ``instance`` for ``user``: role, related records in scope, no lost update,
    validated, saved, and re-checked inside scope (else the transaction rolls back)."""
    require_role(user, role)
    stored = merge_with_current(instance)
    ensure_relations_in_scope(user, instance)
    _store_checked_files(instance)
    instance.full_clean(exclude=exclude)
    with diffed_against(instance, stored):
        instance.save()
    ensure_in_scope(user, instance)
    return instance


def deletable(instance):
    """Whether the record's lifecycle lets it go: only the states its workflow names (a draft …)."""
    from danvan.core.workflow import workflow_of

    workflow = workflow_of(type(instance))
    return workflow is None or workflow.may_delete(instance)


@transaction.atomic
def delete_record(user, instance, role=Role.EDITOR):
    """Delete a record its lifecycle lets go; anything else, and anything still used, is refused with the reason."""
    require_role(user, role)
    ensure_in_scope(user, instance)
    if not deletable(instance):
        from danvan.core.workflow import workflow_of

        raise ValidationError(_("Only a record in one of these states can be deleted: %(states)s. This one is “%(status)s”.") % {
            "states": workflow_of(type(instance)).deletable_labels(instance),
            "status": workflow_of(type(instance)).label_of(instance)})
    try:
        # The counters the record counted in (core/aggregates.py) lose it in the same transaction.
        with aggregates.tracking(instance):
            instance.delete()
    except (ProtectedError, RestrictedError) as error:
        raise ValidationError(_("This record is still used by other records and cannot be deleted.")) from error


def allocate_ids(model, count):
    """``count`` unused primary keys of ``model``, for rows that must know their key before a bulk insert
    (a unit's path ends with its own key: without this every new unit is written twice)."""
    from django.db import connection

    if count == 0:
        return []
    table, column = model._meta.db_table, model._meta.pk.column
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # The sequence hands out keys no concurrent insert can take.
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)", [table, column, count])
            return [row[0] for row in cursor.fetchall()]
        # SQLite: the writer holds the database lock for the rest of the transaction.
        cursor.execute(f'SELECT MAX("{column}") FROM "{table}"')
        highest = cursor.fetchone()[0] or 0
        cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = %s", [table])
        row = cursor.fetchone()
        first = max(highest, row[0] if row else 0) + 1
        return list(range(first, first + count))


def insert_many(model, records, fields=None):
    """Insert unsaved ``records`` of ``model`` with one ``executemany`` (signals and ``save`` are skipped, as by
    ``bulk_create``); a key left unset is the database's to give and is not read back.

    For loads of tens of thousands of rows: ``bulk_create`` compiles a statement per batch of a few hundred rows
    and spends most of its time there, five times the cost of writing the rows.

    With ``fields`` (names of the model's fields, every column the rows must fill) the records are tuples of values
    already as the database takes them, in that order: no instance is built nor prepared field by field, which
    costs more than the insert itself."""
    from django.db import DEFAULT_DB_ALIAS, connections

    if not records:
        return
    connection = connections[DEFAULT_DB_ALIAS]  # not the proxy: each field's preparation reads it
    if fields is not None:
        columns = [model._meta.get_field(name).column for name in fields]
        rows = records
    else:
        fields = [field for field in model._meta.concrete_fields
                  if not (field.primary_key and getattr(records[0], field.attname) is None)]
        columns = [field.column for field in fields]
        rows = [[field.get_db_prep_save(field.pre_save(record, True), connection) for field in fields] for record in records]
    quote = connection.ops.quote_name
    sql = (f"INSERT INTO {quote(model._meta.db_table)} ({', '.join(quote(column) for column in columns)}) "
           f"VALUES ({', '.join(['%s'] * len(columns))})")
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)
    if rows is not records:
        for record in records:
            record._state.adding, record._state.db = False, connection.alias


def analyze_database():
    """Refresh the query planner's statistics after bulk writes.

    Without them SQLite scans whole tables for the statistics pages instead of
    using their covering indexes; PostgreSQL's autovacuum would get there later.
    """
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def not_in_future(field, day):
    """``day`` when it is not after today; a date in the future, where the day something happened is asked,
    is refused beside ``field``."""
    if day is not None and day > datetime.date.today():
        raise ValidationError({field: _("This date is in the future; enter the day it happened.")})
    return day


# --- national catalogues ------------------------------------------------------------------------

def may_edit_catalogues(user):
    """Criteria, phases, fields and the other catalogues are the same for the whole country, so only a
    national administrator (no unit) edits them; a provincial administrator reads them."""
    scope = Scope.for_user(user)
    return scope.is_everything and scope.allows(Role.ADMINISTRATOR)


@transaction.atomic
def save_catalogue_entry(user, entry):
    """Create or edit an entry of a national catalogue (a criterion, a phase …): validated by its model."""
    if not may_edit_catalogues(user):
        raise PermissionDenied(_("Only a national administrator edits the national catalogues."))
    entry.full_clean()
    entry.save()
    return entry
