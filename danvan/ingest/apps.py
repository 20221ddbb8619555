from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IngestConfig(AppConfig):
    name = "danvan.ingest"
    label = "ingest"
    verbose_name = _("Reading reports")

    def ready(self):
        from danvan.core import inbox
        from danvan.ingest.inbox import documents_to_review

        inbox.register(40, documents_to_review)

        from danvan.core.signals import worker_starting

        worker_starting.connect(_fail_stalled_batches, dispatch_uid="ingest-fail-stalled-batches")


def _fail_stalled_batches(sender, **kwargs):
    from danvan.ingest.services import fail_stalled_batches

    fail_stalled_batches()
