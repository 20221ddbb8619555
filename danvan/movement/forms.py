from django import forms
from django.utils.translation import gettext_lazy as _

from danvan.core.forms import DateInput, ScopedForm, ScopedModelForm
from danvan.movement.choices import AppraisalOutcome, RecognitionLevel
from danvan.movement.models import Initiative, InitiativeAttachment, Replication, ResultUpdate
from danvan.movement.services import SIMPLE_MOVES


class InitiativeForm(ScopedModelForm):
    confirm_duplicate = forms.BooleanField(
        label=_("Register anyway"), required=False,
        help_text=_("Tick only when a registration with the same name, owner and phase is really another one."),
    )

    class Meta:
        model = Initiative
        fields = ["name", "kind", "holder", "fields", "owner_organization", "owner_person", "unit", "phase",
                  "registration_year", "description", "goals", "start_date", "expected_results"]
        widgets = {"fields": forms.CheckboxSelectMultiple, "description": forms.Textarea(attrs={"rows": 3}),
                   "goals": forms.Textarea(attrs={"rows": 2}), "expected_results": forms.Textarea(attrs={"rows": 2})}


class TransitionForm(ScopedForm):
    action = forms.ChoiceField(choices=[(name, name) for name in SIMPLE_MOVES])
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class RecognitionForm(ScopedForm):
    level = forms.TypedChoiceField(label=_("Level"), choices=RecognitionLevel.choices, coerce=int)
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    decided_on = forms.DateField(label=_("Decision date"), widget=DateInput())
    document = forms.CharField(label=_("Deciding document"), required=False)
    outstanding = forms.BooleanField(label=_("Outstanding"), required=False)


class ResultForm(ScopedModelForm):
    class Meta:
        model = ResultUpdate
        fields = ["date", "text", "beneficiaries", "households_out_of_poverty", "money_mobilised", "workdays_mobilised", "road_km"]
        widgets = {"date": DateInput(), "text": forms.Textarea(attrs={"rows": 2})}


class AttachmentForm(ScopedModelForm):
    class Meta:
        model = InitiativeAttachment
        fields = ["file", "kind", "title", "is_public"]


class ReplicationForm(ScopedModelForm):
    class Meta:
        model = Replication
        fields = ["unit", "adopted_on", "adopter", "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 2})}


class BatchForm(ScopedForm):
    """The shared part of an appraisal session: level, year, the deciding document and its date."""

    level = forms.TypedChoiceField(label=_("Level"), choices=RecognitionLevel.choices, coerce=int)
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    decided_on = forms.DateField(label=_("Decision date"), widget=DateInput())
    document = forms.CharField(label=_("Deciding document"), required=False)
    appraisers = forms.CharField(label=_("Appraisers"), required=False)


BATCH_OUTCOMES = [("", _("— not appraised now —")), *AppraisalOutcome.choices]
