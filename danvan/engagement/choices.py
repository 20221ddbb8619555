from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class DialogueKind(models.TextChoices):
    PERIODIC = "periodic", _("Periodic dialogue")
    AD_HOC = "ad_hoc", _("Ad hoc dialogue")
    THEMATIC = "thematic", _("Thematic dialogue")
    PARTY_RECEPTION = "party_reception", _("Citizen reception by the head of the Party committee")
    GOVERNMENT_RECEPTION = "government_reception", _("Citizen reception by the head of the government")

    @classmethod
    def dialogues(cls):
        """The kinds that are a dialogue with the people (2242-QĐ/TU), not a reception day (KL 215-KL/TW)."""
        return [cls.PERIODIC, cls.AD_HOC, cls.THEMATIC]


class StatusType(models.TextChoices):
    """The fixed type behind each status: logic and statistics read only this, so labels may be reworded."""

    OPEN = "open", pgettext_lazy("petition", "Open")
    IN_PROGRESS = "in_progress", _("In progress")
    ANSWERED = "answered", _("Answered")
    CLOSED = "closed", _("Closed")


class PetitionStatus(models.TextChoices):
    RECEIVED = "received", _("Received")
    TRANSFERRED = "transferred", _("Transferred, awaiting acceptance")
    RETURNED = "returned", _("Returned, to be re-assigned")
    ACCEPTED = "accepted", _("Accepted, being handled")
    ANSWERED = "answered", _("Answered")
    CLOSED = "closed", _("Closed")

    @classmethod
    def of_type(cls, status_type):
        return [status for status, kind in STATUS_TYPE.items() if kind == status_type]

    @classmethod
    def unanswered(cls):
        return [*cls.of_type(StatusType.OPEN), *cls.of_type(StatusType.IN_PROGRESS)]


STATUS_TYPE = {
    PetitionStatus.RECEIVED: StatusType.OPEN,
    PetitionStatus.TRANSFERRED: StatusType.OPEN,
    PetitionStatus.RETURNED: StatusType.OPEN,
    PetitionStatus.ACCEPTED: StatusType.IN_PROGRESS,
    PetitionStatus.ANSWERED: StatusType.ANSWERED,
    PetitionStatus.CLOSED: StatusType.CLOSED,
}


class Channel(models.TextChoices):
    DIALOGUE = "dialogue", _("At a dialogue")
    RECEPTION = "reception", _("At a citizen reception")
    LETTER = "letter", _("Letter")
    PHONE = "phone", _("Phone")
    ONLINE = "online", _("Online")
    FRONT = "front", _("Forwarded by the Front or a mass organisation")
    SUPERVISION = "supervision", _("Raised by a supervision mission")

    @classmethod
    def at_a_meeting(cls):
        """The channels whose petition was raised at a dialogue or reception recorded as a Dialogue."""
        return [cls.DIALOGUE, cls.RECEPTION]


class Satisfaction(models.TextChoices):
    SATISFIED = "satisfied", _("Satisfied")
    PARTLY = "partly", _("Partly satisfied")
    NOT_SATISFIED = "not_satisfied", _("Not satisfied")


class TransferOutcome(models.TextChoices):
    PENDING = "pending", _("Awaiting acceptance")
    ACCEPTED = "accepted", _("Accepted")
    RETURNED = "returned", _("Returned")
