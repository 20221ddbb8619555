from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.views import generic
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from danvan.core import ratelimit
from danvan.core.audit import history
from danvan.core.choices import Role
from danvan.core.panels import panels_for
from danvan.core.exports import ExportHeading, PlainTable, XlsxExportMixin, charts_response
from danvan.core.filters import note_query_error, read_query
from danvan.core.views import CappedCountPaginator, ParentFormView, ScopedCreateView, ScopedDetailView, ScopedListView, ScopedMixin, ScopedUpdateView, ServiceFormMixin
from danvan.core.workflow import transitions_of
from danvan.core.documents.views import SourceDocumentView
from danvan.engagement import queries, reports, services
from danvan.engagement.filters import DialogueFilter, DialogueQuery, HotCaseFilter, PetitionFilter, ReportQuery, StatsQuery
from danvan.engagement.forms import AcceptForm, AnswerForm, CloseForm, DialogueForm, PetitionForm, ReturnForm, TrackingForm, TransferForm
from danvan.engagement.forms import CaseEventForm, HotCaseForm, MergePetitionsForm, PetitionCaseForm, PublicPetitionForm, ReopenCaseForm
from danvan.engagement.forms import SettleCaseForm, StatusLabelForm, UnmergePetitionForm
from danvan.engagement.models import Dialogue, HotCase, Petition, PetitionStatusLabel
from danvan.engagement.services import PETITION_FLOW
from danvan.units.models import Unit


# --- dialogues ------------------------------------------------------------------------------------

class DialogueListView(XlsxExportMixin, ScopedListView):
    model = Dialogue
    filterset_class = DialogueFilter
    export_filename = "doi-thoai.xlsx"
    export_columns = [
        (_("Kind"), lambda d: d.get_kind_display()), (_("Date"), lambda d: d.date), (_("Unit"), lambda d: d.unit),
        (_("Chair"), lambda d: f"{d.chair}, {d.chair_title}"), (_("Place"), lambda d: d.place),
        (_("Participants (lượt)"), lambda d: d.participants), (_("Opinions raised"), lambda d: d.opinions_raised),
        (_("Answered on the spot"), lambda d: d.opinions_answered),
    ]

    def get_queryset(self):
        return super().get_queryset().select_related("unit", "chair")


class DialogueDetailView(ScopedDetailView):
    model = Dialogue

    def get_queryset(self):
        return super().get_queryset().select_related("unit", "chair")

    def get_context_data(self, **kwargs):
        dialogue, user = self.object, self.request.user
        return {
            **super().get_context_data(**kwargs),
            "organizations": dialogue.organizations.all(),
            "petitions": queries.label_statuses(dialogue.petitions.visible_to(user).select_related("unit", "kind", "field", "assigned_to")),
            "history": history(dialogue),
            "panels": panels_for(self.request.user, dialogue),  # the articles reporting it (news)
            "can_edit": user.can(Role.EDITOR),
        }


class DialogueFormMixin:
    model = Dialogue
    form_class = DialogueForm

    def perform(self, form):
        return services.record_dialogue(self.request.user, form.instance, organizations=form.cleaned_data["organizations"])


class DialogueCreateView(DialogueFormMixin, ScopedCreateView):
    page_title = _("New dialogue")


class DialogueUpdateView(DialogueFormMixin, ScopedUpdateView):
    pass


# --- petitions ------------------------------------------------------------------------------------

def _deadline_shown(petition):
    """The deadline, or the calendar year it waits for (a citizen's petition sent before that year was published)."""
    if petition.deadline_pending_year is not None:
        return str(_("waiting for the calendar of %(year)s to be published") % {"year": petition.deadline_pending_year})
    return petition.deadline


