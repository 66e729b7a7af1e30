"""Contracts (udviklingskontrakter/-aftaler), their goals, sections, partners, activities
and stop-doing items.

An entered contract is locked: its content can only change through a new revision
(`Contract.new_revision`), which must be entered again.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from roedtraad.contracts.errors import ContractLocked
from roedtraad.core.sections import heading_for


class ContractKind(models.TextChoices):
    KONTRAKT = "kontrakt", _("Udviklingskontrakt")
    AFTALE = "aftale", _("Udviklingsaftale")


class ContractStatus(models.TextChoices):
    DRAFT = "draft", _("Kladde")
    SUBMITTED = "submitted", _("Indsendt")
    ENTERED = "entered", _("Indgået")
    CLOSED = "closed", _("Afsluttet")


class GoalLayout(models.TextChoices):
    SECTIONS = "sections", _("Afsnit (skabelon)")
    WORKPLAN = "workplan", _("Arbejdsplan")


LOCKED_STATUSES = {ContractStatus.ENTERED, ContractStatus.CLOSED}
SHARED_NEEDS_PARTNER = _("Et fælles mål skal have mindst én partner med ansvar og rolle.")


class Contract(models.Model):
    holder = models.ForeignKey(
        "org.OrgUnit", verbose_name=_("kontraktholder"), on_delete=models.PROTECT, related_name="contracts"
    )
    year = models.PositiveIntegerField(_("år"))
    kind = models.CharField(_("type"), max_length=10, choices=ContractKind.choices, default=ContractKind.KONTRAKT)
    layout = models.CharField(_("skabelon"), max_length=10, choices=GoalLayout.choices, default=GoalLayout.SECTIONS)
    status = models.CharField(_("status"), max_length=10, choices=ContractStatus.choices, default=ContractStatus.DRAFT)
    revision = models.PositiveIntegerField(_("revision"), default=1)
    previous_revision = models.OneToOneField(
        "self",
        verbose_name=_("forrige revision"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="next_revision",
    )
    framework = models.ForeignKey(
        "frameworks.Framework",
        verbose_name=_("DUS"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="contracts",
    )
    title = models.CharField(_("titel"), max_length=300, blank=True)
    introduction = models.TextField(_("indledning"), blank=True)
    holder_person = models.ForeignKey(
        "org.Person",
        verbose_name=_("kontraktholder (person)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    head_of_area = models.ForeignKey(
        "org.Person", verbose_name=_("fagchef"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    director = models.ForeignKey(
        "org.Person", verbose_name=_("direktør"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    entered_on = models.DateField(_("indgået den"), null=True, blank=True)
    # The head of area's step between submitted and entered (cleared when sent back).
    recommended_on = models.DateField(_("anbefalet til indgåelse den"), null=True, blank=True)
    recommended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("anbefalet af"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Entered although requirements were not met: the director's written justification and the
    # requirements it overrode, as they stood (an override is a decision, kept with the contract).
    entry_justification = models.TextField(_("begrundelse for indgåelse trods manglende krav"), blank=True)
    entry_unmet = models.JSONField(_("krav der manglede ved indgåelsen"), default=list, blank=True)
    source_name = models.CharField(_("kildefil"), max_length=300, blank=True)
    import_report = models.JSONField(_("importrapport"), default=dict, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("udviklingskontrakt")
        verbose_name_plural = _("udviklingskontrakter")
        ordering = ["-year", "holder__name", "-revision"]
        constraints = [
            models.UniqueConstraint(fields=["holder", "year", "revision"], name="contract_unique_revision"),
        ]

    def __str__(self) -> str:
        suffix = f" (rev. {self.revision})" if self.revision > 1 else ""
        return f"{self.get_kind_display()} {self.year} for {self.holder}{suffix}"

    @property
    def is_locked(self) -> bool:
        return self.status in LOCKED_STATUSES

    def _stored_status(self) -> str | None:
        if self.pk is None:
            return None
        return type(self).objects.filter(pk=self.pk).values_list("status", flat=True).first()

    def save(self, *args, **kwargs):
        stored = self._stored_status()
        if stored in LOCKED_STATUSES and not self._only_closing(stored):
            raise ContractLocked(self)
        super().save(*args, **kwargs)

    def _only_closing(self, stored: str) -> bool:
        """An entered contract may still be closed at the end of the year, and nothing else."""
        if stored != ContractStatus.ENTERED or self.status != ContractStatus.CLOSED:
            return False
        before = type(self).objects.get(pk=self.pk)
        fields = [f.attname for f in self._meta.concrete_fields if f.attname not in ("status", "version")]
        return all(getattr(before, name) == getattr(self, name) for name in fields)

    def delete(self, *args, **kwargs):
        if self._stored_status() in LOCKED_STATUSES:
            raise ContractLocked(self)
        return super().delete(*args, **kwargs)

    def live_goals(self):
        return self.goals.filter(deleted_at__isnull=True)

    def next_goal_number(self) -> int:
        return (self.goals.aggregate(models.Max("number"))["number__max"] or 0) + 1

    @transaction.atomic
    def new_revision(self) -> Contract:
        """A draft copy of an entered contract, to be changed and entered again."""
        if not self.is_locked:
            raise ValidationError(_("Kun en indgået kontrakt kan få en ny revision."), code="not_locked")
        from roedtraad.contracts.revision import copy_contract

        return copy_contract(self)


class ContractContent(models.Model):
    """Content of a contract: refuses changes once the contract is entered."""

    class Meta:
        abstract = True

    def owning_contract(self) -> Contract:
        raise NotImplementedError

    def _guard(self) -> None:
        contract = self.owning_contract()
        if contract._stored_status() in LOCKED_STATUSES:
            raise ContractLocked(contract)

    def save(self, *args, **kwargs):
        self._guard()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        self._guard()
        return super().delete(*args, **kwargs)


class GoalScope(models.TextChoices):
    LOCAL = "local", _("Lokalt mål")
    SHARED = "shared", _("Fælles mål")
    CROSS_CUTTING = "cross_cutting", _("Tværgående mål")


class Goal(ContractContent):
    contract = models.ForeignKey(Contract, on_delete=models.CASCADE, related_name="goals")
    number = models.PositiveIntegerField(_("nummer"))
    title = models.CharField(_("titel"), max_length=300)
    scope = models.CharField(_("type"), max_length=20, choices=GoalScope.choices, default=GoalScope.LOCAL)
    multi_year = models.BooleanField(_("flerårigt"), default=False)
    carried_over_from = models.ForeignKey(
        "self",
        verbose_name=_("videreført fra"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="carried_over_to",
    )
    # The same goal in the revision before this one: its indicators and follow-up belong to
    # the goal's lineage and move to this goal when this revision is entered (contracts.lineage).
    revised_from = models.ForeignKey(
        "self",
        verbose_name=_("revideret fra"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="revised_to",
    )
    tracks = models.ManyToManyField("frameworks.Track", verbose_name=_("spor"), blank=True, related_name="goals")
    focus_areas = models.ManyToManyField(
        "frameworks.FocusArea", verbose_name=_("indsatsområder"), blank=True, related_name="goals"
    )
    policies = models.ManyToManyField(
        "frameworks.Policy", verbose_name=_("politikker"), blank=True, related_name="goals"
    )
    budget_changes = models.ManyToManyField(
        "frameworks.BudgetChange", verbose_name=_("budgetforandringer"), blank=True, related_name="goals"
    )
    # Optimistic locking: a save based on an older version is refused, never overwrites.
    version = models.PositiveIntegerField(_("version"), default=1)
    deleted_at = models.DateTimeField(_("slettet"), null=True, blank=True)
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        verbose_name = _("udviklingsmål")
        verbose_name_plural = _("udviklingsmål")
        ordering = ["contract", "number"]
        constraints = [
            models.UniqueConstraint(fields=["contract", "number"], name="goal_unique_number_in_contract"),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"

    def owning_contract(self) -> Contract:
        return self.contract

    def clean(self) -> None:
        if not self.meets_partner_rule():
            raise ValidationError({"scope": SHARED_NEEDS_PARTNER}, code="shared_without_partner")

    def meets_partner_rule(self, partners=None) -> bool:
        """The one rule of a shared goal: at least one partner whose responsibility and role is
        written (the editor, the rows, the proposals, the importer and the submit step ask here).
        `partners`: the partners as they will be (default: as saved)."""
        if self.scope != GoalScope.SHARED:
            return True
        if partners is None:
            partners = self.partners.all() if self.pk else []
        return any((p.role or "").strip() for p in partners)

    def soft_delete(self) -> None:
        self.deleted_at = timezone.now()
        self.save(update_fields=["deleted_at"])

    def restore(self) -> None:
        self.deleted_at = None
        self.save(update_fields=["deleted_at"])

    def ordered_sections(self):
        return sorted(self.sections.all(), key=lambda s: s.order)


class GoalSection(ContractContent):
    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="sections")
    key = models.CharField(_("nøgle"), max_length=60)
    heading = models.CharField(_("overskrift"), max_length=300, blank=True)
    text = models.TextField(_("tekst"), blank=True)
    order = models.PositiveIntegerField(_("rækkefølge"), default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("afsnit")
        verbose_name_plural = _("afsnit")
        ordering = ["goal", "order"]
        constraints = [models.UniqueConstraint(fields=["goal", "key"], name="section_unique_key_in_goal")]

    def __str__(self) -> str:
        return self.heading or heading_for(self.key)

    def owning_contract(self) -> Contract:
        return self.goal.contract

    @property
    def display_heading(self) -> str:
        """The heading as written, else the one the editor shows for the contract's layout."""
        return self.heading or heading_for(self.key, self.goal.contract.layout)


