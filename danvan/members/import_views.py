"""The import of memberships in the web UI: the upload, then the background run's progress and its bad rows."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from danvan.core.views import ImportView, ScopedDetailView
from danvan.members import imports
from danvan.members.tasks import import_memberships_task
from danvan.people import services as people_services
from danvan.people.models import ImportRun


class MembershipImportView(ImportView):
    model = ImportRun
    page_title = _("Import members from Excel or CSV")
    list_url = "people:list"
    template_filename = "mau-nhap-hoi-vien.xlsx"
    rules = (_("A .csv saved as “CSV UTF-8” with the template's headers is read the same way; up to a million rows, "
               "checked and written in the background."),
             _("A person is never merged with one already recorded: possible duplicates (same name, date of birth and "
               "commune, or the same citizen ID number) wait on the page of possible duplicates for an official."))
    build_template = imports.template_workbook

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        form.fields["file"].widget.attrs["accept"] = ".xlsx,.csv"
        form.fields["file"].label = _("File (.xlsx or .csv)")
        return form

    def perform(self, form):
        return people_services.start_import(self.request.user, form.cleaned_data["file"], import_memberships_task.enqueue)

    def get_success_url(self):
        return reverse("member-imports:run", args=[self.result.pk])


class ImportRunView(ScopedDetailView):
    model = ImportRun
    template_name = "members/import_run.html"


class ImportRunProgressView(ScopedDetailView):
    """The fragment the run's page polls every second until the import is over."""

    model = ImportRun
    template_name = "members/_import_progress.html"
