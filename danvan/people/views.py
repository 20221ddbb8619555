from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from danvan.core.audit import history
from danvan.core.choices import Role
from danvan.core.views import ScopedCreateView, ScopedDetailView, ScopedListView, ScopedLookupView, ScopedUpdateView
from danvan.core.views import ImportView
from danvan.people import imports
from danvan.people import services
from danvan.people.filters import PersonFilter
from danvan.people.forms import PersonForm, PositionForm
from danvan.people.models import Person, Position


class PersonListView(ScopedListView):
    model = Person
    filterset_class = PersonFilter

    def get_queryset(self):
        return super().get_queryset().select_related("unit")


class PersonDetailView(ScopedDetailView):
    model = Person

    def get_queryset(self):
        return super().get_queryset().select_related("unit", "ethnicity", "religion", "residence_hamlet")

    def get_context_data(self, **kwargs):
        user = self.request.user
        return {
            **super().get_context_data(**kwargs),
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
