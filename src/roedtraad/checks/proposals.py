"""Proposing a shared goal from two overlapping goals, and the holders' answers.

A head of area (for two holders in their area) or the director proposes that two goals of
different holders become one shared goal. Each holder answers for their own goal: accepting
makes it shared (`GoalScope.SHARED`, a cross-cutting goal stays cross-cutting) with the other
holder's unit as partner, through the models' own rules (a locked contract refuses, a shared
goal needs a partner), in one transaction recorded in the goal's history. The proposal is
accepted once both holders have accepted, declined as soon as one declines.

Rights follow `web.access`: a goal the user may not read is 404 (`Http404`), a step the user
may not take is `NotAllowed` (403); other refusals are `WorkflowError` with a Danish message.
"""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.db.models import F, Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from roedtraad import rights as access
from roedtraad.checks.models import ProposalStatus, SharedGoalProposal
from roedtraad.contracts.editing import Locked
from roedtraad.contracts.models import ContractLocked, ContractStatus, Goal, GoalPartner, GoalScope
from roedtraad.contracts.workflow import NotAllowed, WorkflowError, record
from roedtraad.notifications import services as notify

NOTE_MAX = 1000
SUBMITTED_MESSAGE = _lazy(
    "Din kontrakt er indsendt til gennemsyn. Målet kan gøres fælles, når kontrakten er sendt tilbage."
)
_RELATED = ("goal_a__contract__holder", "goal_b__contract__holder", "proposed_by__person")


# Rights ----------------------------------------------------------------------------------


def may_propose(user, goal_a: Goal, goal_b: Goal) -> bool:
    """The director, or the head of area over both goals' holders."""
    rights = access.rights_for(user)
    holders = {goal_a.contract.holder_id, goal_b.contract.holder_id}
    return rights.director or holders <= rights.areas


def may_decide(user, goal: Goal) -> bool:
    """The goal's contract holder (or the director) answers a proposal for that goal."""
    rights = access.rights_for(user)
    return access.can_read(user, goal.contract) and (rights.director or goal.contract.holder_id in rights.holders)


def readable_goal(user, pk) -> Goal:
    """A live goal the user may read, or 404."""
    goal = Goal.objects.select_related("contract__holder").filter(pk=pk, deleted_at__isnull=True).first()
    if goal is None or not access.can_read(user, goal.contract):
        raise Http404
    return goal


def proposal_for_user(user, pk, goal_pk) -> tuple[SharedGoalProposal, Goal]:
    """The proposal and the user's goal in it: 404 unless the user may read that goal,
    403 unless the user may answer for it."""
    proposal = SharedGoalProposal.objects.select_related(*_RELATED).filter(pk=pk).first()
    if proposal is None or int(goal_pk) not in (proposal.goal_a_id, proposal.goal_b_id):
        raise Http404
    goal = proposal.goal_a if int(goal_pk) == proposal.goal_a_id else proposal.goal_b
    if goal.deleted_at is not None or not access.can_read(user, goal.contract):
        raise Http404
    if not may_decide(user, goal):
        raise NotAllowed(_("Kun kontraktholderen kan svare på et forslag om fælles mål for sit mål."))
    return proposal, goal


# Reading ---------------------------------------------------------------------------------


def _open() -> QuerySet[SharedGoalProposal]:
    return SharedGoalProposal.objects.filter(
        status=ProposalStatus.PROPOSED, goal_a__deleted_at__isnull=True, goal_b__deleted_at__isnull=True
    ).select_related(*_RELATED)


def open_for_goal(goal: Goal) -> list[SharedGoalProposal]:
    return list(_open().filter(Q(goal_a=goal) | Q(goal_b=goal)).order_by("created_at", "id"))


def open_for_holders(holder_ids: set[int]) -> list[SharedGoalProposal]:
    """Open proposals that involve a goal of one of the holders, oldest first."""
    if not holder_ids:
        return []
    q = Q(goal_a__contract__holder_id__in=holder_ids) | Q(goal_b__contract__holder_id__in=holder_ids)
    return list(_open().filter(q).order_by("created_at", "id"))


def open_pairs(goal_ids: set[int]) -> set[frozenset[int]]:
    """The pairs among `goal_ids` that have an open proposal (one query)."""
    rows = SharedGoalProposal.objects.filter(
        status=ProposalStatus.PROPOSED, goal_a_id__in=goal_ids, goal_b_id__in=goal_ids
    ).values_list("goal_a_id", "goal_b_id")
    return {frozenset(row) for row in rows}


# Writing ---------------------------------------------------------------------------------


def _partners_already(goal: Goal, other: Goal) -> bool:
    return goal.partners.filter(unit_id=other.contract.holder_id).exists()


def _validate_pair(goal_a: Goal, goal_b: Goal, note: str) -> None:
    problems = []
    if goal_a.contract.holder_id == goal_b.contract.holder_id:
        problems.append(_("Målene hører til samme kontraktholder."))
    if goal_a.contract.year != goal_b.contract.year:
        problems.append(_("Målene hører til kontrakter for forskellige år."))
    if _partners_already(goal_a, goal_b) and _partners_already(goal_b, goal_a):
        problems.append(_("Målene er allerede fælles mål med hinanden."))
    if len(note) > NOTE_MAX:
        problems.append(_("Bemærkningen må højst have %(max)s tegn.") % {"max": NOTE_MAX})
    if problems:
        raise WorkflowError(_("Forslaget kan ikke sendes:"), problems)


