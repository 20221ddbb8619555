import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from danvan.core.forms import ScopedModelForm
from danvan.directives.choices import PeriodUnit
from danvan.directives.models import Directive, Implementation, Obligation
from danvan.core.forms import ScopedForm, limit_choices_to_scope
from danvan.units.models import Unit


class DirectiveForm(ScopedModelForm):
    symbol = forms.CharField(label=_("Symbol"), required=False, max_length=60,
                             help_text=_("For example 25-NQ/TW or 13-CT/ĐU; number, type and issuer are read from it."))
    implements = forms.ModelChoiceField(label=_("Implements"), queryset=Directive.objects.all(), required=False,
                                        help_text=_("The directive this one concretises, if any."))

    class Meta:
        model = Directive
        fields = ["unit", "symbol", "doc_type", "number", "issuer_code", "issued_on", "issuing_organization",
                  "issuer_name", "subject", "file", "status"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit_choices_to_scope(self, self.user)
        self.fields["doc_type"].required = False
        self.fields["doc_type"].help_text = _("Needed only when there is no symbol.")
        if self.instance.pk:
            del self.fields["implements"]


class ImplementationForm(ScopedForm):
    unit = forms.ModelChoiceField(label=_("Implementing unit"), queryset=Unit.objects.all())
    document = forms.ModelChoiceField(label=_("Own document"), queryset=Directive.objects.all(), required=False)
    implemented_on = forms.DateField(label=_("Date"), required=False)
    description = forms.CharField(label=_("How it was implemented"), widget=forms.Textarea(attrs={"rows": 3}), required=False)


class ImplementationEditForm(ScopedModelForm):
    """Correcting a recorded implementation: its own document, date and description (the unit stays)."""

    class Meta:
        model = Implementation
        fields = ["document", "implemented_on", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}


class ObligationForm(ScopedModelForm):
    class Meta:
        model = Obligation
        fields = ["title", "kind", "level", "period_unit", "period_years", "times", "first_year", "last_year"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["period_unit"].required = False  # a form without it keeps the obligation yearly

    def clean_period_unit(self):
        return self.cleaned_data.get("period_unit") or self.instance.period_unit or PeriodUnit.YEAR


class FulfilmentForm(ScopedForm):
    unit = forms.ModelChoiceField(label=_("Unit"), queryset=Unit.objects.all())
    year = forms.IntegerField(label=_("Year"), min_value=1945, max_value=2100, initial=lambda: datetime.date.today().year)
    month = forms.IntegerField(label=_("Month"), min_value=1, max_value=12, required=False,
                               help_text=_("For an obligation counted per month; taken from the date when left empty."))
    fulfilled_on = forms.DateField(label=_("Date"), required=False)
    description = forms.CharField(label=_("What was done"), widget=forms.Textarea(attrs={"rows": 3}))
