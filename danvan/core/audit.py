"""Change logging: every create, update and delete of a domain record, with who and before → after."""

import dataclasses

from auditlog.models import LogEntry
from auditlog.registry import auditlog


def track(*models, exclude=()):
    """Log ``models``' changes; fields the code derives (not editable: search text, paths, keys) are left out."""
    for model in models:
        derived = {field.name for field in model._meta.concrete_fields if not field.editable and not field.primary_key}
        auditlog.register(model, exclude_fields=sorted(derived | set(exclude)))


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
