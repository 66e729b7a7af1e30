from django.contrib import admin

from roedtraad.reports.models import ReportDefinition


@admin.register(ReportDefinition)
class ReportDefinitionAdmin(admin.ModelAdmin):
    """A user's saved report choices, made again for the next period from the reports page."""

    list_display = ["name", "kind", "indicator_key", "period", "created_by", "updated_at"]
    list_filter = ["kind", "period_kind"]
    search_fields = ["name", "indicator_key", "created_by__username"]
    list_select_related = ["created_by"]
