"""Filters shared by the lists of every app, and the bounds every query parameter is read within.

A value outside its bounds is refused by the form field before it reaches the database, so a
query string can never raise an overflow or a date error: the API answers 400 naming the
parameter, a page shows the whole list with a note (``ScopedListView``).
"""

import django_filters
from django import forms
from django.contrib import messages
from django_filters import fields as filter_fields
from drf_spectacular.drainage import set_override
from drf_spectacular.utils import extend_schema_field
from django.db import models
from django.utils.functional import lazy
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from django.apps import apps

from danvan.core.scoping import Scope
from danvan.core.widgets import AutocompleteSelect
from danvan.core.search import search_queryset


def _units_in_scope(request):
    units = apps.get_model("units", "Unit").objects
    return units.visible_to(request.user) if request is not None else units.none()


YEAR_MIN, YEAR_MAX = 1900, 2100
ID_MIN, ID_MAX = 1, 2**63 - 1  # the primary keys both engines can hold (bigint)
NUMBER_MIN, NUMBER_MAX = -(2**63), 2**63 - 1


def _lazy(message, **params):
    """A translatable message with its numbers filled in when it is shown, in the reader's language."""
    return lazy(lambda: gettext(message) % params, str)()


class BoundedIntegerField(forms.IntegerField):
    """A whole number within bounds; anything else (text, a fraction, a number out of bounds) gets one
    message that states the bounds."""

    message = gettext_noop("Enter a whole number from %(min)s to %(max)s.")

    def __init__(self, *, min_value=NUMBER_MIN, max_value=NUMBER_MAX, **kwargs):
        super().__init__(min_value=min_value, max_value=max_value, **kwargs)
        text = _lazy(self.message, min=min_value, max=max_value)
        self.error_messages.update(invalid=text, min_value=text, max_value=text)


class YearField(BoundedIntegerField):
    message = gettext_noop("Enter a year from %(min)s to %(max)s.")

    def __init__(self, *, min_value=YEAR_MIN, max_value=YEAR_MAX, **kwargs):
        super().__init__(min_value=min_value, max_value=max_value, **kwargs)


class IdField(BoundedIntegerField):
    message = gettext_noop("Enter the number of a record: a whole number from %(min)s to %(max)s.")

    def __init__(self, *, min_value=ID_MIN, max_value=ID_MAX, **kwargs):
        super().__init__(min_value=min_value, max_value=max_value, **kwargs)


def _is_possible_id(value):
    try:
        IdField().clean(value)
    except forms.ValidationError:
        return False
    return True


class IdModelChoiceField(filter_fields.ModelChoiceField):
    """Looks a record up only when the value is a possible id, so no value reaches the database as an overflow."""

    default_error_messages = {"invalid_choice": _("No record with this number is within your reach.")}

    def to_python(self, value):
        checked = self.to_field_name in (None, "id", "pk") and value not in self.empty_values
        if checked and value != getattr(self, "null_value", None) and not _is_possible_id(value):
            raise forms.ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        record = super().to_python(value)
        # What the form read to check the value: its AutocompleteSelect shows it without reading it again.
        self.chosen_record = record
        return record


class IdModelMultipleChoiceField(filter_fields.ModelMultipleChoiceField):
    default_error_messages = {
        "invalid_choice": _("No record with the number %(value)s is within your reach."),
        "invalid_pk_value": _("“%(pk)s” is not the number of a record."),
    }

    def _check_values(self, value):
        for pk in value:
            if pk != getattr(self, "null_value", None) and not _is_possible_id(pk):
                raise forms.ValidationError(self.error_messages["invalid_pk_value"], code="invalid_pk_value", params={"pk": pk})
        return super()._check_values(value)


class BoundedNumberFilter(django_filters.NumberFilter):
    """A whole number within bounds (by default what a bigint holds); ``min_value``/``max_value`` narrow it."""

    field_class = BoundedIntegerField

    def __init__(self, *args, min_value=NUMBER_MIN, max_value=NUMBER_MAX, **kwargs):
        super().__init__(*args, min_value=min_value, max_value=max_value, **kwargs)
        set_override(self, "field", {"type": "integer", "minimum": min_value, "maximum": max_value})  # the API schema's bounds


class YearFilter(BoundedNumberFilter):
    field_class = YearField

    def __init__(self, *args, min_value=YEAR_MIN, max_value=YEAR_MAX, **kwargs):
        kwargs.setdefault("label", _("Year"))
        super().__init__(*args, min_value=min_value, max_value=max_value, **kwargs)


class IdFilter(BoundedNumberFilter):
    """A record named by its id (``?mission=12``); an id no record can have is refused, one that no record has finds nothing."""

    field_class = IdField

    def __init__(self, *args, min_value=ID_MIN, max_value=ID_MAX, **kwargs):
        super().__init__(*args, min_value=min_value, max_value=max_value, **kwargs)


ID_SCHEMA = {"type": "integer", "minimum": ID_MIN, "maximum": ID_MAX}
YEAR_SCHEMA = {"type": "integer", "minimum": YEAR_MIN, "maximum": YEAR_MAX}


@extend_schema_field(ID_SCHEMA)
class IdModelChoiceFilter(django_filters.ModelChoiceFilter):
    field_class = IdModelChoiceField


