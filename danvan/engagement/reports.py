"""The report on citizen receptions, dialogues and petitions that Kết luận 215-KL/TW (23/11/2025) asks each Party
committee for every month, for the first quarter, six months, nine months and the year: a registered document of
the unit's Party committee (Đảng ủy, Huyện ủy, Tỉnh ủy …), type báo cáo, signed by its head, issued once per
unit and period (later downloads return the same file), with the figures of ``queries.statistics``."""

import dataclasses
import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from danvan.core.documents.render import Table, heading
from danvan.core.documents.services import issue_once, registered
from danvan.core.statistics import Reach
from danvan.engagement.choices import DialogueKind
from danvan.engagement.queries import StatsQuestion, statistics
from danvan.organizations.choices import KindCategory
from danvan.organizations.models import Organization
from danvan.people.documents import dated_signer, head_signer

# The periods KL 215 reports on, each from 1 January except a month: (code, last month).
CUMULATIVE = {"q1": 3, "6m": 6, "9m": 9, "year": 12}
MONTHS = {f"m{month:02d}": month for month in range(1, 13)}
PERIOD_CODES = (*MONTHS, *CUMULATIVE)
FIRST_YEAR = 2000  # the working calendar's first year


def periods_begun(year, today=None):
    """The reporting periods of ``year`` that have begun by ``today``, months first."""
    today = today or timezone.localdate()
    return [Period(code, year) for code in PERIOD_CODES if Period(code, year).first <= today]


