"""Indicators with targets and measurements, follow-up entries and planned follow-ups."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from roedtraad.core.followup.definitions import PRESETS


class Direction(models.TextChoices):
    LOWER_IS_BETTER = "down", _("Lavere er bedre")
    HIGHER_IS_BETTER = "up", _("Højere er bedre")


class Aggregation(models.TextChoices):
    ROLLING_12_MONTHS = "rolling_12m", _("Løbende 12 måneder")
    MONTH = "month", _("Måned")
    QUARTER = "quarter", _("Kvartal")
    YEAR = "year", _("År")


DEFINITION_CHOICES = [(d.key, f"{d.label}: {d.formula}") for d in PRESETS.values()] + [
    ("other", _("Anden definition (se beskrivelsen)"))
]

# How often a new figure is expected, by aggregation (a rolling 12-month figure is new each month).
RHYTHM_MONTHS = {"month": 1, "rolling_12m": 1, "quarter": 3, "year": 12}


class Indicator(models.Model):
    """A measure for one org unit (sick leave in Centre X), optionally tied to a goal."""

    key = models.SlugField(
        _("måling"), max_length=60, help_text=_("Samme nøgle for samme måling på tværs af enheder, fx «sygefravaer»")
    )
    name = models.CharField(_("navn"), max_length=200)
    unit = models.CharField(_("enhed"), max_length=30, default="%")
    direction = models.CharField(
        _("retning"), max_length=4, choices=Direction.choices, default=Direction.LOWER_IS_BETTER
    )
    aggregation = models.CharField(
        _("opgørelse"), max_length=20, choices=Aggregation.choices, default=Aggregation.MONTH
    )
    org_unit = models.ForeignKey(
        "org.OrgUnit", verbose_name=_("enhed"), on_delete=models.PROTECT, related_name="indicators"
    )
    goal = models.ForeignKey(
        "contracts.Goal",
        verbose_name=_("udviklingsmål"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="indicators",
    )
    definition = models.CharField(
        _("definition"),
        max_length=20,
        choices=DEFINITION_CHOICES,
        blank=True,
        help_text=_("Hvordan tallet er opgjort; tal med forskellig definition kan ikke sammenlignes"),
    )
    definition_note = models.CharField(_("beskrivelse af definitionen"), max_length=500, blank=True)
    baseline_value = models.DecimalField(_("udgangspunkt"), max_digits=12, decimal_places=4, null=True, blank=True)
    baseline_period = models.CharField(_("udgangspunktets periode"), max_length=60, blank=True)
    valid_from = models.DateField(_("måles fra"))
    valid_to = models.DateField(_("måles til"), null=True, blank=True)
    source = models.CharField(_("datakilde"), max_length=200, blank=True)
    # The same unit's measure for last year's goal, when next year's contract was started from it
    # (`contracts.next_year`): its values come before this one's in the series a forecast reads.
    continues_from = models.OneToOneField(
        "self",
        verbose_name=_("fortsætter"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="continued_by",
    )
    # Optimistic locking: a change based on an older version is refused (followup.entries, the admin).
    version = models.PositiveIntegerField(_("version"), default=1)
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        verbose_name = _("indikator")
        verbose_name_plural = _("indikatorer")
        ordering = ["key", "org_unit__name"]
        # One indicator per unit and measure at a time: a year's goal may follow the measure on
        # from last year's (`continues_from`), from its own first day.
        constraints = [
            models.UniqueConstraint(fields=["key", "org_unit", "valid_from"], name="indicator_unique_key_per_unit")
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.org_unit})"

    @property
    def rhythm_months(self) -> int:
        return RHYTHM_MONTHS.get(self.aggregation, 1)

    @property
    def lower_is_better(self) -> bool:
        return self.direction == Direction.LOWER_IS_BETTER

    def covers(self, period: dt.date) -> bool:
        if period < self.valid_from:
            return False
        return self.valid_to is None or period <= self.valid_to


class Target(models.Model):
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="targets")
    period_start = models.DateField(_("periode fra"))
    period_end = models.DateField(_("periode til"))
    value = models.DecimalField(_("måltal"), max_digits=12, decimal_places=4)
    text = models.TextField(_("formulering"), blank=True)
    long_term = models.BooleanField(_("på sigt"), default=False, help_text=_("Et langsigtet mål uden fast år"))
    # Optimistic locking: a change based on an older version is refused (followup.entries, the admin).
    version = models.PositiveIntegerField(_("version"), default=1)
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        verbose_name = _("måltal")
        verbose_name_plural = _("måltal")
        ordering = ["indicator", "period_start"]

    def __str__(self) -> str:
        return f"{self.indicator}: {self.value} ({self.period_start:%Y-%m}–{self.period_end:%Y-%m})"

    def clean(self) -> None:
        if self.period_end < self.period_start:
            raise ValidationError({"period_end": _("Perioden slutter før den begynder.")})


class Measurement(models.Model):
    # No index of its own: the unique (indicator, period) index serves every lookup by indicator,
    # and a second index made each imported row dearer to insert (benchmarks/README.md, follow-up).
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="measurements", db_index=False)
    period = models.DateField(_("periode"), help_text=_("Første dag i måneden målingen gælder"))
    value = models.DecimalField(_("værdi"), max_digits=12, decimal_places=4)
    # The parts of a ratio (absence days ÷ possible days) when the export has them: a rolling
    # figure is then weighted by them, and a unit's size is known for suppression.
    numerator = models.DecimalField(_("tæller"), max_digits=14, decimal_places=4, null=True, blank=True)
    denominator = models.DecimalField(_("nævner"), max_digits=14, decimal_places=4, null=True, blank=True)
    headcount = models.DecimalField(_("antal medarbejdere"), max_digits=10, decimal_places=2, null=True, blank=True)
    approximate = models.BooleanField(
        _("tilnærmet"), default=False, help_text=_("Beregnet som gennemsnit af månedstal uden vægte")
    )
    source = models.CharField(_("kilde"), max_length=200, blank=True)
    imported_at = models.DateTimeField(_("importeret"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("måling")
        verbose_name_plural = _("målinger")
        ordering = ["indicator", "period"]
        constraints = [models.UniqueConstraint(fields=["indicator", "period"], name="measurement_unique_period")]

    def __str__(self) -> str:
        return f"{self.indicator} {self.period:%Y-%m}: {self.value}"

    def clean(self) -> None:
        if self.indicator_id and self.period and not self.indicator.covers(self.period):
            raise ValidationError(
                {"period": _("Perioden %(period)s ligger uden for indikatorens måleperiode.")},
                code="period_out_of_range",
                params={"period": self.period.isoformat()},
            )

    def save(self, *args, **kwargs):
        self.clean()
        super().save(*args, **kwargs)


class RagStatus(models.TextChoices):
    GREEN = "green", _("Grøn – på sporet")
    AMBER = "amber", _("Gul – opmærksomhed")
    RED = "red", _("Rød – ikke på sporet")


class FollowUpEntry(models.Model):
    goal = models.ForeignKey("contracts.Goal", on_delete=models.CASCADE, related_name="follow_ups")
    date = models.DateField(_("dato"))
    forum = models.CharField(_("forum"), max_length=200, help_text=_("Fx ledergruppen, LMU, TRIO, kontraktdialog"))
    status = models.CharField(_("status"), max_length=10, choices=RagStatus.choices)
    text = models.TextField(_("tekst"))
    author = models.ForeignKey(
        "org.Person", verbose_name=_("skrevet af"), null=True, blank=True, on_delete=models.SET_NULL
    )
    # The goal's indicators' status when the entry was written ([{"id", "name", "unit", "status"}]),
    # so the entry is read beside what the figures said then.
    indicator_status = models.JSONField(_("måltallenes status"), default=list, blank=True)
    # Optimistic locking: a change based on an older version is refused (followup.entries, the admin).
    version = models.PositiveIntegerField(_("version"), default=1)
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        verbose_name = _("opfølgning")
        verbose_name_plural = _("opfølgninger")
        ordering = ["goal", "-date"]

    def __str__(self) -> str:
        return f"{self.date} {self.forum}: {self.get_status_display()}"


class PlannedFollowUp(models.Model):
    class Kind(models.TextChoices):
        CONTRACT_DIALOGUE = "dialogue", _("Kontraktdialog")
        MEETING = "meeting", _("Møde i forum")
        INDICATOR_REVIEW = "indicators", _("Gennemgang af måltal")

    contract = models.ForeignKey("contracts.Contract", on_delete=models.CASCADE, related_name="planned_follow_ups")
    goal = models.ForeignKey(
        "contracts.Goal", null=True, blank=True, on_delete=models.CASCADE, related_name="planned_follow_ups"
    )
    date = models.DateField(_("dato"))
    kind = models.CharField(_("type"), max_length=12, choices=Kind.choices, default=Kind.MEETING)
    forum = models.CharField(_("forum"), max_length=200, blank=True)
    description = models.CharField(_("beskrivelse"), max_length=500, blank=True)
    done = models.BooleanField(_("holdt"), default=False)

    class Meta:
        verbose_name = _("planlagt opfølgning")
        verbose_name_plural = _("planlagte opfølgninger")
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date} {self.get_kind_display()}"

    @property
    def label(self) -> str:
        """The kind, then the forum in brackets unless it only repeats the kind ("Kontraktdialog")."""
        kind = str(self.get_kind_display())
        forum = self.forum.strip()
        if not forum or forum.casefold() == kind.casefold():
            return kind
        return f"{kind} ({forum})"


class ContractDialogue(models.Model):
    """A contract dialogue (kontraktdialog) of the director, the head of area and the holder: its
    date and place in the calendar are its planned follow-up; after the meeting, its minutes and
    the entries and activities agreed (`followup.dialogues`)."""

    planned = models.OneToOneField(PlannedFollowUp, on_delete=models.CASCADE, related_name="dialogue")
    participants = models.ManyToManyField("org.Person", verbose_name=_("deltagere"), blank=True, related_name="+")
    held_on = models.DateField(_("holdt"), null=True, blank=True)
    minutes = models.TextField(_("referat"), blank=True)
    entries = models.ManyToManyField(FollowUpEntry, verbose_name=_("opfølgninger"), blank=True, related_name="+")
    activities = models.ManyToManyField(
        "contracts.Activity", verbose_name=_("aftalte aktiviteter"), blank=True, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("kontraktdialog")
        verbose_name_plural = _("kontraktdialoger")
        ordering = ["planned__date"]

    def __str__(self) -> str:
        return f"{_('Kontraktdialog')} {self.planned.date}"

    @property
    def contract(self):
        return self.planned.contract


class UploadStatus(models.TextChoices):
    READING = "reading", _("Læses")
    READY = "ready", _("Klar til gennemsyn")
    SAVING = "saving", _("Gemmes")
    SAVED = "saved", _("Gemt")
    FAILED = "failed", _("Afvist")


class MeasurementUpload(models.Model):
    """A measurement file uploaded in the web app, kept in the database between the preview and
    the save so that any app server (or the task worker) can continue it. The file's bytes are
    dropped once it is saved or refused: only what the preview needs is kept."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="measurement_uploads")
    filename = models.CharField(_("fil"), max_length=300)
    data = models.BinaryField(null=True, editable=False)
    status = models.CharField(_("status"), max_length=10, choices=UploadStatus.choices, default=UploadStatus.READING)
    progress = models.PositiveSmallIntegerField(_("fremdrift"), default=0)  # percent, for the progress bar
    step = models.CharField(_("trin"), max_length=100, blank=True)  # what the worker is doing, in Danish
    # The user's choices in the preview: field → column index (None: guessed), a file's unit
    # name → unit id, the measure key when the file has no key-figure column.
    mapping = models.JSONField(null=True, blank=True)
    aliases = models.JSONField(default=dict, blank=True)
    key = models.CharField(max_length=50, blank=True)
    preview = models.JSONField(default=dict, blank=True)  # headers, sample rows, the plan's summary
    result = models.JSONField(default=dict, blank=True)  # the counts once saved
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("indlæst målefil")
        verbose_name_plural = _("indlæste målefiler")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.filename

    @property
    def busy(self) -> bool:
        return self.status in (UploadStatus.READING, UploadStatus.SAVING)
