from django import forms
from django.utils.translation import gettext_lazy as _

from danvan.core.forms import ScopedModelForm
from danvan.core.forms import ScopedForm, limit_choices_to_scope
from danvan.directives.models import Obligation
from danvan.directives.queries import obligations_binding
from danvan.organizations.models import Organization
from danvan.oversight.choices import FindingPart
from danvan.oversight.models import FollowUp, Meeting, Mission, MissionDocument, MissionTarget, ProgressNote, SupervisionPlan
from danvan.people.models import Person
from danvan.units.models import Unit


class MissionForm(ScopedModelForm):
    class Meta:
        model = Mission
        fields = ["kind", "subject", "directives", "unit", "leading_organization", "plan", "planned_start", "planned_end", "summary"]
        widgets = {"subject": forms.Textarea(attrs={"rows": 2}), "summary": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit_choices_to_scope(self, self.user)  # directives: the registers above are choosable too


class MeetingForm(ScopedModelForm):
    class Meta:
        model = Meeting
        fields = ["kind", "title", "unit", "organization", "held_on", "place", "chair", "chair_title", "directives", "summary", "conclusions"]
        widgets = {"summary": forms.Textarea(attrs={"rows": 4}), "conclusions": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit_choices_to_scope(self, self.user)
        self.fields["chair_title"].help_text = _("Leave empty to take the title the chair held on that date.")


class MeetingFulfilmentForm(ScopedForm):
    """The meeting is the record that meets an obligation of its unit in the year it was held (a dialogue, a review …)."""

    obligation = forms.ModelChoiceField(label=_("Obligation"), queryset=Obligation.objects.none(),
                                        help_text=_("The obligations that bind this unit in the year of the meeting."))

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["obligation"].queryset = obligations_binding(meeting.unit, self.user, meeting.held_on.year)


class MemberForm(ScopedForm):
    person = forms.ModelChoiceField(label=_("Person"), queryset=Person.objects.all())
    title = forms.CharField(label=_("Title at the time"), required=False, help_text=_("Leave empty to take the title held on the mission's date."))
    is_leader = forms.BooleanField(label=_("Mission leader"), required=False)


class AttendeeForm(ScopedForm):
    person = forms.ModelChoiceField(label=_("Person"), queryset=Person.objects.all())
    title = forms.CharField(label=_("Title at the time"), required=False, help_text=_("Leave empty to take the title held on the meeting's date."))


class TargetForm(ScopedForm):
    lookups_within = {"organization": "unit"}  # the services require the organisation to sit on the target unit

    unit = forms.ModelChoiceField(label=_("Target unit"), queryset=Unit.objects.all())
    organization = forms.ModelChoiceField(label=_("Target organisation"), queryset=Organization.objects.all(), required=False)
    received_by = forms.ModelChoiceField(label=_("Received by"), queryset=Person.objects.all(), required=False)


class FindingForm(ScopedForm):
    part = forms.ChoiceField(label=_("Part"), choices=FindingPart.choices)
    target = forms.ModelChoiceField(label=_("Target"), queryset=MissionTarget.objects.none(), required=False)
    text = forms.CharField(label=_("Text"), widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args, mission, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].queryset = mission.targets.select_related("unit", "organization")


class FollowUpForm(ScopedModelForm):
    lookups_within = {"owner_organization": "owner_unit"}  # the organisation must sit on the owner unit

    class Meta:
        model = FollowUp
        fields = ["text", "owner_unit", "owner_organization", "deadline"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}


class ProgressForm(ScopedForm):
    text = forms.CharField(label=_("Progress"), widget=forms.Textarea(attrs={"rows": 3}))
    noted_on = forms.DateField(label=_("Date"), required=False)
    file = forms.FileField(label=_("Evidence file"), required=False, validators=ProgressNote._meta.get_field("file").validators)


class TransitionForm(ScopedForm):
    to = forms.ChoiceField(label=_("New status"))
    on = forms.DateField(label=_("On"), required=False, help_text=_("The day it happened; left empty, the planned day (or today)."))
    note = forms.CharField(label=_("Note or reason"), widget=forms.Textarea(attrs={"rows": 2}), required=False)

    def __init__(self, *args, targets, dated=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to"].choices = targets
        if not any(to in dated for to, _label in targets):
            del self.fields["on"]  # no date would be kept: asking for one only to drop it misleads


class DocumentForm(ScopedForm):
    title = forms.CharField(label=_("Title"), max_length=200, required=False)
    file = forms.FileField(label=_("File"), validators=MissionDocument._meta.get_field("file").validators)


class SupervisionPlanForm(ScopedModelForm):
    class Meta:
        model = SupervisionPlan
        fields = ["title", "organization", "unit", "year"]


