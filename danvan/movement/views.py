"""Pages of the movement. Views stay thin: every change goes through ``services.py``."""

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import generic

from danvan.core.audit import history
from danvan.core.documents.views import SourceDocumentView
from danvan.core.panels import panels_for
from danvan.core.scoping import Scope
from danvan.core.choices import Role
from danvan.core.exports import XlsxExportMixin, plain
from danvan.core.filters import note_query_error, read_query
from danvan.core import views as core_views
from danvan.core.views import (
    ScopedCreateView,
    ScopedDetailView,
    ScopedFileView,
    ScopedListView,
    ScopedLookupView,
    ParentFormView,
    ScopedMixin,
    ScopedUpdateView,
    ServiceFormMixin,
)
from danvan.core.workflow import transitions_of
from danvan.movement import services
from danvan.movement.choices import AppraisalOutcome, Status
from danvan.movement.filters import BatchQuery, InitiativeFilter, SpanQuery, UnitQuery, parse_span
from danvan.movement.forms import (
    AppraisalSheetForm, AttachmentForm, BatchForm, InitiativeForm, RecognitionForm, ReplicationForm, ResultForm, TransitionForm, BATCH_OUTCOMES,
)
from danvan.movement.imports import import_registrations, template_workbook
from danvan.movement.documents import appraisal_record
from danvan.movement.models import Appraisal, Initiative, InitiativeAttachment, Phase
from danvan.movement.charts import follow_ups as follow_up_chart
from danvan.movement.charts import movement_charts, stats_workbook
from danvan.movement.queries import initiative_stats, subordinate_ranking, units_of
from danvan.units.forms import UnitPickForm
from danvan.units.models import Unit

MOVE_LABELS = {
    "submit": gettext_lazy("Submit for approval"), "approve": gettext_lazy("Approve the registration"), "return": gettext_lazy("Return"),
    "start-appraisal": gettext_lazy("Start appraisal"), "not-recognised": gettext_lazy("Not recognised"), "suspend": gettext_lazy("Suspend"),
    "resume": gettext_lazy("Resume"), "end": gettext_lazy("End"),
}


def _owner(initiative):
    return initiative.owner or ""


class InitiativeListView(XlsxExportMixin, ScopedListView):
    model = Initiative
    filterset_class = InitiativeFilter
    export_filename = "mo-hinh-dan-van-kheo.xlsx"
    export_columns = [
        (gettext_lazy("Name"), lambda i: i.name), (gettext_lazy("Kind"), lambda i: i.get_kind_display()),
        (gettext_lazy("Holder"), lambda i: i.get_holder_display()), (gettext_lazy("Owner"), _owner), (gettext_lazy("Unit"), lambda i: i.unit),
        (gettext_lazy("Registration year"), lambda i: plain(i.registration_year)), (gettext_lazy("Status"), lambda i: i.get_status_display()),
        (gettext_lazy("Highest recognition"), lambda i: i.get_highest_level_display() or ""),
        (gettext_lazy("Outstanding"), lambda i: _("Yes") if i.is_outstanding else ""),
        (gettext_lazy("Last result update"), lambda i: i.last_result_on),
    ]

    def get_queryset(self):
        return super().get_queryset().select_related("unit", "owner_organization", "owner_person")

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "can_edit": self.request.user.can(Role.EDITOR)}


class InitiativeActionView(ParentFormView):
    """A change made from the initiative's page (a move, a recognition, a result, a file, a replication):
    one form, one service call, back to the page."""

    model = Initiative

    def get_success_url(self):
        return reverse("movement:detail", args=[self.object.pk])


class InitiativeMoveView(InitiativeActionView):
    form_class = TransitionForm
    page_title = gettext_lazy("Next step")

    def perform(self, form):
        data = form.cleaned_data
        return services.move(self.request.user, self.object, services.SIMPLE_MOVES[data["action"]], data["note"])


