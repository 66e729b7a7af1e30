"""The agenda of a contract dialogue, made from the contract: every goal's status with its
reason and its indicators' status and forecast against their targets, the requirements of the
DUS the contract does not meet, its stop-doing proposals, and what earlier dialogues agreed."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from roedtraad.checks.services import unmet_requirements
from roedtraad.contracts.models import Contract, Goal, StopDoingItem
from roedtraad.core.followup.rollup import Rolled
from roedtraad.followup.indicator_status import IndicatorStatus, goal_rollup, lineage_statuses
from roedtraad.followup.models import ContractDialogue


@dataclass
class AgendaGoal:
    goal: Goal
    rolled: Rolled
    indicators: list[IndicatorStatus]


@dataclass
class Agenda:
    dialogue: ContractDialogue
    contract: Contract
    goals: list[AgendaGoal]
    unmet: list[dict]  # requirement findings not met: slug, name, text, status, reason
    stop_doing: list[StopDoingItem]
    earlier: list[ContractDialogue]  # the contract's dialogues held before this one


def agenda(dialogue: ContractDialogue, today: dt.date | None = None) -> Agenda:
    contract = dialogue.contract
    goals = list(contract.goals.filter(deleted_at__isnull=True).order_by("number"))
    statuses, latest = lineage_statuses(goals, today)
    earlier = (
        ContractDialogue.objects.filter(planned__contract=contract, held_on__isnull=False)
        .exclude(pk=dialogue.pk)
        .filter(planned__date__lte=dialogue.planned.date)
        .order_by("planned__date")
    )
    return Agenda(
        dialogue=dialogue,
        contract=contract,
        goals=[AgendaGoal(g, goal_rollup(statuses[g.pk], latest.get(g.pk)), statuses[g.pk]) for g in goals],
        unmet=unmet_requirements(contract),
        stop_doing=list(contract.stop_doing_items.prefetch_related("goals").order_by("order", "pk")),
        earlier=list(earlier),
    )
