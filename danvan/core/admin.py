"""The admin site: for administrators only, and never a way around the workflows.

Every app's admin classes derive from ``ModelAdmin`` / ``TabularInline`` here, which
show a record's lifecycle fields read-only: its ``status`` (changed only through
the workflow, which records who, when and why) and the fields the services derive
(``editable=False`` on the model, such as an initiative's ``highest_level``). An admin
class adds fields of its own to ``lifecycle_fields``.
"""

from django.contrib import admin

from danvan.core.choices import Role

# Fields that hold the lifecycle wherever a model has them.
STATUS_FIELDS = ("status",)
# Internal bookkeeping, not worth showing.
HIDDEN_FIELDS = ("search_text",)


class AdministratorSite(admin.AdminSite):
    """Django's admin, for the administrator role (or a superuser) only, even when ``is_staff`` is set.

    The admin site is not scoped by unit, so anyone else could reach the whole country through it.
    """

    def has_permission(self, request):
        user = request.user
        return super().has_permission(request) and (user.is_superuser or user.role == Role.ADMINISTRATOR)


def lifecycle_fields_of(model):
    """The status and every derived field of ``model``, in the model's order."""
    return tuple(
        field.name
        for field in model._meta.concrete_fields
        if not field.primary_key
        and field.name not in HIDDEN_FIELDS
        and (field.name in STATUS_FIELDS or not field.editable)
    )


class LifecycleReadOnlyMixin:
    lifecycle_fields = ()

    def get_readonly_fields(self, request, obj=None):
        declared = tuple(super().get_readonly_fields(request, obj))
        found = lifecycle_fields_of(self.model) + tuple(self.lifecycle_fields)
        return declared + tuple(name for name in dict.fromkeys(found) if name not in declared)


class ModelAdmin(LifecycleReadOnlyMixin, admin.ModelAdmin):
    pass


class TabularInline(LifecycleReadOnlyMixin, admin.TabularInline):
    pass

# The catalogues of official documents (formats, types, templates, terms).
from danvan.core.documents import admin as documents_admin  # noqa: E402,F401
