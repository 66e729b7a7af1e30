"""The pages' way to the rulebook (`roedtraad.rights`): every view fetches its objects through
these helpers, which answer 404 when the user may not see the object (so its existence is not
revealed) and 403 when the user may see it but not do the asked action.
"""

from __future__ import annotations

from typing import cast

from django.core.exceptions import PermissionDenied
from django.http import Http404

from roedtraad.contracts.models import Activity, Contract, Goal, GoalPartner, StopDoingItem
from roedtraad.followup.models import FollowUpEntry, Indicator, PlannedFollowUp
from roedtraad.rights import (  # noqa: F401  (the rulebook, re-exported for templates and views)
    ACTIONS,
    PUBLIC_STATUSES,
    Rights,
    actions_for,
    can,
    can_decide_stop_doing,
    can_read,
    contracts_visible_to,
    goals_visible_to,
    indicators_visible_to,
    planned_follow_ups_visible_to,
    public_view,
    rights_for,
    shows_personal_data,
    stop_doing_items_visible_to,
)


def _check(user, contract: Contract, write: bool | str) -> None:
    if not can_read(user, contract):
        raise Http404
    action = "edit" if write is True else (write or "read")
    if not can(user, action, contract):
        raise PermissionDenied(action)


# One object per model --------------------------------------------------------------------


def contract_for_user(user, pk, write: bool | str = False) -> Contract:
    """The contract, or 404 if the user may not see it, or 403 if not do `write`.

    `write` is False (read), True (edit) or the name of an action such as "enter".
    """
    contract = Contract.objects.select_related("holder", "holder__parent", "framework").filter(pk=pk).first()
    if contract is None:
        raise Http404
    _check(user, contract, write)
    return contract


def goal_for_user(user, pk, write: bool | str = False) -> Goal:
    goal = (
        Goal.objects.select_related("contract", "contract__holder", "contract__holder__parent")
        .filter(pk=pk, deleted_at__isnull=True)
        .first()
    )
    if goal is None:
        raise Http404
    _check(user, goal.contract, write)
    return goal


def indicator_for_user(user, pk, write: bool | str = False) -> Indicator:
    indicator = indicators_visible_to(user).select_related("org_unit", "goal", "goal__contract").filter(pk=pk).first()
    if indicator is None:
        raise Http404
    if write:
        contract = cast(Goal, indicator.goal).contract if indicator.goal_id else None
        if contract is None or not can(user, "follow_up", contract):
            raise PermissionDenied("follow_up")
    return indicator


def follow_up_for_user(user, pk, write: bool | str = False) -> FollowUpEntry:
    entry = FollowUpEntry.objects.select_related("goal", "goal__contract").filter(pk=pk).first()
    if entry is None or entry.goal.deleted_at is not None:
        raise Http404
    _check(user, entry.goal.contract, "follow_up" if write else False)
    return entry


def planned_follow_up_for_user(user, pk, write: bool | str = False) -> PlannedFollowUp:
    planned = PlannedFollowUp.objects.select_related("contract").filter(pk=pk).first()
    if planned is None:
        raise Http404
    _check(user, planned.contract, "follow_up" if write else False)
    return planned


def activity_for_user(user, pk, write: bool | str = False) -> Activity:
    activity = Activity.objects.select_related("goal__contract__holder").filter(pk=pk).first()
    if activity is None or activity.goal.deleted_at is not None:
        raise Http404
    _check(user, activity.goal.contract, write)
    return activity


def partner_for_user(user, pk, write: bool | str = False) -> GoalPartner:
    partner = GoalPartner.objects.select_related("unit", "goal__contract__holder").filter(pk=pk).first()
    if partner is None or partner.goal.deleted_at is not None:
        raise Http404
    _check(user, partner.goal.contract, write)
    return partner


def stop_doing_for_user(user, pk, write: bool | str = False) -> StopDoingItem:
    item = StopDoingItem.objects.select_related("contract__holder").filter(pk=pk).first()
    if item is None:
        raise Http404
    _check(user, item.contract, write)
    return item


def stop_doing_to_decide(user, pk) -> StopDoingItem:
    """A stop-doing item to decide on: 404 for a stranger to its contract, 403 for anyone who
    may read it but does not decide (everyone but the director)."""
    item = stop_doing_for_user(user, pk)
    if not can_decide_stop_doing(user):
        raise PermissionDenied("decide_stop_doing")
    return item
