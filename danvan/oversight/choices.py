from django.db import models
from django.utils.translation import gettext_lazy as _


class MissionKind(models.TextChoices):
    INSPECTION = "inspection", _("Inspection")
    SURVEY = "survey", _("Survey")
    SUPERVISION = "supervision", _("Supervision")
    WORKING = "working", _("Working visit")


class MissionStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    CONCLUDED = "concluded", _("Concluded")
    CLOSED = "closed", _("Closed")


class FindingPart(models.TextChoices):
    STRENGTH = "strength", _("Results and strengths")
    SHORTCOMING = "shortcoming", _("Shortcomings")
    CAUSE = "cause", _("Causes")


class MeetingKind(models.TextChoices):
    BRIEFING = "briefing", _("Briefing")
    INTERIM_REVIEW = "interim_review", _("Interim review")
    FINAL_REVIEW = "final_review", _("Final review")
    THEMATIC = "thematic", _("Thematic conference")


class FollowUpKind(models.TextChoices):
    RECOMMENDATION = "recommendation", _("Recommendation")
    TASK = "task", _("Task")


class FollowUpStatus(models.TextChoices):
    OPEN = "open", _("Open")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")

    @classmethod
    def unfinished(cls):
        return [cls.OPEN, cls.IN_PROGRESS]
