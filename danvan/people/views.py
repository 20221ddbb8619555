import json

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views import generic
from django.views.generic.detail import SingleObjectMixin

from danvan.core.audit import history
from danvan.core.choices import Role
from danvan.core.views import ScopedCreateView, ScopedDetailView, ScopedListView, ScopedLookupView, ScopedMixin, ScopedUpdateView
from danvan.core.exports import XlsxExportMixin, xlsx_response
from danvan.core.views import ImportView, ServiceFormMixin
from danvan.people import imports
from danvan.people import services
from danvan.people.filters import DuplicateFilter, PersonFilter
from danvan.people.forms import DuplicateDecisionForm, PersonForm, PositionForm
from danvan.people.models import CandidateStatus, DuplicateCandidate, Person, Position


class PersonListView(XlsxExportMixin, ScopedListView):
    """Lists show the minimum (Điều 3 of Nghị định 13/2023: no more than the purpose needs): the name and the unit.
    The export adds the personal fields only for a user holding ``people.view_personal_data``, each row a logged read."""

    model = Person
    filterset_class = PersonFilter
    export_filename = "danh-sach-nguoi.xlsx"
    export_columns = [(_("Full name"), lambda p: p.full_name), (_("Unit"), lambda p: p.unit)]

    def get_queryset(self):
        return super().get_queryset().select_related("unit")

    def get_export_columns(self):
        user = self.request.user
        if not services.may_see_personal_data(user):
            return self.export_columns

        def logged(person):
            services.log_reads(user, [person], "export")
            return person.get_gender_display()
        return [*self.export_columns, (_("Gender"), logged),
                *[(Person._meta.get_field(name).verbose_name.capitalize(), lambda p, name=name: services.shown(p, name))
                  for name in services.PERSONAL_FIELDS if name not in ("full_name", "gender", "unit", "note")]]


class PersonDetailView(ScopedDetailView):
    model = Person

    def get_queryset(self):
        return super().get_queryset().select_related("unit", "ethnicity", "religion", "residence_hamlet")

    def get_context_data(self, **kwargs):
        user = self.request.user
        services.log_read(user, self.object)
        return {
            **super().get_context_data(**kwargs),
            "citizen_id": services.citizen_id_for(user, self.object),
            "sees_personal_data": services.may_see_personal_data(user, self.object),
            "positions": Position.objects.visible_to(user).filter(person=self.object).select_related("organization"),
            "history": history(self.object),
            "can_edit": user.can(Role.EDITOR),
        }


class PersonFormMixin:
    model = Person
    form_class = PersonForm

    def perform(self, form):
        return services.save_person(self.request.user, form.instance)


class PersonCreateView(PersonFormMixin, ScopedCreateView):
    page_title = _("New person")

    def get_success_url(self):
        return reverse("people:detail", args=[self.object.pk])


class PersonUpdateView(PersonFormMixin, ScopedUpdateView):
    def get_success_url(self):
        return reverse("people:detail", args=[self.object.pk])


class PositionFormMixin:
    model = Position
    form_class = PositionForm

    def perform(self, form):
        return services.record_position(self.request.user, form.instance)


class PositionCreateView(PositionFormMixin, ScopedCreateView):
    page_title = _("New position")

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        self.person = get_object_or_404(Person.objects.visible_to(self.request.user), pk=self.kwargs["pk"])
        kwargs["instance"] = Position(person=self.person)
        return kwargs

    def get_success_url(self):
        return reverse("people:detail", args=[self.person.pk])


class PositionUpdateView(PositionFormMixin, ScopedUpdateView):
    def get_success_url(self):
        return reverse("people:detail", args=[self.object.person_id])


class PersonLookupView(ScopedLookupView):
    model = Person
    related = ("unit",)


class PersonImportView(ImportView):
    model = Person
    page_title = _("Import people and their titles from Excel")
    list_url = "people:list"
    template_filename = "mau-nhap-nhan-su.xlsx"
    imported_message = _("%(count)s titles recorded.")
    rules = (_("A person already kept by the unit under the same full name and year of birth is not created again: the row adds the title to that record. "
               "A title the person already holds in that organisation is a wrong row, so importing the same file again creates nothing twice."),)
    build_template, importer = imports.template_workbook, imports.import_people


class PersonDataView(ScopedDetailView):
    """A person's request about their data: everything kept about them given out (Điều 14 of Nghị định 13/2023) as
    ``?format=json`` or ``?format=xlsx``, and corrected (Điều 15) on the edit page; both need the permission."""

    model = Person
    template_name = "people/person_data.html"

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        chosen = request.GET.get("format")
        if chosen not in ("json", "xlsx"):
            return self.render_to_response(self.get_context_data(
                object=self.object, allowed=services.may_see_personal_data(request.user, self.object),
                can_edit=request.user.can(Role.EDITOR)))
        data = services.personal_data(request.user, self.object)
        name = f"du-lieu-ca-nhan-{self.object.pk}"
        if chosen == "json":
            response = HttpResponse(json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json")
            response["Content-Disposition"] = f'attachment; filename="{name}.json"'
            return response
        rows = [*data["person"].items(), *((kind, record) for kind, records in data["records"].items() for record in records)]
        return xlsx_response(f"{name}.xlsx", [_("Item"), _("Value")], rows)


class DuplicateListView(ScopedListView):
    """Pairs of persons the duplicate rules found, for an official to merge or keep apart; only pairs whose two
    persons both lie within the user's units."""

    model = DuplicateCandidate
    filterset_class = DuplicateFilter
    template_name = "people/duplicate_list.html"

    def get_queryset(self):
        visible = Person.objects.visible_to(self.request.user)
        return (super().get_queryset().filter(status=CandidateStatus.OPEN, second__in=visible)
                .select_related("first__unit", "second__unit", "rule"))


class DuplicateReviewView(ServiceFormMixin, ScopedMixin, SingleObjectMixin, generic.FormView):
    model = DuplicateCandidate
    form_class = DuplicateDecisionForm
    required_role = Role.EDITOR
    template_name = "people/duplicate_review.html"

    def get_queryset(self):
        return super().get_queryset().filter(second__in=Person.objects.visible_to(self.request.user)).select_related(
            "first__unit", "second__unit", "rule", "first__ethnicity", "second__ethnicity")

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.object = self.get_object()
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user, "candidate": self.object}

    def get_context_data(self, **kwargs):
        user = self.request.user
        pair = [(person, services.citizen_id_for(user, person)) for person in (self.object.first, self.object.second)]
        return {**super().get_context_data(**kwargs), "pair": pair, "page_title": _("Possible duplicate: %(pair)s") % {"pair": self.object}}

    def perform(self, form):
        decision = form.cleaned_data["decision"]
        if decision == form.DIFFERENT:
            return services.mark_different(self.request.user, self.object)
        keep = self.object.first if decision == form.KEEP_FIRST else self.object.second
        return services.merge_persons(self.request.user, self.object, keep)

    def get_success_url(self):
        return reverse("people:duplicates")
