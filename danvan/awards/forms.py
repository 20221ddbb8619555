from django import forms
from django.utils.translation import gettext_lazy as _

from danvan.awards.models import CommendationDecision, Recipient
from danvan.core.forms import ScopedModelForm


class DecisionForm(ScopedModelForm):
    class Meta:
        model = CommendationDecision
        fields = ["number", "date", "issuing_body", "form", "signer", "signer_title", "reason", "phase"]
        widgets = {"reason": forms.Textarea(attrs={"rows": 2})}


class RecipientForm(ScopedModelForm):
    class Meta:
        model = Recipient
        fields = ["kind", "organization", "person", "initiative", "achievement"]


class DeclineForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}))
