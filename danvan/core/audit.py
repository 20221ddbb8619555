"""Change logging: every create, update and delete of a domain record, with who and before → after."""

from auditlog.models import LogEntry
from auditlog.registry import auditlog


def track(*models, exclude=("search_text", "path")):
    for model in models:
        auditlog.register(model, exclude_fields=list(exclude))


def history(obj):
    return LogEntry.objects.get_for_object(obj).select_related("actor").order_by("-timestamp")
