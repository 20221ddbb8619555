"""Choices of the movement, declared once: logic and statistics read the values, people see the labels."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from danvan.core.choices import HolderKind, Level  # noqa: F401  (HolderKind is shared; kept importable from here)


class InitiativeKind(models.TextChoices):
    MODEL = "model", _("Model")
    EXEMPLAR = "exemplar", _("Exemplar")


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Awaiting approval")
    REGISTERED = "registered", _("Registered")
    RETURNED = "returned", _("Returned")
    UNDER_APPRAISAL = "under_appraisal", _("Under appraisal")
    RECOGNISED = "recognised", _("Recognised")
    NOT_RECOGNISED = "not_recognised", _("Not recognised")
    SUSPENDED = "suspended", _("Suspended")
    ENDED = "ended", _("Ended")


# Statuses that count as "registered" in the statistics: the registration was approved.
REGISTERED_STATUSES = [
    Status.REGISTERED, Status.UNDER_APPRAISAL, Status.RECOGNISED, Status.NOT_RECOGNISED, Status.SUSPENDED, Status.ENDED,
]


class RecognitionLevel(models.IntegerChoices):
    """Levels of recognition; values follow ``core.choices.Level`` so that a smaller value is a higher level."""

    CENTRAL = 0, _("Central")
    PROVINCE = Level.PROVINCE, _("Province")
    DISTRICT = Level.DISTRICT, _("District")
    COMMUNE = Level.COMMUNE, _("Grassroots")


# Keys of the statistics API, fixed by the issue.
LEVEL_KEYS = {
    RecognitionLevel.COMMUNE: "commune",
    RecognitionLevel.DISTRICT: "district",
    RecognitionLevel.PROVINCE: "province",
    RecognitionLevel.CENTRAL: "central",
}


class AppraisalOutcome(models.TextChoices):
    NOT_MET = "not_met", _("Not met")
    MET = "met", _("Met at this level")
    MET_PROPOSED = "met_proposed", _("Met, proposed to the level above")


class AttachmentKind(models.TextChoices):
    PHOTO = "photo", _("Photo")
    DOCUMENT = "document", _("Document")
