"""An export asked for in the web app and made by the task worker.

The finished file is kept in the database, not on an app server's disk: app servers are
stateless and several run behind one load balancer, so whichever server gets the download must
find the file. Files are dropped after `exports.jobs.KEEP` (the job row with them)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ExportFormat(models.TextChoices):
    DOCX = "docx", _("Word (DOCX)")
    PDF = "pdf", _("PDF")
    XLSX = "xlsx", _("Regneark (XLSX)")


class ExportStatus(models.TextChoices):
    QUEUED = "queued", _("I kø")
    RUNNING = "running", _("I gang")
    DONE = "done", _("Færdig")
    FAILED = "failed", _("Mislykkedes")


class ExportJob(models.Model):
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="export_jobs")
    format = models.CharField(_("format"), max_length=4, choices=ExportFormat.choices)
    year = models.PositiveSmallIntegerField(_("år"))
    # Only this holder's contract; none: every contract of the year the owner may read.
    holder = models.ForeignKey(
        "org.OrgUnit",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("kontraktholder"),
    )
    one_file_per_contract = models.BooleanField(_("én fil pr. kontrakt (ZIP)"), default=False)
    status = models.CharField(_("status"), max_length=10, choices=ExportStatus.choices, default=ExportStatus.QUEUED)
    done = models.PositiveIntegerField(_("kontrakter færdige"), default=0)
    total = models.PositiveIntegerField(_("kontrakter i alt"), default=0)
    result = models.BinaryField(null=True, editable=False)
    result_name = models.CharField(_("filnavn"), max_length=200, blank=True)
    error = models.TextField(_("fejl"), blank=True)  # in Danish, for the owner; never a traceback
    task_id = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("eksport")
        verbose_name_plural = _("eksporter")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_format_display()} {self.year}"

    @property
    def busy(self) -> bool:
        return self.status in (ExportStatus.QUEUED, ExportStatus.RUNNING)

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0
