"""A document on its way into Rødtråd: uploaded, parsed, corrected by a person, then saved.

The parsed result is held here (not in the session), so app servers stay stateless and a bulk
import can be parsed by a task worker. The uploaded bytes are kept only until parsed.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from roedtraad.core.ingest.model import ParsedDocument


class DraftStatus(models.TextChoices):
    PENDING = "pending", _("Venter")
    PARSING = "parsing", _("Læses")
    PARSED = "parsed", _("Klar til gennemsyn")
    FAILED = "failed", _("Kunne ikke læses")
    SAVED = "saved", _("Gemt")


class ImportBatch(models.Model):
    """Several files uploaded at once and parsed by a background task."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="import_batches")
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)
    task_id = models.CharField(_("opgave"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("samlet import")
        verbose_name_plural = _("samlede importer")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.owner} {self.created_at:%Y-%m-%d %H:%M}"

    @property
    def done(self) -> bool:
        return not self.drafts.filter(status__in=[DraftStatus.PENDING, DraftStatus.PARSING]).exists()


class ImportDraft(models.Model):
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="import_drafts")
    batch = models.ForeignKey(ImportBatch, null=True, blank=True, on_delete=models.CASCADE, related_name="drafts")
    filename = models.CharField(_("fil"), max_length=300)
    status = models.CharField(_("status"), max_length=10, choices=DraftStatus.choices, default=DraftStatus.PENDING)
    error = models.CharField(_("fejl"), max_length=500, blank=True)
    data = models.BinaryField(_("filens indhold"), null=True, blank=True)
    document = models.JSONField(_("fortolket dokument"), default=dict, blank=True)
    holder = models.ForeignKey(
        "org.OrgUnit",
        verbose_name=_("kontraktholder"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    contract = models.ForeignKey(
        "contracts.Contract",
        verbose_name=_("kontrakt"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)
    updated_at = models.DateTimeField(_("ændret"), auto_now=True)

    class Meta:
        verbose_name = _("importkladde")
        verbose_name_plural = _("importkladder")
        ordering = ["-created_at", "id"]

    def __str__(self) -> str:
        return self.filename

    def parsed(self) -> ParsedDocument:
        from roedtraad.core.ingest.serialize import from_data

        return from_data(self.document)

    def store(self, doc: ParsedDocument) -> None:
        from roedtraad.core.ingest.serialize import to_data

        self.document = to_data(doc)
