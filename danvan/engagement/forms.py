from django import forms
from django.utils.translation import gettext_lazy as _

from danvan.core.forms import ScopedForm, ScopedModelForm
from danvan.core.humancheck import HumanCheckForm
from danvan.engagement import queries, services
from danvan.engagement.choices import Satisfaction
from danvan.engagement.models import MAX_TEXT, Dialogue, HotCase, Petition, PetitionField, PetitionStatusLabel
from danvan.organizations.models import Organization


class DialogueForm(ScopedModelForm):
    class Meta:
        model = Dialogue
        fields = ["kind", "unit", "organizations", "chair", "date", "place", "participants", "opinions_raised", "opinions_answered", "summary"]
        widgets = {"summary": forms.Textarea(attrs={"rows": 4})}


class PetitionForm(ScopedModelForm):
    """A new petition names its petitioner; an edit shows and changes them only to a user allowed to see them."""

    class Meta:
        model = Petition
        fields = ["unit", "channel", "dialogue", "kind", "field", "content", "petitioner_name", "petitioner_contact", "received_on", "assigned_to",
                  "addressed_level"]
        widgets = {"content": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            del self.fields["assigned_to"]  # changed by a transfer
            if not services.may_see_petitioner(self.user, self.instance):
                for name in Petition.PERSONAL_FIELDS:
                    del self.fields[name]
            else:
                services.petitioner_of(self.user, self.instance, surface="edit")  # the form shows them: a read
        if "assigned_to" in self.fields:
            self.fields["assigned_to"].help_text = _("A body of this unit, of a unit above it or of one below it.")


class TransferForm(ScopedForm):
    to_body = forms.ModelChoiceField(label=_("Send to"), queryset=Organization.objects.none(),
                                     help_text=_("A body of the petition's unit, of a unit above it or of one below it."))
    sent_on = forms.DateField(label=_("Sent on"), required=False)
    note = forms.CharField(label=_("Note"), widget=forms.Textarea(attrs={"rows": 2}), required=False, max_length=4000)

    def __init__(self, *args, petition, **kwargs):
        super().__init__(*args, **kwargs)
        # A plain list of the chain's bodies: the search box of organisations finds only those in scope, not those above.
        field = self.fields["to_body"]
        field.queryset = services.chain_bodies(self.user, petition)
        field.widget = forms.Select()
        field.widget.choices = field.choices


class AcceptForm(ScopedForm):
    on = forms.DateField(label=_("Accepted on"), required=False)
    note = forms.CharField(label=_("Note"), widget=forms.Textarea(attrs={"rows": 2}), required=False, max_length=4000)


class ReturnForm(ScopedForm):
    reason = forms.CharField(label=_("Reason for returning"), widget=forms.Textarea(attrs={"rows": 3}), required=False, max_length=4000)
    on = forms.DateField(label=_("Returned on"), required=False)


class AnswerForm(ScopedForm):
    answer = forms.CharField(label=_("Public answer"), widget=forms.Textarea(attrs={"rows": 5}), required=False, max_length=20_000)
    answered_on = forms.DateField(label=_("Answered on"), required=False)


class CloseForm(ScopedForm):
    satisfaction = forms.ChoiceField(label=_("Petitioner's satisfaction"), choices=[("", _("Not known")), *Satisfaction.choices], required=False)
    note = forms.CharField(label=_("Note"), widget=forms.Textarea(attrs={"rows": 2}), required=False, max_length=4000)


class PublicPetitionForm(HumanCheckForm):
    """What a citizen writes on the public page: the commune, what it is about, and who they are if they wish."""

    unit = forms.ModelChoiceField(label=_("Commune"), queryset=None, empty_label=_("— choose the commune —"),
                                  error_messages={"required": _("Choose the commune you write to."),
                                                  "invalid_choice": _("Choose a commune from the list.")})
    field = forms.ModelChoiceField(label=_("Field"), queryset=PetitionField.objects.all(), empty_label=_("— choose the field —"),
                                   error_messages={"required": _("Choose what your petition is about."),
                                                   "invalid_choice": _("Choose a field from the list.")})
    content = forms.CharField(label=_("Content"), widget=forms.Textarea(attrs={"rows": 6}), max_length=MAX_TEXT,
                              error_messages={"required": _("Write what you request or report.")},
                              help_text=_("Describe the matter, where and since when. Do not write other people's personal details."))
    petitioner_name = forms.CharField(label=_("Your name (optional)"), required=False, max_length=150)
    petitioner_contact = forms.CharField(label=_("Phone or address to reply to (optional)"), required=False, max_length=200,
                                         help_text=_("Only the officials handling your petition see your name and contact; they are never published."))

    field_order = ["unit", "field", "content", "petitioner_name", "petitioner_contact", "check_answer", "website", "check_token"]

    def __init__(self, *args, province=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = queries.public_communes(province)
        self.order_fields(self.field_order)


class TrackingForm(forms.Form):
    code = forms.CharField(label=_("Tracking code"), max_length=40,
                           error_messages={"required": _("Enter the tracking code you were given.")},
                           widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}))


# --- repeats, hot cases ---------------------------------------------------------------------------

class HotCaseForm(ScopedModelForm):
    class Meta:
        model = HotCase
        fields = ["unit", "name", "description", "leader", "opened_on"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["leader"].help_text = _("A leader holding a title at the unit on the day the case opened.")


class CaseEventForm(ScopedForm):
    text = forms.CharField(label=_("What was done"), widget=forms.Textarea(attrs={"rows": 3}), required=False, max_length=MAX_TEXT)
    date = forms.DateField(label=_("Date"), required=False)


class SettleCaseForm(ScopedForm):
    settlement = forms.CharField(label=_("How it was settled"), widget=forms.Textarea(attrs={"rows": 4}), required=False, max_length=MAX_TEXT)
    settled_on = forms.DateField(label=_("Settled on"), required=False)


class ReopenCaseForm(ScopedForm):
    reason = forms.CharField(label=_("Reason for reopening"), widget=forms.Textarea(attrs={"rows": 3}), required=False, max_length=4000)


class PetitionCaseForm(ScopedForm):
    case = forms.ModelChoiceField(label=_("Hot case"), queryset=HotCase.objects.none(), required=False,
                                  help_text=_("A case not yet settled, of the petition's unit or of a unit above it. Leave empty to take the petition out of its case."))

    def __init__(self, *args, petition, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["case"]
        field.queryset = HotCase.objects.visible_to(self.user).unsettled().filter(unit_id__in=[*petition.unit.ancestor_ids(), petition.unit_id])
        field.initial = petition.case_id


class MergePetitionsForm(ScopedForm):
    repeats = forms.ModelMultipleChoiceField(label=_("Repeat petitions"), queryset=Petition.objects.none(), required=False,
                                             help_text=_("Petitions about the same unit that raise the same matter again: they are counted once, as this one."))

    def __init__(self, *args, petition, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["repeats"].queryset = (Petition.objects.visible_to(self.user).distinct_cases()
                                           .filter(unit_id=petition.unit_id).exclude(pk=petition.pk).select_related("kind"))


class UnmergePetitionForm(ScopedForm):
    """Nothing to type: the page asks to confirm that the petition is taken out of the matter it was merged into."""

    def __init__(self, *args, petition=None, **kwargs):
        super().__init__(*args, **kwargs)


class StatusLabelForm(ScopedModelForm):
    class Meta:
        model = PetitionStatusLabel
        fields = ["unit", "status", "label"]
        help_texts = {"label": _("What this province's pages, exports, API and public page show for the status.")}
