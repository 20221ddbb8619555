from django.db.models import F
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views import generic

from danvan.core.audit import history
from danvan.core.choices import Role
from danvan.core.filters import read_query
from danvan.core.panels import panels_for
from danvan.core.services import require_role
from danvan.core.views import (
    ScopedCreateView,
    ScopedDetailView,
    ScopedListView,
    ScopedLookupView,
    ScopedMixin,
    ScopedUpdateView,
)
from danvan.organizations.models import Organization
from danvan.core.views import ImportView
from danvan.units import imports
from danvan.units import queries
from danvan.units.filters import ParentQuery, UnitFilter
from danvan.units.forms import HamletForm, UnitForm
from danvan.units.models import Unit


class UnitBrowserView(ScopedMixin, generic.TemplateView):
    """Current and legacy units side by side, each legacy unit showing what it became."""

    model = Unit
    template_name = "units/browser.html"

    def get_queryset(self):
        return Unit.objects.visible_to(self.request.user)

    def get_context_data(self, **kwargs):
        current, legacy = queries.scope_roots(self.request.user)
        return {**super().get_context_data(**kwargs), "current_roots": current, "legacy_roots": legacy}


class UnitChildrenView(ScopedDetailView):
    """The children of one unit, as a fragment the tree loads on demand."""

    model = Unit
    template_name = "units/_children.html"

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "children": queries.children_of(self.object)}


class UnitListView(ScopedListView):
    model = Unit
    filterset_class = UnitFilter
    template_name = "units/unit_list.html"

    def get_queryset(self):
        return super().get_queryset().select_related("parent")


class UnitDetailView(ScopedDetailView):
    model = Unit

    def get_context_data(self, **kwargs):
        unit = self.object
        user = self.request.user
        return {
            **super().get_context_data(**kwargs),
            "ancestors": Unit.objects.ancestors(unit).visible_to(user),
            "children": queries.children_of(unit).visible_to(user),
            "successors": unit.successors.visible_to(user).select_related("parent"),
            "predecessors": unit.predecessors.visible_to(user).select_related("parent"),
            "organizations": Organization.objects.visible_to(user).filter(unit=unit).select_related("kind"),
            "history": history(unit),
            "panels": panels_for(user, unit),  # what other apps follow in this unit (unsettled hot cases …)
            "can_add_hamlet": unit.level == 3 and user.can(Role.EDITOR),
            "can_edit": user.can(Role.ADMINISTRATOR if unit.official_key else Role.EDITOR),
        }


class HamletCreateView(ScopedCreateView):
    model = Unit
    form_class = HamletForm
    page_title = _("Add a hamlet")

    def get_initial(self):
        parent = read_query(self.request, ParentQuery)["parent"]
        if parent is not None:
            return {"parent": get_object_or_404(Unit.objects.visible_to(self.request.user), pk=parent)}
        return {}

    def get_success_url(self):
        return reverse("units:detail", args=[self.object.pk])


class UnitUpdateView(ScopedUpdateView):
    model = Unit

    def get_form_class(self):
        return UnitForm if self.object.official_key else HamletForm

    def get_object(self, queryset=None):
        unit = super().get_object(queryset)
        # The official lists are kept by administrators; hamlets by the communes' editors.
        if unit.official_key:
            self.required_role = Role.ADMINISTRATOR
            require_role(self.request.user, Role.ADMINISTRATOR)
        return unit

    def get_success_url(self):
        return reverse("units:detail", args=[self.object.pk])


class UnitLookupView(ScopedLookupView):
    model = Unit
    related = ("parent",)


class HamletImportView(ImportView):
    model = Unit
    page_title = _("Import hamlets from Excel")
    list_url = "units:list"
    template_filename = "mau-nhap-ap-khom.xlsx"
    imported_message = _("%(count)s hamlets added.")
    rules = (_("A hamlet whose name its commune already has is a wrong row: importing the same file again adds no hamlet twice."),)
    build_template, importer = imports.template_workbook, imports.import_hamlets
