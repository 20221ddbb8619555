"""Reading batches and documents, for an administrator to look into: read-only.

Documents enter through the review queue and change only through its services (which check the
uploader's unit and record who accepted what); the admin is a window, not a way around them.
"""

from django.contrib import admin

from danvan.core.admin import ModelAdmin
from danvan.ingest.models import Batch, SourceDocument


class ReadOnlyAdmin(ModelAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Batch)
class BatchAdmin(ReadOnlyAdmin):
    list_display = ("__str__", "unit", "status", "done", "total", "created_by", "created_at")
    list_filter = ("status", "in_background")
    list_select_related = ("unit", "created_by")
    date_hierarchy = "created_at"


@admin.register(SourceDocument)
class SourceDocumentAdmin(ReadOnlyAdmin):
    list_display = ("__str__", "unit", "status", "batch", "uploaded_by", "uploaded_at")
    list_filter = ("status",)
    list_select_related = ("unit", "batch", "uploaded_by")
    search_fields = ("search_text", "original_name")
    exclude = ("text", "extraction", "search_text")
    date_hierarchy = "uploaded_at"
