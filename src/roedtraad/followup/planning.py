"""Planned follow-ups made by hand: a meeting in a forum, a review of the figures or a contract
dialogue on a date, for the contract or one of its goals; marked as held, or removed. Who may:
whoever writes the draft (its holder, the director) or follows up on the entered contract (its
holder, the head of area, the director) — `rights.can_plan_follow_up`."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from roedtraad import rights
from roedtraad.contracts.models import Contract, Goal
from roedtraad.contracts.workflow import WorkflowError
from roedtraad.followup.models import PlannedFollowUp

# A contract dialogue is planned as one (`followup.dialogues.plan_dialogue`), not by hand here.
PLANNED_BY_HAND = [k for k in PlannedFollowUp.Kind.values if k != PlannedFollowUp.Kind.CONTRACT_DIALOGUE]
REFUSED = gettext_lazy("Du kan læse kontrakten, men ikke planlægge dens opfølgning.")


def _require(user, contract: Contract) -> None:
    if not rights.can_plan_follow_up(user, contract):
        raise PermissionDenied(REFUSED)


@transaction.atomic
def add_planned(
    user,
    contract: Contract,
    *,
    date: dt.date | None,
    kind: str,
    forum: str = "",
    description: str = "",
    goal: Goal | None = None,
) -> PlannedFollowUp:
    _require(user, contract)
    problems = []
    if date is None:
        problems.append(_("Skriv datoen for opfølgningen."))
    elif (problem := date_problem(contract, date)) is not None:
        problems.append(problem)
    if kind not in PLANNED_BY_HAND:
        problems.append(_("Vælg, hvilken slags opfølgning det er."))
    if goal is not None and goal.contract_id != contract.pk:
        problems.append(_("Målet hører ikke til kontrakten."))
    if problems:
        raise WorkflowError(_("Opfølgningen kan ikke planlægges:"), problems)
    assert date is not None
    return PlannedFollowUp.objects.create(
        contract=contract, goal=goal, date=date, kind=kind, forum=forum.strip()[:200], description=description[:500]
    )


def _require_for(user, planned: PlannedFollowUp) -> None:
    """A contract dialogue planned as one (with its `ContractDialogue`) is the director's and the
    head of area's (`followup.dialogues`): the planning paths do not mark it held or remove it
    for anyone else. A dialogue date that came with an imported contract is planned follow-up."""
    if getattr(planned, "dialogue", None) is not None:
        if not rights.can_hold_dialogue(user, planned.contract):
            raise PermissionDenied(_("Kun direktøren og fagchefen ændrer en kontraktdialog."))
        return
    _require(user, planned.contract)


def mark_held(user, planned: PlannedFollowUp) -> None:
    _require_for(user, planned)
    planned.done = True
    planned.save(update_fields=["done"])  # a save, so the pages showing it are renewed


def remove_planned(user, planned: PlannedFollowUp) -> None:
    """A planned follow-up that will not be held; a contract dialogue with minutes stays."""
    _require_for(user, planned)
    if getattr(planned, "dialogue", None) is not None and planned.dialogue.held_on:
        raise WorkflowError(_("En kontraktdialog med referat kan ikke slettes."))
    planned.delete()


def date_problem(contract: Contract, date: dt.date) -> str | None:
    """Why a follow-up of the contract cannot be on the date: it must lie in the contract's year
    or the year after (the follow-up of a year's goals runs into the next)."""
    if date.year in (contract.year, contract.year + 1):
        return None
    return _("Datoen skal ligge i %(year)s eller %(next)s, kontraktens år eller året efter.") % {
        "year": contract.year,
        "next": contract.year + 1,
    }
