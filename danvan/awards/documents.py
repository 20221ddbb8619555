"""The certificate (giấy khen) of one recipient as a registered document of the decision's issuing body."""

from django.utils.translation import gettext as _

from danvan.core.documents.issuers import Signer
from danvan.core.documents.services import issue_once, registered


def recipient_unit(recipient):
    """The recipient's unit in full: "Chi hội Phụ nữ ấp Cũ, xã Minh Hòa, huyện Châu Thành, tỉnh Kiên Giang"."""
    if recipient.organization:
        organization, unit = recipient.organization, recipient.organization.unit
        ancestors = unit.full_name().split(", ")
        named = organization.name.lower().endswith(str(unit).lower())
        return ", ".join([organization.name, *(ancestors[1:] if named else ancestors)])
    return recipient.person.unit.full_name() if recipient.person and recipient.person.unit else ""


def citation(recipient):
    """The decision's reason once, then the recipient's own achievement (never "Đã có thành tích" twice)."""
    reason = recipient.decision.reason.strip()
    own = recipient.achievement or (_("Initiative") + f" “{recipient.initiative.name}”" if recipient.initiative else "")
    return [line for line in (reason, own) if line]


def certificate(user, recipient):
    existing = registered(recipient.decision, key=f"recipient-{recipient.pk}")
    if existing is not None:
        return existing
    decision = recipient.decision
    body = [(False, recipient_unit(recipient)), *((False, line) for line in citation(recipient)),
            (False, _("Decision No. %(number)s of %(date)s") % {"number": decision.number, "date": f"{decision.date:%d/%m/%Y}"})]
    return issue_once(
        user, decision, key=f"recipient-{recipient.pk}", issuer=decision.issuing_body, type_code="certificate",
        issued_on=decision.date, summary="", body=body, signer=Signer(decision.signer, decision.signer_title),
        extra={"recipient_name": str(recipient).upper()},
    )