class RecognitionAddView(InitiativeActionView):
    form_class = RecognitionForm
    page_title = gettext_lazy("Recognise")

    def perform(self, form):
        data = form.cleaned_data
        appraisal = self.object.appraisals.filter(level=data["level"]).exclude(outcome=AppraisalOutcome.NOT_MET).first()
        return services.recognise_initiative(self.request.user, self.object, appraisal=appraisal, **data)


class AppraisalAddView(InitiativeActionView):
    form_class = AppraisalSheetForm
    required_role = Role.APPROVER
    template_name = "movement/appraisal_sheet.html"
    page_title = gettext_lazy("Appraise against the criteria")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "initiative": self.object}

    def perform(self, form):
        data = form.cleaned_data
        return services.appraise(
            self.request.user, self.object, level=data["level"], year=data["year"], date=data["date"],
            outcome=data["outcome"], appraisers=form.council(), note=data["note"], checks=form.checks(),
        )


class AppraisalRecordView(SourceDocumentView):
    """The appraisal council's record as a registered .docx; a refusal is said on the initiative's page."""

    model = Appraisal

    def get_queryset(self):
        return super().get_queryset().select_related("initiative__unit", "initiative__owner_organization", "initiative__owner_person")

    def issue(self):
        return appraisal_record(self.request.user, self.object)


class ResultAddView(InitiativeActionView):
    form_class = ResultForm
    page_title = gettext_lazy("Report a result")

    def perform(self, form):
        data = {name: value for name, value in form.cleaned_data.items() if name in services.FIGURES or name in ("date", "text")}
        return services.record_result(self.request.user, self.object, **data)


class AttachmentAddView(InitiativeActionView):
    form_class = AttachmentForm
    page_title = gettext_lazy("Add a photo or document")

    def perform(self, form):
        data = form.cleaned_data
        return services.add_attachment(self.request.user, self.object, file=data["file"], kind=data["kind"],
                                       title=data["title"], is_public=data["is_public"])


class ReplicationAddView(InitiativeActionView):
    form_class = ReplicationForm
    page_title = gettext_lazy("Record a replication")

    def perform(self, form):
        data = form.cleaned_data
        return services.replicate(self.request.user, self.object, unit=data["unit"], adopted_on=data["adopted_on"],
                                  adopter=data["adopter"], note=data["note"])


class InitiativeDetailView(ScopedDetailView):
    model = Initiative

    def get_queryset(self):
        return super().get_queryset().select_related("unit", "phase", "owner_organization", "owner_person")

    def get_context_data(self, **kwargs):
        initiative, user = self.object, self.request.user
        return {
            **super().get_context_data(**kwargs),
            "fields": initiative.fields.all(),
            "transitions": transitions_of(initiative),
            "recognitions": initiative.recognitions.select_related("recognising_body"),
            "appraisals": initiative.appraisals.prefetch_related("checks__criterion"),
            "replications": initiative.replications.select_related("unit", "adopter"),
            "replicated_from": initiative.replicated_from.select_related("origin"),
            "results": initiative.result_updates.all(),
            "attachments": initiative.attachments.all(),
            "is_formalism": Initiative.objects.formalism().filter(pk=initiative.pk).exists(),
            "moves": [(name, MOVE_LABELS[name]) for name in services.available_moves(user, initiative)],
            "can_edit": user.can(Role.EDITOR), "can_approve": user.can(Role.APPROVER),
            "can_appraise": user.can(Role.APPROVER) and initiative.status in services.APPRAISABLE,
            "recognition_form": RecognitionForm(user=user),
            "result_form": ResultForm(user=user), "attachment_form": AttachmentForm(user=user),
            "replication_form": ReplicationForm(user=user), "history": history(initiative),
            "panels": panels_for(user, initiative),
        }


