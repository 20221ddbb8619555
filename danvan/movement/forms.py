from django import forms
from django.db.models import BLANK_CHOICE_DASH
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from danvan.core.forms import DateInput, ScopedForm, ScopedModelForm
import datetime

from danvan.movement.choices import AppraisalOutcome, RecognitionLevel
from danvan.movement.models import Criterion, Initiative, InitiativeAttachment, Replication, ResultUpdate
from danvan.movement.services import REFORM, SIMPLE_MOVES, approver_level


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


def grantable_levels(user, on):
    """The levels ``user`` may appraise or recognise at on day ``on``, lowest first."""
    return [(level, label) for level, label in reversed(RecognitionLevel.choices)
            if level >= approver_level(user) and not (level == RecognitionLevel.DISTRICT and on >= REFORM)]


class RecognitionForm(ScopedForm):
    level = forms.TypedChoiceField(label=_("Level"), coerce=int)
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    decided_on = forms.DateField(label=_("Decision date"), widget=DateInput())
    document = forms.CharField(label=_("Deciding document"), required=False)
    outstanding = forms.BooleanField(label=_("Outstanding"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        today = datetime.date.today()
        self.fields["level"].choices = grantable_levels(self.user, today)
        self.initial.setdefault("year", today.year)
        self.initial.setdefault("decided_on", today)


class AppraisalSheetForm(ScopedForm):
    """The appraisal council's scoring sheet: each criterion of the initiative's holder kind met or not,
    with its score and evidence, the council's members and the conclusion."""

    level = forms.TypedChoiceField(label=_("Level"), coerce=int)
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    date = forms.DateField(label=_("Appraisal date"), widget=DateInput())
    appraisers = forms.CharField(
        label=_("Members of the appraisal council"), max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}), help_text=_("One member per line: full name – position."),
    )
    outcome = forms.ChoiceField(label=_("Conclusion"), choices=[*BLANK_CHOICE_DASH, *AppraisalOutcome.choices])
    note = forms.CharField(label=_("Council's remarks"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    head_fields = ("level", "year", "date", "appraisers")
    tail_fields = ("outcome", "note")

    def __init__(self, *args, initiative, **kwargs):
        super().__init__(*args, **kwargs)
        today = datetime.date.today()
        levels = grantable_levels(self.user, today)
        self.fields["level"].choices = levels
        self.initial.setdefault("level", self._next_level(initiative, levels))
        self.initial.setdefault("year", today.year)
        self.initial.setdefault("date", today)
        self.criteria = list(Criterion.objects.filter(holder=initiative.holder))
        for criterion in self.criteria:
            self.fields[f"met_{criterion.pk}"] = forms.BooleanField(label=pgettext_lazy("criterion", "Met"), required=False)
            self.fields[f"score_{criterion.pk}"] = forms.DecimalField(
                label=_("Score"), required=False, min_value=0, max_value=criterion.max_score, decimal_places=2, max_digits=6,
            )
            self.fields[f"evidence_{criterion.pk}"] = forms.CharField(
                label=_("Evidence"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2}),
            )

    @staticmethod
    def _next_level(initiative, levels):
        """The level above the highest the initiative holds, else the lowest this approver may grant."""
        above = [level for level, _label in levels if initiative.highest_level is None or level < initiative.highest_level]
        return above[0] if above else levels[-1][0] if levels else None

    def rows(self):
        """(criterion, met, score, evidence) bound fields, one row of the sheet each."""
        return [(criterion, self[f"met_{criterion.pk}"], self[f"score_{criterion.pk}"], self[f"evidence_{criterion.pk}"])
                for criterion in self.criteria]

    def checks(self):
        data = self.cleaned_data
        return [(criterion, data[f"met_{criterion.pk}"], data[f"evidence_{criterion.pk}"], data[f"score_{criterion.pk}"])
                for criterion in self.criteria]

    def council(self):
        return "; ".join(line.strip() for line in self.cleaned_data["appraisers"].splitlines() if line.strip())


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