class PetitionListView(XlsxExportMixin, ScopedListView):
    """Without the permission of Nghị định 13/2023 the export leaves the petitioner out; with it, each row shown is a logged read."""

    model = Petition
    filterset_class = PetitionFilter
    # A province's open or overdue petitions run to tens of thousands: the first pages matter, not an exact total.
    paginator_class = CappedCountPaginator
    export_filename = "kien-nghi.xlsx"
    export_columns = [
        (_("Received on"), lambda p: p.received_on), (_("Unit"), lambda p: p.unit), (_("Kind"), lambda p: p.kind),
        (_("Field"), lambda p: p.field), (_("Channel"), lambda p: p.get_channel_display()), (_("Content"), lambda p: p.content),
        (_("Assigned to"), lambda p: p.assigned_to), (_("Deadline"), lambda p: _deadline_shown(p)), (_("Status"), "status_label"),
        (_("Answered on"), lambda p: p.answered_on),
    ]

    def get_export_columns(self):
        # The status as the petition's province words it, read once for the whole export.
        label = queries.status_labeller()
        columns = [(heading, label if read == "status_label" else read) for heading, read in self.export_columns]
        if not services.may_see_petitioner(self.request.user):
            return columns
        return [*columns, (_("Petitioner"), self._petitioner("petitioner_name")), (_("Contact"), self._petitioner("petitioner_contact"))]

    def _petitioner(self, name):
        def read(petition):
            if name == "petitioner_name":
                services.log_petitioner_reads(self.request.user, [petition], surface="export")
            return getattr(petition, name)
        return read

    # What a page of the list shows (engagement/_petition_rows.html), and the unit's path its province's status
    # labels are found by: the 50 rows are read with these columns only (the export reads whole rows).
    page_columns = ("content", "deadline", "deadline_pending_year", "status", "is_escalated", "unit__path",
                    "kind__name", "field__name", "assigned_to__name")

    def get_queryset(self):
        return super().get_queryset().select_related("unit", "kind", "field", "assigned_to")

    def paginate_queryset(self, queryset, page_size):
        return super().paginate_queryset(queryset.only(*self.page_columns), page_size)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["object_list"] = queries.label_statuses(context["object_list"])
        return context


class PetitionDetailView(ScopedDetailView):
    model = Petition

    def get_queryset(self):
        return super().get_queryset().select_related("unit", "kind", "field", "assigned_to", "dialogue")

    def get_context_data(self, **kwargs):
        petition, user = self.object, self.request.user
        is_administrator = user.can(Role.ADMINISTRATOR)
        return {
            **super().get_context_data(**kwargs),
            "petitioner": services.petitioner_of(user, petition),
            "status_label": queries.status_label(petition),
            "transfers": petition.transfers.select_related("from_body", "to_body"),
            "transitions": transitions_of(petition),
            "targets_allowed": PETITION_FLOW.targets(petition, user),
            "reads": petition.petitioner_reads.select_related("user")[:200] if is_administrator else None,
            "history": history(petition),
            "can_edit": user.can(Role.EDITOR),
        }


class PetitionFormMixin:
    model = Petition
    form_class = PetitionForm

    def perform(self, form):
        return services.record_petition(self.request.user, form.instance)


class PetitionCreateView(PetitionFormMixin, ScopedCreateView):
    page_title = _("New petition")

    def get_initial(self):
        initial = {**super().get_initial(), "received_on": timezone.localdate()}
        dialogue = Dialogue.objects.visible_to(self.request.user).filter(pk=read_query(self.request, DialogueQuery)["dialogue"]).first()
        if dialogue is not None:
            initial.update(dialogue=dialogue.pk, unit=dialogue.unit_id, channel="dialogue", received_on=dialogue.date)
        return initial


class PetitionUpdateView(PetitionFormMixin, ScopedUpdateView):
    pass


class PetitionActionView(ParentFormView):
    """One step of a petition's handling; a refusal shows its reason on the form."""

    model = Petition

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), **({"petition": self.object} if self.form_class is TransferForm else {})}


class PetitionTransferView(PetitionActionView):
    form_class = TransferForm
    page_title = _("Transfer the petition")

    def perform(self, form):
        d = form.cleaned_data
        return services.transfer_petition(self.request.user, self.object, d["to_body"], d["sent_on"], d["note"])


class PetitionAcceptView(PetitionActionView):
    form_class = AcceptForm
    page_title = _("Accept the petition")

    def perform(self, form):
        return services.accept_petition(self.request.user, self.object, form.cleaned_data["on"], form.cleaned_data["note"])


