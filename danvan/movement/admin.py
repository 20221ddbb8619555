from django.contrib import admin

from danvan.core.admin import ModelAdmin, TabularInline
from danvan.movement.models import Criterion, Field, Initiative, Phase, Recognition


@admin.register(Field)
class FieldAdmin(ModelAdmin):
    list_display = ("name", "code", "order")


@admin.register(Phase)
class PhaseAdmin(ModelAdmin):
    list_display = ("name", "start_year", "end_year")


@admin.register(Criterion)
class CriterionAdmin(ModelAdmin):
    list_display = ("name", "holder", "order", "max_score")
    list_filter = ("holder",)


class RecognitionInline(TabularInline):
    model = Recognition
    raw_id_fields = ("recognising_body", "appraisal")
    extra = 0


@admin.register(Initiative)
class InitiativeAdmin(ModelAdmin):
    """Read-mostly: registrations and their lifecycle change through the services, not here."""

    list_display = ("name", "unit", "registration_year", "status", "highest_level")
    list_filter = ("status", "kind", "holder", "phase")
    search_fields = ("search_text",)
    raw_id_fields = ("unit", "owner_organization", "owner_person")
    inlines = [RecognitionInline]
