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
    elif date.year not in (contract.year, contract.year + 1):
        problems.append(_("Datoen skal ligge i kontraktens år (%(year)s).") % {"year": contract.year})
    if kind not in PlannedFollowUp.Kind.values:
        problems.append(_("Vælg, hvilken slags opfølgning det er."))
    if goal is not None and goal.contract_id != contract.pk:
        problems.append(_("Målet hører ikke til kontrakten."))
    if problems:
        raise WorkflowError(_("Opfølgningen kan ikke planlægges:"), problems)
    assert date is not None
    return PlannedFollowUp.objects.create(
        contract=contract, goal=goal, date=date, kind=kind, forum=forum.strip()[:200], description=description[:500]
    )


def mark_held(user, planned: PlannedFollowUp) -> None:
    _require(user, planned.contract)
    PlannedFollowUp.objects.filter(pk=planned.pk).update(done=True)


def remove_planned(user, planned: PlannedFollowUp) -> None:
    """A planned follow-up that will not be held; a contract dialogue with minutes stays."""
    _require(user, planned.contract)
    if getattr(planned, "dialogue", None) is not None and planned.dialogue.held_on:
        raise WorkflowError(_("En kontraktdialog med referat kan ikke slettes."))
    planned.delete()
