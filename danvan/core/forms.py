"""Form base: every choice of a related record is limited to what the user may reach."""

from django import forms
from django.db.models.fields import BLANK_CHOICE_DASH
from django.utils.translation import gettext_lazy as _

from danvan.core.models import VersionedModel
from danvan.core.services import choosable
from danvan.core.widgets import AutocompleteSelect


class DateInput(forms.DateInput):
    input_type = "text"

    def __init__(self, attrs=None):
        super().__init__(attrs={"placeholder": "dd/mm/yyyy", "inputmode": "numeric", **(attrs or {})}, format="%d/%m/%Y")


NO_CHOICE = _("— not chosen —")


def name_the_empty_choice(field):
    """Django's "---------" reads as a glitch to an official; the empty choice says what it is."""
    if getattr(field, "empty_label", None) == BLANK_CHOICE_DASH[0][1]:
        field.empty_label = NO_CHOICE
    elif isinstance(field, forms.ChoiceField) and not isinstance(field, forms.ModelChoiceField):
        choices = list(field.choices)
        if choices and tuple(choices[0]) == BLANK_CHOICE_DASH[0]:
            field.choices = [("", NO_CHOICE), *choices[1:]]


def limit_choices_to_scope(form, user, model=None):
    """Offer only the records the services accept (``services.choosable``); dates typed dd/mm/yyyy; big tables searched.

    A form's ``lookups_within = {"owner_organization": "owner_unit"}`` makes a search box offer only the
    records on the unit chosen in the other field, as the services will require."""
    model_fields = {field.name for field in model._meta.get_fields()} if model is not None else set()
    for name, field in form.fields.items():
        queryset = getattr(field, "queryset", None)
        if queryset is not None and name in model_fields:
            allowed = choosable(user, model, name)
            if allowed is not None:
                field.queryset = allowed.filter(pk__in=queryset.values("pk")) if queryset.query.has_filters() else allowed
        elif queryset is not None and hasattr(queryset, "visible_to"):
            field.queryset = queryset.visible_to(user)
        if isinstance(field, forms.DateField):
            field.widget = DateInput()
        name_the_empty_choice(field)
        lookup = getattr(getattr(queryset, "model", None), "lookup_url_name", None)
        if lookup and isinstance(field, forms.ModelChoiceField) and not isinstance(field, forms.ModelMultipleChoiceField):
            field.widget = AutocompleteSelect(lookup, within=getattr(form, "lookups_within", {}).get(name))
            field.widget.choices = field.choices


class ScopedForm(forms.Form):
    """A plain form (a workflow step, a batch action) with the same limits as ScopedModelForm."""

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        limit_choices_to_scope(self, user)


class ScopedModelForm(forms.ModelForm):
    """Edits carry the version they were read at, so that a save never undoes someone else's change."""

    read_version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        limit_choices_to_scope(self, user, self._meta.model)
        if isinstance(self.instance, VersionedModel) and self.instance.pk:
            self.fields["read_version"].initial = self.instance.version
        else:
            del self.fields["read_version"]

    def _post_clean(self):
        super()._post_clean()
        if "read_version" in self.fields:
            self.instance.read_version = self.cleaned_data.get("read_version") or self.instance.version

    def accept_version(self, version):
        """After a clash the page shows what the other person changed; saving again keeps this user's values."""
        data = self.data.copy()
        data[self.add_prefix("read_version")] = version
        self.data = data


class ImportForm(ScopedForm):
    """The one field of every import page: the filled-in template."""

    file = forms.FileField(label=_("File (.xlsx)"), widget=forms.ClearableFileInput(attrs={"accept": ".xlsx"}))
