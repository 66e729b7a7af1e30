from django.contrib import admin

from roedtraad.api.models import ApiToken


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Who has which integration's key and when it was last used; the key itself is not stored.
    An administrator may revoke a key (set «tilbagekaldt»), not make one."""

    list_display = ["name", "user", "prefix", "created_at", "last_used_at", "revoked_at"]
    list_filter = ["revoked_at"]
    search_fields = ["name", "prefix", "user__username"]
    list_select_related = ["user"]
    readonly_fields = ["user", "name", "prefix", "secret_hash", "created_at", "last_used_at"]

    def has_add_permission(self, request):
        return False  # a key is made on its user's page or with `roedtraad api-token`, shown once
