"""A check that a person, not a script, filled a public form, without calling any outside service (the
server may have no Internet): a signed timestamp (not too fast, not too old), a field people never see
(a honeypot robots fill in) and a small sum written out on the page."""

import random
import time

from django import forms
from django.core import signing
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

SALT = "danvan.humancheck"
MIN_SECONDS = 3  # a person reads the form and types; a script posts at once
MAX_SECONDS = 2 * 60 * 60  # a page left open longer asks again


def new_token(first=None, second=None, at=None):
    first = random.randint(1, 9) if first is None else first
    second = random.randint(1, 9) if second is None else second
    return signing.dumps({"a": first, "b": second, "t": int(time.time() if at is None else at)}, salt=SALT)


def read_token(token):
    """(first, second, issued at) of a token this server signed; None for anything else."""
    try:
        data = signing.loads(token or "", salt=SALT)
        return int(data["a"]), int(data["b"]), int(data["t"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None


class HumanCheckForm(forms.Form):
    """Mixed into a public form: ``check_token`` and ``website`` hidden, ``check_answer`` asked."""

    check_token = forms.CharField(widget=forms.HiddenInput, required=False)
    website = forms.CharField(label=gettext_lazy("Leave this field empty"), required=False, max_length=200,
                              widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}))
    check_answer = forms.IntegerField(label=gettext_lazy("Answer"), required=False, min_value=0, max_value=100)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        read = read_token(self.data.get("check_token")) if self.is_bound else None
        stale = read is None or time.time() - read[2] > MAX_SECONDS
        self.reissued = self.is_bound and stale
        if stale:
            token = new_token()
            read = read_token(token)
            if self.is_bound:  # the page shows the form again with a question it can answer
                self.data = self.data.copy()
                self.data["check_token"] = token
                self.data["check_answer"] = ""
            self.initial["check_token"] = token
        self.question = read[:2]
        self.fields["check_answer"].label = _("How much is %(first)s plus %(second)s?") % {"first": read[0], "second": read[1]}

    def clean(self):
        cleaned = super().clean()
        read = read_token(self.data.get("check_token"))
        if cleaned.get("website"):
            raise forms.ValidationError(_("The form could not be sent. Please fill it in again."))
        if self.reissued or read is None or self.question != read[:2]:
            raise forms.ValidationError(_("The form was open too long or has been altered. Please answer the question again."))
        if time.time() - read[2] < MIN_SECONDS:
            raise forms.ValidationError(_("The form was sent too quickly. Please check what you wrote and send it again."))
        if cleaned.get("check_answer") != read[0] + read[1]:
            self.add_error("check_answer", _("The answer is not right. Please add the two numbers again."))
        return cleaned
