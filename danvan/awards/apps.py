from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AwardsConfig(AppConfig):
    name = "danvan.awards"
    label = "awards"
    verbose_name = _("Commendation")

    def ready(self):
        from danvan.core import inbox
        from danvan.awards.inbox import proposals_to_decide

        inbox.register(20, proposals_to_decide)

        from danvan.awards.models import CommendationDecision
        from danvan.core import search

        search.register(CommendationDecision, _("Commendation decisions"), select_related=("issuing_body",))

        from danvan.awards.queries import commendation_section
        from danvan.core import statistics

        statistics.register("awards", commendation_section)

        from danvan.awards.views import initiative_commendations
        from danvan.core import panels

        panels.register("movement.Initiative", initiative_commendations)
