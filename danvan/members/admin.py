from django.contrib import admin

from danvan.core.admin import ModelAdmin, TabularInline
from danvan.members.models import EligiblePopulation, Membership, MembershipPlacement, MembershipRule


class PlacementInline(TabularInline):
    model = MembershipPlacement
    extra = 0
    raw_id_fields = ("branch",)


@admin.register(Membership)
class MembershipAdmin(ModelAdmin):
    list_display = ("person", "kind", "branch", "joined", "left", "is_core")
    list_filter = ("kind", "is_core", "leave_reason")
    raw_id_fields = ("person", "branch")
    inlines = [PlacementInline]


@admin.register(MembershipRule)
class MembershipRuleAdmin(ModelAdmin):
    list_display = ("kind", "minimum_age")


@admin.register(EligiblePopulation)
class EligiblePopulationAdmin(ModelAdmin):
    list_display = ("kind", "unit", "year", "count")
    list_filter = ("kind", "year")
    raw_id_fields = ("unit",)