@dataclasses.dataclass(frozen=True)
class Period:
    code: str
    year: int

    @classmethod
    def parse(cls, code, year):
        if code not in CUMULATIVE and code not in MONTHS:
            raise ValidationError(_("Unknown reporting period: a month (m01 … m12), q1, 6m, 9m or year."))
        if not FIRST_YEAR <= year <= timezone.localdate().year:
            raise ValidationError(_("Reports cover the years from %(first)s to this year.") % {"first": FIRST_YEAR})
        period = cls(code, year)
        if period.first > timezone.localdate():
            raise ValidationError(_("This reporting period has not begun yet."))
        return period

    @property
    def first(self):
        return datetime.date(self.year, MONTHS.get(self.code, 1), 1)

    @property
    def last(self):
        month = MONTHS.get(self.code) or CUMULATIVE[self.code]
        following = datetime.date(self.year + month // 12, month % 12 + 1, 1)
        return following - datetime.timedelta(days=1)

    @property
    def label(self):
        if self.code in MONTHS:
            return _("month %(month)s/%(year)s") % {"month": MONTHS[self.code], "year": self.year}
        return {"q1": _("the first quarter of %(year)s"), "6m": _("the first six months of %(year)s"),
                "9m": _("the first nine months of %(year)s"), "year": _("the year %(year)s")}[self.code] % {"year": self.year}


def party_committee(unit, on_date):
    """The Party committee that reports for ``unit`` that day (Đảng ủy xã, Huyện ủy, Tỉnh ủy): its own, else, for a unit
    that has none (a hamlet has a chi bộ, not a committee), the nearest one above, whose report covers the unit."""
    chain = [unit.pk, *reversed(unit.ancestor_ids())]
    committees = {committee.unit_id: committee for committee in
                  Organization.objects.filter(unit_id__in=chain, kind__category=KindCategory.PARTY_COMMITTEE).valid_at(on_date)
                  .select_related("kind", "unit").order_by("-pk")}
    return next((committees[pk] for pk in chain if pk in committees), None)


def _figures_table(rows):
    columns = (_("Field"), pgettext("figures", "Received"), _("Answered on time"), _("Answered late"), _("Not yet answered"), _("Overdue"))
    return Table(columns, tuple((row["name"], row["received"], row["answered_on_time"], row["answered_late"], row["open"], row["overdue"])
                                for row in rows), widths=(4, 2, 2, 2, 2, 2))


def _dialogue_lines(dialogues):
    receptions = [row for row in dialogues["by_level_and_kind"] if row["kind"] not in DialogueKind.dialogues()]
    held = [row for row in dialogues["by_level_and_kind"] if row["kind"] in DialogueKind.dialogues()]
    lines = [(False, _("- Citizen reception days held: %(count)s, with %(people)s people (lượt).") % {
        "count": sum(row["held"] for row in receptions), "people": sum(row["participants"] for row in receptions)})]
    lines.append((False, _("- Dialogues with the people held: %(count)s, with %(people)s people (lượt); %(raised)s opinions raised, "
                           "%(answered)s answered on the spot.") % {
        "count": sum(row["held"] for row in held), "people": sum(row["participants"] for row in held),
        "raised": sum(row["opinions_raised"] for row in held), "answered": sum(row["opinions_answered"] for row in held)}))
    if dialogues["by_level_and_kind"]:
        lines.append(Table((_("Level"), _("Kind"), _("Held"), _("Participants (lượt)"), _("Opinions raised"), _("Answered on the spot")),
                           tuple((row["level_name"], row["kind_name"], row["held"], row["participants"], row["opinions_raised"],
                                  row["opinions_answered"]) for row in dialogues["by_level_and_kind"]), widths=(2, 4, 1, 2, 2, 2)))
    return lines


def report_body(unit, period, committee):
    stats = statistics(StatsQuestion(Reach.of(unit), period.first, min(period.last, timezone.localdate())))
    median = stats["median_working_days"]
    lines = [(False, _("Implementing Conclusion No. 215-KL/TW of 23/11/2025 of the Politburo on citizen reception and dialogue, "
                       "%(committee)s reports the results of citizen reception, dialogue and the handling of petitions in "
                       "%(period)s (from %(first)s to %(last)s) as follows:") % {
        "committee": committee, "period": period.label, "first": f"{period.first:%d/%m/%Y}", "last": f"{period.last:%d/%m/%Y}"})]
    lines.append(heading(0, _("Citizen reception and dialogue")))
    lines.extend(_dialogue_lines(stats["dialogues"]))
    lines.append(heading(1, _("Receiving and handling petitions")))
    lines.append((False, _("- Petitions received: %(received)s; answered on time: %(on_time)s; answered late: %(late)s; "
                           "not yet answered: %(open)s, of which overdue: %(overdue)s.") % {
        "received": stats["received"], "on_time": stats["answered_on_time"], "late": stats["answered_late"],
        "open": stats["open"], "overdue": stats["overdue"]}))
    if median is not None:
        lines.append((False, _("- Median time to answer: %(days)s working days.") % {"days": f"{median:g}".replace(".", ",")}))
    if stats["by_field"]:
        lines.append(_figures_table(stats["by_field"]))
    return lines


def report_key(period):
    return f"kl215-{period.year}-{period.code}"


def reception_report(user, unit, period, issued_on=None):
    """The registered KL 215 report of the Party committee reporting for ``unit`` (``party_committee``) for ``period``,
    issued on first ask."""
    issued_on = issued_on or timezone.localdate()
    committee = party_committee(unit, issued_on)
    if committee is None:
        raise ValidationError(_("%(unit)s has no Party committee recorded to issue this report.") % {"unit": unit})
    unit = committee.unit  # the committee's report covers its whole unit: one document, whichever unit asked
    existing = registered(unit, report_key(period))
    if existing is not None:
        return existing
    superior = committee.parent
    return issue_once(
        user, unit, report_key(period), issuer=committee, type_code="report", issued_on=issued_on,
        summary=_("results of citizen reception, dialogue and handling of petitions in %(period)s") % {"period": period.label},
        body=report_body(unit, period, committee), signer=head_signer(committee, issued_on),
        recipients=[*([str(superior)] if superior else []), _("Archive")],
    )


# --- the dialogue's conclusion notice ------------------------------------------------------------------

NOTICE_KEY = "notice"


def notice_issuer(dialogue):
    """Who gives notice of a dialogue's conclusions: the Party committee among the bodies that held it, else the first."""
    bodies = sorted(dialogue.organizations.select_related("kind", "unit"), key=lambda body: body.pk)
    committees = [body for body in bodies if body.kind.category == KindCategory.PARTY_COMMITTEE]
    return (committees or bodies or [None])[0]


def notice_body(dialogue):
    """(body lines, recipients) of the conclusion notice: the dialogue, what was raised and answered, its conclusions,
    then each petition raised there with the body that must answer it."""
    when = dialogue.date.strftime("%d/%m/%Y")
    lines = [(False, _("On %(date)s%(place)s, %(bodies)s held the %(kind)s; %(chair)s, %(title)s, chaired it.") % {
        "date": when, "place": _(" at %(place)s") % {"place": dialogue.place} if dialogue.place else "",
        "bodies": ", ".join(str(body) for body in dialogue.organizations.order_by("pk")),
        "kind": dialogue.get_kind_display().lower(), "chair": dialogue.chair, "title": dialogue.chair_title})]
    figures = {"people": dialogue.participants, "raised": dialogue.opinions_raised, "answered": dialogue.opinions_answered}
    if dialogue.is_reception:
        lines.append((False, _("%(people)s citizens (lượt) were received; %(raised)s opinions were raised, %(answered)s of them "
                               "answered on the spot.") % figures))
    else:
        lines.append((False, _("%(people)s people (lượt) took part; %(raised)s opinions were raised, %(answered)s of them answered "
                               "on the spot.") % figures))
    lines.append(heading(0, _("Conclusions")))
    lines.extend((False, paragraph) for paragraph in dialogue.summary.splitlines() if paragraph.strip())
    petitions = list(dialogue.petitions.select_related("assigned_to").order_by("pk"))
    if petitions:
        lines.append(heading(1, _("Petitions to be answered")))
        lines.extend((False, _("%(number)s. %(content)s (assigned to %(body)s).") % {
            "number": number, "content": petition.content, "body": petition.assigned_to})
            for number, petition in enumerate(petitions, start=1))
    assigned = list(dict.fromkeys(str(petition.assigned_to) for petition in petitions))
    return lines, [*assigned, _("Archive")]


def dialogue_notice(user, dialogue, issued_on=None):
    """The registered conclusion notice (thông báo kết luận) of ``dialogue``, of the Party committee that held it,
    signed by its chair with the title held that day; issued on first ask."""
    existing = registered(dialogue, NOTICE_KEY)
    if existing is not None:
        return existing
    issuer = notice_issuer(dialogue)
    if issuer is None:
        raise ValidationError(_("Name the body that held the dialogue: it gives notice of the conclusions."))
    issued_on = issued_on or timezone.localdate()
    lines, recipients = notice_body(dialogue)
    return issue_once(
        user, dialogue, NOTICE_KEY, issuer=issuer, type_code="notice", issued_on=issued_on,
        summary=(_("conclusions of the citizen reception of %(date)s") if dialogue.is_reception
                 else _("conclusions of the dialogue with the people of %(date)s")) % {"date": dialogue.date.strftime("%d/%m/%Y")},
        body=lines, signer=dated_signer(issuer, dialogue.chair.full_name, dialogue.chair_title), recipients=recipients,
    )
