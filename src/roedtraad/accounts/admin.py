from django.contrib import admin

from roedtraad.accounts.models import SingleSignOnIdentity


@admin.register(SingleSignOnIdentity)
class SingleSignOnIdentityAdmin(admin.ModelAdmin):
    """Read-only: an identity is stored at a person's first single sign-on; deleting it lets the
    next login be matched afresh (by a verified e-mail) — the way to move a login to a new account."""

    list_display = ("user", "issuer", "subject", "tenant", "created_at")
    search_fields = ("user__username", "subject")
    readonly_fields = ("user", "issuer", "subject", "tenant", "created_at")

    def has_add_permission(self, request) -> bool:
        return False
