from django import forms
from django.utils.translation import gettext_lazy as _

from danvan.core.forms import name_the_empty_choice
from danvan.core.scoping import Scope, unit_reach
from danvan.core.widgets import AutocompleteSelect
from danvan.ingest.models import ProposedItem
from danvan.ingest.services import MAX_UPLOAD_MEGABYTES


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files at once; each is checked on its own by the service, so one bad file stops no other."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".txt,.html,.htm,.docx"}))
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if not data:
            return []
        return list(data) if isinstance(data, (list, tuple)) else [data]


class UploadForm(forms.Form):
    files = MultipleFileField(
        label=_("Files"),
        help_text=_("Text (.txt), web pages (.html) or Word (.docx), at most %(size)s MB each; choose several at once.")
        % {"size": MAX_UPLOAD_MEGABYTES},
    )
    text = forms.CharField(
        label=_("Or paste a text"), required=False, widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Separate several texts with a line holding only ---."),
    )
    unit = forms.ModelChoiceField(label=_("Unit"), queryset=None, help_text=_("The unit the documents belong to."))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        from danvan.units.models import Unit

        # Legacy units too: a legacy commune's editor files the reports of his own commune.
        self.fields["unit"].widget = AutocompleteSelect("units:lookup")
        self.fields["unit"].queryset = Unit.objects.visible_to(user).filter(level__lt=4)  # sets the widget's choices
        if user.unit_id:
            self.fields["unit"].initial = user.unit_id

    def texts(self):
        raw = self.cleaned_data.get("text") or ""
        parts, current = [], []
        for line in raw.replace("\r\n", "\n").split("\n"):
            if line.strip() == "---":
                parts.append("\n".join(current))
                current = []
            else:
                current.append(line)
        parts.append("\n".join(current))
        return [part for part in parts if part.strip()]


class CorrectionForm(forms.Form):
    """What an editor may change in an item before accepting it; ``decision`` is the button pressed."""

    decision = forms.ChoiceField(choices=ProposedItem.Decision.choices, widget=forms.HiddenInput, required=False)

    name = forms.CharField(label=_("Name"), max_length=300, required=False)
    titles = forms.CharField(label=_("Titles"), required=False, help_text=_("One per line."), widget=forms.Textarea(attrs={"rows": 2}))
    level = forms.CharField(label=_("Level word"), max_length=30, required=False)
    doc_type = forms.CharField(label=_("Type of document"), max_length=60, required=False)
    number = forms.CharField(label=_("Number and symbol"), max_length=60, required=False)
    owner = forms.CharField(label=_("Held by"), max_length=300, required=False)
    organization = forms.ModelChoiceField(label=_("Organisation"), queryset=None, required=False)
    unit = forms.ModelChoiceField(label=_("Unit"), queryset=None, required=False)

    FIELDS = {
        ProposedItem.Kind.PERSON: ["name", "titles", "organization", "unit"],
        ProposedItem.Kind.UNIT: ["level", "name", "unit"],
        ProposedItem.Kind.ORGANIZATION: ["name", "organization"],
        ProposedItem.Kind.DOCUMENT: ["doc_type", "number"],
        ProposedItem.Kind.INITIATIVE: ["name", "owner", "organization"],  # the organisation that runs it, which the draft needs
        ProposedItem.Kind.DIALOGUE: ["name", "unit", "organization"],  # where it was held, and the body holding it
        ProposedItem.Kind.HOT_CASE: ["name", "unit"],
    }

    def __init__(self, *args, item, user, **kwargs):
        values = item.values
        initial = {
            "name": values.get("name") or "", "titles": "\n".join(values.get("titles") or []),
            "level": values.get("level") or "", "doc_type": values.get("type") or "",
            "number": values.get("number") or "", "owner": values.get("owner") or "",
            "organization": item.organization_id, "unit": item.unit_id,
        }
        super().__init__(*args, initial=initial, **kwargs)
        self.item = item
        from danvan.organizations.models import Organization
        from danvan.units.models import Unit

        scope = Scope.for_user(user)
        document_unit = item.document.unit
        reach = unit_reach(document_unit)
        self.fields["organization"].queryset = scope.filter(
            Organization.objects.filter(unit__in=reach.values("pk")), "unit"
        ).select_related("unit").order_by("name")
        units = scope.filter(reach, "pk")
        if item.unit_id:
            units = units | Unit.objects.filter(pk=item.unit_id)
        self.fields["unit"].queryset = units.order_by("level", "name")
        for name in list(self.fields):
            if name not in self.FIELDS[item.kind] and name != "decision":
                del self.fields[name]
            else:
                name_the_empty_choice(self.fields[name])

    def clean_decision(self):
        decision = self.cleaned_data["decision"]
        if decision not in (ProposedItem.Decision.ACCEPTED, ProposedItem.Decision.REJECTED, ProposedItem.Decision.CORRECTED):
            raise forms.ValidationError(_("Press “Accept”, “Reject” or “Save the correction and accept”."))
        return decision

    def corrected(self):
        """The item's values as corrected, or None when the editor only accepted or rejected it."""
        data = self.cleaned_data
        if data["decision"] != ProposedItem.Decision.CORRECTED:
            return None
        kind = self.item.kind
        if kind == ProposedItem.Kind.PERSON:
            titles = [line.strip() for line in data["titles"].splitlines() if line.strip()]
            return {"name": data["name"].strip(), "titles": titles}
        if kind == ProposedItem.Kind.UNIT:
            return {"level": data["level"].strip(), "name": data["name"].strip()}
        if kind == ProposedItem.Kind.ORGANIZATION:
            return {"name": data["name"].strip()}
        if kind == ProposedItem.Kind.DOCUMENT:
            return {**self.item.data, "type": data["doc_type"].strip(), "number": data["number"].strip()}
        if kind in (ProposedItem.Kind.DIALOGUE, ProposedItem.Kind.HOT_CASE):
            return {**self.item.data, "name": data["name"].strip()}
        return {"name": data["name"].strip(), "owner": data["owner"].strip() or None}
