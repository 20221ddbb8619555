"""The commendation decision (quyết định khen thưởng) with its attached list of recipients, and the certificate
(giấy khen) of each recipient: registered documents of the decision's issuing body in its format."""

import datetime

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from danvan.core.choices import HolderKind
from danvan.core.documents.issuers import describe
from danvan.core.documents.render import CENTRED, Annex, Article, Table
from danvan.core.documents.services import issue_once, registered
from danvan.core.text import fold
from danvan.people.documents import dated_signer

# The laws a state body's decision cites, by the date they came into force (the latest in force applies):
# officials cite the law on local government and the law on emulation and commendation with its decree.
STATE_BASES = (
    (datetime.date(2015, 1, 1), (
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
        "Căn cứ Luật Thi đua, Khen thưởng ngày 26 tháng 11 năm 2003; Luật sửa đổi, bổ sung một số điều của Luật Thi đua, "
        "Khen thưởng ngày 16 tháng 11 năm 2013;",
        "Căn cứ Nghị định số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017 của Chính phủ quy định chi tiết thi hành một số điều "
        "của Luật Thi đua, khen thưởng;",
    )),
    (datetime.date(2024, 1, 1), (
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
        "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
        "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số "
        "điều của Luật Thi đua, khen thưởng;",
    )),
)
PARTY_BASES = ("- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;", "- Căn cứ Quy chế làm việc của %(issuer)s;")
# The register's key of a decision's own document (its certificates are "recipient-<pk>").
DECISION_KEY = "decision"
# The attached list's columns: STT, name, unit in full, achievement (relative widths).
LIST_WIDTHS = (3, 9, 12, 10)


def decision_signer(decision):
    return dated_signer(decision.issuing_body, decision.signer, decision.signer_title)


def recipient_unit(recipient):
    """The recipient's unit in full: "Chi hội Phụ nữ ấp Cũ, xã Minh Hòa, huyện Châu Thành, tỉnh Kiên Giang"."""
    if recipient.organization:
        organization, unit = recipient.organization, recipient.organization.unit
        ancestors = unit.full_name().split(", ")
        named = organization.name.lower().endswith(str(unit).lower())
        return ", ".join([organization.name, *(ancestors[1:] if named else ancestors)])
    return recipient.person.unit.full_name() if recipient.person and recipient.person.unit else ""


def _own_achievement(recipient):
    return recipient.achievement or (_("Initiative") + f" “{recipient.initiative.name}”" if recipient.initiative else "")


def citation(recipient):
    """The decision's reason once, then the recipient's own achievement (never "Đã có thành tích" twice)."""
    reason = recipient.decision.reason.strip()
    return [line for line in (reason, _own_achievement(recipient)) if line]


def _recipients(decision):
    return list(decision.recipients.select_related("organization__unit", "person__unit", "initiative").order_by("kind", "pk"))


def _list_row(number, recipient):
    unit = recipient.organization.unit if recipient.organization else recipient.person.unit if recipient.person else None
    return (str(number), str(recipient), unit.full_name() if unit else "",
            _own_achievement(recipient) or recipient.decision.reason.strip())


def recipients_list(decision, recipients):
    """The attached list: collectives then individuals, each numbered from 1, with name, unit in full and achievement."""
    columns = (pgettext("column", "No."), _("Name"), _("Unit"), _("Achievement"))
    body = []
    for index, (kind, label) in enumerate(((HolderKind.COLLECTIVE, _("COLLECTIVES")), (HolderKind.INDIVIDUAL, _("INDIVIDUALS")))):
        of_kind = [recipient for recipient in recipients if recipient.kind == kind]
        if of_kind:
            body.append((True, f"{('I', 'II')[index]}. {label} ({len(of_kind):02d})"))
            body.append(Table(columns, tuple(_list_row(n, r) for n, r in enumerate(of_kind, start=1)), widths=LIST_WIDTHS))
    title = _("LIST OF THE COLLECTIVES AND INDIVIDUALS AWARDED THE %(form)s") % {"form": str(decision.form).upper()}
    return Annex(title, tuple(body))


def _counted(recipients):
    collectives = sum(1 for r in recipients if r.kind == HolderKind.COLLECTIVE)
    individuals = len(recipients) - collectives
    parts = [_("%(count)s collectives") % {"count": f"{collectives:02d}"}] if collectives else []
    parts += [_("%(count)s individuals") % {"count": f"{individuals:02d}"}] if individuals else []
    return _(" and ").join(parts)


def _proposed_by(decision):
    bodies = sorted({str(proposal.proposing_body) for proposal in decision.proposals.select_related("proposing_body")})
    return ", ".join(bodies)


