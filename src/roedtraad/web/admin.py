from django.contrib import admin

from roedtraad.web.models import ContentVersion


@admin.register(ContentVersion)
class ContentVersionAdmin(admin.ModelAdmin):
    """Read-only: the token is replaced by the application on every change (web/pagecache.py)."""

    list_display = ("token", "changed_at")
    search_fields = ("token",)

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
