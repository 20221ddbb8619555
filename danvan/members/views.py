from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views import generic

from danvan.core.audit import history
from danvan.core.charts import Series, stacked
from danvan.core.choices import Role
from danvan.core.exports import ExportHeading, PlainTable, XlsxExportMixin, charts_response
from danvan.core.filters import note_query_error
from danvan.core.views import ParentFormView, ScopedCreateView, ScopedDetailView, ScopedListView, ScopedMixin, ScopedUpdateView
from danvan.members import queries, services
from danvan.members.filters import EligiblePopulationFilter, MembershipFilter
from danvan.members.forms import EligiblePopulationForm, LeaveForm, MembershipForm, MemberStatsQuery, TransferForm
from danvan.members.models import EligiblePopulation, Membership, MembershipPlacement
from danvan.people.models import Person


class MembershipListView(XlsxExportMixin, ScopedListView):
    """Lists show the minimum (Nghị định 13/2023): the member's name, organisation, branch and dates."""

    model = Membership
    filterset_class = MembershipFilter
    export_filename = "hoi-vien-doan-vien.xlsx"
    export_columns = [
        (_("Member"), lambda m: m.person), (_("Organisation"), lambda m: m.kind), (_("Branch"), lambda m: m.branch),
        (_("Unit"), lambda m: m.branch.unit), (_("Joined on"), lambda m: m.joined), (_("Left on"), lambda m: m.left),
        (_("Reason for leaving"), lambda m: m.get_leave_reason_display()), (_("Core member"), lambda m: _("Yes") if m.is_core else ""),
    ]

    def get_queryset(self):
        return super().get_queryset().select_related("person", "kind", "branch__unit")


class MembershipDetailView(ScopedDetailView):
    model = Membership

    def get_queryset(self):
        return super().get_queryset().select_related("person", "kind", "branch__unit")

    def get_context_data(self, **kwargs):
        membership = self.object
        return {**super().get_context_data(**kwargs),
                "placements": membership.placements.select_related("branch", "unit").order_by("valid_from", "pk"),
                "history": history(membership), "can_edit": self.request.user.can(Role.EDITOR)}


class PersonMembershipsView(ScopedDetailView):
    """Every membership of one person within the user's reach, current and past."""

    model = Person
    template_name = "members/person_memberships.html"

    def get_context_data(self, **kwargs):
        memberships = Membership.objects.visible_to(self.request.user).filter(person=self.object)
        return {**super().get_context_data(**kwargs),
                "memberships": memberships.select_related("kind", "branch__unit").order_by("-joined", "-pk")}


class MembershipFormMixin:
    model = Membership
    form_class = MembershipForm

    def perform(self, form):
        return services.record_membership(self.request.user, form.instance)


class MembershipCreateView(MembershipFormMixin, ScopedCreateView):
    page_title = _("New member")

    def get_initial(self):
        return {**super().get_initial(), "person": self.request.GET.get("person")}


class MembershipUpdateView(MembershipFormMixin, ScopedUpdateView):
    pass


class MembershipTransferView(ParentFormView):
    model = Membership
    form_class = TransferForm
    page_title = _("Transfer to another branch")
    success_message = _("The member was transferred.")

    def perform(self, form):
        return services.transfer(self.request.user, self.object, form.cleaned_data["branch"], form.cleaned_data["on"])


class MembershipLeaveView(ParentFormView):
    model = Membership
    form_class = LeaveForm
    page_title = _("Leaving the organisation")

    def perform(self, form):
        data = form.cleaned_data
        return services.end_membership(self.request.user, self.object, data["left"], data["leave_reason"])


class EligiblePopulationListView(ScopedListView):
    model = EligiblePopulation
    filterset_class = EligiblePopulationFilter

    def get_queryset(self):
        return super().get_queryset().select_related("kind", "unit")


class EligiblePopulationFormMixin:
    model = EligiblePopulation
    form_class = EligiblePopulationForm

    def perform(self, form):
        return services.set_eligible_population(self.request.user, form.instance)

    def get_success_url(self):
        return reverse("members:population-list")


class EligiblePopulationCreateView(EligiblePopulationFormMixin, ScopedCreateView):
    page_title = _("New eligible population")


class EligiblePopulationUpdateView(EligiblePopulationFormMixin, ScopedUpdateView):
    pass


FIGURE_HEADERS = (_("Memberships (lượt)"), _("Persons (người)"), _("New members"), _("Left"), _("Net growth"), _("Core members"))


def _figures(row):
    return [row["memberships"], row["persons"], row["new"], row["left"], row["net_growth"], row["core"]]


def stats_tables(stats):
    """The tables of the counts page and its .xlsx, in the organisations' layout: a row per organisation, then the total."""
    organisations = [[row["name"], *_figures(row), row["eligible"] or "", row["rate"]] for row in stats["by_organization"]]
    tables = [PlainTable(_("Members by organisation"), [_("Organisation"), *FIGURE_HEADERS, _("Eligible population"), _("Rate")],
                         organisations + [[_("Total"), *_figures(stats), "", ""]])]
    for key, title in (("sex", _("By sex")), ("age", _("By age")), ("ethnicity", _("By ethnicity")),
                       ("religion", _("By religion")), ("occupation", _("By occupation group"))):
        tables.append(PlainTable(title, ["", _("Memberships (lượt)"), _("Persons (người)")], [list(row) for row in stats["breakdowns"][key]]))
    return tables


def stats_chart(stats):
    return stacked("members", _("Memberships and persons by organisation"), [Series(str(_("Persons (người)"))),
                   Series(str(_("Memberships beyond the persons")), "open")],
                   [(row["name"], [row["persons"], row["memberships"] - row["persons"]]) for row in stats["by_organization"]])


class StatsView(ScopedMixin, generic.TemplateView):
    """Members of a unit (its subtree, legacy or current) as of a day and over a period, with a chart and .xlsx."""

    model = MembershipPlacement  # what the page reports on (the URL walk checks that nothing out of scope shows)
    template_name = "members/stats.html"

    def get_context_data(self, **kwargs):
        form = MemberStatsQuery(self.request.GET, user=self.request.user)
        if not form.is_valid():
            note_query_error(self.request, MemberStatsQuery, ValidationError(form.errors.as_data()))
            form = MemberStatsQuery({}, user=self.request.user)
            form.is_valid()
        question = form.question()
        stats = queries.member_stats(question)
        return {**super().get_context_data(**kwargs), "form": form, "unit": form.chosen_unit, "question": question,
                "stats": stats, "tables": stats_tables(stats), "chart": stats_chart(stats)}

    def render_to_response(self, context, **kwargs):
        if self.request.GET.get("format") != "xlsx":
            return super().render_to_response(context, **kwargs)
        question, unit = context["question"], context["unit"]
        heading = ExportHeading(_("Members of the Front and the mass organisations"),
                                str(unit.choice_label if unit else _("Every unit within your reach")),
                                _("From %(from)s to %(to)s; members as of %(to)s") % {"from": f"{question.date_from:%d/%m/%Y}",
                                                                                       "to": f"{question.date_to:%d/%m/%Y}"})
        return charts_response(f"hoi-vien-{question.date_from:%Y%m%d}-{question.date_to:%Y%m%d}.xlsx", heading,
                               [context["chart"]], context["tables"])
