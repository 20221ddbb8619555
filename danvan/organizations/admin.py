from django.contrib import admin

from danvan.core.admin import ModelAdmin, TabularInline
from danvan.organizations.models import Organization, OrganizationKind, OrganizationLink


@admin.register(OrganizationKind)
class OrganizationKindAdmin(ModelAdmin):
    list_display = ("name", "code", "category", "valid_from", "valid_to")
    list_filter = ("category",)
    search_fields = ("name", "code")


class OrganizationLinkInline(TabularInline):
    model = OrganizationLink
    fk_name = "organization"
    raw_id_fields = ("parent",)
    extra = 0


@admin.register(Organization)
class OrganizationAdmin(ModelAdmin):
    list_display = ("name", "kind", "unit", "valid_from", "valid_to")
    list_filter = ("kind",)
    search_fields = ("search_text",)
    raw_id_fields = ("unit", "successor")
    inlines = [OrganizationLinkInline]