def propose(user, goal_a: Goal, goal_b: Goal, note: str = "") -> SharedGoalProposal:
    """Propose that the two goals become one shared goal; refused if one is already open."""
    if not may_propose(user, goal_a, goal_b):
        raise NotAllowed(_("Kun fagchefen for begge kontraktholdere eller direktøren kan foreslå et fælles mål."))
    note = note.strip()
    _validate_pair(goal_a, goal_b, note)
    first, second = sorted((goal_a, goal_b), key=lambda g: g.pk)
    try:
        with transaction.atomic():
            proposal = SharedGoalProposal.objects.create(goal_a=first, goal_b=second, proposed_by=user, note=note)
            notify.proposal_waiting(proposal, user)  # the two holders, mailed when it commits
            return proposal
    except IntegrityError as exc:  # the partial unique constraint: one open proposal per pair
        raise WorkflowError(_("Der er allerede et åbent forslag om fælles mål for de to mål.")) from exc


def _locked_proposal(proposal: SharedGoalProposal, goal: Goal) -> SharedGoalProposal:
    """The proposal row, locked for this transaction; refused unless it is open and this side may answer."""
    locked = SharedGoalProposal.objects.select_for_update().get(pk=proposal.pk)
    if not locked.is_open:
        raise WorkflowError(_("Forslaget er allerede afgjort."))
    if locked.accepted_for(goal.pk):
        raise WorkflowError(_("Du har allerede accepteret forslaget for dit mål."))
    return locked


def _partner_for(goal: Goal, unit) -> GoalPartner | None:
    """The goal's partner row for the unit: linked to it, or only named as written (compared in
    Python: SQLite's case-insensitive match knows no "Ø")."""
    for partner in goal.partners.all():
        if partner.unit_id == unit.pk or (partner.unit_id is None and partner.name.casefold() == unit.name.casefold()):
            return partner
    return None


def _make_shared(goal: Goal, other: Goal, user, role: str) -> None:
    """`goal` becomes shared with `other`'s holder as partner, with the role the holder wrote,
    recorded in the goal's history."""
    unit = other.contract.holder
    reason = _("Fælles mål med %(unit)s efter forslag") % {"unit": unit.name}
    partner = _partner_for(goal, unit) or GoalPartner(goal=goal)
    partner.unit = unit
    partner.role = partner.role or role  # a role written earlier stays
    record(partner, user, reason)
    partner.save()
    Goal.objects.filter(pk=goal.pk).update(version=F("version") + 1)  # an open edit form now conflicts
    goal.refresh_from_db()
    if goal.scope == GoalScope.LOCAL:
        goal.scope = GoalScope.SHARED
    goal.full_clean()  # a shared goal needs a partner (`Goal.clean`)
    record(goal, user, reason)
    goal.save()


def _decide(proposal: SharedGoalProposal, status: str, user) -> None:
    proposal.status = status
    proposal.decided_by = user
    proposal.decided_at = timezone.now()


def accept(proposal: SharedGoalProposal, goal: Goal, user, role: str = "") -> SharedGoalProposal:
    """The holder of `goal` accepts: their goal becomes shared with the other holder, whose
    responsibility and role in it the holder writes (`role`). Only a draft changes: a submitted
    contract is under review, an entered one needs a new revision."""
    if not may_decide(user, goal):
        raise NotAllowed(_("Kun kontraktholderen kan svare på et forslag om fælles mål for sit mål."))
    try:
        with transaction.atomic():
            locked = _locked_proposal(proposal, goal)
            goal = Goal.objects.select_related("contract__holder").get(pk=goal.pk)
            if goal.deleted_at is not None:
                raise WorkflowError(_("Målet er slettet. Fortryd sletningen, før du svarer på forslaget."))
            if goal.contract.status == ContractStatus.SUBMITTED:
                raise WorkflowError(str(SUBMITTED_MESSAGE))
            other = Goal.objects.select_related("contract__holder").get(pk=locked.other_goal(goal.pk).pk)
            partner = _partner_for(goal, other.contract.holder)
            role = " ".join((role or "").split()) or (partner.role if partner else "")
            if not role:
                raise WorkflowError(
                    _("Skriv, hvad %(unit)s står for i det fælles mål.") % {"unit": other.contract.holder.name}
                )
            _make_shared(goal, other, user, role)
            setattr(locked, f"accepted_{locked.side_of(goal.pk)}_at", timezone.now())
            if locked.accepted_a_at and locked.accepted_b_at:
                _decide(locked, ProposalStatus.ACCEPTED, user)
            locked.save()
            return locked
    except ContractLocked as exc:
        raise Locked(exc.messages[0]) from exc


def decline(proposal: SharedGoalProposal, goal: Goal, user) -> SharedGoalProposal:
    """The holder of `goal` declines: the proposal is closed for both."""
    if not may_decide(user, goal):
        raise NotAllowed(_("Kun kontraktholderen kan svare på et forslag om fælles mål for sit mål."))
    with transaction.atomic():
        locked = _locked_proposal(proposal, goal)
        _decide(locked, ProposalStatus.DECLINED, user)
        locked.save()
        return locked
