from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from danvan.core.audit import history
from danvan.core.choices import Role
from danvan.core.views import ScopedCreateView, ScopedDetailView, ScopedListView, ScopedLookupView, ScopedUpdateView
from danvan.core.views import ImportView
from danvan.organizations import imports
from danvan.organizations import services
from danvan.organizations.filters import OrganizationFilter
from danvan.organizations.forms import OrganizationForm, OrganizationLinkForm
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


class OrganizationImportView(ImportView):
    model = Organization
    page_title = _("Import organisations from Excel")
    list_url = "organizations:list"
    template_filename = "mau-nhap-to-chuc.xlsx"
    imported_message = _("%(count)s organisations imported.")
    rules = (_("An organisation whose name its unit already has is a wrong row: importing the same file again creates no organisation twice."),)
    build_template, importer = imports.template_workbook, imports.import_organizations
