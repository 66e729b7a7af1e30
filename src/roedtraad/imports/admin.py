from django.contrib import admin

from roedtraad.imports.models import ImportBatch, ImportDraft


@admin.register(ImportBatch)
class ImportBatchAdmin(admin.ModelAdmin):
    list_display = ["pk", "owner", "created_at", "task_id"]
    search_fields = ["owner__username", "task_id"]
    list_select_related = ["owner"]


@admin.register(ImportDraft)
class ImportDraftAdmin(admin.ModelAdmin):
    list_display = ["filename", "owner", "status", "holder", "contract", "created_at"]
    list_filter = ["status"]
    search_fields = ["filename", "owner__username", "holder__name"]
    list_select_related = ["owner", "holder", "contract", "contract__holder"]
    raw_id_fields = ["batch", "contract"]
    # The uploaded bytes are kept only until parsed; never shown or edited here.
    exclude = ["data"]
