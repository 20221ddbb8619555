from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from danvan.core.audit import track
from danvan.core.choices import Role
from danvan.core.scoping import Scope


class User(AbstractUser):
    """An official who acts within one unit's subtree with one role.

    Only an administrator may have no unit: they work on the whole country.
    """

    unit = models.ForeignKey(
        "units.Unit", verbose_name=_("unit"), null=True, blank=True, on_delete=models.PROTECT, related_name="users"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.VIEWER)
    receives_digest = models.BooleanField(
        _("Receive the daily digest of my work"), default=True,
        help_text=_("An e-mail each morning listing what waits for you, only on days when something does."),
    )
    # Claimed before the mail goes out, so a second run the same day (or a parallel one) sends nothing twice.
    digest_sent_on = models.DateField(_("digest last sent on"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(unit__isnull=False) | models.Q(role=Role.ADMINISTRATOR) | models.Q(is_superuser=True),
                name="user_unit_required_unless_administrator",
                violation_error_message=_("Choose the unit this user works on; only an administrator works on the whole country."),
            ),
        ]

    @property
    def scope(self):
        return Scope.for_user(self)

    def can(self, role):
        return self.scope.allows(role)

    def save(self, *args, **kwargs):
        # set_password() leaves the new password in _password until the save (Django's own
        # save() reads it the same way): whoever changed it, the old API tokens end here.
        password_changed = self._password is not None and not self._state.adding
        super().save(*args, **kwargs)
        if password_changed:
            from danvan.accounts.tokens import revoke_tokens

            revoke_tokens(self)


track(User, exclude=("password", "last_login"))


class TokenActivity(models.Model):
    """When an API token was last used: a token idle for too long has expired (accounts/tokens.py).

    Kept beside DRF's ``Token`` rather than in it, so that DRF's model stays as it ships.
    """

    token = models.OneToOneField(
        "authtoken.Token", verbose_name=_("API token"), primary_key=True, on_delete=models.CASCADE, related_name="activity"
    )
    last_used = models.DateTimeField(_("last used"))

    class Meta:
        verbose_name = _("API token activity")
        verbose_name_plural = _("API token activity")
