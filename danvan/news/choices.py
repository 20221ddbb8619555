from django.db import models
from django.utils.translation import gettext_lazy as _, pgettext_lazy


class Status(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("article", "Draft")
    SUBMITTED = "submitted", _("Awaiting approval")
    PUBLISHED = "published", pgettext_lazy("article", "Published")
    RETURNED = "returned", pgettext_lazy("article", "Returned")
