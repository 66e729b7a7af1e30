"""What is said during review: comments on goals, and requests for changes to a contract."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class GoalComment(models.Model):
    """A comment on a goal while the contract is written and reviewed ("kommentar")."""

    goal = models.ForeignKey(
        "contracts.Goal", verbose_name=_("udviklingsmål"), on_delete=models.CASCADE, related_name="comments"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("skrevet af"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField(_("kommentar"))
    created_at = models.DateTimeField(_("skrevet"), auto_now_add=True)
    resolved_at = models.DateTimeField(_("løst"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("løst af"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("kommentar til mål")
        verbose_name_plural = _("kommentarer til mål")
        ordering = ["goal", "created_at", "id"]

    def __str__(self) -> str:
        return self.text[:80]

    @property
    def is_resolved(self) -> bool:
        return self.resolved_at is not None


class ChangeRequest(models.Model):
    """A submitted contract sent back to its holder with what should be changed."""

    contract = models.ForeignKey(
        "contracts.Contract", verbose_name=_("kontrakt"), on_delete=models.CASCADE, related_name="change_requests"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sendt tilbage af"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    text = models.TextField(_("ønskede ændringer"))
    created_at = models.DateTimeField(_("sendt tilbage"), auto_now_add=True)

    class Meta:
        verbose_name = _("ønske om ændringer")
        verbose_name_plural = _("ønsker om ændringer")
        ordering = ["contract", "-created_at", "-id"]

    def __str__(self) -> str:
        return self.text[:80]
