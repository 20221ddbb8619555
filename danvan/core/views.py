"""Base views: scoping and roles applied once, so no view filters records by hand."""

import logging

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import generic
from django.views.generic.detail import SingleObjectMixin
from django_filters.views import FilterView

from danvan.core import dashboard, inbox, services
from danvan.core.services import VersionConflict
from danvan.core.choices import Role
from danvan.core.exports import XLSX_TYPE
from danvan.core.forms import ImportForm
from danvan.core.filters import note_ignored_filters
from danvan.core.paging import CappedCountPaginator, IdsFirstPaginator, page_of  # noqa: F401 (the apps' lists import it from here)
from danvan.core.scoping import Scope
from danvan.core.search import search_everything, ranked_search

security_log = logging.getLogger("danvan.security")


def attach_errors(form, error):
    """Show a service's ValidationError on the form: on the field it names if the form has it, else on top."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, errors in error.error_dict.items():
        form.add_error(field if field in form.fields else None, errors)


class ScopedMixin(LoginRequiredMixin):
    """Restricts the queryset to the user's scope and requires a role."""

    required_role = Role.VIEWER

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not Scope.for_user(request.user).allows(self.required_role):
            security_log.warning("refused %s %s to %s: role", request.method, request.path, request.user)
            raise PermissionDenied(_("You do not have permission to do this."))
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return super().get_queryset().visible_to(self.request.user)

    def get_object(self, queryset=None):
        try:
            return super().get_object(queryset)
        except Http404:
            pk = self.kwargs.get(self.pk_url_kwarg)
            if pk is not None and self.model._default_manager.filter(pk=pk).exists():
                security_log.warning(
                    "refused %s %s to %s: outside scope", self.request.method, self.request.path, self.request.user
                )
            raise


class ScopedListView(ScopedMixin, FilterView):
    paginate_by = 50
    paginator_class = IdsFirstPaginator
    template_name_suffix = "_list"
    strict = False  # an impossible filter value leaves that filter out (with a note), never empties the list

    def get_queryset(self):
        # Aggregating querysets drop Meta.ordering; pages need a stable order to be pages.
        return super().get_queryset().order_by(*(self.model._meta.ordering or ["pk"]))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        note_ignored_filters(self.request, self.filterset)
        query = self.request.GET.copy()
        query.pop("page", None)
        context["query_without_page"] = query.urlencode()
        return context


class ScopedDetailView(ScopedMixin, generic.DetailView):
    pass


class ServiceFormMixin:
    """THE write hook of the pages: ``form_valid`` hands the validated form to ``perform(form)`` (a
    service) in one transaction. A refusal lands on the form: on the field it names, else on top; a
    stale version shows what the other person changed and keeps what this user typed."""

    success_message = None

    def perform(self, form):
        raise NotImplementedError

    def form_valid(self, form):
        try:
            with transaction.atomic():
                result = self.perform(form)
        except VersionConflict as conflict:
            attach_errors(form, conflict)
            if hasattr(form, "accept_version"):  # an edit form: saving again keeps what was typed
                form.accept_version(conflict.current_version)
            return self.form_invalid(form)
        except ValidationError as error:
            attach_errors(form, error)
            return self.form_invalid(form)
        self.result = result
        if not getattr(self.request, "htmx", False):  # a swapped fragment shows the change itself; a message would wait for the next page
            messages.success(self.request, self.success_message or _("Saved."))
        return HttpResponseRedirect(self.get_success_url())

    def get_success_url(self):
        return (self.result if hasattr(self.result, "get_absolute_url") else self.object).get_absolute_url()


class ScopedFormMixin(ServiceFormMixin, ScopedMixin):
    """Create and edit pages: ``perform`` saves the form's record through ``services.save_record``;
    apps override ``perform`` to call their own service."""

    required_role = Role.EDITOR
    template_name = "core/form.html"
    page_title = ""

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_context_data(self, **kwargs):
        title = self.page_title if not getattr(self.object, "pk", None) else _("Edit: %(record)s") % {"record": self.object}
        return {**super().get_context_data(**kwargs), "page_title": title}

    def form_valid(self, form):
        self.object = form.instance
        response = super().form_valid(form)
        self.object = getattr(self, "result", self.object)
        return response

    def perform(self, form):
        form.save(commit=False)  # defines form.save_m2m without writing anything yet
        instance = services.save_record(self.request.user, form.instance, self.required_role)
        form.save_m2m()
        return instance


class ScopedCreateView(ScopedFormMixin, generic.CreateView):
    def get_initial(self):
        """A new record starts on the user's own unit, where most of their records belong, and dated today."""
        return {"unit": self.request.user.unit_id, "date": timezone.localdate(), **super().get_initial()}


class ScopedUpdateView(ScopedFormMixin, generic.UpdateView):
    pass


class ScopedDeleteView(ScopedMixin, generic.DeleteView):
    required_role = Role.EDITOR
    template_name = "core/confirm_delete.html"

    def form_valid(self, form):
        try:
            services.delete_record(self.request.user, self.object, self.required_role)
        except ValidationError as error:
            for message in error.messages:
                messages.error(self.request, message)
            return HttpResponseRedirect(self.object.get_absolute_url())
        messages.success(self.request, _("Deleted."))
        return HttpResponseRedirect(self.get_success_url())


class HomeView(LoginRequiredMixin, generic.TemplateView):
    template_name = "core/home.html"

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "panels": dashboard.panels_for(self.request.user)}


