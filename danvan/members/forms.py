from django import forms
from django.utils.translation import gettext_lazy as _

from danvan.core.filters import IdModelChoiceField
from danvan.core.forms import ScopedForm, ScopedModelForm
from danvan.core.periods import PeriodQuery
from danvan.members.choices import LeaveReason
from danvan.members.models import EligiblePopulation, Membership
from danvan.organizations.models import Organization, OrganizationKind


class MembershipForm(ScopedModelForm):
    """A new member of a branch; an edit corrects the details, moves and leaving have their own forms."""

    class Meta:
        model = Membership
        fields = ["person", "branch", "joined", "role", "is_core", "card_number"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            del self.fields["branch"]  # moved by a transfer
            del self.fields["person"]


class TransferForm(ScopedForm):
    branch = forms.ModelChoiceField(label=_("New branch"), queryset=Organization.objects.all())
    on = forms.DateField(label=_("Transferred on"))


class LeaveForm(ScopedForm):
    left = forms.DateField(label=_("Left on"))
    leave_reason = forms.ChoiceField(label=_("Reason for leaving"), choices=[("", ""), *LeaveReason.choices])


class EligiblePopulationForm(ScopedModelForm):
    class Meta:
        model = EligiblePopulation
        fields = ["kind", "unit", "year", "count", "definition"]
        widgets = {"definition": forms.Textarea(attrs={"rows": 3})}


class MemberStatsQuery(PeriodQuery):
    """``?unit=&from=&to=&kind=``: the period and, optionally, one organisation."""

    kind = IdModelChoiceField(label=_("Organisation"), queryset=OrganizationKind.objects.all(), required=False)

    def question(self):
        from danvan.members.queries import MemberQuestion

        date_from, date_to = self.span()
        return MemberQuestion(self.reach(), date_from, date_to, getattr(self.cleaned_data.get("kind"), "pk", None))
