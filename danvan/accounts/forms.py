from django import forms
from django.utils.translation import gettext_lazy as _

from danvan.accounts.models import User
from danvan.accounts.services import EMAIL_MAX_LENGTH


class OwnSettingsForm(forms.Form):
    """What a user sets on their own account; the service checks it (a plain form, so the page edits no one but them)."""

    email = forms.CharField(label=_("E-mail address"), max_length=EMAIL_MAX_LENGTH, required=False,
                            widget=forms.EmailInput(attrs={"autocomplete": "email"}),
                            error_messages={"max_length": _("Enter an e-mail address such as ten@donvi.gov.vn.")})
    receives_digest = forms.BooleanField(label=User._meta.get_field("receives_digest").verbose_name, required=False,
                                         help_text=User._meta.get_field("receives_digest").help_text)
