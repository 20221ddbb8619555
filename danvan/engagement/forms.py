from django import forms

from danvan.core.forms import ScopedModelForm
from danvan.engagement.models import Dialogue


class DialogueForm(ScopedModelForm):
    class Meta:
        model = Dialogue
        fields = ["kind", "unit", "organizations", "chair", "date", "place", "participants", "opinions_raised", "opinions_answered", "summary"]
        widgets = {"summary": forms.Textarea(attrs={"rows": 4})}
