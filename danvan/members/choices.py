from django.db import models
from django.utils.translation import gettext_lazy as _


class LeaveReason(models.TextChoices):
    """Why a membership ended: the grounds the organisations' reports count (đưa ra khỏi tổ chức …)."""

    TRANSFERRED = "transferred", _("Transferred out")
    MOVED_AWAY = "moved_away", _("Moved away to work")
    OVER_AGE = "over_age", _("Over the age limit")
    VIOLATION = "violation", _("Violation")
    DECEASED = "deceased", _("Deceased")
    OTHER = "other", _("Other")


class MemberRole(models.TextChoices):
    MEMBER = "member", _("Member")
    BRANCH_HEAD = "branch_head", _("Branch head")
    BRANCH_DEPUTY = "branch_deputy", _("Branch deputy head")
    GROUP_HEAD = "group_head", _("Group head")
