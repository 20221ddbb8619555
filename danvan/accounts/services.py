"""Accounts: an official's own settings, and administrators managing officials' accounts.

Who may create, change, deactivate and reset whom, checked here whichever page or command asks:

- only an administrator manages accounts;
- an administrator reaches the accounts whose unit lies within their reach (``Scope``); an account
  without a unit (a national administrator) and a superuser are reached by a national administrator only;
  anything else is "not found", as for any record of another unit;
- the unit given to an account lies within the administrator's reach, so an administrator grants
  at most their own unit or one below it; the administrator role too, so a provincial administrator
  may make a district's administrator, or a colleague of the province, never one above;
- nobody grants a role above their own;
- an administrator changes neither their own unit nor their own role and never deactivates
  themselves: another administrator must do it, so that nobody locks the province out by mistake.

A new password (set or generated) is checked by Django's password validators; setting it ends the
account's API tokens (``User.save``), and deactivating an account ends them too.
"""

import secrets

from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator
from django.db import transaction
from django.http import Http404
from django.utils.translation import gettext as _

from danvan.accounts.models import User
from danvan.accounts.tokens import revoke_tokens
from danvan.core.choices import Role
from danvan.core.scoping import Scope
from danvan.core.services import require_role

# Letters and digits that cannot be misread on paper or over the phone (no 0/O, 1/l/I).
PASSWORD_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
GENERATED_LENGTH = 12


def manageable_users(admin):
    """The accounts ``admin`` may see and manage (none for anyone but an administrator)."""
    scope = Scope.for_user(admin)
    if not scope.allows(Role.ADMINISTRATOR):
        return User.objects.none()
    if scope.is_everything:
        return User.objects.all()
    return scope.filter(User.objects.filter(is_superuser=False), "unit")


def get_manageable_user(admin, pk):
    """The account ``pk`` if ``admin`` reaches it; 404 otherwise, as any record of another unit."""
    user = manageable_users(admin).filter(pk=pk).first()
    if user is None:
        raise Http404(_("No such account within your reach."))
    return user


def grantable_roles(admin):
    """The roles ``admin`` may give: theirs and those below it."""
    scope = Scope.for_user(admin)
    return [role for role in Role if scope.allows(role)]


def _ensure_grant(admin, account):
    scope = Scope.for_user(admin)
    if account.role not in Role.values or not scope.allows(account.role):
        raise ValidationError({"role": _("You cannot grant a role above your own.")})
    if account.unit_id is None:
        if not scope.is_everything:
            raise ValidationError({"unit": _("Choose the unit this official works on.")})
    elif not scope.contains(account.unit):
        raise ValidationError({"unit": _("This unit is outside the units you work on.")})


def _ensure_not_self(admin, account, stored):
    if account.pk != admin.pk:
        return
    if account.role != stored.role or account.unit_id != stored.unit_id:
        raise ValidationError(_("You cannot change your own unit or role; ask another administrator."))
    if not account.is_active:
        raise ValidationError(_("You cannot deactivate your own account; ask another administrator."))


def _save(admin, account, stored=None):
    require_role(admin, Role.ADMINISTRATOR)
    if stored is not None:
        _ensure_not_self(admin, account, stored)
    _ensure_grant(admin, account)
    account.full_clean(exclude=["password"])
    account.save()
    return account


def generate_password():
    return "".join(secrets.choice(PASSWORD_ALPHABET) for _ in range(GENERATED_LENGTH))


def _set_password(account, password):
    try:
        password_validation.validate_password(password, account)
    except ValidationError as error:
        raise ValidationError({"password": error.messages}) from error
    account.set_password(password)


@transaction.atomic
def create_user(admin, account, password=""):
    """Create ``account`` (unsaved) with ``password``, or a generated one; returns the password to hand over."""
    require_role(admin, Role.ADMINISTRATOR)
    _ensure_grant(admin, account)  # before the password: a refusal of the unit says so first
    password = password or generate_password()
    _set_password(account, password)
    _save(admin, account)
    return password


@transaction.atomic
def update_user(admin, account):
    """Save the changed name, e-mail, unit and role of an account ``admin`` reaches."""
    stored = get_manageable_user(admin, account.pk)
    return _save(admin, account, stored)


@transaction.atomic
def set_active(admin, account, active):
    """Deactivate (the official can no longer log in, their tokens end) or reactivate an account."""
    stored = get_manageable_user(admin, account.pk)
    stored.is_active = active
    _save(admin, stored, get_manageable_user(admin, account.pk))
    if not active:
        revoke_tokens(stored)
    return stored


@transaction.atomic
def reset_password(admin, account, password=""):
    """Give ``account`` a new temporary password (``password``, or a generated one) and return it.

    The old password, sessions and API tokens stop working at once."""
    stored = get_manageable_user(admin, account.pk)
    require_role(admin, Role.ADMINISTRATOR)
    password = password or generate_password()
    _set_password(stored, password)
    stored.save()
    return password


# --- one's own account (restored: this part was written by the engineer of "/accounts/me/") -------------

EMAIL_MAX_LENGTH = User._meta.get_field("email").max_length


@transaction.atomic
def update_own_settings(user, email, receives_digest):
    """The signed-in user's e-mail address and whether the daily digest comes to it."""
    email = (email or "").strip()
    if email:
        try:
            EmailValidator()(email)
        except ValidationError as error:
            raise ValidationError({"email": _("Enter an e-mail address such as ten@donvi.gov.vn.")}) from error
    user.email = email
    user.receives_digest = receives_digest
    user.save(update_fields=["email", "receives_digest"])
    return user
