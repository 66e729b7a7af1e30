from django.contrib import admin

from roedtraad.exports.models import ExportJob


@admin.register(ExportJob)
class ExportJobAdmin(admin.ModelAdmin):
    """Export jobs and how they went; the files are for their owners only, so not shown here.
    Jobs are started on the export page and removed after a week (`roedtraad forget_exports`)."""

    list_display = ["pk", "owner", "format", "year", "status", "done", "total", "created_at", "finished_at"]
    list_filter = ["status", "format", "year"]
    search_fields = ["owner__username", "result_name"]
    list_select_related = ["owner"]
    exclude = ["result"]
    readonly_fields = [
        "owner",
        "format",
        "year",
        "holder",
        "one_file_per_contract",
        "status",
        "done",
        "total",
        "result_name",
        "error",
        "task_id",
        "finished_at",
    ]

    def has_add_permission(self, request):
        return False
