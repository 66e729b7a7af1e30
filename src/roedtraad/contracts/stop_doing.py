"""The stop-doing register: every contract's proposals of what to stop doing ("hold op med"),
across the holders of a year, and the director's decision on each.

A proposal is a `StopDoingItem`, content of its contract (locked once entered); the decision is
a `StopDoingDecision` of its own, taken after entry. A new revision copies the items and links
each copy to its source (`StopDoingItem.revised_from`); the decision belongs to the proposal, so
it is kept on the proposal's first item — the root of that chain — and every copy reads it from
there. An item without a decision reads as proposed.

The register lists the items of each holder's contract in force for the year
(`contracts.lineage.revisions_in_force`), so a proposal is listed once, however many revisions
its contract has; who sees which rows is the rulebook's (`rights.stop_doing_items_visible_to`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext as _

from roedtraad.contracts.errors import WorkflowError
from roedtraad.contracts.lineage import revisions_in_force
from roedtraad.contracts.models import (
    LOCKED_STATUSES,
    Contract,
    Goal,
    StopDoingChoice,
    StopDoingDecision,
    StopDoingItem,
)
from roedtraad.contracts.workflow import NotAllowed, record, require_readable
from roedtraad.rights import can_decide_stop_doing, contracts_visible_to, stop_doing_items_visible_to

REASON_MAX = 2000  # a few sentences, as a stop-doing item's own text


class DecisionInvalid(WorkflowError):
    """A decision that cannot be saved as given; `field` names the input ("decision", "reason")."""

    def __init__(self, field_name: str, message: str):
        self.field = field_name
        super().__init__(message)


# Reading decisions -------------------------------------------------------------------------


def proposal_roots(items: Iterable[StopDoingItem]) -> dict[int, int]:
    """Each item's proposal: the first item of its chain of revisions (the item itself when it
    was not copied). As many queries as the longest chain, none for items never copied."""
    items = list(items)
    roots = {item.pk: item.pk for item in items}
    tips = {item.pk: item.revised_from_id for item in items}
    seen: dict[int, set[int]] = {item.pk: {item.pk} for item in items}
    while any(tip is not None for tip in tips.values()):
        wanted = {tip for tip in tips.values() if tip is not None}
        parents = dict(StopDoingItem.objects.filter(pk__in=wanted).values_list("pk", "revised_from_id"))
        for pk, tip in list(tips.items()):
            if tip is None or tip in seen[pk] or tip not in parents:
                tips[pk] = None
                continue
            roots[pk] = tip
            seen[pk].add(tip)
            tips[pk] = parents[tip]
    return roots


def decisions_for(items: Iterable[StopDoingItem]) -> dict[int, StopDoingDecision | None]:
    """Each item's decision (read from its proposal's first item), None while proposed."""
    roots = proposal_roots(items)
    rows = StopDoingDecision.objects.filter(item_id__in=set(roots.values())).select_related("decided_by__person")
    by_root = {row.item_id: row for row in rows}
    return {pk: by_root.get(root) for pk, root in roots.items()}


def with_decisions(items: Iterable[StopDoingItem]) -> list[StopDoingItem]:
    """The items, each with its decision as `item.shown_decision` (a `Shown`) for the pages."""
    items = list(items)
    decisions = decisions_for(items)
    for item in items:
        item.shown_decision = Shown.of(decisions[item.pk])  # type: ignore[attr-defined]
    return items


def decider_name(decision: StopDoingDecision | None) -> str:
    user = decision.decided_by if decision else None
    if user is None:
        return ""
    person = getattr(user, "person", None)
    return (person.name if person else "") or user.get_full_name() or user.get_username()


@dataclass(frozen=True)
class Shown:
    """A decision as the pages and the export show it; proposed when nothing is decided."""

    choice: str = StopDoingChoice.PROPOSED
    reason: str = ""
    decided_on: dt.date | None = None
    decided_by: str = ""

    @classmethod
    def of(cls, decision: StopDoingDecision | None) -> Shown:
        if decision is None:
            return cls()
        return cls(decision.decision, decision.reason, decision.decided_on, decider_name(decision))

    @property
    def label(self) -> str:
        return str(StopDoingChoice(self.choice).label)

    @property
    def decided(self) -> bool:
        return self.choice != StopDoingChoice.PROPOSED or bool(self.decided_on)


# The register ------------------------------------------------------------------------------


@dataclass
class RegisterRow:
    item: StopDoingItem
    contract: Contract
    goals: list[Goal] = field(default_factory=list)
    decision: Shown = field(default_factory=Shown)
    form: object | None = None  # the page's decision form for this row, when the user decides

    @property
    def holder(self):
        return self.contract.holder

    @property
    def area(self):
        return self.contract.holder.parent

    @property
    def decidable(self) -> bool:
        """Decisions are taken on entered (or closed) contracts only."""
        return self.contract.status in LOCKED_STATUSES


def years_with_contracts(user) -> list[int]:
    """The years the user sees contracts of, newest first."""
    return sorted(set(contracts_visible_to(user).values_list("year", flat=True)), reverse=True)


def register_rows(
    user, year: int, contracts: QuerySet[Contract] | None = None, decision: str = ""
) -> list[RegisterRow]:
    """The year's stop-doing proposals the user may see, of each holder's contract in force, in
    the order area, holder, the contract's own order. `contracts` narrows them (the page's area
    and holder filters); `decision` keeps only the proposals with that decision."""
    in_force = revisions_in_force(year)
    visible = stop_doing_items_visible_to(user).filter(contract__year=year)
    if contracts is not None:
        visible = visible.filter(contract__in=contracts)
    live_goals = Goal.objects.filter(deleted_at__isnull=True).order_by("number")
    items = [
        item
        for item in visible.select_related("contract__holder__parent")
        .prefetch_related(Prefetch("goals", queryset=live_goals))
        .order_by("contract__holder__parent__name", "contract__holder__name", "order", "id")
        if (item.contract.holder_id, item.contract.revision) in in_force
    ]
    decisions = decisions_for(items)
    rows = [
        RegisterRow(
            item=item, contract=item.contract, goals=list(item.goals.all()), decision=Shown.of(decisions[item.pk])
        )
        for item in items
    ]
    if decision:
        rows = [row for row in rows if row.decision.choice == decision]
    return rows


# Deciding ----------------------------------------------------------------------------------


def _check(decision: str, reason: str) -> tuple[str, str]:
    """The decision and its reason as saved; a refusal's message names the field."""
    if decision not in StopDoingChoice.values:
        raise DecisionInvalid("decision", _("Vælg en beslutning: foreslået, undersøges, stoppet eller afvist."))
    reason = reason.strip()
    if decision == StopDoingChoice.STOPPED and not reason:
        raise DecisionInvalid("reason", _("Skriv en begrundelse, når forslaget stoppes."))
    if decision == StopDoingChoice.REJECTED and not reason:
        raise DecisionInvalid("reason", _("Skriv en begrundelse, når forslaget afvises."))
    if len(reason) > REASON_MAX:
        raise DecisionInvalid(
            "reason",
            _("Begrundelsen må højst være %(max)s tegn (du har skrevet %(count)s).")
            % {"max": f"{REASON_MAX:,}".replace(",", "."), "count": f"{len(reason):,}".replace(",", ".")},
        )
    return decision, reason


