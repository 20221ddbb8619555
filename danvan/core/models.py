"""Base models: the small ladder every domain model climbs instead of copying fields."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from danvan.core.scoping import ScopedQuerySet
from danvan.core.text import fold


class ValidityQuerySet(models.QuerySet):
    def valid_at(self, date):
        return self.filter(
            models.Q(valid_from__isnull=True) | models.Q(valid_from__lte=date),
            models.Q(valid_to__isnull=True) | models.Q(valid_to__gte=date),
        )

    def overlapping(self, start, end):
        """Records valid on at least one day of [start, end]; an open end is unbounded."""
        queryset = self
        if end is not None:
            queryset = queryset.filter(models.Q(valid_from__isnull=True) | models.Q(valid_from__lte=end))
        if start is not None:
            queryset = queryset.filter(models.Q(valid_to__isnull=True) | models.Q(valid_to__gte=start))
        return queryset


class ValidityModel(models.Model):
    """A record that holds for an interval of dates; an open end means "still valid"."""

    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid to"), null=True, blank=True)

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            raise ValidationError({"valid_to": _("The end date cannot be before the start date.")})

    def covers(self, start, end):
        """Whether the known dates of [start, end] fall inside this record's validity (a date left
        blank is unknown, not unbounded: it refuses nothing)."""
        return all(self.is_valid_at(date) for date in (start, end) if date is not None)

    def ensure_covers(self, record):
        """Refuse ``record`` (a title held in this organisation, a parent link …) whose period is not inside this one."""
        if not self.covers(record.valid_from, record.valid_to):
            raise ValidationError({"valid_from": _("These dates lie outside the period in which %(record)s existed.") % {"record": self}})

    def is_valid_at(self, date):
        return (self.valid_from is None or self.valid_from <= date) and (self.valid_to is None or date <= self.valid_to)

    @property
    def is_current(self):
        return self.is_valid_at(datetime.date.today())


class SearchableModel(models.Model):
    """Keeps a folded copy of the searchable text so that search ignores diacritics and case."""

    search_text = models.TextField(editable=False, blank=True, default="", db_index=False)

    class Meta:
        abstract = True

    def search_source(self):
        """The text a search should find this record by; subclasses name their fields."""
        raise NotImplementedError

    def refresh_search_text(self):
        self.search_text = fold(self.search_source())

    def save(self, *args, **kwargs):
        self.refresh_search_text()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_text"}
        super().save(*args, **kwargs)


class VersionedModel(models.Model):
    """Optimistic locking: every save of a stored row raises ``version``.

    A writer says which version it read (``read_version``: the hidden field of an
    edit form, the API's ``If-Match``); ``core.services.save_record`` merges what it
    changed onto the row as it is now and refuses only a change to a field that
    someone else changed since that version. ``loaded`` keeps the values as read
    from the database in this request, so that fields the writer did not touch
    never overwrite a newer value.
    """

    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    read_version = None

    class Meta:
        abstract = True

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance.loaded = dict(zip(field_names, values))
        return instance

    def _remember_loaded(self):
        deferred = self.get_deferred_fields()
        self.loaded = {field.attname: getattr(self, field.attname)
                       for field in self._meta.concrete_fields if field.attname not in deferred}

    def refresh_from_db(self, *args, **kwargs):
        super().refresh_from_db(*args, **kwargs)
        self._remember_loaded()

    def save(self, *args, **kwargs):
        if not self._state.adding:
            self.version += 1
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "version"}
        super().save(*args, **kwargs)
        self._remember_loaded()

    def get_additional_data(self):
        """Kept with each audit entry, so a stale writer can be told what changed after the version it read."""
        return {"version": self.version}


class ScopedModel(VersionedModel):
    """A record that belongs to a unit; ``scope_path`` names the lookup to that unit."""

    scope_path = "unit"

    objects = ScopedQuerySet.as_manager()

    class Meta:
        abstract = True

    def scope_unit(self):
        target = self
        for part in self.scope_path.split("__"):
            target = getattr(target, part)
            if target is None:
                return None
        return target


class TransitionRecord(models.Model):
    """One move of a record through its lifecycle: who, when, from, to and why. Append-only."""

    content_type = models.ForeignKey("contenttypes.ContentType", on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    source = models.CharField(_("from"), max_length=40)
    target = models.CharField(_("to"), max_length=40)
    by = models.ForeignKey("accounts.User", verbose_name=_("by"), null=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(_("at"), auto_now_add=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def _label(self, state):
        """The state's label from the record's own choices, so that a province's wording shows."""
        for field in self.content_type.model_class()._meta.fields:
            labels = dict(field.flatchoices) if field.choices else {}
            if state in labels:
                return labels[state]
        return state

    @property
    def source_label(self):
        return self._label(self.source)

    @property
    def target_label(self):
        return self._label(self.target)


class AttachmentBase(models.Model):
    """A file kept with a record; apps subclass it with a ForeignKey to their record and a ``scope_path``."""

    file = models.FileField(_("file"), upload_to="attachments/%Y/%m/")
    title = models.CharField(_("title"), max_length=200, blank=True)
    is_public = models.BooleanField(_("public"), default=False, help_text=_("Shown on the public pages."))
    uploaded_by = models.ForeignKey("accounts.User", null=True, on_delete=models.SET_NULL, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        abstract = True

    def __str__(self):
        return self.title or self.file.name.rsplit("/", 1)[-1]


# The register of official documents lives in its own module; Django finds models through this one.
from danvan.core.documents.models import (  # noqa: E402,F401
    Document, DocumentCounter, DocumentFormat, DocumentTemplate, DocumentType, FormatElement, Term,
)

# The counters the statistics read (core/aggregates.py); Django finds models through this module.
from danvan.core.aggregates import Aggregate  # noqa: E402,F401

# The working calendar (core/workdays): announced days off and the years entered; Django finds models here.
from danvan.core.workdays.models import CalendarDay, CalendarYear  # noqa: E402,F401
