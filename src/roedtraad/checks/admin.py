from django.contrib import admin

from roedtraad.checks.models import RequirementOverride


@admin.register(RequirementOverride)
class RequirementOverrideAdmin(admin.ModelAdmin):
    list_display = ["contract", "requirement", "status", "author", "created_at"]
    list_filter = ["status", "requirement__slug", "contract__year"]
    search_fields = ["contract__holder__name", "justification"]
    readonly_fields = ["author", "created_at"]
    autocomplete_fields = []

    def save_model(self, request, obj, form, change):
        if not change:
            obj.author = request.user
        super().save_model(request, obj, form, change)
