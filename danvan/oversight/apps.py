from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OversightConfig(AppConfig):
    name = "danvan.oversight"
    label = "oversight"
    verbose_name = _("Missions and meetings")

    def ready(self):
        from danvan.core import inbox
        from danvan.oversight.inbox import follow_ups_due

        inbox.register(30, follow_ups_due)

        from danvan.core import dashboard
        from danvan.oversight.dashboard import follow_up_panel

        dashboard.register(20, follow_up_panel)

        from danvan.core import statistics
        from danvan.oversight.queries import follow_up_section

        statistics.register("oversight", follow_up_section)
