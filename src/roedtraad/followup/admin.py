from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from roedtraad.followup.models import FollowUpEntry, Indicator, Measurement, PlannedFollowUp, Target


class TargetInline(admin.TabularInline):
    model = Target
    extra = 0


@admin.register(Indicator)
class IndicatorAdmin(SimpleHistoryAdmin):
    list_display = ["name", "org_unit", "key", "unit", "aggregation", "baseline_value"]
    list_filter = ["key", "aggregation"]
    search_fields = ["name", "org_unit__name"]
    list_select_related = ["org_unit"]
    raw_id_fields = ["goal"]
    inlines = [TargetInline]


@admin.register(Target)
class TargetAdmin(SimpleHistoryAdmin):
    list_display = ["indicator", "period_start", "period_end", "value"]
    search_fields = ["indicator__name", "indicator__org_unit__name"]
    list_select_related = ["indicator", "indicator__org_unit"]


@admin.register(Measurement)
class MeasurementAdmin(SimpleHistoryAdmin):
    list_display = ["indicator", "period", "value", "source", "imported_at"]
    list_filter = ["indicator__key", "source"]
    search_fields = ["indicator__name", "indicator__org_unit__name"]
    list_select_related = ["indicator", "indicator__org_unit"]
    date_hierarchy = "period"


@admin.register(FollowUpEntry)
class FollowUpEntryAdmin(SimpleHistoryAdmin):
    list_display = ["goal", "date", "forum", "status", "author"]
    list_filter = ["status", "forum"]
    search_fields = ["text", "goal__title", "forum"]
    list_select_related = ["goal", "author"]
    raw_id_fields = ["goal"]


@admin.register(PlannedFollowUp)
class PlannedFollowUpAdmin(admin.ModelAdmin):
    list_display = ["date", "kind", "contract", "goal", "forum", "done"]
    list_filter = ["kind", "done"]
    search_fields = ["forum", "description", "contract__holder__name"]
    list_select_related = ["contract", "contract__holder", "goal"]
    raw_id_fields = ["contract", "goal"]
