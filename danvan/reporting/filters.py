import datetime

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from danvan.core.filters import IdFilter, IdModelChoiceField, IdModelChoiceFilter, ScopedFilterSet
from danvan.core.forms import ScopedForm
from danvan.reporting.choices import SubmissionStatus
from danvan.reporting.models import Indicator, ReportForm, ReportingPeriod, Submission
from danvan.units.models import Unit

FIRST_DAY = datetime.date(2000, 1, 1)


class SubmissionFilter(ScopedFilterSet):
    """``?unit={id}&period={id}&status=&form={id}``: the reports of a unit's subtree (its lineage included)."""

    status = django_filters.ChoiceFilter(label=_("Status"), choices=SubmissionStatus.choices)
    form = IdModelChoiceFilter(label=_("Report form"), queryset=ReportForm.objects.all())
    period = IdFilter(label=_("Reporting period"), field_name="period")

    class Meta:
        model = Submission
        fields = ["q", "unit", "form", "period", "status"]


class SpanQuery(ScopedForm):
    """``?unit=&from=YYYY-MM-DD&to=YYYY-MM-DD&codes=a,b``: a unit within the user's scope (by default their own), a span
    (by default this year up to today) and indicator codes (by default all)."""

    unit = IdModelChoiceField(label=_("Unit"), queryset=Unit.objects.all(), required=False)
    codes = forms.CharField(label=_("Indicator codes"), required=False, max_length=2000)

    def clean_codes(self):
        codes = [code.strip() for code in self.cleaned_data.get("codes", "").split(",") if code.strip()]
        known = set(Indicator.objects.filter(code__in=codes).values_list("code", flat=True))
        unknown = [code for code in codes if code not in known]
        if unknown:
            raise forms.ValidationError(_("Unknown indicator codes: %(codes)s.") % {"codes": ", ".join(unknown[:10])})
        return codes

    def clean(self):
        cleaned = super().clean()
        date_from, date_to = cleaned.get("from"), cleaned.get("to")
        if date_from is not None and date_from < FIRST_DAY:
            self.add_error("from", _("The figures start on 01/01/2000 at the earliest."))
        if date_to is not None and date_to.year > datetime.date.today().year + 1:
            self.add_error("to", _("The period cannot end after next year."))
        if date_from and date_to and date_to < date_from:
            self.add_error("to", _("The period cannot end before it begins."))
        return cleaned

    def asked(self):
        """(unit, first day, last day, codes) of a valid form."""
        data, today = self.cleaned_data, datetime.date.today()
        date_to = data.get("to") or today
        date_from = data.get("from") or datetime.date(date_to.year, 1, 1)
        codes = data.get("codes") or list(Indicator.objects.values_list("code", flat=True))
        return data.get("unit") or self.user.unit, date_from, date_to, codes


class CompletenessQuery(ScopedForm):
    """``?unit=&form=&period=``: whose reports are counted (by default the user's whole scope), of which form and period."""

    unit = IdModelChoiceField(label=_("Unit"), queryset=Unit.objects.all(), required=False)
    form = IdModelChoiceField(label=_("Report form"), queryset=ReportForm.objects.all(), required=False)
    period = IdModelChoiceField(label=_("Reporting period"), queryset=ReportingPeriod.objects.all(), required=False)


# "from" and "to" are the names the API documents; "from" cannot be a class attribute in Python.
for _name, _label in (("from", pgettext_lazy("period", "From")), ("to", pgettext_lazy("period", "To"))):
    SpanQuery.base_fields[_name] = forms.DateField(label=_label, required=False, input_formats=["%Y-%m-%d", "%d/%m/%Y"])
SpanQuery.base_fields = {name: SpanQuery.base_fields[name] for name in ("unit", "from", "to", "codes")}
