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


class ProposalStatus(models.TextChoices):
    PROPOSED = "proposed", _("Foreslået")
    ACCEPTED = "accepted", _("Accepteret")
    DECLINED = "declined", _("Afvist")


class SharedGoalProposal(models.Model):
    """A head of area's (or the director's) proposal that two goals of different holders become
    one shared goal. Each holder accepts for their own goal (it becomes shared with the other
    holder as partner); the proposal is accepted when both have, declined when either declines.
    `goal_a` is the goal with the lower id, so a pair has one open proposal whatever its order."""

    goal_a = models.ForeignKey(
        "contracts.Goal", verbose_name=_("mål A"), on_delete=models.CASCADE, related_name="proposals_as_a"
    )
    goal_b = models.ForeignKey(
        "contracts.Goal", verbose_name=_("mål B"), on_delete=models.CASCADE, related_name="proposals_as_b"
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("foreslået af"), on_delete=models.PROTECT, related_name="+"
    )
    note = models.TextField(_("bemærkning"), blank=True)
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)
    status = models.CharField(
        _("status"), max_length=10, choices=ProposalStatus.choices, default=ProposalStatus.PROPOSED
    )
    accepted_a_at = models.DateTimeField(_("accepteret for mål A"), null=True, blank=True)
    accepted_b_at = models.DateTimeField(_("accepteret for mål B"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("afgjort af"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("afgjort"), null=True, blank=True)

    class Meta:
        verbose_name = _("forslag om fælles mål")
        verbose_name_plural = _("forslag om fælles mål")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(goal_a__lt=models.F("goal_b")), name="proposal_goals_ordered"),
            models.UniqueConstraint(
                fields=["goal_a", "goal_b"],
                condition=models.Q(status="proposed"),
                name="proposal_one_open_per_pair",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.goal_a} ↔ {self.goal_b} ({self.get_status_display()})"

    @property
    def is_open(self) -> bool:
        return self.status == ProposalStatus.PROPOSED

    def side_of(self, goal_id: int) -> str:
        """ "a" or "b": which of the two goals `goal_id` is."""
        if goal_id == self.goal_a_id:
            return "a"
        if goal_id == self.goal_b_id:
            return "b"
        raise ValueError(f"goal {goal_id} is not part of proposal {self.pk}")

    def accepted_for(self, goal_id: int) -> bool:
        return getattr(self, f"accepted_{self.side_of(goal_id)}_at") is not None

    def other_goal(self, goal_id: int):
        return self.goal_b if self.side_of(goal_id) == "a" else self.goal_a
