"""Choices of periodic reporting, declared once."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Aggregation(models.TextChoices):
    """How a unit's figure is made from its subtree's: summed, a ratio of two sums, or each unit's latest value summed."""

    SUM = "sum", _("Sum")
    RATIO = "ratio", _("Ratio of sums")
    LATEST = "latest", _("Latest value")


class Source(models.TextChoices):
    COMPUTED = "computed", _("Computed from the records")
    ENTERED = "entered", _("Entered by the unit")


class Disaggregation(models.TextChoices):
    ORGANIZATION = "organization", _("Organisation")
    LEVEL = "level", _("Level")
    HOLDER = "holder", _("Collective / individual")
    SEX = "sex", _("Sex")


class PeriodType(models.TextChoices):
    MONTH = "month", _("Month")
    QUARTER = "quarter", _("Quarter")
    SIX_MONTHS = "six_months", _("6 months")
    NINE_MONTHS = "nine_months", _("9 months")
    YEAR = "year", _("Year")
    PHASE = "phase", _("Phase")

    @classmethod
    def rank(cls, value):
        """Longer periods rank higher: where a unit sent both, the longer report stands for the months it covers."""
        return list(cls.values).index(value)


class SubmissionStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("report", "Draft")
    SUBMITTED = "submitted", pgettext_lazy("report", "Submitted")
    RETURNED = "returned", pgettext_lazy("report", "Returned for correction")
    RESUBMITTED = "resubmitted", pgettext_lazy("report", "Resubmitted")
    ACCEPTED = "accepted", pgettext_lazy("report", "Accepted")

    @classmethod
    def editable(cls):
        return [cls.DRAFT, cls.RETURNED]

    @classmethod
    def sent(cls):
        """The states whose figures count in the roll-up: sent up and not sent back."""
        return [cls.SUBMITTED, cls.RESUBMITTED, cls.ACCEPTED]

    @classmethod
    def awaiting_acceptance(cls):
        return [cls.SUBMITTED, cls.RESUBMITTED]
