"""Formats, their elements, types, templates and terms: catalogues an administrator edits as guides change."""

from django.contrib import admin

from danvan.core.admin import ModelAdmin, TabularInline
from danvan.core.documents.models import Document, DocumentFormat, DocumentTemplate, DocumentType, FormatElement, Term


class FormatElementInline(TabularInline):
    model = FormatElement
    extra = 0


@admin.register(DocumentFormat)
class DocumentFormatAdmin(ModelAdmin):
    list_display = ("code", "name", "national_title", "numbering", "font_name")
    inlines = [FormatElementInline]


@admin.register(DocumentType)
class DocumentTypeAdmin(ModelAdmin):
    list_display = ("code", "name", "abbreviation", "layout", "landscape")
    filter_horizontal = ("formats",)


@admin.register(DocumentTemplate)
class DocumentTemplateAdmin(ModelAdmin):
    list_display = ("type", "format", "file")


@admin.register(Term)
class TermAdmin(ModelAdmin):
    list_display = ("name", "starts_on")


@admin.register(Document)
class DocumentAdmin(ModelAdmin):
    """Read only: an issued document is never changed (a correction is a new document)."""

    list_display = ("symbol", "issued_on", "type", "issuer", "summary")
    search_fields = ("symbol", "summary")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
