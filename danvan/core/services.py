"""Generic writes shared by every app: validate, save in one transaction, stay in scope."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from danvan.core.choices import Role
from danvan.core.scoping import Scope


def require_role(user, role):
    if not Scope.for_user(user).allows(role):
        raise PermissionDenied(_("You do not have permission to do this."))


def ensure_in_scope(user, instance):
    """Refuse a record whose unit lies outside the user's scope; callers run in a transaction."""
    unit = instance.scope_unit()
    if unit is None or not Scope.for_user(user).contains(unit):
        raise ValidationError(_("This record would be outside the units you work on."))


@transaction.atomic
def save_record(user, instance, role=Role.EDITOR):
    """Create or update ``instance`` for ``user``: validated, saved, re-checked inside scope."""
    require_role(user, role)
    instance.full_clean()
    instance.save()
    ensure_in_scope(user, instance)
    return instance


@transaction.atomic
def delete_record(user, instance, role=Role.EDITOR):
    require_role(user, role)
    ensure_in_scope(user, instance)
    instance.delete()


def analyze_database():
    """Refresh the query planner's statistics after bulk writes.

    Without them SQLite scans whole tables for the statistics pages instead of
    using their covering indexes; PostgreSQL's autovacuum would get there later.
    """
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
