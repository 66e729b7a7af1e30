"""The council's policies and budget changes, and each year's DUS with its requirements."""

from __future__ import annotations

from django.conf import settings
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


class MilestoneKind(models.TextChoices):
    """The kinds of a year's milestones (`roedtraad.core.cycle.KINDS`)."""

    DUS_ISSUED = "dus_issued", _("DUS udsendes")
    SEMINAR = "seminar", _("Kontraktholderseminar")
    DRAFT_DEADLINE = "draft_deadline", _("Frist for udkast")
    SUBMISSION = "submission", _("Frist for indsendelse")
    ENTRY = "entry", _("Frist for indgåelse")
    DIALOGUE_ROUND = "dialogue_round", _("Kontraktdialoger")
    YEAR_END = "year_end", _("Årets afslutning")
    OTHER = "other", _("Andet")


class Milestone(models.Model):
    """A date of the year's annual cycle (årshjul): the DUS's calendar as data the director edits.
    The submission and entry milestones decide who is late (`frameworks.cycle`)."""

    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="milestones")
    kind = models.CharField(_("type"), max_length=20, choices=MilestoneKind.choices, default=MilestoneKind.OTHER)
    date = models.DateField(_("dato"))
    title = models.CharField(_("titel"), max_length=200)
    description = models.TextField(_("beskrivelse"), blank=True)

    class Meta:
        verbose_name = _("milepæl")
        verbose_name_plural = _("milepæle")
        ordering = ["date", "id"]

    def __str__(self) -> str:
        return f"{self.date} {self.title}"


class CalendarFeed(models.Model):
    """A user's secret calendar address (`/kalender/<token>.ics`) that Outlook subscribes to.

    Only the SHA-256 of the token is stored: the address works like a password that never expires,
    so a database backup or a look in the admin must not give it away. The token has 256 random
    bits, so a fast hash is enough (nothing to guess), and the lookup is one indexed equality. The
    cost is that the address is shown once, when it is made; a user who lost it makes a new one,
    which revokes the old."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feeds")
    token_hash = models.CharField(_("nøglens SHA-256"), max_length=64, unique=True)
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("tilbagekaldt"), null=True, blank=True)
    last_used_at = models.DateTimeField(_("sidst hentet"), null=True, blank=True)

    class Meta:
        verbose_name = _("kalenderabonnement")
        verbose_name_plural = _("kalenderabonnementer")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user"], condition=models.Q(revoked_at__isnull=True), name="calendarfeed_one_active_per_user"
            )
        ]

    def __str__(self) -> str:
        state = "tilbagekaldt" if self.revoked_at else "aktiv"
        return f"{self.user} ({state})"
