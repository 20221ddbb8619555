from django.contrib import admin

from danvan.core.admin import ModelAdmin
from danvan.directives.models import Directive, Implementation, Obligation, ObligationFulfilment


@admin.register(Directive)
class DirectiveAdmin(ModelAdmin):
    list_display = ("__str__", "issued_on", "issuer_name", "status", "unit")
    list_filter = ("doc_type", "status")
    search_fields = ("search_text", "symbol")
    raw_id_fields = ("unit", "issuing_organization")


@admin.register(Implementation)
class ImplementationAdmin(ModelAdmin):
    list_display = ("directive", "unit", "document")
    raw_id_fields = ("directive", "unit", "document")


@admin.register(Obligation)
class ObligationAdmin(ModelAdmin):
    list_display = ("__str__", "directive")
    raw_id_fields = ("directive",)


@admin.register(ObligationFulfilment)
class ObligationFulfilmentAdmin(ModelAdmin):
    list_display = ("obligation", "unit", "year")
    raw_id_fields = ("obligation", "unit")
