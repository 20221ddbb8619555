from django.contrib import admin

from danvan.core.admin import ModelAdmin, TabularInline
from danvan.reporting.models import FormDeadline, Indicator, ReportForm, ReportingPeriod, Submission


@admin.register(Indicator)
class IndicatorAdmin(ModelAdmin):
    list_display = ("code", "name", "unit_of_measure", "aggregation", "source")
    list_filter = ("aggregation", "source")
    search_fields = ("code", "name")


class FormDeadlineInline(TabularInline):
    model = FormDeadline


@admin.register(ReportForm)
class ReportFormAdmin(ModelAdmin):
    list_display = ("code", "name", "period_type", "first_year")
    filter_horizontal = ("indicators", "organization_kinds")
    inlines = [FormDeadlineInline]


@admin.register(ReportingPeriod)
class ReportingPeriodAdmin(ModelAdmin):
    list_display = ("form", "start", "end")
    list_filter = ("form",)


@admin.register(Submission)
class SubmissionAdmin(ModelAdmin):
    list_display = ("__str__", "status", "deadline", "first_submitted_on")
    list_filter = ("status", "form")
    raw_id_fields = ("unit", "organization", "period")
