from django.db import models
from django.utils.translation import gettext_lazy as _


class DirectiveType(models.TextChoices):
    """Kinds of numbered document; the value is stable, the label is what people read."""

    RESOLUTION = "nq", _("Resolution")
    DIRECTIVE = "ct", _("Directive")
    DECISION = "qd", _("Decision")
    REGULATION = "qdi", _("Regulation")
    CONCLUSION = "kl", _("Conclusion")
    PROGRAMME = "ctr", _("Action programme")
    PLAN = "kh", _("Plan")
    OFFICIAL_LETTER = "cv", _("Official letter")
    NOTICE = "tb", _("Notice")
    GUIDANCE = "hd", _("Guidance")
    REPORT = "bc", _("Report")
    SCHEME = "da", _("Scheme")
    ORDINANCE = "pl", _("Ordinance")
    DECREE = "nd", _("Decree")
    LAW = "luat", _("Law")


class DirectiveStatus(models.TextChoices):
    IN_FORCE = "in_force", _("In force")
    REPLACED = "replaced", _("Replaced")
    EXPIRED = "expired", _("Expired")


class ObligationKind(models.TextChoices):
    """What kind of work an obligation asks for; any kind of record may fulfil it."""

    DIALOGUE = "dialogue", _("Dialogue with the people")
    REVIEW = "review", _("Interim or final review")
    SUPERVISION_PLAN = "supervision_plan", _("Supervision plan")
    REPORT = "report", _("Report")
    RECEPTION = "reception", _("Periodic citizen reception by the head of the Party committee")
    OTHER = "other", _("Other")


class PeriodUnit(models.TextChoices):
    """What an obligation's period is counted in: years (2242-QĐ/TU's yearly dialogue) or months (KL 215-KL/TW's reception days)."""

    YEAR = "year", _("Years")
    MONTH = "month", _("Months")


class ObligationState(models.TextChoices):
    """Derived from the fulfilments and the period's end, never typed in."""

    MET = "met", _("Met")
    DUE = "due", _("Due")
    OVERDUE = "overdue", _("Overdue")


# The name a document type is written with before its number, as in "Nghị quyết 25-NQ/TW".
TYPE_NAMES = {
    DirectiveType.RESOLUTION: "Nghị quyết", DirectiveType.DIRECTIVE: "Chỉ thị", DirectiveType.DECISION: "Quyết định",
    DirectiveType.REGULATION: "Quy định", DirectiveType.CONCLUSION: "Kết luận",
    DirectiveType.PROGRAMME: "Chương trình hành động", DirectiveType.PLAN: "Kế hoạch",
    DirectiveType.OFFICIAL_LETTER: "Công văn", DirectiveType.NOTICE: "Thông báo", DirectiveType.GUIDANCE: "Hướng dẫn",
    DirectiveType.REPORT: "Báo cáo", DirectiveType.SCHEME: "Đề án", DirectiveType.ORDINANCE: "Pháp lệnh",
    DirectiveType.DECREE: "Nghị định", DirectiveType.LAW: "Luật",
}