@extend_schema_field(ID_SCHEMA)
class IdModelMultipleChoiceFilter(django_filters.ModelMultipleChoiceFilter):
    field_class = IdModelMultipleChoiceField


def _bounded_defaults():
    defaults = dict(django_filters.FilterSet.FILTER_DEFAULTS)
    for field in (models.AutoField, models.BigAutoField, models.SmallIntegerField, models.IntegerField,
                  models.BigIntegerField, models.PositiveIntegerField, models.PositiveSmallIntegerField,
                  models.PositiveBigIntegerField):
        defaults[field] = {"filter_class": BoundedNumberFilter}
    for field, filter_class in ((models.ForeignKey, IdModelChoiceFilter), (models.OneToOneField, IdModelChoiceFilter),
                                (models.ManyToManyField, IdModelMultipleChoiceFilter)):
        defaults[field] = {**defaults[field], "filter_class": filter_class}
    return defaults


class OrderingFilter(django_filters.OrderingFilter):
    """Sorting choices labelled in the reader's language (django-filter ships no Vietnamese)."""

    descending_fmt = _("%s (descending)")

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("empty_label", _("Default order"))
        super().__init__(*args, **kwargs)


class CodedChoiceField(filter_fields.ChoiceField):
    """A choice of numbered values that also takes each value's code name (``level=commune`` as ``level=3``)."""

    def __init__(self, *args, codes=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.codes = codes or {}

    def to_python(self, value):
        value = super().to_python(value)
        return str(self.codes.get(value.lower(), value)) if value else value


class CodedChoiceFilter(django_filters.ChoiceFilter):
    """A filter over ``IntegerChoices``, with "Tất cả" as its empty choice, accepting numbers or code names.

    django-filter's ``TypedChoiceFilter`` has no empty choice, so a list filtered by it opened on its first
    level and showed almost nothing.
    """

    field_class = CodedChoiceField

    def __init__(self, *args, choices, **kwargs):
        codes = {member.name.lower(): member.value for member in choices}
        super().__init__(*args, choices=choices.choices, codes=codes, **kwargs)
        names = sorted({*codes, *(str(value) for value in codes.values())})
        set_override(self, "field", {"type": "string", "enum": names})


class YesNoSelect(django_filters.widgets.BooleanWidget):
    """"Tất cả", "Có", "Không": a yes/no filter opens on all, not on Django's "Chưa xác định"."""

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.choices = [("", _("All")), ("true", pgettext_lazy("filter", "Yes")), ("false", pgettext_lazy("filter", "No"))]


class BooleanFilter(django_filters.BooleanFilter):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", YesNoSelect)
        super().__init__(*args, **kwargs)


class BoundedFilterSet(django_filters.FilterSet):
    """The base of every filter set: filters generated from model fields get the bounds above.

    Invalid values give a 400 naming the parameter on the API (DRF's filter backend raises the
    form errors) and, on pages, the whole list with a note (``ScopedListView``).
    """

    FILTER_DEFAULTS = _bounded_defaults()


class ScopedFilterSet(BoundedFilterSet):
    """Adds diacritic-insensitive text search and "in this unit or below" to a list's filters."""

    q = django_filters.CharFilter(label=_("Search"), method="filter_text")
    unit = IdModelChoiceFilter(
        label=_("Unit"), queryset=_units_in_scope, method="filter_unit_subtree", widget=AutocompleteSelect("units:lookup")
    )

    def filter_text(self, queryset, name, value):
        return search_queryset(queryset, value)

    def filter_unit_subtree(self, queryset, name, unit):
        # The path ranges of what the unit reaches, joined like the user's scope: ``unit__in (subquery)``
        # made the planner walk every in-scope record before it matched one unit's subtree.
        return Scope.of_unit(unit).filter(queryset, queryset.model.scope_path)


def _note(request, fields, name, errors):
    field = fields.get(name)
    if field is None:  # an error about several parameters together
        messages.warning(request, " ".join(errors))
        return
    label = field.label or name
    messages.warning(request, gettext("The filter “%(filter)s” was not applied: %(reason)s") % {"filter": label, "reason": " ".join(errors)})


def note_ignored_filters(request, filterset):
    """On a page, a filter with an impossible value is left out, and the user is told which one and why."""
    if filterset is None or not filterset.is_bound or filterset.is_valid():
        return
    for name, errors in filterset.errors.items():
        _note(request, filterset.form.fields, name, errors)


def note_query_error(request, form_class, error):
    """On a page, a ValidationError about query parameters (e.g. from ``parse_span``) shown as notes naming them."""
    for name, errors in getattr(error, "message_dict", {None: error.messages}).items():
        _note(request, form_class.base_fields, name, errors)


def read_query(request, form_class):
    """The query parameters of a page, parsed by ``form_class`` (use the bounded fields above).

    An impossible value is left out (``None``, so the page falls back to its default) with a note;
    the page never fails and never shows an empty list by accident.
    """
    form = form_class(request.GET)
    if not form.is_valid():
        for name, errors in form.errors.items():
            _note(request, form.fields, name, errors)
    return {name: form.cleaned_data.get(name) for name in form.fields}