class PetitionReturnView(PetitionActionView):
    form_class = ReturnForm
    page_title = _("Return the petition")

    def perform(self, form):
        return services.return_petition(self.request.user, self.object, form.cleaned_data["reason"], form.cleaned_data["on"])


class PetitionAnswerView(PetitionActionView):
    form_class = AnswerForm
    page_title = _("Answer the petition")

    def perform(self, form):
        return services.answer_petition(self.request.user, self.object, form.cleaned_data["answer"], form.cleaned_data["answered_on"])


class PetitionCloseView(PetitionActionView):
    form_class = CloseForm
    page_title = _("Close the petition")

    def perform(self, form):
        return services.close_petition(self.request.user, self.object, form.cleaned_data["satisfaction"], form.cleaned_data["note"])


# --- statistics -----------------------------------------------------------------------------------

def _figure_headers(first):
    return [first, pgettext_lazy("figures", "Received"), _("Answered on time"), _("Answered late"), _("Not yet answered"), _("Overdue"), pgettext_lazy("petition", "Escalated")]


def _figure_row(label, row):
    return [label, row["received"], row["answered_on_time"], row["answered_late"], row["open"], row["overdue"], row["escalated"]]


def stats_tables(stats):
    """The tables of the statistics page, as the page and its .xlsx show them."""
    tables = [PlainTable(_("Petitions received in the period"), _figure_headers(_("Total")), [_figure_row(_("All petitions"), stats)])]
    for breakdown, title, first in (("by_field", _("By field"), _("Field")), ("by_kind", _("By kind"), _("Kind")),
                                    ("by_channel", _("By channel"), _("Channel"))):
        tables.append(PlainTable(title, _figure_headers(first), [_figure_row(row["name"], row) for row in stats[breakdown]]))
    dialogues = stats["dialogues"]
    tables.append(PlainTable(
        _("Dialogues and receptions held"),
        [_("Level"), _("Kind"), _("Held"), _("Participants (lượt)"), _("Opinions raised"), _("Answered on the spot")],
        [[row["level_name"], row["kind_name"], row["held"], row["participants"], row["opinions_raised"], row["opinions_answered"]]
         for row in dialogues["by_level_and_kind"]]
        + [[_("Total"), "", dialogues["held"], dialogues["participants"], dialogues["opinions_raised"], dialogues["opinions_answered"]]]))
    return tables


class StatsView(ScopedMixin, generic.TemplateView):
    """Petitions and dialogues of a unit (its subtree, legacy or current) over a period, as tables and .xlsx."""

    model = Petition  # what the page reports on (the URL walk checks that nothing out of scope shows)
    template_name = "engagement/stats.html"

    def get_context_data(self, **kwargs):
        form = StatsQuery(self.request.GET, user=self.request.user)
        if not form.is_valid():
            note_query_error(self.request, StatsQuery, ValidationError(form.errors.as_data()))
            form = StatsQuery({}, user=self.request.user)
            form.is_valid()
        question = form.question()
        stats = queries.statistics(question)
        unit = form.cleaned_data.get("unit")
        report_unit = unit or self.request.user.unit
        return {**super().get_context_data(**kwargs), "form": form, "unit": unit, "question": question, "stats": stats,
                "tables": stats_tables(stats), "report_unit": report_unit,
                "report_periods": reports.periods_begun(question.date_to.year) if report_unit is not None else []}

    def render_to_response(self, context, **kwargs):
        if self.request.GET.get("format") != "xlsx":
            return super().render_to_response(context, **kwargs)
        question, unit = context["question"], context["unit"]
        heading = ExportHeading(_("Statistics of petitions and dialogues"), str(unit.choice_label if unit else _("Every unit within your reach")),
                                _("Received from %(from)s to %(to)s") % {"from": f"{question.date_from:%d/%m/%Y}", "to": f"{question.date_to:%d/%m/%Y}"})
        return charts_response(f"thong-ke-kien-nghi-{question.date_from:%Y%m%d}-{question.date_to:%Y%m%d}.xlsx", heading, [], context["tables"])


