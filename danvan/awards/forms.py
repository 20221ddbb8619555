from django import forms
from django.utils.translation import gettext_lazy as _

from danvan.awards.models import CommendationDecision, CommendationProposal, ProposedRecipient, Recipient
from danvan.core.forms import ScopedForm, ScopedModelForm
from danvan.organizations.models import Organization


class DecisionForm(ScopedModelForm):
    class Meta:
        model = CommendationDecision
        fields = ["recorded_from_paper", "number", "date", "issuing_body", "form", "signer", "signer_title", "reason", "phase"]
        widgets = {"reason": forms.Textarea(attrs={"rows": 2})}


class RecipientForm(ScopedModelForm):
    class Meta:
        model = Recipient
        fields = ["kind", "organization", "person", "initiative", "achievement"]


class DeclineForm(ScopedForm):
    reason = forms.CharField(label=_("Reason for declining"), widget=forms.Textarea(attrs={"rows": 2}))


class AcceptForm(ScopedForm):
    """Accept a proposal into a decision of the body it was sent to."""

    decision = forms.ModelChoiceField(label=_("Accept into the decision"), queryset=CommendationDecision.objects.all())
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, proposal, **kwargs):
        super().__init__(*args, **kwargs)
        decisions = self.fields["decision"].queryset.filter(issuing_body=proposal.addressed_to)
        self.fields["decision"].queryset = decisions
        # The body's latest decision is the one a proposal usually joins: offered first, not "— chưa chọn —".
        latest = decisions.order_by("-date", "-pk").first()
        if latest is not None:
            self.fields["decision"].initial = latest.pk


class ProposalForm(ScopedModelForm):
    """A proposal goes up: it may be addressed to a body of the user's unit or of any unit above it."""

    class Meta:
        model = CommendationProposal
        fields = ["proposing_body", "addressed_to", "form", "date", "reason"]
        widgets = {"reason": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["addressed_to"]
        field.widget = forms.Select()
        field.queryset = Organization.objects.addressable_by(self.user).select_related("unit").order_by("unit__level", "name")


class ProposedRecipientForm(ScopedModelForm):
    class Meta:
        model = ProposedRecipient
        fields = ["kind", "organization", "person", "initiative", "achievement"]


ProposedRecipientFormSet = forms.modelformset_factory(ProposedRecipient, form=ProposedRecipientForm, extra=4)
