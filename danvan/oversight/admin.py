from django.contrib import admin

from danvan.core.admin import ModelAdmin
from danvan.oversight.models import FollowUp, Meeting, Mission, SupervisionPlan


@admin.register(SupervisionPlan)
class SupervisionPlanAdmin(ModelAdmin):
    search_fields = ("search_text",)
    raw_id_fields = ("unit",)


@admin.register(Mission)
class MissionAdmin(ModelAdmin):
    list_display = ("__str__", "kind", "status", "unit")
    list_filter = ("kind", "status")
    search_fields = ("search_text",)
    raw_id_fields = ("unit", "leading_organization")
    lifecycle_fields = ("started_on", "ended_on")  # set by start_mission / conclude_mission


@admin.register(Meeting)
class MeetingAdmin(ModelAdmin):
    list_display = ("__str__", "kind", "unit")
    list_filter = ("kind",)
    search_fields = ("search_text",)
    raw_id_fields = ("unit",)


@admin.register(FollowUp)
class FollowUpAdmin(ModelAdmin):
    list_display = ("__str__", "deadline", "status")
    list_filter = ("status",)
    search_fields = ("search_text",)
    raw_id_fields = ("owner_unit", "owner_organization", "mission", "meeting")
    lifecycle_fields = ("completed_on",)  # set by complete_follow_up
