from django import forms
from django.utils.translation import gettext, gettext_lazy as _

from danvan.core.forms import name_the_empty_choice
from danvan.core.scoping import Scope, unit_reach
from danvan.core.widgets import AutocompleteSelect
from danvan.engagement.choices import Channel, DialogueKind
from danvan.engagement.models import MAX_OPINIONS, MAX_PEOPLE, MAX_TEXT
from danvan.ingest.models import ProposedItem
from danvan.ingest.services import MAX_UPLOAD_MEGABYTES


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files at once; each is checked on its own by the service, so one bad file stops no other."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".txt,.html,.htm,.docx,.pdf,.png,.jpg,.jpeg"}))
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if not data:
            return []
        return list(data) if isinstance(data, (list, tuple)) else [data]


class UploadForm(forms.Form):
    files = MultipleFileField(
        label=_("Files"),
        help_text=_("Text (.txt), web pages (.html), Word (.docx), PDF or scans and photos (.pdf, .png, .jpg), at most %(size)s MB each; choose several at once.")
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


def _count_field(label, limit):
    return forms.IntegerField(label=label, min_value=0, max_value=limit, required=False)


def _name_the_count(field):
    """A count refused with a message naming the field (the error list may be read away from it)."""
    label, limit = str(field.label), field.max_value
    field.error_messages = {
        **field.error_messages,
        "invalid": gettext("“%(field)s”: enter a whole number.") % {"field": label},
        "min_value": gettext("“%(field)s” cannot be negative.") % {"field": label},
        "max_value": gettext("“%(field)s”: at most %(limit)s.") % {"field": label, "limit": f"{limit:,}".replace(",", ".")},
    }


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
    date = forms.DateField(label=_("Date"), required=False, help_text=_("Empty: the document's date."),
                           widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    dialogue_kind = forms.ChoiceField(label=_("Kind of dialogue"), choices=[("", "—"), *DialogueKind.choices], required=False)
    participants = _count_field(_("participants (lượt)"), MAX_PEOPLE)
    opinions_raised = _count_field(_("opinions raised"), MAX_OPINIONS)
    opinions_answered = _count_field(_("opinions answered on the spot"), MAX_OPINIONS)
    content = forms.CharField(label=_("Content"), max_length=MAX_TEXT, required=False, widget=forms.Textarea(attrs={"rows": 3}))
    channel = forms.ChoiceField(label=_("Channel"), choices=Channel.choices, required=False)

    FIELDS = {
        ProposedItem.Kind.PERSON: ["name", "titles", "organization", "unit"],
        ProposedItem.Kind.UNIT: ["level", "name", "unit"],
        ProposedItem.Kind.ORGANIZATION: ["name", "organization"],
        ProposedItem.Kind.DOCUMENT: ["doc_type", "number"],
        ProposedItem.Kind.INITIATIVE: ["name", "owner", "organization"],  # the organisation that runs it, which the draft needs
        # where it was held, and the body holding it; what the report counts
        ProposedItem.Kind.DIALOGUE: ["name", "unit", "organization", "date", "dialogue_kind", "participants",
                                     "opinions_raised", "opinions_answered"],
        ProposedItem.Kind.HOT_CASE: ["name", "unit"],
        ProposedItem.Kind.PETITION: ["content", "channel", "unit"],  # the unit it concerns
    }

    def __init__(self, *args, item, user, **kwargs):
        values = item.values
        initial = {
            "name": values.get("name") or "", "titles": "\n".join(values.get("titles") or []),
            "level": values.get("level") or "", "doc_type": values.get("type") or "",
            "number": values.get("number") or "", "owner": values.get("owner") or "",
            "organization": item.organization_id, "unit": item.unit_id,
            "date": values.get("date") or None, "dialogue_kind": values.get("kind") or "",
            "participants": values.get("participants"), "opinions_raised": values.get("opinions_raised"),
            "opinions_answered": values.get("opinions_answered"), "content": values.get("content") or "",
            "channel": values.get("channel") or "",
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
                if isinstance(self.fields[name], forms.IntegerField):
                    _name_the_count(self.fields[name])

    def clean_decision(self):
        decision = self.cleaned_data["decision"]
        if decision not in (ProposedItem.Decision.ACCEPTED, ProposedItem.Decision.REJECTED, ProposedItem.Decision.CORRECTED):
            raise forms.ValidationError(_("Press “Accept”, “Reject” or “Save the correction and accept”."))
        return decision

    def clean(self):
        data = super().clean()
        raised, answered = data.get("opinions_raised"), data.get("opinions_answered")
        if raised is not None and answered is not None and answered > raised:
            self.add_error("opinions_answered", _("“%(answered)s” cannot be more than “%(raised)s”.")
                           % {"answered": self.fields["opinions_answered"].label, "raised": self.fields["opinions_raised"].label})
        if self.item.kind == ProposedItem.Kind.PETITION and data.get("decision") == ProposedItem.Decision.CORRECTED:
            if not (data.get("content") or "").strip():
                self.add_error("content", _("Write what the petition asks or reports."))
            if not data.get("channel"):
                self.add_error("channel", _("Choose the channel it came through."))
        return data

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
        if kind == ProposedItem.Kind.DIALOGUE:
            return {**self.item.data, "name": data["name"].strip(), "kind": data["dialogue_kind"] or "",
                    "date": data["date"].isoformat() if data["date"] else None, "participants": data["participants"],
                    "opinions_raised": data["opinions_raised"], "opinions_answered": data["opinions_answered"]}
        if kind == ProposedItem.Kind.HOT_CASE:
            return {**self.item.data, "name": data["name"].strip()}
        if kind == ProposedItem.Kind.PETITION:
            # The editor wrote one petition's content: it is no longer a count of several.
            return {**self.item.data, "content": data["content"].strip(), "channel": data["channel"], "count": None}
        return {"name": data["name"].strip(), "owner": data["owner"].strip() or None}
