from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from danvan.accounts.models import User
from danvan.core.admin import LifecycleReadOnlyMixin


@admin.register(User)
class UserAdmin(LifecycleReadOnlyMixin, BaseUserAdmin):
    list_display = ("username", "get_full_name", "unit", "role", "is_active")
    list_filter = ("role", "is_active")
    autocomplete_fields = ("unit",)
    fieldsets = (*BaseUserAdmin.fieldsets, (_("Scope"), {"fields": ("unit", "role")}))