class DialogueNoticeView(SourceDocumentView):
    """The dialogue's conclusion notice (thông báo kết luận) with the petitions raised there, as a registered document."""

    model = Dialogue

    def issue(self):
        return reports.dialogue_notice(self.request.user, self.object)


class ReceptionReportView(SourceDocumentView):
    """The KL 215-KL/TW report of a unit's Party committee for a month, Q1, 6 or 9 months or the year (docx, pdf)."""

    model = Unit

    def period(self):
        query = ReportQuery(self.request.GET)
        if not query.is_valid():
            raise ValidationError(query.errors.as_data())
        today = timezone.localdate()
        return reports.Period.parse(query.cleaned_data["period"] or f"m{today.month:02d}", query.cleaned_data["year"] or today.year)

    def issue(self):
        return reports.reception_report(self.request.user, self.object, self.period())

    def filename(self):
        period = self.period()
        return f"bao-cao-tiep-cong-dan-{period.code}-{period.year}-{self.object.pk}.docx"


# --- the public page (no login) ---------------------------------------------------------------------

TRACKING_SESSION_KEY = "engagement_tracking_code"
LOOKUPS_PER_ADDRESS = 30  # an hour: enough to check a few petitions, far too few to try codes


def _province(request):
    """The province the visitor chose (``?province=``), today's only; None when none or another value."""
    value = request.GET.get("province", "")
    return queries.public_provinces().filter(pk=int(value)).first() if value.isdigit() and len(value) < 10 else None


@method_decorator(never_cache, name="dispatch")
class PublicPetitionView(ServiceFormMixin, generic.FormView):
    """Anyone writes to a commune: the petition goes to its People's Committee as an online kiến nghị."""

    form_class = PublicPetitionForm
    template_name = "engagement/public_petition.html"
    success_message = _("Your petition has been sent.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "province": _province(self.request)}

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "provinces": queries.public_provinces(), "province": _province(self.request)}

    def perform(self, form):
        data = form.cleaned_data
        petition, code = services.submit_online_petition(
            data["unit"], data["field"], data["content"], data["petitioner_name"], data["petitioner_contact"],
            address=ratelimit.client_address(self.request))
        self.request.session[TRACKING_SESSION_KEY] = code  # shown once on the next page, never in an address
        return petition

    def get_success_url(self):
        return reverse("engagement:public-submitted")


@method_decorator(never_cache, name="dispatch")
class PublicSubmittedView(generic.TemplateView):
    template_name = "engagement/public_submitted.html"

    def get(self, request, *args, **kwargs):
        code = request.session.pop(TRACKING_SESSION_KEY, None)
        if code is None:
            return HttpResponseRedirect(reverse("engagement:public-track"))
        return self.render_to_response(self.get_context_data(code=services.shown_code(code)))


@method_decorator(never_cache, name="dispatch")
class PublicTrackView(generic.FormView):
    """Whoever holds the code reads the petition's status and public answer; nothing personal is shown."""

    form_class = TrackingForm
    template_name = "engagement/public_track.html"

    def form_valid(self, form):
        if not ratelimit.hit("petition-lookup", ratelimit.client_address(self.request), LOOKUPS_PER_ADDRESS, services.WINDOW_SECONDS):
            form.add_error(None, _("Too many codes have been looked up from here in the last hour. Please try again later."))
            return self.form_invalid(form)
        petition = services.petition_tracked_by(form.cleaned_data["code"])
        if petition is None:
            form.add_error("code", _("No petition has this code. Check the code and type it again."))
            return self.form_invalid(form)
        return self.render_to_response(self.get_context_data(form=form, petition=petition, status_label=queries.status_label(petition)))


# --- repeats, hot cases ---------------------------------------------------------------------------

