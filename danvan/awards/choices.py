from django.db import models
from django.utils.translation import gettext_lazy as _


class ProposalStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Awaiting decision")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