class InitiativeFormMixin:
    model = Initiative
    form_class = InitiativeForm

    def perform(self, form):
        fields = form.cleaned_data["fields"]
        return services.register_initiative(self.request.user, form.instance, fields, form.cleaned_data["confirm_duplicate"])

    def get_success_url(self):
        return reverse("movement:detail", args=[self.object.pk])


class InitiativeCreateView(InitiativeFormMixin, ScopedCreateView):
    page_title = gettext_lazy("Register an initiative")

    def get_initial(self):
        return {**super().get_initial(), "registration_year": timezone.localdate().year, "phase": Phase.objects.current()}


class InitiativeUpdateView(InitiativeFormMixin, ScopedUpdateView):
    pass


class AttachmentFileView(ScopedFileView):
    model = InitiativeAttachment


def _asked_unit(request):
    """The unit a page is asked about (``?unit=``), within the user's scope; the user's own by default."""
    unit_id = read_query(request, UnitQuery)["unit"]
    if unit_id is not None:
        return get_object_or_404(Unit.objects.visible_to(request.user), pk=unit_id)
    return request.user.unit


class StatsView(ScopedMixin, generic.TemplateView):
    model = Initiative  # what the page reports on (the URL walk checks that nothing out of scope shows)
    template_name = "movement/stats.html"

    def get_context_data(self, **kwargs):
        unit = _asked_unit(self.request)
        try:
            span = parse_span(self.request.GET, unit)
        except ValidationError as error:
            note_query_error(self.request, SpanQuery, error)
            span = parse_span({}, unit)
        stats = initiative_stats(unit, span)
        by_field = [(stats["field_names"][code], count) for code, count in stats["by_field"].items()]
        return {
            **super().get_context_data(**kwargs), "unit": unit, "span": span, "stats": stats, "by_field": by_field,
            "unit_form": UnitPickForm(initial={"unit": unit}, user=self.request.user),
            "charts": [*movement_charts(stats), follow_up_chart(stats.get("follow_ups_by_organization", []))],
            "ranking": subordinate_ranking(unit, span),
        }

    def render_to_response(self, context, **kwargs):
        if self.request.GET.get("format") != "xlsx":
            return super().render_to_response(context, **kwargs)
        return stats_workbook(context["unit"], context["span"], context["charts"], context["ranking"])


class FormalismListView(ScopedListView):
    """Recognised initiatives that show no results: the "hình thức" the seeds warn about."""

    model = Initiative
    filterset_class = InitiativeFilter
    template_name = "movement/formalism_list.html"

    def get_queryset(self):
        return super().get_queryset().formalism().select_related("unit", "owner_organization", "owner_person").order_by("unit__name", "name")


class AppraisalBatchView(ServiceFormMixin, ScopedMixin, generic.FormView):
    """A commune's or district's registrations of a year appraised, and the met ones recognised, in one screen."""

    model = Initiative
    form_class = BatchForm
    template_name = "movement/appraisal_batch.html"  # editors may look; the services require an approver to record

    def candidates(self, unit, year):
        statuses = [Status.REGISTERED, Status.UNDER_APPRAISAL, Status.NOT_RECOGNISED]
        found = Initiative.objects.visible_to(self.request.user).filter(status__in=statuses, registration_year=year)
        units = units_of(unit)  # None: a national administrator asking about the whole country
        found = found if units is None else found.filter(unit__in=units)
        return found.select_related("unit", "owner_organization", "owner_person").order_by("unit__name", "name")[:200]

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_initial(self):
        return {"year": read_query(self.request, BatchQuery)["year"], "level": services.approver_level(self.request.user)}

    def get_context_data(self, **kwargs):
        unit = _asked_unit(self.request)
        year = read_query(self.request, BatchQuery)["year"]
        rows = self.candidates(unit, year) if year else []
        return {
            **super().get_context_data(**kwargs), "unit": unit, "year": year, "rows": rows,
            "outcomes": BATCH_OUTCOMES, "unit_form": UnitPickForm(initial={"unit": unit}, user=self.request.user),
        }

    def chosen_rows(self):
        """(initiative, outcome, outstanding) for each row given an outcome; a row outside the user's scope is refused."""
        post = self.request.POST
        chosen = {}
        for key, outcome in post.items():
            if key.startswith("outcome-") and outcome:
                pk = key.split("-", 1)[1]
                if not pk.isdigit() or outcome not in AppraisalOutcome.values:
                    raise ValidationError(_("Unknown row %(pk)s.") % {"pk": pk})
                chosen[int(pk)] = outcome
        initiatives = Initiative.objects.visible_to(self.request.user).in_bulk(list(chosen))
        if len(initiatives) != len(chosen):
            raise ValidationError(_("Unknown row %(pk)s.") % {"pk": min(set(chosen) - set(initiatives))})
        return [(initiatives[pk], outcome, f"outstanding-{pk}" in post) for pk, outcome in chosen.items()]

    def perform(self, form):
        data = form.cleaned_data
        done = services.appraise_batch(self.request.user, self.chosen_rows(), level=data["level"], year=data["year"],
                                       decided_on=data["decided_on"], document=data["document"], appraisers=data["appraisers"])
        self.success_message = _("%(count)s initiatives appraised.") % {"count": done}
        return done

    def get_success_url(self):
        return self.request.get_full_path()


