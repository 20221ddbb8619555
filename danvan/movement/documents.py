"""The appraisal council's record (biên bản thẩm định) of an initiative: a registered document of the steering
committee of the appraisal's level, signed by the council's first member, with each criterion's score and the total."""

import re
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from danvan.core.documents.render import Table
from danvan.core.documents.services import issue_once, registered
from danvan.movement.services import steering_committee_for
from danvan.people.documents import dated_signer

# "Nguyễn Văn A – Trưởng Ban Dân vận": the council's sheet writes each member as name, dash, position.
MEMBER = re.compile(r"\s+[–—-]\s+")
CRITERIA_WIDTHS = (4, 14, 4, 4, 4, 10)


def members(appraisal):
    """(name, position) of each member present, in the order the sheet lists them (the chair first)."""
    found = []
    for line in (part.strip() for part in appraisal.appraisers.split(";")):
        if line:
            name, *position = MEMBER.split(line, maxsplit=1)
            found.append((name.strip(), position[0].strip() if position else ""))
    return found


def score_text(value):
    return "" if value is None else f"{Decimal(value).normalize():f}"


def criteria_table(appraisal):
    """One row per criterion checked (met or not, score, evidence), then the total."""
    checks = list(appraisal.checks.select_related("criterion").order_by("criterion__order", "criterion__pk"))
    rows = [(str(number), check.criterion.name, score_text(check.criterion.max_score),
             pgettext("criterion", "Met") if check.met else pgettext("criterion", "Not met"), score_text(check.score), check.evidence)
            for number, check in enumerate(checks, start=1)]
    maxima = [check.criterion.max_score for check in checks if check.criterion.max_score is not None]
    rows.append(("", _("Total"), score_text(sum(maxima)) if maxima else "", "", score_text(appraisal.score), ""))
    columns = (pgettext("column", "No."), _("Criterion"), _("Maximum"), _("Result"), _("Score"), _("Evidence"))
    return Table(columns, tuple(rows), widths=CRITERIA_WIDTHS)


def record_body(appraisal, council, present, issued_on):
    initiative = appraisal.initiative
    owner = initiative.owner_organization or initiative.owner_person
    opening = _("On %(date)s, the appraisal council of %(council)s appraised the %(kind)s “%(name)s” of %(owner)s, %(unit)s, "
                "for recognition at the %(level)s level in %(year)s.") % {
        "date": f"{issued_on:%d/%m/%Y}", "council": council, "kind": initiative.get_kind_display().lower(), "name": initiative.name,
        "owner": owner or "", "unit": initiative.unit.full_name(), "level": appraisal.get_level_display().lower(), "year": appraisal.year}
    lines = [(False, opening), (True, _("I. MEMBERS PRESENT"))]
    lines += [(False, f"- {name}" + (f", {position}" if position else "")) for name, position in present]
    lines += [(True, _("II. APPRAISAL AGAINST THE CRITERIA")), criteria_table(appraisal), (True, _("III. CONCLUSION"))]
    conclusion = _("The council concludes: %(outcome)s.") % {"outcome": appraisal.get_outcome_display().lower()}
    if appraisal.score is not None:
        conclusion += " " + _("Total score: %(score)s.") % {"score": score_text(appraisal.score)}
    lines.append((False, conclusion))
    if appraisal.note:
        lines.append((False, appraisal.note))
    return lines


def appraisal_record(user, appraisal):
    """The registered record of ``appraisal``, issued the first time it is asked for."""
    existing = registered(appraisal)
    if existing is not None:
        return existing
    initiative = appraisal.initiative
    council = steering_committee_for(initiative.unit, appraisal.level)
    if council is None:
        raise ValidationError(_("No steering committee at the %(level)s level issues this record.")
                              % {"level": appraisal.get_level_display().lower()})
    present = members(appraisal)
    chair, title = present[0] if present else ("", "")
    issued_on = appraisal.date or timezone.localdate()
    return issue_once(
        user, appraisal, issuer=council, type_code="record", issued_on=issued_on,
        summary=_("appraisal of the %(kind)s “%(name)s”") % {"kind": initiative.get_kind_display().lower(), "name": initiative.name},
        body=record_body(appraisal, council, present, issued_on),
        # The chair signs the record in their own name, not on behalf of the body.
        signer=dated_signer(council, chair, title, authority=""),
        recipients=[str(council), _("Archive")],
    )
