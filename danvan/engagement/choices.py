from django.db import models
from django.utils.translation import gettext_lazy as _


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
