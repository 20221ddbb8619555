from django.contrib import admin

from danvan.core.admin import ModelAdmin
from danvan.engagement.models import Dialogue, Petition, PetitionField, PetitionKind


@admin.register(Dialogue)
class DialogueAdmin(ModelAdmin):
    list_display = ("__str__", "kind", "unit", "date")
    list_filter = ("kind",)
    search_fields = ("search_text",)
    raw_id_fields = ("unit", "chair")


@admin.register(PetitionField)
class PetitionFieldAdmin(ModelAdmin):
    list_display = ("name", "order")


@admin.register(PetitionKind)
class PetitionKindAdmin(ModelAdmin):
    list_display = ("name", "time_limit_days", "legal_basis", "own_law")


@admin.register(Petition)
class PetitionAdmin(ModelAdmin):
    list_display = ("__str__", "unit", "status", "deadline")
    list_filter = ("status", "kind")
    search_fields = ("search_text",)
    raw_id_fields = ("unit", "dialogue", "assigned_to")
    exclude = Petition.PERSONAL_FIELDS  # seen on the petition's page, where each read is logged
    lifecycle_fields = ("answer", "answered_on", "satisfaction")  # set by answer_petition / close_petition
