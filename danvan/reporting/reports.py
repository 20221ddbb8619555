"""The narrative report (báo cáo) of a submission as a registered document in its issuer's format (the Party's for a
Party committee, Hướng dẫn 36-HD/VPTW), with the statistical annex from its figures."""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.core.documents.render import Annex, Table, heading
from danvan.core.documents.services import issue_once
from danvan.engagement.reports import party_committee
from danvan.people.documents import head_signer
from danvan.reporting import queries
from danvan.reporting.choices import SubmissionStatus


def figures_table(submission):
    rows = queries.form_rows(submission)
    return Table((_("Indicator"), _("Unit of measure"), _("Figure"), _("Previous period")),
                 tuple((row.indicator.name, row.indicator.unit_of_measure, queries.shown(row.value), queries.shown(row.previous)) for row in rows),
                 widths=(6, 2, 2, 2))


def report_body(submission, committee):
    lines = [(False, _("%(committee)s reports on mass mobilization work in %(period)s (from %(first)s to %(last)s) as follows:") % {
        "committee": committee, "period": submission.period.label.lower(), "first": f"{submission.period.start:%d/%m/%Y}",
        "last": f"{submission.period.end:%d/%m/%Y}"})]
    for number, title in enumerate(submission.form.section_titles):
        lines.append(heading(number, title))
        lines.extend((False, paragraph) for paragraph in submission.narrative.get(title, "").splitlines() if paragraph.strip())
    lines.append((False, _("The figures are in the attached annex.")))
    return lines


def narrative_report(user, submission, issued_on=None):
    """The report of ``submission`` once sent up, issued by the Party committee reporting for its unit and signed by its
    head; a report corrected after a return is a new document (its own number)."""
    if submission.status not in SubmissionStatus.sent():
        raise ValidationError(_("The report is issued once it has been sent up."))
    issued_on = issued_on or timezone.localdate()
    committee = party_committee(submission.unit, issued_on)
    if committee is None:
        raise ValidationError(_("%(unit)s has no Party committee recorded to issue this report.") % {"unit": submission.unit})
    superior = committee.parent
    return issue_once(
        user, submission, f"report-{submission.version}", issuer=committee, type_code="report", issued_on=issued_on,
        summary=_("mass mobilization work in %(period)s") % {"period": submission.period.label.lower()},
        body=report_body(submission, committee), signer=head_signer(committee, issued_on),
        recipients=[*([str(superior)] if superior else []), _("Archive")],
        annexes=[Annex(_("Annex: figures of the report"), (figures_table(submission),))],
    )
