from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from danvan.core.audit import track
from danvan.core.choices import Role
from danvan.core.scoping import Scope


class User(AbstractUser):
    """An official who acts within one unit's subtree with one role.

    A user with no unit works on the whole country (national administrators).
    """

    unit = models.ForeignKey(
        "units.Unit", verbose_name=_("unit"), null=True, blank=True, on_delete=models.PROTECT, related_name="users"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.VIEWER)

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    @property
    def scope(self):
        return Scope.for_user(self)

    def can(self, role):
        return self.scope.allows(role)


track(User, exclude=("password", "last_login"))