def _deciding(described, signer):
    """Who decides: "Chủ tịch UBND huyện …" (state), "Ban Thường vụ Huyện ủy …" for a Party committee, else the body."""
    if described.format_code == "state":
        return f"{signer.head_title} {described.name}"
    if described.name.lower().startswith(described.body.lower()):
        return described.name
    return f"{described.body} {described.name}"


def decision_body(decision, described, signer, recipients):
    """Căn cứ … lines, "QUYẾT ĐỊNH:", Điều 1 (who is awarded what, for what), Điều 2 (in force), Điều 3 (who executes)."""
    party = described.format_code != "state"
    deciding = _deciding(described, signer)
    proposed = _proposed_by(decision)
    if party:
        bases = [line % {"issuer": described.name} for line in PARTY_BASES]
    else:
        bases = list(next((lines for since, lines in reversed(STATE_BASES) if since <= decision.date), STATE_BASES[0][1]))
    if proposed:
        bases.append(_("Considering the proposal of %(bodies)s,") % {"bodies": proposed})
    award = _("Article 1. To award the %(form)s of %(issuer)s to %(recipients)s (in the attached list) for: %(reason)s.") % {
        "form": decision.form, "issuer": deciding, "recipients": _counted(recipients), "reason": decision.reason.strip().rstrip(".")}
    executes = _("Article 3. The office of %(issuer)s, the bodies concerned and the collectives and individuals named in "
                 "Article 1 are responsible for carrying out this decision.") % {"issuer": described.name}
    return [(CENTRED, deciding.upper()), *((False, line) for line in bases),
            (CENTRED, (f"{deciding} " + _("DECIDES")).upper() if party else _("DECIDES:").upper()),
            Article(award), Article(_("Article 2. This decision takes effect from the date of signing.")), Article(executes)]


def decision_document(user, decision):
    """The registered decision with its attached list, issued the first time it is asked for."""
    existing = registered(decision, key=DECISION_KEY)
    if existing is not None:
        return existing
    if decision.recorded_from_paper:
        # Its paper copy is the original and has its number: a second number from the register would make two.
        raise ValidationError(_("This decision was issued on paper as No. %(number)s: the paper copy is the original, "
                                "and the system does not issue it again under a number of its own.") % {"number": decision.number})
    described = describe(decision.issuing_body, decision.date)
    signer = decision_signer(decision)
    recipients = _recipients(decision)
    summary = _("on awarding the %(form)s to %(recipients)s") % {"form": decision.form, "recipients": _counted(recipients)}
    return issue_once(
        user, decision, key=DECISION_KEY, issuer=decision.issuing_body, type_code="decision", issued_on=decision.date,
        summary=summary[:1].upper() + summary[1:] if described.format_code == "state" else summary,
        body=decision_body(decision, described, signer, recipients), signer=signer,
        recipients=[_("As in Article 3"), _("Archive")], annexes=[recipients_list(decision, recipients)],
    )


def certificate(user, recipient):
    existing = registered(recipient.decision, key=f"recipient-{recipient.pk}")
    if existing is not None:
        return existing
    decision = recipient.decision
    # The certificate cites the decision as registered, so the two papers carry the same number; one issued on
    # paper by the number printed on it.
    cited = decision.number if decision.recorded_from_paper else decision_document(user, decision).symbol
    signer = decision_signer(decision)
    described = describe(decision.issuing_body, decision.date)
    unit = recipient_unit(recipient)
    body = [*([(False, unit)] if unit else []), *((False, line) for line in citation(recipient))]
    on = decision.date
    reference = _("Decision No. %(number)s of day %(day)s month %(month)s year %(year)s") % {
        "number": cited, "day": f"{on.day:02d}", "month": f"{on.month:02d}" if on.month < 3 else str(on.month), "year": on.year}
    return issue_once(
        user, decision, key=f"recipient-{recipient.pk}", issuer=decision.issuing_body, type_code="certificate",
        issued_on=decision.date, summary="", body=body, signer=signer,
        # The sample's lines: who awards ("CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN …", "BAN THƯỜNG VỤ HUYỆN ỦY …"), "TẶNG",
        # the form's name as the title ("GIẤY KHEN", "BẰNG KHEN"), the recipient, then the decision it carries out.
        extra={"recipient_name": str(recipient), "awarder": _deciding(described, signer), "reference": reference,
               **({"certificate_title": str(decision.form)} if fold(str(decision.form)) in CERTIFICATE_FORMS else {})},
    )


# The forms whose name is the certificate's title ("BẰNG KHEN"); any other's certificate is titled as its type.
CERTIFICATE_FORMS = ("giay khen", "bang khen")
