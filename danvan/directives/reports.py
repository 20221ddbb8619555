"""A directive's implementation report (báo cáo kết quả triển khai thực hiện): which units concretised it, with
what document and when, and which have not yet; the implementation matrix's data as a registered document.

The report is the reporting unit's. A body reports on its own directive (the Huyện ủy on its programme); a
directive that came from above is reported on by the viewer's unit, through its body of the same kind as the
issuer (Ban Dân vận Huyện ủy answers Ban Dân vận Tỉnh ủy), else of the same category, else its Party committee.
Each reporting body issues it once per directive; later downloads return the same file.
"""

import itertools

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.core.choices import Level
from danvan.core.documents.render import heading
from danvan.core.documents.services import issue_once, registered
from danvan.core.scoping import Scope
from danvan.core.text import fold
from danvan.directives.queries import implementation_matrix
from danvan.organizations.choices import KindCategory
from danvan.organizations.models import Organization
from danvan.people.documents import head_signer


def _date(value):
    return f"{value:%d/%m/%Y}" if value else "…"


def reporting_organization(directive, user, on_date=None):
    """The body that reports for ``user`` on ``directive`` (None when the user's unit has none)."""
    on_date = on_date or timezone.localdate()
    issuing = directive.issuing_organization
    if issuing is not None and Scope.for_user(user).contains(issuing.unit):
        return issuing
    if user.unit is None:
        return None
    bodies = list(Organization.objects.filter(unit=user.unit).valid_at(on_date).select_related("kind").order_by("pk"))
    preferences = [lambda o: o.kind.category == KindCategory.PARTY_COMMITTEE]
    if issuing is not None:
        preferences[:0] = [lambda o: o.kind_id == issuing.kind_id, lambda o: o.kind.category == issuing.kind.category]
    return next((body for prefer in preferences for body in bodies if prefer(body)), None)


def _level_below(unit):
    """The units a body's report names: those one level below it (a commune names itself)."""
    return Level(min(unit.level + 1, Level.COMMUNE))


def _implementation_line(implementation):
    """"Kế hoạch số 13-KH/ĐU ngày 29/8/2013 (triển khai ngày 01/9/2013)", or what the unit did without a document."""
    document = implementation.document
    what = (_("%(document)s of %(date)s") % {"document": document, "date": _date(document.issued_on)} if document
            else implementation.description)
    when = _(" (implemented on %(date)s)") % {"date": _date(implementation.implemented_on)} if implementation.implemented_on else ""
    return f"{what}{when}"


def _about(subject):
    """" về tăng cường …": a summary that already opens with "Về" is not given a second one."""
    subject = subject.strip().rstrip(".")
    if not subject:
        return ""
    if fold(subject.split()[0]) == "ve":
        return f" {subject[0].lower()}{subject[1:]}"
    return _(" on %(subject)s") % {"subject": subject}


def report_body(directive, user, reporter):
    """(body lines, recipients) of the report ``reporter`` makes on ``directive``, from the matrix the user reads."""
    level = _level_below(reporter.unit)
    rows = [row for row in implementation_matrix(directive, user, level) if row.unit.path.startswith(reporter.unit.path)]
    done = [row for row in rows if not row.is_gap]
    issued = _(" of %(date)s") % {"date": _date(directive.issued_on)} if directive.issued_on else ""
    by = directive.issuing_organization or directive.issuer_name
    lines = [(False, _("Implementing %(directive)s%(issued)s%(by)s%(subject)s, %(reporter)s reports its results as follows:") % {
        "directive": directive, "issued": issued, "by": _(" of %(issuer)s") % {"issuer": by} if by else "",
        "subject": _about(directive.subject),
        "reporter": reporter})]
    part = itertools.count()
    if reporter != directive.issuing_organization:  # the body that issued it does not concretise its own text
        own = list(directive.implementations.filter(unit=reporter.unit).select_related("document").order_by("implemented_on", "pk"))
        lines.append(heading(next(part), _("Concretised at its own level")))
        lines.extend((False, f"- {_implementation_line(item)}") for item in own)
        if not own:
            lines.append((False, _("- Not concretised yet.")))
    lines.append(heading(next(part), _("Units that concretised it (%(done)s of %(total)s)") % {"done": len(done), "total": len(rows)}))
    for row in done:
        lines.append((False, f"- {row.unit}: " + "; ".join(_implementation_line(item) for item in row.implementations)))
    lines.append(heading(next(part), _("Units that have not concretised it yet (%(count)s)") % {"count": len(rows) - len(done)}))
    lines.extend((False, f"- {row.unit}") for row in rows if row.is_gap)
    # To whom it reports: the body above the issuer for its own directive, else whoever issued it.
    superior = reporter.parent if reporter == directive.issuing_organization else (directive.issuing_organization or directive.issuer_name)
    recipients = [str(superior)] if superior else []
    return lines, [*recipients, _("Archive")]


def report_key(reporter):
    return f"report-{reporter.pk}"


def implementation_report(user, directive, issued_on=None):
    """The registered implementation report of ``directive`` by the user's reporting body, issued on first ask."""
    issued_on = issued_on or timezone.localdate()
    reporter = reporting_organization(directive, user, issued_on)
    if reporter is None:
        raise ValidationError(_("Your unit has no organisation that can report on this directive."))
    existing = registered(directive, report_key(reporter))
    if existing is not None:
        return existing
    lines, recipients = report_body(directive, user, reporter)
    return issue_once(
        user, directive, report_key(reporter), issuer=reporter, type_code="report", issued_on=issued_on,
        summary=_("results of implementing %(directive)s") % {"directive": directive},
        body=lines, signer=head_signer(reporter, issued_on), recipients=recipients,
    )
