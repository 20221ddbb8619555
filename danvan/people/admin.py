from django.contrib import admin

from danvan.core.admin import ModelAdmin, TabularInline
from danvan.people.models import Person, Position


class PositionInline(TabularInline):
    model = Position
    raw_id_fields = ("organization",)
    extra = 0


@admin.register(Person)
class PersonAdmin(ModelAdmin):
    list_display = ("full_name", "unit")
    search_fields = ("search_text",)
    raw_id_fields = ("unit", "residence_hamlet")
    inlines = [PositionInline]
