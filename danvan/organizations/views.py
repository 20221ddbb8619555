from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views import generic

from danvan.core.audit import history
from danvan.core.choices import Level, Role
from danvan.core.views import (
    ScopedCreateView, ScopedDetailView, ScopedListView, ScopedLookupView, ScopedMixin, ScopedUpdateView, ServiceFormMixin,
)
from danvan.core.views import ImportView
from danvan.organizations import imports
from danvan.organizations import services
from danvan.organizations.filters import OrganizationFilter
from danvan.organizations.forms import OrganizationForm, OrganizationLinkForm, StandardOrganizationsForm
from danvan.organizations.models import Organization, OrganizationLink
from danvan.people.models import Position


class OrganizationListView(ScopedListView):
    model = Organization
    filterset_class = OrganizationFilter

    def get_queryset(self):
        return super().get_queryset().select_related("kind", "unit")


class OrganizationDetailView(ScopedDetailView):
    model = Organization

    def get_queryset(self):
        return super().get_queryset().select_related("kind", "unit", "successor")

    def get_context_data(self, **kwargs):
        user = self.request.user
        organization = self.object
        return {
            **super().get_context_data(**kwargs),
            "positions": Position.objects.visible_to(user).filter(organization=organization).select_related("person"),
            "parent_links": organization.parent_links.visible_to(user).select_related("parent"),
            "children": Organization.objects.visible_to(user).filter(parent_links__parent=organization).distinct(),
            "history": history(organization),
            "can_edit": user.can(Role.EDITOR),
        }


class OrganizationFormMixin:
    model = Organization
    form_class = OrganizationForm

    def perform(self, form):
        return services.save_organization(self.request.user, form.instance)


class OrganizationCreateView(OrganizationFormMixin, ScopedCreateView):
    page_title = _("New organisation")

    def get_success_url(self):
        return reverse("organizations:detail", args=[self.object.pk])


class OrganizationUpdateView(OrganizationFormMixin, ScopedUpdateView):
    def get_success_url(self):
        return reverse("organizations:detail", args=[self.object.pk])


class OrganizationLinkCreateView(ScopedCreateView):
    """Give an organisation a parent for a period."""

    model = OrganizationLink
    form_class = OrganizationLinkForm
    page_title = _("Parent organisation for a period")

    def perform(self, form):
        return services.link_organization(self.request.user, form.instance)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        self.organization = get_object_or_404(Organization.objects.visible_to(self.request.user), pk=self.kwargs["pk"])
        kwargs["instance"] = OrganizationLink(organization=self.organization)
        return kwargs

    def get_success_url(self):
        return reverse("organizations:detail", args=[self.organization.pk])


class OrganizationLookupView(ScopedLookupView):
    model = Organization
    related = ("unit",)

    def shown(self, queryset):
        return super().shown(queryset).with_current_parent()


class StandardOrganizationsView(ServiceFormMixin, ScopedMixin, generic.FormView):
    """Set up the standard organisations of many communes at once: preview what is missing, then create it."""

    model = Organization
    required_role = Role.ADMINISTRATOR
    form_class = StandardOrganizationsForm
    template_name = "organizations/standard_organizations.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_initial(self):
        optional = services.OPTIONAL_BODIES
        codes = [code for code, _prefix in [*services.COMMUNE_BODIES, services.HAMLET_BODY] if code not in optional]
        return {"area": self.request.user.unit_id, "kinds": codes}

    def form_valid(self, form):
        if "create" not in self.request.POST:
            return self.render_to_response(self.get_context_data(form=form, plan=self._plan(form)))
        return super().form_valid(form)

    def _plan(self, form):
        """Per commune, the organisations missing on it and its hamlets, for the preview."""
        missing = services.missing_standard_organizations(form.cleaned_data["communes"], form.cleaned_data["kinds"])
        plan = {commune: [] for commune in form.cleaned_data["communes"]}
        for organization in missing:
            commune = organization.unit if organization.unit.level == Level.COMMUNE else organization.unit.parent
            plan.setdefault(commune, []).append(organization)
        return {"rows": list(plan.items()), "total": len(missing)}

    def perform(self, form):
        created = services.set_up_standard_organizations(self.request.user, form.cleaned_data["communes"], form.cleaned_data["kinds"])
        self.success_message = ngettext(
            "%(count)s organisation was created.", "%(count)s organisations were created.", len(created)
        ) % {"count": len(created)} if created else _("Nothing was missing: no organisation was created.")
        return created

    def get_success_url(self):
        return reverse("organizations:standard")


class OrganizationImportView(ImportView):
    model = Organization
    page_title = _("Import organisations from Excel")
    list_url = "organizations:list"
    template_filename = "mau-nhap-to-chuc.xlsx"
    imported_message = _("%(count)s organisations imported.")
    rules = (_("An organisation whose name its unit already has is a wrong row: importing the same file again creates no organisation twice."),)
    build_template, importer = imports.template_workbook, imports.import_organizations
