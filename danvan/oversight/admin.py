from django.contrib import admin

from danvan.oversight.models import FollowUp, Meeting, Mission, SupervisionPlan


@admin.register(SupervisionPlan)
class SupervisionPlanAdmin(admin.ModelAdmin):
    search_fields = ("search_text",)
    raw_id_fields = ("unit",)


@admin.register(Mission)
class MissionAdmin(admin.ModelAdmin):
    list_display = ("__str__", "kind", "status", "unit")
    list_filter = ("kind", "status")
    search_fields = ("search_text",)
    raw_id_fields = ("unit", "leading_organization")


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ("__str__", "kind", "unit")
    list_filter = ("kind",)
    search_fields = ("search_text",)
    raw_id_fields = ("unit",)


@admin.register(FollowUp)
class FollowUpAdmin(admin.ModelAdmin):
    list_display = ("__str__", "deadline", "status")
    list_filter = ("status",)
    search_fields = ("search_text",)
    raw_id_fields = ("owner_unit", "owner_organization", "mission", "meeting")
