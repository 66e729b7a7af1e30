"""The keys (tokens) integrations call the API with: one per integration, each with exactly the
rights of the user it belongs to."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ApiToken(models.Model):
    """An integration's key (`Authorization: Bearer rt_<prefix>_<secret>`).

    Only the SHA-256 of the whole token is stored, like `CalendarFeed`: the token works like a
    password, so a database backup or a look in the admin must not give it away. The secret has
    256 random bits, so a fast hash is enough. The short `prefix` is public: it finds the row and
    tells the user which of their keys a log line or an integration's setting means."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("navn"), max_length=100, help_text=_("Hvilken integration nøglen er til, fx «Targit»"))
    prefix = models.CharField(_("begyndelse"), max_length=16, unique=True)
    secret_hash = models.CharField(_("nøglens SHA-256"), max_length=64)
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("sidst brugt"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("tilbagekaldt"), null=True, blank=True)

    class Meta:
        verbose_name = _("API-nøgle")
        verbose_name_plural = _("API-nøgler")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def active(self) -> bool:
        return self.revoked_at is None
