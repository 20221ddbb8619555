"""Explicit lifecycles: a table of allowed transitions, and a record of every move.

A lifecycle is declared once per model::

    INITIATIVE_FLOW = Workflow({
        (Status.DRAFT, Status.SUBMITTED): Step(Role.EDITOR),
        (Status.SUBMITTED, Status.RETURNED): Step(Role.APPROVER, note_required=True),
    })

and ``INITIATIVE_FLOW.move(initiative, Status.SUBMITTED, user, note)`` refuses
anything the table does not allow, saves the new status and records who, when and
why in ``TransitionRecord``; apps call it from their ``services.py``.
"""

import dataclasses

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from danvan.core.audit import diffed_against
from danvan.core.choices import Role
from danvan.core.models import TransitionRecord
from danvan.core.scoping import Scope


@dataclasses.dataclass(frozen=True)
class Step:
    role: str = Role.EDITOR
    note_required: bool = False


class TransitionNotAllowed(ValidationError):
    pass


_WORKFLOWS = {}


def workflow_of(model):
    return _WORKFLOWS.get(model)


class Workflow:
    """``deletable`` names the states in which a record may still be deleted (a draft …); in any other
    state deleting is refused, so history and what was decided never vanish."""

    def __init__(self, steps, field="status", model=None, deletable=()):
        self.steps = steps
        self.field = field
        self.deletable = tuple(deletable)
        if model is not None:
            _WORKFLOWS[model] = self

    def may_delete(self, obj):
        return getattr(obj, self.field) in self.deletable

    def label_of(self, obj):
        return self._labels(obj, getattr(obj, self.field))[0]

    def deletable_labels(self, obj):
        return ", ".join(f"“{label}”" for label in self._labels(obj, *self.deletable)) or "—"

    def _labels(self, obj, *states):
        choices = dict(obj._meta.get_field(self.field).flatchoices)
        return [str(choices.get(state, state)) for state in states]

    def targets(self, obj, user):
        """The states ``user`` may move ``obj`` to now."""
        scope = Scope.for_user(user)
        current = getattr(obj, self.field)
        return [to for (source, to), step in self.steps.items() if source == current and scope.allows(step.role)]

    def check(self, obj, to, user, note=""):
        current = getattr(obj, self.field)
        step = self.steps.get((current, to))
        if step is None:
            source, target = self._labels(obj, current, to)
            raise TransitionNotAllowed(
                _("Cannot change the status from “%(source)s” to “%(target)s”.") % {"source": source, "target": target}
            )
        if not Scope.for_user(user).allows(step.role):
            raise PermissionDenied(_("You do not have permission to do this."))
        if step.note_required and not note.strip():
            raise TransitionNotAllowed({"note": _("Give a reason for this change.")})
        return step

    @transaction.atomic
    def move(self, obj, to, user, note=""):
        """Lock the row and take up what others changed since it was read, then check the move on the
        stored state: two people moving the same record at once cannot both succeed."""
        from danvan.core.services import merge_with_current

        stored = merge_with_current(obj)
        self.check(obj, to, user, note)
        source = getattr(obj, self.field)
        setattr(obj, self.field, to)
        with diffed_against(obj, stored):
            obj.save()
        return TransitionRecord.objects.create(
            content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk,
            source=source, target=to, by=user, note=note.strip(),
        )


def transitions_of(obj):
    return TransitionRecord.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk
    ).select_related("by").order_by("at", "pk")
