from django.contrib import admin

from danvan.people.models import Person, Position


class PositionInline(admin.TabularInline):
    model = Position
    raw_id_fields = ("organization",)
    extra = 0


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ("full_name", "unit")
    search_fields = ("search_text",)
    raw_id_fields = ("unit",)
    inlines = [PositionInline]
