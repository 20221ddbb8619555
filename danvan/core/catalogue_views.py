"""Pages for the national catalogues (criteria, phases, fields …): any administrator reads them, only a
national administrator adds and edits (``services.may_edit_catalogues``). Apps name their catalogues in
``danvan/catalogue_urls.py`` with ``catalogue_urls``; core knows no domain model."""

import datetime

from django.core.exceptions import PermissionDenied
from django.db import models
from django.forms import modelform_factory
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.views import generic

from danvan.core import services
from danvan.core.choices import Role
from danvan.core.filters import BoundedIntegerField
from danvan.core.forms import ScopedModelForm
from danvan.core.views import ScopedMixin, ServiceFormMixin


class CatalogueMixin(ScopedMixin):
    required_role = Role.ADMINISTRATOR
    model = None
    columns = ()
    slug = ""

    def get_queryset(self):
        return self.model.objects.all()  # national: nothing to scope

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "catalogue": self.model._meta.verbose_name_plural,
                "slug": self.slug, "can_edit": services.may_edit_catalogues(self.request.user)}


def _shown(entry, name):
    field = entry._meta.get_field(name)
    value = getattr(entry, f"get_{name}_display")() if field.choices else getattr(entry, name)
    if isinstance(value, datetime.date):
        return date_format(value, "d/m/Y")
    return "" if value is None else value


class CatalogueListView(CatalogueMixin, generic.ListView):
    template_name = "core/catalogue_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["headings"] = [self.model._meta.get_field(name).verbose_name for name in self.columns]
        context["rows"] = [(entry, [_shown(entry, name) for name in self.columns]) for entry in context["object_list"]]
        return context


SMALL_MAX = 32767  # what a small integer column holds on every engine


def _bounded(field, **kwargs):
    """Small numbers (order, score, year) within what the column holds, with our message, never an overflow."""
    if isinstance(field, (models.PositiveSmallIntegerField, models.SmallIntegerField)):
        minimum = 0 if isinstance(field, models.PositiveSmallIntegerField) else -SMALL_MAX - 1
        return BoundedIntegerField(label=capfirst(field.verbose_name), required=not field.blank, min_value=minimum,
                                   max_value=SMALL_MAX, initial=field.default if field.has_default() else None)
    return field.formfield(**kwargs)


class CatalogueFormMixin(ServiceFormMixin, CatalogueMixin):
    template_name = "core/form.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not services.may_edit_catalogues(request.user):
            raise PermissionDenied(_("Only a national administrator edits the national catalogues."))
        return super().dispatch(request, *args, **kwargs)

    def get_form_class(self):
        return modelform_factory(self.model, form=ScopedModelForm, fields=list(self.columns), formfield_callback=_bounded)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_context_data(self, **kwargs):
        record = getattr(self, "object", None)
        title = _("Edit: %(record)s") % {"record": record} if getattr(record, "pk", None) else _("New entry: %(catalogue)s") % {
            "catalogue": self.model._meta.verbose_name_plural}
        return {**super().get_context_data(**kwargs), "page_title": title}

    def perform(self, form):
        return services.save_catalogue_entry(self.request.user, form.instance)

    def get_success_url(self):
        return reverse(f"catalogues:{self.slug}")


class CatalogueCreateView(CatalogueFormMixin, generic.CreateView):
    pass


class CatalogueUpdateView(CatalogueFormMixin, generic.UpdateView):
    pass


def catalogue_urls(model, slug, columns):
    """The list, new-entry and edit pages of one catalogue, named ``<slug>``, ``<slug>-create``, ``<slug>-update``."""
    options = {"model": model, "slug": slug, "columns": tuple(columns)}
    return [
        path(f"{slug}/", CatalogueListView.as_view(**options), name=slug),
        path(f"{slug}/new/", CatalogueCreateView.as_view(**options), name=f"{slug}-create"),
        path(f"{slug}/<int:pk>/", CatalogueUpdateView.as_view(**options), name=f"{slug}-update"),
    ]
