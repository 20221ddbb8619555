from django.contrib import admin

from danvan.core.admin import ModelAdmin
from danvan.engagement.models import Dialogue


@admin.register(Dialogue)
class DialogueAdmin(ModelAdmin):
    list_display = ("__str__", "kind", "unit", "date")
    list_filter = ("kind",)
    search_fields = ("search_text",)
    raw_id_fields = ("unit", "chair")
