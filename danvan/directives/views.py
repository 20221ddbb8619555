import datetime

from django.shortcuts import get_object_or_404
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import generic

from danvan.core.audit import history
from danvan.core.choices import Level, Role
from danvan.core.documents.views import SourceDocumentView
from danvan.core.exports import XlsxExportMixin, xlsx_response
from danvan.core.filters import read_query
from danvan.core.services import save_record
from danvan.core.views import (
    ParentFormView,
    ScopedCreateView,
    ScopedDetailView,
    ScopedFileView,
    ScopedListView,
    ScopedMixin,
    ScopedUpdateView,
)
from danvan.directives import queries, reports, services
from danvan.directives.filters import DirectiveFilter, MatrixQuery, ObligationStatusQuery
from danvan.directives.forms import DirectiveForm, FulfilmentForm, ImplementationEditForm, ImplementationForm, ObligationForm
from danvan.directives.models import Directive, Implementation, Obligation
from danvan.units.models import Unit


def _date(value):
    return value.strftime("%d/%m/%Y") if value else ""


class DirectiveListView(XlsxExportMixin, ScopedListView):
    model = Directive
    filterset_class = DirectiveFilter
    export_filename = "van-ban-chi-dao.xlsx"
    export_columns = [
        (gettext_lazy("Document"), str),
        (gettext_lazy("Issue date"), lambda d: d.issued_on),
        (gettext_lazy("Issued by"), lambda d: d.issuer_name or d.issuer_code),
        (gettext_lazy("Subject"), lambda d: d.subject),
        (gettext_lazy("Status"), lambda d: d.get_status_display()),
        (gettext_lazy("Register unit"), lambda d: d.unit),
    ]

    def get_queryset(self):
        return super().get_queryset().select_related("unit")


class DirectiveDetailView(ScopedDetailView):
    model = Directive

    def get_queryset(self):
        return super().get_queryset().select_related("unit", "issuing_organization")

    def get_context_data(self, **kwargs):
        directive, user = self.object, self.request.user
        return {
            **super().get_context_data(**kwargs),
            "implements": directive.implements_links.select_related("directive"),
            "implementations": directive.implementations.visible_to(user).select_related("unit", "document"),
            "obligations": directive.obligations.all(),
            "missions": directive.missions.visible_to(user),
            "history": history(directive),
            "can_edit": user.can(Role.EDITOR),
            "reporter": reports.reporting_organization(directive, user),
        }


class DirectiveReportView(SourceDocumentView):
    """The directive's implementation report by the viewer's reporting body, as a registered Word document."""

    model = Directive

    def issue(self):
        return reports.implementation_report(self.request.user, self.object)

    def filename(self):
        return (slugify(f"bao-cao-thuc-hien-{self.object}") or "bao-cao") + ".docx"


class DirectiveFormMixin:
    model = Directive
    form_class = DirectiveForm

    def perform(self, form):
        data = form.cleaned_data
        return services.register_directive(self.request.user, form.instance, symbol=data["symbol"], implements=data.get("implements"))


class DirectiveCreateView(DirectiveFormMixin, ScopedCreateView):
    page_title = gettext_lazy("New directive")


class DirectiveUpdateView(DirectiveFormMixin, ScopedUpdateView):
    def get_initial(self):
        return {"symbol": self.object.symbol}


class DirectiveMatrixView(ScopedDetailView):
    """Every unit under the viewer: whether and how it concretised the directive; gaps highlighted."""

    model = Directive
    template_name = "directives/directive_matrix.html"

    def level(self):
        return Level(read_query(self.request, MatrixQuery)["level"] or Level.COMMUNE)

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if request.GET.get("format") != "xlsx":
            return response
        rows = response.context_data["rows"]
        headers = [_("Unit"), _("Implemented"), _("Own document"), _("Date")]
        return xlsx_response("ma-tran-thuc-hien.xlsx", headers, (
            [row.label, _("No") if row.is_gap else _("Yes"),
             "; ".join(str(i.document or i.description) for i in row.implementations),
             "; ".join(_date(i.implemented_on) for i in row.implementations)] for row in rows))

    def get_context_data(self, **kwargs):
        level = self.level()
        rows = queries.implementation_matrix(self.object, self.request.user, level)
        gaps = sum(row.is_gap for row in rows)
        return {**super().get_context_data(**kwargs), "rows": rows, "gaps": gaps, "done": len(rows) - gaps,
                "level": level, "levels": [Level.DISTRICT, Level.COMMUNE, Level.HAMLET]}


class ImplementationCreateView(ParentFormView):
    model = Directive
    form_class = ImplementationForm
    page_title = gettext_lazy("Record an implementation")

    def get_initial(self):
        return {"unit": self.request.user.unit_id}

    def perform(self, form):
        data = form.cleaned_data
        return services.record_implementation(self.request.user, self.object, data["unit"], document=data["document"],
                                              implemented_on=data["implemented_on"], description=data["description"])


class ObligationCreateView(ParentFormView):
    model = Directive
    form_class = ObligationForm
    page_title = gettext_lazy("New obligation")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": Obligation(directive=self.object)}

    def perform(self, form):
        return save_record(self.request.user, form.instance)


class FulfilmentCreateView(ParentFormView):
    model = Obligation
    form_class = FulfilmentForm
    page_title = gettext_lazy("Record a fulfilment")

    def get_success_url(self):
        return self.object.directive.get_absolute_url()

    def perform(self, form):
        data = form.cleaned_data
        return services.record_fulfilment(self.request.user, self.object, data["unit"], data["year"], month=data.get("month"),
                                          description=data["description"], fulfilled_on=data["fulfilled_on"])


def month_labels():
    """The heads of a monthly obligation's twelve cells, short enough for a phone ("T1" … "T12"), with the full
    name for their title ("Tháng 1")."""
    return [(_("M%(month)d") % {"month": month}, _("Month %(month)d") % {"month": month}) for month in range(1, 13)]


class ObligationStatusView(ScopedMixin, generic.TemplateView):
    """Per unit and year: which obligations are met, by which records, which are overdue."""

    model = Obligation
    template_name = "directives/obligation_status.html"

    def get_queryset(self):
        return Obligation.objects.visible_to(self.request.user)

    def get_context_data(self, **kwargs):
        query = read_query(self.request, ObligationStatusQuery)
        user, year, unit_id = self.request.user, query["year"] or datetime.date.today().year, query["unit"]
        unit = get_object_or_404(Unit.objects.visible_to(user), pk=unit_id) if unit_id is not None else None
        context = {**super().get_context_data(**kwargs), "year": year, "unit": unit, "month_labels": month_labels()}
        if unit is not None:
            context["cells"] = queries.obligations_of_unit(unit, user, year)
        else:
            obligations = Obligation.objects.visible_to(user).filter(first_year__lte=year).select_related("directive", "directive__unit")
            context["tables"] = [(o, queries.obligation_status(o, user, year)) for o in obligations[:20]]
        return context


class DirectiveFileView(ScopedFileView):
    model = Directive


class ImplementationUpdateView(ScopedUpdateView):
    model = Implementation
    form_class = ImplementationEditForm

    def perform(self, form):
        return services.save_implementation(self.request.user, form.instance)

    def get_success_url(self):
        return self.object.directive.get_absolute_url()


class ObligationUpdateView(ScopedUpdateView):
    model = Obligation
    form_class = ObligationForm

    def perform(self, form):
        return save_record(self.request.user, form.instance)

    def get_success_url(self):
        return self.object.directive.get_absolute_url()