class ShowcaseView(generic.ListView):
    """Public: recognised initiatives with their public fields only, by province and commune, no login."""

    model = Initiative
    template_name = "movement/showcase.html"
    paginate_by = 24

    def get_queryset(self):
        from danvan.core.search import search_queryset

        queryset = Initiative.objects.on_showcase()
        unit_id = read_query(self.request, UnitQuery)["unit"]
        if unit_id is not None:
            unit = Unit.objects.filter(pk=unit_id).first()
            queryset = Scope.of_unit(unit).filter(queryset, "unit") if unit else queryset.none()  # path ranges, not a list of ids
        queryset = search_queryset(queryset, self.request.GET.get("q", ""))
        return queryset.select_related("unit", "owner_organization", "owner_person").prefetch_related("fields").order_by("highest_level", "-recognised_on", "name")

    def get_context_data(self, **kwargs):
        query = self.request.GET.copy()
        query.pop("page", None)
        from danvan.core.choices import Level

        return {**super().get_context_data(**kwargs), "query_without_page": query.urlencode(),
                "provinces": Unit.objects.filter(level=Level.PROVINCE).order_by("valid_to", "name")}


class ShowcaseDetailView(generic.DetailView):
    """Public: one initiative on the showcase; any other answers 404, as if it did not exist."""

    template_name = "movement/showcase_detail.html"

    def get_queryset(self):
        return Initiative.objects.on_showcase().select_related("unit", "owner_organization", "owner_person")

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "photos": self.object.attachments.on_showcase(),
                "recognitions": self.object.recognitions.all()}


class PublicPhotoView(generic.DetailView):
    """Serves a photo only when it is marked public and its initiative is on the showcase.

    Shown in the page (not as a download): photos are re-encoded on upload, so they hold only pixels.
    """

    model = InitiativeAttachment

    def get_queryset(self):
        return InitiativeAttachment.objects.on_showcase()

    def render_to_response(self, context, **response_kwargs):
        from django.http import FileResponse

        stored = self.object.file
        return FileResponse(stored.open("rb"), filename=stored.name.rsplit("/", 1)[-1])



class ImportView(core_views.ImportView):
    """Registrations from .xlsx, all or nothing."""

    model = Initiative
    page_title = gettext_lazy("Import registrations from Excel")
    template_filename = "mau-dang-ky-mo-hinh.xlsx"
    list_url = "movement:list"
    imported_message = gettext_lazy("%(count)s registrations imported.")
    build_template, importer = template_workbook, import_registrations


class InitiativeLookupView(ScopedLookupView):
    model = Initiative
    related = ("unit",)
