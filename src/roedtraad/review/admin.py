from django.contrib import admin

from roedtraad.review.models import ChangeRequest, GoalComment


@admin.register(GoalComment)
class GoalCommentAdmin(admin.ModelAdmin):
    list_display = ["goal", "author", "created_at", "resolved_at"]
    list_filter = ["resolved_at"]
    search_fields = ["text", "goal__title"]
    raw_id_fields = ["goal"]
    readonly_fields = ["created_at"]


@admin.register(ChangeRequest)
class ChangeRequestAdmin(admin.ModelAdmin):
    list_display = ["contract", "author", "created_at"]
    search_fields = ["text", "contract__holder__name"]
    raw_id_fields = ["contract"]
    readonly_fields = ["created_at"]
