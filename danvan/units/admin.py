from django.contrib import admin

from danvan.core.admin import ModelAdmin
from danvan.units.models import Unit, UnitSuccession


@admin.register(Unit)
class UnitAdmin(ModelAdmin):
    list_display = ("name", "type", "level", "code", "valid_from", "valid_to")
    list_filter = ("level", "type")
    search_fields = ("search_text", "code")
    raw_id_fields = ("parent",)
    readonly_fields = ("official_key", "path")


@admin.register(UnitSuccession)
class UnitSuccessionAdmin(ModelAdmin):
    list_display = ("predecessor", "successor", "kind", "date")
    raw_id_fields = ("predecessor", "successor")
