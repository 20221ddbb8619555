from django import forms
from django.utils.translation import gettext_lazy as _

from danvan.core.forms import ScopedForm
from danvan.reporting.models import MAX_VALUE
from danvan.reporting.queries import shown


def _decimal_field(label, help_text):
    # No minimum here: the service refuses a negative count naming its indicator, on every surface alike.
    return forms.DecimalField(label=label, required=False, max_digits=14, decimal_places=2, max_value=MAX_VALUE,
                              help_text=help_text, widget=forms.TextInput(attrs={"inputmode": "decimal"}))


class FiguresForm(ScopedForm):
    """A report's figures, one value (and, for a figure the records give, the reason it differs) an indicator,
    then its narrative sections; the version read travels along, so a save never undoes someone else's."""

    read_version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)

    def __init__(self, *args, submission, rows, **kwargs):
        super().__init__(*args, **kwargs)
        self.submission, self.rows = submission, rows
        self.fields["read_version"].initial = submission.version
        for row in rows:
            pk = row.indicator.pk
            hint = _("Unit: %(unit)s.") % {"unit": row.indicator.unit_of_measure}
            if row.is_computed and row.computed is not None:
                hint = _("Unit: %(unit)s. The records give %(value)s.") % {
                    "unit": row.indicator.unit_of_measure, "value": shown(row.computed)}
            self.fields[f"value_{pk}"] = _decimal_field(row.indicator.name, hint)
            self.fields[f"value_{pk}"].initial = row.value
            if row.is_computed:
                self.fields[f"reason_{pk}"] = forms.CharField(label=_("Reason for changing the computed figure"), required=False,
                                                              max_length=1000, initial=row.reason)
            self.fields[f"confirmed_{pk}"] = forms.BooleanField(label=_("Confirmed although far from the previous period"),
                                                                required=False, initial=row.confirmed)
        for number, title in enumerate(submission.form.section_titles):
            self.fields[f"section_{number}"] = forms.CharField(label=title, required=False, max_length=20000, widget=forms.Textarea,
                                                               initial=submission.narrative.get(title, ""))

    def entries(self):
        data = self.cleaned_data
        return {row.indicator.pk: {"value": data.get(f"value_{row.indicator.pk}"), "reason": data.get(f"reason_{row.indicator.pk}", ""),
                                   "confirmed": data.get(f"confirmed_{row.indicator.pk}", False)} for row in self.rows}

    def narrative(self):
        return {title: self.cleaned_data.get(f"section_{number}", "") for number, title in enumerate(self.submission.form.section_titles)}


class NoteForm(ScopedForm):
    note = forms.CharField(label=_("Note"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))


class ReturnForm(ScopedForm):
    note = forms.CharField(label=_("Reason for returning it"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))
