from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportingConfig(AppConfig):
    name = "danvan.reporting"
    label = "reporting"
    verbose_name = _("Periodic reporting")

    def ready(self):
        from danvan.core import inbox
        from danvan.reporting.inbox import reports_to_accept, reports_to_send

        # A report waits in the inbox of the unit that owes it until it is sent, and of the level above until accepted.
        inbox.register(40, reports_to_send)
        inbox.register(41, reports_to_accept)
