from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.views import generic

from danvan.core.audit import history
from danvan.core.choices import Role
from danvan.core.documents.views import SourceDocumentView
from danvan.core.filters import note_query_error
from danvan.core.scoping import Scope
from danvan.core.views import ParentFormView, ScopedDetailView, ScopedListView, ScopedMixin, page_of
from danvan.core.workflow import transitions_of
from danvan.reporting import queries, reports, services
from danvan.reporting.choices import SubmissionStatus
from danvan.reporting.filters import CompletenessQuery, SpanQuery, SubmissionFilter
from danvan.reporting.forms import FiguresForm, NoteForm
from danvan.reporting.models import Indicator, ReportForm, Submission
from danvan.reporting.services import SUBMISSION_FLOW

COMPLETENESS_ROWS = 200


class SubmissionListView(ScopedListView):
    model = Submission
    filterset_class = SubmissionFilter

    def get_queryset(self):
        return super().get_queryset().select_related("period__form", "unit", "organization")


class SubmissionDetailView(ScopedDetailView):
    model = Submission

    def get_queryset(self):
        return super().get_queryset().select_related("period__form", "form", "unit", "organization")

    def get_context_data(self, **kwargs):
        submission, user = self.object, self.request.user
        return {
            **super().get_context_data(**kwargs),
            "rows": queries.form_rows(submission),
            "sections": [(title, submission.narrative.get(title, "")) for title in submission.form.section_titles],
            "timeliness": queries.timeliness(submission),
            "transitions": transitions_of(submission),
            "targets_allowed": SUBMISSION_FLOW.targets(submission, user),
            "history": history(submission),
            "can_edit": user.can(Role.EDITOR) and submission.is_editable,
            "is_sent": submission.status in SubmissionStatus.sent(),
        }


class SubmissionReportView(SourceDocumentView):
    """The narrative report with its annex of figures, as a registered document (.docx, and .pdf beside it)."""

    model = Submission

    def issue(self):
        return reports.narrative_report(self.request.user, self.object)

    def filename(self):
        return f"bao-cao-{self.object.period.start:%Y%m}-{self.object.period.end:%Y%m}-{self.object.unit_id}.docx"


class SubmissionActionView(ParentFormView):
    model = Submission

    def get_queryset(self):
        return super().get_queryset().select_related("period__form", "form", "unit", "organization")


class SubmissionFiguresView(SubmissionActionView):
    """The report's figures and narrative: computed figures come pre-filled from the records."""

    form_class = FiguresForm
    page_title = _("Figures of the report")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "submission": self.object, "rows": queries.form_rows(self.object)}

    def perform(self, form):
        return services.save_figures(self.request.user, self.object, form.entries(), form.narrative(),
                                     form.cleaned_data.get("read_version"))


class SubmissionStepView(SubmissionActionView):
    """One step of a report's lifecycle (``step``: send, accept, return), with its note."""

    form_class = NoteForm
    step = None

    def perform(self, form):
        return self.step(self.request.user, self.object, form.cleaned_data["note"])


class CompletenessView(ScopedMixin, generic.TemplateView):
    """Who sent a period's report, on time or late, and who has not: the totals and each unit's row."""

    template_name = "reporting/completeness.html"

    def get_context_data(self, **kwargs):
        query = CompletenessQuery(self.request.GET, user=self.request.user)
        submissions = Submission.objects.visible_to(self.request.user)
        if query.is_valid():
            submissions = completeness_of(submissions, query.cleaned_data)
        else:
            note_query_error(self.request, CompletenessQuery, ValidationError(query.errors.as_data()))
            submissions = submissions.none()
        rows = page_of(submissions.select_related("period__form", "unit", "organization").order_by("deadline", "unit__path", "pk"),
                       0, COMPLETENESS_ROWS)
        # "asked", not "query": the menu's search box shows the page's "query".
        return {**super().get_context_data(**kwargs), "asked": query, "totals": queries.completeness(submissions),
                "rows": [(submission, queries.timeliness(submission)) for submission in rows], "shown": COMPLETENESS_ROWS}


def completeness_of(submissions, asked):
    """The reports ``asked`` about (unit subtree with its lineage, form, period) among ``submissions``."""
    if asked.get("unit") is not None:
        submissions = Scope.of_unit(asked["unit"]).filter(submissions, "unit")
    if asked.get("form") is not None:
        submissions = submissions.filter(form=asked["form"])
    if asked.get("period") is not None:
        submissions = submissions.filter(period=asked["period"])
    return submissions


class RollupView(ScopedMixin, generic.TemplateView):
    """A unit's figures for any span, rolled up over its subtree and lineage, beside the span before and a year before."""

    template_name = "reporting/rollup.html"

    def get_context_data(self, **kwargs):
        query = SpanQuery(self.request.GET, user=self.request.user)
        rows, span = [], None
        if query.is_valid():
            unit, date_from, date_to, codes = span = query.asked()
            rows = queries.compared(unit, date_from, date_to, codes)
        else:
            note_query_error(self.request, SpanQuery, ValidationError(query.errors.as_data()))
        return {**super().get_context_data(**kwargs), "asked": query, "rows": rows, "span": span}


class CatalogueView(ScopedMixin, generic.TemplateView):
    """The indicators and report forms, the same for the whole country."""

    template_name = "reporting/catalogue.html"

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs),
                "indicators": Indicator.objects.select_related("numerator", "denominator", "at_most"),
                "forms": ReportForm.objects.prefetch_related("indicators", "deadlines")}