@transaction.atomic
def decide(user, item: StopDoingItem, decision: str, reason: str, today: dt.date) -> StopDoingDecision:
    """The director decides on a proposal of an entered contract: proposed, being examined,
    stopped or rejected, with a reason (needed when stopped or rejected) and today's date.
    Recorded in the decision's history with the user. Raises `NotAllowed` (no right),
    `DecisionInvalid` (bad input, naming the field) or `WorkflowError` (not yet entered)."""
    stored = StopDoingItem.objects.select_related("contract").filter(pk=item.pk).first()
    if stored is None:
        raise WorkflowError(_("Forslaget findes ikke længere."))
    require_readable(user, stored.contract)
    if not can_decide_stop_doing(user):
        raise NotAllowed(_("Kun direktøren kan træffe beslutning om et forslag om at holde op med noget."))
    if stored.contract.status not in LOCKED_STATUSES:
        raise WorkflowError(_("Der træffes først beslutning om forslaget, når kontrakten er indgået."))
    decision, reason = _check(decision, reason)
    root = proposal_roots([stored])[stored.pk]
    # One decision per proposal: the proposal's first item is locked while it is written, so
    # two directors deciding at once do not both create it.
    StopDoingItem.objects.select_for_update().filter(pk=root).first()
    row = StopDoingDecision.objects.filter(item_id=root).first() or StopDoingDecision(item_id=root)
    row.decision, row.reason, row.decided_on, row.decided_by = decision, reason, today, user
    label = str(StopDoingChoice(decision).label)
    record(row, user, _("Beslutning: %(decision)s") % {"decision": label})
    row.save()
    return row
