"""The council's policies and budget changes, and each year's DUS with its requirements."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Policy(models.Model):
    """A policy adopted by the city council (Personalepolitik, Udviklingspolitik, …)."""

    name = models.CharField(_("navn"), max_length=200, unique=True)
    adopted_year = models.PositiveIntegerField(_("vedtaget år"), null=True, blank=True)
    description = models.TextField(_("beskrivelse"), blank=True)

    class Meta:
        verbose_name = _("politik")
        verbose_name_plural = _("politikker")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class PolicyTrack(models.Model):
    """A strategy track (strategispor) of a policy."""

    policy = models.ForeignKey(Policy, on_delete=models.CASCADE, related_name="tracks")
    number = models.PositiveIntegerField(_("nummer"), null=True, blank=True)
    title = models.CharField(_("titel"), max_length=300)

    class Meta:
        verbose_name = _("strategispor")
        verbose_name_plural = _("strategispor")
        ordering = ["policy", "number", "title"]

    def __str__(self) -> str:
        return f"{self.policy}: {self.title}"


class BudgetChange(models.Model):
    """A numbered track (spor) or change (forandring) of a budget agreement."""

    class Kind(models.TextChoices):
        TRACK = "track", _("Spor")
        CHANGE = "change", _("Forandring")

    budget = models.CharField(_("budget"), max_length=100, help_text=_("Fx «Budget 2023–2026»"))
    kind = models.CharField(_("type"), max_length=10, choices=Kind.choices)
    number = models.PositiveIntegerField(_("nummer"))
    title = models.CharField(_("titel"), max_length=300)

    class Meta:
        verbose_name = _("budgetforandring")
        verbose_name_plural = _("budgetforandringer")
        ordering = ["budget", "kind", "number"]
        constraints = [models.UniqueConstraint(fields=["budget", "kind", "number"], name="budgetchange_unique")]

    def __str__(self) -> str:
        return f"{self.budget}, {self.get_kind_display().lower()} {self.number}: {self.title}"


class Framework(models.Model):
    """The executive board's development tracks (DUS) for one contract year."""

    year = models.PositiveIntegerField(_("år"), unique=True)
    title = models.CharField(_("titel"), max_length=200)
    issued_on = models.DateField(_("udsendt"), null=True, blank=True)
    introduction = models.TextField(_("indledning"), blank=True)

    class Meta:
        verbose_name = _("DUS (direktionens udviklingsspor)")
        verbose_name_plural = _("DUS (direktionens udviklingsspor)")
        ordering = ["-year"]

    def __str__(self) -> str:
        return self.title


class Track(models.Model):
    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="tracks")
    number = models.PositiveIntegerField(_("nummer"))
    title = models.CharField(_("titel"), max_length=300)
    description = models.TextField(_("beskrivelse"), blank=True)

    class Meta:
        verbose_name = _("spor")
        verbose_name_plural = _("spor")
        ordering = ["framework", "number"]
        constraints = [models.UniqueConstraint(fields=["framework", "number"], name="track_unique_number")]

    def __str__(self) -> str:
        return f"Spor {self.number}: {self.title}"


class FocusArea(models.Model):
    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="focus_areas")
    track = models.ForeignKey(Track, null=True, blank=True, on_delete=models.SET_NULL, related_name="focus_areas")
    title = models.CharField(_("titel"), max_length=300)
    description = models.TextField(_("beskrivelse"), blank=True)

    class Meta:
        verbose_name = _("indsatsområde")
        verbose_name_plural = _("indsatsområder")
        ordering = ["framework", "id"]

    def __str__(self) -> str:
        return self.title


class Requirement(models.Model):
    """Something every contract of the year must contain ("skal fremgå"), and how it is judged.

    `judged_by` is data a person can read and change: which sections count as evidence,
    which words (Danish stems are matched), whether a numeric target is needed, and so on.
    Its keys are documented in `roedtraad.core.rules`.
    """

    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="requirements")
    slug = models.SlugField(_("kort navn"), max_length=60)
    # What a person reads (slugs stay in URLs and JSON); empty: the start of the text.
    name = models.CharField(_("navn"), max_length=120, blank=True)
    text = models.TextField(_("tekst"))
    order = models.PositiveIntegerField(_("rækkefølge"), default=0)
    judged_by = models.JSONField(_("bedømmes ud fra"), default=dict, blank=True)
    help_text = models.TextField(_("hjælpetekst til kontraktholder"), blank=True)
    retired_at = models.DateTimeField(_("udgået"), null=True, blank=True)

    class Meta:
        verbose_name = _("krav")
        verbose_name_plural = _("krav")
        ordering = ["framework", "order", "slug"]
        constraints = [models.UniqueConstraint(fields=["framework", "slug"], name="requirement_unique_slug")]

    def __str__(self) -> str:
        return f"{self.framework.year} {self.display_name}"

    @property
    def display_name(self) -> str:
        from roedtraad.core.rules.catalogue import catalogue_name, name_from_text

        return self.name or catalogue_name(self.slug) or name_from_text(self.text) or self.slug
