from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MovementConfig(AppConfig):
    name = "danvan.movement"
    label = "movement"
    verbose_name = _("The Dân vận khéo movement")

    def ready(self):
        from danvan.core import inbox
        from danvan.movement.inbox import registrations_to_accept, models_to_appraise, returned_registrations

        inbox.register(10, registrations_to_accept)
        inbox.register(11, models_to_appraise)
        inbox.register(12, returned_registrations)

        from danvan.core import search
        from danvan.movement.models import Initiative

        search.register(Initiative, _("Initiatives"), select_related=("unit",))

        from danvan.core import dashboard
        from danvan.movement.dashboard import movement_panel

        dashboard.register(10, movement_panel)

        from danvan.core import aggregates
        from danvan.movement.queries import InitiativeCounts

        aggregates.register(InitiativeCounts())
