"""The forms an administrator manages accounts with; every rule is the service's (``accounts.services``)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from danvan.accounts import services
from danvan.accounts.models import User
from danvan.core.forms import ScopedForm, ScopedModelForm

PASSWORD_HELP = _("Leave empty and the system makes one; either way it is shown once, to hand to the official.")


def _password_field(label):
    return forms.CharField(label=label, required=False, strip=False, max_length=128, help_text=PASSWORD_HELP,
                           widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}))


class AccountForm(ScopedModelForm):
    """Name, e-mail, unit (within the administrator's reach) and role (up to the administrator's own)."""

    class Meta:
        model = User
        fields = ["first_name", "last_name", "email", "unit", "role"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.fields["role"].choices = [(role.value, role.label) for role in services.grantable_roles(user)]
        self.fields["unit"].help_text = _("Only units within your reach are offered.")


class NewAccountForm(AccountForm):
    password = _password_field(_("Temporary password"))

    class Meta(AccountForm.Meta):
        fields = ["username", *AccountForm.Meta.fields]


class ActiveForm(ScopedForm):
    """Deactivate or reactivate: the page says which, the button does it."""


class PasswordResetForm(ScopedForm):
    password = _password_field(_("New temporary password"))