class InboxView(LoginRequiredMixin, generic.TemplateView):
    """"Việc của tôi": everything waiting for this user, the most pressing first in each section."""

    template_name = "core/inbox.html"

    def get_context_data(self, **kwargs):
        sections = inbox.sections_for(self.request.user)
        counted = list(zip(sections, inbox.counts([section.queryset for section in sections])))  # one statement
        return {
            **super().get_context_data(**kwargs),
            "sections": [(section, count, section.items if count else []) for section, count in counted],
            "waiting_count": sum(count for _, count in counted),  # the menu's figure, without counting again
        }


class SearchView(LoginRequiredMixin, generic.TemplateView):
    template_name = "core/search.html"

    def get_context_data(self, **kwargs):
        query = self.request.GET.get("q", "").strip()
        return {**super().get_context_data(**kwargs), "query": query, "groups": search_everything(self.request.user, query)}


def csrf_failure(request, reason=""):
    security_log.warning("refused %s %s: CSRF (%s)", request.method, request.path, reason)
    return render(request, "core/csrf_failure.html", status=403)


class ScopedFileView(ScopedMixin, generic.DetailView):
    """Serves an uploaded file only to users whose scope reaches the record it belongs to.

    Always as a download (``Content-Disposition: attachment``), so that no uploaded file is ever
    rendered by the browser as a page of ours; only images re-encoded on upload may be shown inline.
    """

    file_field = "file"
    # True where every image this view serves was re-encoded on upload (``FileCheck.clean``).
    reencoded_images = False

    def render_to_response(self, context, **response_kwargs):
        from danvan.core.uploads import IMAGE_FORMATS

        stored = getattr(self.object, self.file_field)
        if not stored:
            raise Http404(_("This record has no file."))
        filename = stored.name.rsplit("/", 1)[-1]
        inline = self.reencoded_images and any(filename.lower().endswith(ext) for ext in IMAGE_FORMATS)
        return FileResponse(stored.open("rb"), filename=filename, as_attachment=not inline)


class ScopedLookupView(ScopedMixin, generic.ListView):
    """Matches for an autocomplete box: the best-ranked records in scope with a word beginning with each word typed."""

    template_name = "core/_lookup.html"
    limit = 20
    related = ()
    # The unit fields a form may send along (``lookups_within``): the matches then sit on that unit.
    within_params = ("unit", "owner_unit")

    def typed(self):
        """What was typed: ``q``, or the ``<field>_search`` box of an autocomplete widget."""
        searches = [value for key, value in self.request.GET.items() if key == "q" or key.endswith("_search")]
        return searches[0] if searches else ""

    def get_queryset(self):
        query = self.typed()
        found = ranked_search(super().get_queryset(), query) if query.strip() else self.model.objects.none()
        unit = next((value for name in self.within_params if (value := self.request.GET.get(name, "")).isdigit()), None)
        if unit is not None and len(unit) < 19 and any(field.name == "unit" for field in self.model._meta.fields):
            found = found.filter(unit_id=unit)
        # The best matches' rows by their keys alone: they are the scoped matches already, and the ranking's filters
        # and CASE compiled and evaluated a second time cost a unit autocomplete 2 of its 10 ms.
        return page_of(found, 0, self.limit, rows_of=lambda ids: self.shown(self.model._default_manager.filter(pk__in=ids)))

    def shown(self, queryset):
        """The matches with what the list shows beside each (``related``); a model whose label asks
        for more prefetches it here, so the answer costs the same queries for 1 match or 20."""
        return queryset.select_related(*self.related)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "results": self.object_list, "query": self.typed()}


class ParentFormView(ServiceFormMixin, ScopedMixin, SingleObjectMixin, generic.FormView):
    """A form that acts on one record (add a member to a mission, move a follow-up …).

    The record is looked up within the user's scope before anything else, so a
    record of another unit answers 404 to reading and writing alike.
    """

    required_role = Role.EDITOR
    template_name = "core/form.html"
    page_title = ""

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        self.object = self.get_object()
        return super().post(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "parent": self.object, "page_title": self.page_title}


class ImportView(ServiceFormMixin, ScopedMixin, generic.FormView):
    """THE import page of every app: ``?template=1`` downloads the template, a POST imports all rows or none.

    An app sets ``model``, ``page_title``, ``list_url`` (the list the page returns to),
    ``template_filename``, ``rules`` (what an official should know, such as how duplicates are
    treated), ``imported_message`` ("%(count)s … imported."), and two functions of its own:
    ``build_template()`` (the template's bytes) and ``importer(user, file)`` (its import service,
    returning how many records it saved)."""

    required_role = Role.EDITOR
    template_name = "core/import.html"
    form_class = ImportForm
    page_title = ""
    template_filename = "mau.xlsx"
    rules = ()
    list_url = ""
    imported_message = ""
    build_template = None
    importer = None

    def get(self, request, *args, **kwargs):
        if request.GET.get("template"):
            response = HttpResponse(type(self).build_template(), content_type=XLSX_TYPE)
            response["Content-Disposition"] = f'attachment; filename="{self.template_filename}"'
            return response
        return super().get(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "page_title": self.page_title, "rules": self.rules,
                "list_url": reverse(self.list_url)}

    def perform(self, form):
        saved = type(self).importer(self.request.user, form.cleaned_data["file"])
        self.success_message = str(self.imported_message) % {"count": saved}
        return saved

    def get_success_url(self):
        return reverse(self.list_url)
