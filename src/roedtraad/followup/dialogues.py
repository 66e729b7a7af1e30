"""The contract dialogue: planned by the director or the head of area on an entered contract
(a planned follow-up of kind "dialogue", with the director, the head of area and the holder as
participants), and after the meeting its minutes, with what was agreed per goal written as
follow-up entries and new activities on the goals — all in one transaction."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from roedtraad import rights
from roedtraad.contracts.models import Activity, Contract, Goal
from roedtraad.contracts.workflow import WorkflowError, record
from roedtraad.followup.entries import add_entry
from roedtraad.followup.models import ContractDialogue, PlannedFollowUp, RagStatus

FORUM = "Kontraktdialog"
MINUTES_MAX = 20_000


def _require(user, contract: Contract) -> None:
    if not rights.can_hold_dialogue(user, contract):
        raise PermissionDenied(_("Kun direktøren og fagchefen holder kontraktdialog om en indgået kontrakt."))


def default_participants(contract: Contract) -> list[int]:
    """The director, the head of area and the holder named on the contract (the DUS's three)."""
    return [pk for pk in (contract.director_id, contract.head_of_area_id, contract.holder_person_id) if pk]


@transaction.atomic
def plan_dialogue(
    user, contract: Contract, date: dt.date, description: str = "", forum: str = FORUM
) -> ContractDialogue:
    _require(user, contract)
    from roedtraad.followup.planning import date_problem

    if (problem := date_problem(contract, date)) is not None:
        raise WorkflowError(problem)
    planned = PlannedFollowUp.objects.create(
        contract=contract,
        date=date,
        kind=PlannedFollowUp.Kind.CONTRACT_DIALOGUE,
        forum=(forum.strip() or FORUM)[:200],
        description=description[:500],
    )
    dialogue = ContractDialogue.objects.create(planned=planned)
    dialogue.participants.set(default_participants(contract))
    return dialogue


@dataclass(frozen=True)
class Agreed:
    """What the dialogue agreed on one goal: a follow-up entry (status and text) and, if given,
    a new activity (text, due date)."""

    goal: Goal
    status: str = ""
    text: str = ""
    activity: str = ""
    due: dt.date | None = None


def _checked(
    held_on: dt.date | None, minutes: str, agreed: list[Agreed], contract: Contract, dialogue: ContractDialogue
) -> None:
    problems = []
    if held_on is None:
        problems.append(_("Skriv datoen, dialogen blev holdt."))
    if not minutes.strip():
        problems.append(_("Skriv et referat af dialogen."))
    if len(minutes) > MINUTES_MAX:
        problems.append(_("Referatet må højst have %(max)s tegn.") % {"max": f"{MINUTES_MAX:,}".replace(",", ".")})
    for item in agreed:
        if item.goal.contract_id != contract.pk:
            problems.append(_("Målet hører ikke til kontrakten."))
        if bool(item.status) != bool(item.text.strip()):
            problems.append(
                _("Mål %(number)s: skriv både status og tekst for opfølgningen – eller ingen af dem.")
                % {"number": item.goal.number}
            )
        if item.status and item.status not in RagStatus.values:
            problems.append(_("Mål %(number)s: ukendt status.") % {"number": item.goal.number})
        if item.status and dialogue.entries.filter(goal=item.goal).exists():
            # The minutes may be corrected; what was agreed is on the goal already and stays one entry.
            problems.append(
                _("Mål %(number)s har allerede en opfølgning fra denne dialog.") % {"number": item.goal.number}
            )
        if item.activity.strip() and dialogue.activities.filter(goal=item.goal, text=item.activity.strip()).exists():
            problems.append(
                _("Mål %(number)s har allerede aktiviteten «%(text)s» fra denne dialog.")
                % {"number": item.goal.number, "text": item.activity.strip()}
            )
        if item.due and not item.activity.strip():
            problems.append(_("Mål %(number)s: en frist kræver en aktivitet.") % {"number": item.goal.number})
    if problems:
        raise WorkflowError(_("Referatet kan ikke gemmes:"), problems)


@transaction.atomic
def record_minutes(
    user, dialogue: ContractDialogue, *, held_on: dt.date | None, minutes: str, agreed: list[Agreed]
) -> ContractDialogue:
    """The minutes of a held dialogue, and per goal what was agreed: a follow-up entry (forum
    "Kontraktdialog", dated the day it was held) and a new activity on the goal."""
    dialogue = ContractDialogue.objects.select_for_update().select_related("planned__contract").get(pk=dialogue.pk)
    contract = dialogue.contract
    _require(user, contract)
    _checked(held_on, minutes, agreed, contract, dialogue)
    assert held_on is not None
    dialogue.held_on, dialogue.minutes = held_on, minutes.strip()
    dialogue.save()
    for item in agreed:
        if item.status:
            entry = add_entry(item.goal, user, date=held_on, forum=FORUM, status=item.status, text=item.text)
            dialogue.entries.add(entry)
        if item.activity.strip():
            dialogue.activities.add(_agreed_activity(user, item, held_on))
    planned = dialogue.planned
    planned.done = True
    planned.save(update_fields=["done"])  # a save, so the pages showing it are renewed
    return dialogue


def _agreed_activity(user, item: Agreed, held_on: dt.date) -> Activity:
    last = item.goal.activities.order_by("-order").values_list("order", flat=True).first()
    activity = Activity(goal=item.goal, text=item.activity.strip(), due_date=item.due, order=(last or 0) + 1)
    activity.agreed_in_dialogue = held_on  # type: ignore[attr-defined]  # the entered contract lets it in
    record(activity, user, _("Aftalt på kontraktdialogen %(date)s") % {"date": held_on})
    activity.save()
    return activity
