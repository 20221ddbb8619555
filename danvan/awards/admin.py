from django.contrib import admin

from danvan.core.admin import ModelAdmin, TabularInline
from danvan.awards.models import CommendationDecision, CommendationForm, CommendationProposal, ProposedRecipient, Recipient


@admin.register(CommendationForm)
class CommendationFormAdmin(ModelAdmin):
    list_display = ("name", "code", "order")


class RecipientInline(TabularInline):
    model = Recipient
    raw_id_fields = ("organization", "person", "initiative")
    extra = 0


@admin.register(CommendationDecision)
class CommendationDecisionAdmin(ModelAdmin):
    list_display = ("number", "date", "issuing_body", "form")
    search_fields = ("search_text",)
    raw_id_fields = ("issuing_body",)
    inlines = [RecipientInline]


class ProposedRecipientInline(RecipientInline):
    model = ProposedRecipient


@admin.register(CommendationProposal)
class CommendationProposalAdmin(ModelAdmin):
    list_display = ("proposing_body", "addressed_to", "date", "status")
    raw_id_fields = ("proposing_body", "addressed_to", "decision")
    inlines = [ProposedRecipientInline]
