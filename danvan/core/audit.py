"""Change logging: every create, update and delete of a domain record, with who and before → after."""

import contextlib
import dataclasses

from auditlog.models import LogEntry
from auditlog.receivers import _create_log_entry, check_disable, log_update
from auditlog.registry import auditlog
from django.conf import settings
from django.db.models.signals import pre_save

STORED = "_audit_stored"


def track(*models, exclude=()):
    """Log ``models``' changes; fields the code derives (not editable: search text, paths, keys) are left out."""
    for model in models:
        derived = {field.name for field in model._meta.concrete_fields if not field.editable and not field.primary_key}
        auditlog.register(model, exclude_fields=sorted(derived | set(exclude)))
        # auditlog 3.4 reads the stored row again before every update (a query per save); ours takes the row
        # ``merge_with_current`` has just read under lock when there is one.
        pre_save.disconnect(sender=model, dispatch_uid=auditlog._dispatch_uid(pre_save, log_update))
        pre_save.connect(_log_update, sender=model, dispatch_uid="danvan.core.audit.log_update")


@contextlib.contextmanager
def diffed_against(instance, stored):
    """Inside the block, a save of ``instance`` logs its changes against ``stored``: its row as the write path has
    just read it under lock (None: auditlog reads it itself)."""
    if stored is None:
        yield
        return
    instance.__dict__[STORED] = stored
    try:
        yield
    finally:
        instance.__dict__.pop(STORED, None)


@check_disable
def _log_update(sender, instance, update_fields=None, **kwargs):
    stored = instance.__dict__.pop(STORED, None)
    if stored is None or stored.pk != instance.pk:
        log_update(sender, instance, update_fields=update_fields, **kwargs)
        return
    _create_log_entry(
        action=LogEntry.Action.UPDATE, instance=instance, sender=sender, diff_old=stored, diff_new=instance,
        fields_to_check=update_fields, use_json_for_changes=settings.AUDITLOG_STORE_JSON_CHANGES,
    )


@dataclasses.dataclass
class HistoryEntry:
    entry: LogEntry
    changes: list  # (field label, before, after)

    def __getattr__(self, name):
        return getattr(self.entry, name)


def _shown(value):
    return "" if value in (None, "None") else value


def history(obj):
    """The record's log, newest first, each change named by its field's label."""
    labels = {str(field.verbose_name) for field in type(obj)._meta.concrete_fields if field.name != "id"}
    entries = LogEntry.objects.get_for_object(obj).select_related("actor", "content_type").order_by("-timestamp")
    return [
        HistoryEntry(entry, [
            (label, _shown(before), _shown(after))
            for label, (before, after) in entry.changes_display_dict.items()
            if label in labels and _shown(before) != _shown(after)
        ])
        for entry in entries
    ]
