from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class AdminConfig(admin_apps.AdminConfig):
    """Django's admin with our site (core/admin.py): for administrators only."""

    default = False  # listed by its path in INSTALLED_APPS; "danvan.core" stays CoreConfig
    default_site = "danvan.core.admin.AdministratorSite"


class CoreConfig(AppConfig):
    name = "danvan.core"
    label = "core"
    verbose_name = _("Core")
