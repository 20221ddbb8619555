from django import forms
from django.utils.translation import gettext_lazy as _

from danvan.core.forms import ScopedForm, ScopedModelForm
from danvan.people import services
from danvan.people.models import Person, Position


class PersonForm(ScopedModelForm):
    """The citizen ID, ethnicity and religion are read and written only with ``people.view_personal_data``: an edit
    form would show them to anyone who may edit."""

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        if not services.may_see_personal_data(user):
            for name in services.GATED_FIELDS:
                del self.fields[name]

    class Meta:
        model = Person
        fields = ["full_name", "gender", "birth_date", "birth_year", "ethnicity", "religion", "occupation_group", "citizen_id", "unit",
                  "residence_hamlet", "note"]


class PositionForm(ScopedModelForm):
    class Meta:
        model = Position
        fields = ["organization", "title", "valid_from", "valid_to"]


class DuplicateDecisionForm(ScopedForm):
    """What an official decides of a pair of possible duplicates."""

    KEEP_FIRST, KEEP_SECOND, DIFFERENT = "keep_first", "keep_second", "different"

    decision = forms.ChoiceField(label=_("Decision"), widget=forms.RadioSelect)

    def __init__(self, *args, candidate, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decision"].choices = [
            (self.KEEP_FIRST, _("The same person: keep %(person)s (%(unit)s) and merge the other into it")
             % {"person": candidate.first, "unit": candidate.first.unit}),
            (self.KEEP_SECOND, _("The same person: keep %(person)s (%(unit)s) and merge the other into it")
             % {"person": candidate.second, "unit": candidate.second.unit}),
            (self.DIFFERENT, _("Different persons: do not propose them again")),
        ]
