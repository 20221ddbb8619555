"""``?unit={id}&from=YYYY-MM-DD&to=YYYY-MM-DD``: what a statistics page or endpoint is asked about, read and bounded once.

The unit must lie within the user's scope (by default the whole scope), the period runs from ``from`` to ``to`` (both
days included; by default 1 January of ``to``'s year to today). An app's query form subclasses ``PeriodQuery`` and adds
its own filters after these three.
"""

import datetime

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from danvan.core.filters import IdModelChoiceField
from danvan.core.forms import ScopedForm
from danvan.core.scoping import Scope
from danvan.core.statistics import Reach

FIRST_DAY = datetime.date(1945, 9, 2)  # no organisation counted anything under this State before it was founded
DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y"]


def _units():
    from django.apps import apps

    return apps.get_model("units", "Unit").objects.all()


class PeriodQuery(ScopedForm):
    unit = IdModelChoiceField(label=_("Unit"), queryset=_units(), required=False)
    # An app whose records start later (a working calendar, say) asks for a later first day, with its own words.
    first_day = FIRST_DAY
    first_day_message = _("The period starts on 02/09/1945 at the earliest.")

    def clean(self):
        cleaned = super().clean()
        today = datetime.date.today()
        date_from, date_to = cleaned.get("from"), cleaned.get("to")
        if date_from is not None and date_from < self.first_day:
            self.add_error("from", self.first_day_message)
        if date_to is not None and date_to.year > today.year + 1:
            self.add_error("to", _("The period cannot end after next year."))
        if date_from and date_to and date_to < date_from:
            self.add_error("to", _("The period cannot end before it begins."))
        return cleaned

    @property
    def chosen_unit(self):
        return self.cleaned_data.get("unit")

    def reach(self):
        """The reach of the unit asked about, else the user's whole scope."""
        unit = self.chosen_unit
        return Reach.of(unit) if unit is not None else Reach(Scope.for_user(self.user).paths)

    def span(self):
        """(first day, last day) of a valid form."""
        date_to = self.cleaned_data.get("to") or datetime.date.today()
        return self.cleaned_data.get("from") or datetime.date(date_to.year, 1, 1), date_to


# "from" and "to" are the names the API documents; "from" cannot be a class attribute in Python.
PeriodQuery.base_fields["from"] = forms.DateField(label=pgettext_lazy("period", "From"), required=False, input_formats=DATE_FORMATS)
PeriodQuery.base_fields["to"] = forms.DateField(label=pgettext_lazy("period", "To"), required=False, input_formats=DATE_FORMATS)
