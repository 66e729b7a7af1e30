"""A report's layout saved to be made again: the kind of report, its name, the measure it is
about (a committee report), the kind of period and the period it was last made for, and its
other choices (the holder of a year-end report). Made again for the next period with one click
(`reports.definitions.advance`); each user keeps their own (`rights.report_definitions_of`)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from roedtraad.core.reports.periods import Period, PeriodInvalid, nearest


class ReportKind(models.TextChoices):
    COMMITTEE = "committee", _("Udvalgsrapport")
    YEAR_END = "year_end", _("Årsafslutning")


class PeriodKind(models.TextChoices):
    QUARTER = "quarter", _("Kvartal")
    YEAR = "year", _("År")


class ReportDefinition(models.Model):
    kind = models.CharField(_("rapport"), max_length=20, choices=ReportKind.choices)
    name = models.CharField(_("navn"), max_length=200)
    indicator_key = models.SlugField(_("måltal"), max_length=50, blank=True, help_text=_("Fx sygefravaer"))
    period_kind = models.CharField(_("periode"), max_length=10, choices=PeriodKind.choices)
    period = models.CharField(_("senest lavet for"), max_length=10, help_text=_("Fx 2026Q1 eller 2026"))
    parameters = models.JSONField(_("øvrige valg"), default=dict, blank=True)  # {"holder": org unit id}
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("oprettet af"), on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)
    updated_at = models.DateTimeField(_("ændret"), auto_now=True)

    class Meta:
        verbose_name = _("gemt rapport")
        verbose_name_plural = _("gemte rapporter")
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return self.name

    @property
    def current(self) -> Period:
        """The period the report was last made for. Never raises: a stored value it cannot read
        (a year past the supported range, saved before that was checked) reads as the nearest
        period, so the reports page still opens for its maker."""
        try:
            return Period.parse(self.period)
        except PeriodInvalid:
            return nearest(self.period, self.period_kind, timezone.localdate())

    @property
    def holder_id(self) -> int | None:
        value = (self.parameters or {}).get("holder")
        return int(value) if isinstance(value, int) or (isinstance(value, str) and value.isdigit()) else None
