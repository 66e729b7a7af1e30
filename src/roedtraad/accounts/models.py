"""A login's identity at the single sign-on provider: its stable subject, stored at first login."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SingleSignOnIdentity(models.Model):
    """The provider's stable subject of a login (`oid` in Entra ID, else `sub`), per issuer.

    A person is matched by this on every later login, never again by e-mail or name, so a changed
    or reused e-mail address cannot move someone into another person's login."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sso_identity")
    issuer = models.CharField(_("udsteder"), max_length=300)
    subject = models.CharField(_("subjekt"), max_length=300)
    tenant = models.CharField(_("lejer"), max_length=100, blank=True)
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)

    class Meta:
        verbose_name = _("single sign-on-identitet")
        verbose_name_plural = _("single sign-on-identiteter")
        constraints = [models.UniqueConstraint(fields=["issuer", "subject"], name="sso_identity_unique_subject")]

    def __str__(self) -> str:
        return f"{self.issuer} {self.subject}"
