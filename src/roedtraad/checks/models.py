"""A person's judgement that overrides the automatic check of a requirement.

Overrides are never edited or deleted in normal use: a new override supersedes the
previous one, so the history of who decided what, when and why is kept.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class CheckStatus(models.TextChoices):
    MET = "met", _("Opfyldt")
    PARTIAL = "partial", _("Delvist opfyldt")
    MISSING = "missing", _("Mangler")


class RequirementOverride(models.Model):
    contract = models.ForeignKey(
        "contracts.Contract", verbose_name=_("kontrakt"), on_delete=models.CASCADE, related_name="requirement_overrides"
    )
    requirement = models.ForeignKey(
        "frameworks.Requirement", verbose_name=_("krav"), on_delete=models.CASCADE, related_name="overrides"
    )
    status = models.CharField(_("status"), max_length=10, choices=CheckStatus.choices)
    justification = models.TextField(_("begrundelse"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("skrevet af"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)

    class Meta:
        verbose_name = _("tilsidesat vurdering")
        verbose_name_plural = _("tilsidesatte vurderinger")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=~models.Q(justification=""), name="requirementoverride_has_justification"),
        ]

    def __str__(self) -> str:
        return f"{self.contract} · {self.requirement.slug}: {self.get_status_display()}"

    def clean(self) -> None:
        if not (self.justification or "").strip():
            raise ValidationError({"justification": _("Skriv en begrundelse for den ændrede vurdering.")})
        if self.contract_id and self.requirement_id:
            framework_id = self.contract.framework_id
            if framework_id and framework_id != self.requirement.framework_id:
                raise ValidationError({"requirement": _("Kravet hører til en anden DUS end kontrakten.")})