class GoalPartner(ContractContent):
    """A partner of a shared goal: an org unit if known, else the name as the document wrote it."""

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="partners")
    unit = models.ForeignKey(
        "org.OrgUnit", verbose_name=_("enhed"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    name = models.CharField(_("navn som skrevet"), max_length=200, blank=True)
    role = models.TextField(_("ansvar og rolle"), blank=True)
    # Optimistic locking (contracts.rows): a change based on an older version is refused.
    version = models.PositiveIntegerField(_("version"), default=1)
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        verbose_name = _("partner i fælles mål")
        verbose_name_plural = _("partnere i fælles mål")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(unit__isnull=False) | ~models.Q(name=""), name="partner_has_unit_or_name"
            )
        ]

    def __str__(self) -> str:
        return str(self.unit or self.name)

    def owning_contract(self) -> Contract:
        return self.goal.contract


class ActivityStatus(models.TextChoices):
    PLANNED = "planned", _("Planlagt")
    IN_PROGRESS = "in_progress", _("I gang")
    DONE = "done", _("Gennemført")
    CANCELLED = "cancelled", _("Opgivet")


class Activity(ContractContent):
    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="activities")
    text = models.TextField(_("tekst"))
    owner = models.ForeignKey(
        "org.Person", verbose_name=_("ansvarlig"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    due_date = models.DateField(_("frist"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ActivityStatus.choices, default=ActivityStatus.PLANNED
    )
    order = models.PositiveIntegerField(_("rækkefølge"), default=0)
    # Optimistic locking (contracts.rows): a change based on an older version is refused.
    version = models.PositiveIntegerField(_("version"), default=1)
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        verbose_name = _("aktivitet")
        verbose_name_plural = _("aktiviteter")
        ordering = ["goal", "order", "id"]

    def __str__(self) -> str:
        return self.text[:80]

    def owning_contract(self) -> Contract:
        return self.goal.contract

    def _guard(self) -> None:
        # Following up on an entered contract means moving its activities along: status may change.
        if self.pk and self._only_status_changed():
            return
        # And a contract dialogue may agree new activities on an entered contract's goals: the
        # dialogue is part of the agreement (`followup.dialogues.record_minutes` marks them).
        if self.pk is None and getattr(self, "agreed_in_dialogue", None) is not None:
            return
        super()._guard()

    def _only_status_changed(self) -> bool:
        before = type(self).objects.filter(pk=self.pk).first()
        if before is None:
            return False
        fields = [f.attname for f in self._meta.concrete_fields if f.attname not in ("status", "version")]
        return all(getattr(before, name) == getattr(self, name) for name in fields)


class StopDoingItem(ContractContent):
    """A proposal of something to stop doing ("hold op med")."""

    contract = models.ForeignKey(Contract, on_delete=models.CASCADE, related_name="stop_doing_items")
    text = models.TextField(_("tekst"))
    goals = models.ManyToManyField(Goal, verbose_name=_("udviklingsmål"), blank=True, related_name="stop_doing_items")
    order = models.PositiveIntegerField(_("rækkefølge"), default=0)
    # The same proposal in the revision before this one (set by `contracts.revision`): the
    # director's decision belongs to the proposal's first item and shows on every later copy
    # (`contracts.stop_doing`).
    revised_from = models.ForeignKey(
        "self",
        verbose_name=_("revideret fra"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="revised_to",
    )
    # Optimistic locking (contracts.rows): a change based on an older version is refused.
    version = models.PositiveIntegerField(_("version"), default=1)
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        verbose_name = _("hold op med")
        verbose_name_plural = _("hold op med")
        ordering = ["contract", "order", "id"]

    def __str__(self) -> str:
        return self.text[:80]

    def owning_contract(self) -> Contract:
        return self.contract


class StopDoingChoice(models.TextChoices):
    """The director's decision on a stop-doing proposal."""

    PROPOSED = "foreslaaet", _("Foreslået")
    EXAMINING = "undersoeges", _("Undersøges")
    STOPPED = "stoppet", _("Stoppet")
    REJECTED = "afvist", _("Afvist")


class StopDoingDecision(models.Model):
    """The director's decision on a stop-doing proposal, taken after the contract is entered.

    Not contract content: the item's contract is locked by then, the decision is not. One row
    per proposal, on the proposal's first item (its lineage's root, `contracts.stop_doing`); an
    item without one reads as proposed.
    """

    item = models.OneToOneField(
        StopDoingItem, verbose_name=_("hold op med"), on_delete=models.CASCADE, related_name="decision"
    )
    decision = models.CharField(
        _("beslutning"), max_length=20, choices=StopDoingChoice.choices, default=StopDoingChoice.PROPOSED
    )
    reason = models.TextField(_("begrundelse"), blank=True)
    decided_on = models.DateField(_("besluttet den"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("besluttet af"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("beslutning om hold op med")
        verbose_name_plural = _("beslutninger om hold op med")

    def __str__(self) -> str:
        return f"{self.get_decision_display()}: {self.item}"
