from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EngagementConfig(AppConfig):
    name = "danvan.engagement"
    label = "engagement"
    verbose_name = _("Dialogues and petitions")

    def ready(self):
        from danvan.directives import evidence
        from danvan.directives.choices import ObligationKind
        from danvan.engagement.queries import dialogues_held, receptions_held

        # A dialogue held in a unit meets the dialogue obligations of that unit and year by itself.
        evidence.register(ObligationKind.DIALOGUE, dialogues_held)
        # A day the head of the Party committee received citizens counts for the month's reception days (KL 215-KL/TW).
        evidence.register(ObligationKind.RECEPTION, receptions_held)

        from danvan.core import dashboard, inbox, panels
        from danvan.engagement.overview import hot_case_panel, hot_cases_waiting, unit_hot_cases

        # An unsettled hot case stays on every overview of its units until it is settled.
        dashboard.register(30, hot_case_panel)
        inbox.register(35, hot_cases_waiting)
        from danvan.engagement.inbox import petitions_overdue

        # An overdue petition waits in the inbox of everyone over its unit until it is answered.
        inbox.register(33, petitions_overdue)
        panels.register("units.Unit", unit_hot_cases)
        from danvan.core.signals import calendar_published
        from danvan.engagement.services import compute_pending_deadlines

        # A year's days off entered: the petitions whose deadline waited for it get one, in one pass.
        calendar_published.connect(compute_pending_deadlines, dispatch_uid="engagement.compute_pending_deadlines")
