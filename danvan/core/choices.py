"""Choices shared by several apps, declared once."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    """What a user may do inside their unit subtree; each role includes the ones before it."""

    VIEWER = "viewer", _("Viewer")
    EDITOR = "editor", _("Editor")
    APPROVER = "approver", _("Approver")
    ADMINISTRATOR = "administrator", _("Administrator")

    @classmethod
    def rank(cls, role):
        return list(cls.values).index(role)


class Level(models.IntegerChoices):
    """Administrative level of a unit (cấp)."""

    PROVINCE = 1, _("Province")
    DISTRICT = 2, _("District")
    COMMUNE = 3, _("Commune")
    HAMLET = 4, _("Hamlet")


class HolderKind(models.TextChoices):
    """Who holds an initiative or receives a commendation: a collective (tập thể) or an individual (cá nhân)."""

    COLLECTIVE = "collective", _("Collective")
    INDIVIDUAL = "individual", _("Individual")