class HotCaseListView(XlsxExportMixin, ScopedListView):
    model = HotCase
    filterset_class = HotCaseFilter
    export_filename = "vu-viec-phuc-tap.xlsx"
    export_columns = [
        (_("Hot case"), lambda c: c.name), (_("Unit"), lambda c: c.unit), (_("Leader in charge"), lambda c: f"{c.leader}, {c.leader_title}"),
        (_("Opened on"), lambda c: c.opened_on), (_("Settled on"), lambda c: c.settled_on),
    ]

    def get_queryset(self):
        return super().get_queryset().select_related("unit", "leader")


class HotCaseDetailView(ScopedDetailView):
    model = HotCase

    def get_queryset(self):
        return super().get_queryset().select_related("unit", "leader")

    def get_context_data(self, **kwargs):
        case, user = self.object, self.request.user
        return {
            **super().get_context_data(**kwargs),
            "events": case.events.select_related("recorded_by"),
            "petitions": case.petitions.visible_to(user).select_related("kind", "field", "assigned_to"),
            "history": history(case),
            "can_edit": user.can(Role.EDITOR),
        }


class HotCaseFormMixin:
    model = HotCase
    form_class = HotCaseForm

    def perform(self, form):
        return services.record_case(self.request.user, form.instance)

    def get_initial(self):
        return {**super().get_initial(), "opened_on": timezone.localdate()}


class HotCaseCreateView(HotCaseFormMixin, ScopedCreateView):
    page_title = _("New hot case")


class HotCaseUpdateView(HotCaseFormMixin, ScopedUpdateView):
    pass


class HotCaseEventView(ParentFormView):
    model = HotCase
    form_class = CaseEventForm
    page_title = _("Record what was done")

    def perform(self, form):
        return services.add_case_event(self.request.user, self.object, form.cleaned_data["text"], form.cleaned_data["date"])


class HotCaseSettleView(ParentFormView):
    model = HotCase
    form_class = SettleCaseForm
    page_title = _("Settle the case")

    def perform(self, form):
        return services.settle_case(self.request.user, self.object, form.cleaned_data["settlement"], form.cleaned_data["settled_on"])


class HotCaseReopenView(ParentFormView):
    model = HotCase
    form_class = ReopenCaseForm
    page_title = _("Reopen the case")

    def perform(self, form):
        return services.reopen_case(self.request.user, self.object, form.cleaned_data["reason"])


class PetitionFormView(ParentFormView):
    """A form about one petition that needs the petition to offer its choices."""

    model = Petition

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "petition": self.object}


class PetitionCaseView(PetitionFormView):
    form_class = PetitionCaseForm
    page_title = _("Group into a hot case")

    def perform(self, form):
        return services.link_petition(self.request.user, self.object, form.cleaned_data["case"])


class PetitionMergeView(PetitionFormView):
    form_class = MergePetitionsForm
    page_title = _("Merge repeat petitions into this one")

    def perform(self, form):
        return services.merge_petitions(self.request.user, self.object, list(form.cleaned_data["repeats"]))


class PetitionUnmergeView(PetitionFormView):
    form_class = UnmergePetitionForm
    page_title = _("Take out of the merged matter")

    def perform(self, form):
        return services.unmerge_petition(self.request.user, self.object)


# --- a province's status labels ---------------------------------------------------------------------

class StatusLabelListView(ScopedListView):
    """Each status with its type, and the label each province in scope gave it."""

    model = PetitionStatusLabel
    required_role = Role.ADMINISTRATOR
    filterset_fields = ["status"]

    def get_queryset(self):
        return super().get_queryset().select_related("unit")

    def get_context_data(self, **kwargs):
        from danvan.engagement.choices import STATUS_TYPE, PetitionStatus

        return {**super().get_context_data(**kwargs),
                "defaults": [(status.label, STATUS_TYPE[status].label) for status in PetitionStatus]}


class StatusLabelFormMixin:
    model = PetitionStatusLabel
    form_class = StatusLabelForm
    required_role = Role.ADMINISTRATOR

    def perform(self, form):
        return services.record_status_label(self.request.user, form.instance)


class StatusLabelCreateView(StatusLabelFormMixin, ScopedCreateView):
    page_title = _("Rename a status for a province")


class StatusLabelUpdateView(StatusLabelFormMixin, ScopedUpdateView):
    pass
