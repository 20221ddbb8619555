from django.db import models
from django.utils.translation import gettext_lazy as _


class KindCategory(models.TextChoices):
    """What an organisation kind is in the political system; logic reads this, not the kind's name."""

    PARTY_COMMITTEE = "party_committee", _("Party committee")
    PARTY_BODY = "party_body", _("Party committee body")
    STEERING_COMMITTEE = "steering_committee", _("Steering committee")
    GOVERNMENT = "government", _("Government")
    FRONT = "front", _("Fatherland Front")
    MASS_ORGANIZATION = "mass_organization", _("Mass organisation")
    BRANCH = "branch", _("Branch")
    OTHER = "other", _("Other")
