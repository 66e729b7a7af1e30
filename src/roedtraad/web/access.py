"""Who may see and change what. Every view fetches its objects through these helpers.

Roles (`org.UserRole`): a director may do everything and enters contracts; a head of
area reviews the contracts of the holders in their area (the OrgUnit subtree under
`UserRole.unit`), comments and requests changes; a contract holder edits their own
drafts and adds follow-ups; a reader reads (everything, or a subtree when `unit` is set).

A stranger (no role covering the object) gets 404, so the object's existence is not
revealed; someone who may read but not do the asked action gets 403. With
`settings.ROEDTRAAD_PUBLIC_VIEW` everybody may read entered contracts, without
personal data.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from roedtraad.contracts.models import (
    LOCKED_STATUSES,
    Activity,
    Contract,
    ContractStatus,
    Goal,
    GoalPartner,
    StopDoingItem,
)
from roedtraad.followup.models import FollowUpEntry, Indicator, PlannedFollowUp
from roedtraad.org.models import OrgUnit, Role

PUBLIC_STATUSES = tuple(LOCKED_STATUSES)
ACTIONS = ("read", "edit", "submit", "review", "comment", "enter", "close", "new_revision", "follow_up")


@dataclass
class Rights:
    """The units a user's roles cover, per role; `None` in a set means "all units"."""

    director: bool = False
    areas: set[int] = field(default_factory=set)
    holders: set[int] = field(default_factory=set)
    readers: set[int | None] = field(default_factory=set)

    @property
    def has_role(self) -> bool:
        return self.director or bool(self.areas or self.holders or self.readers)

    @property
    def reads_all(self) -> bool:
        return self.director or None in self.readers

    def readable_units(self) -> set[int]:
        return self.areas | self.holders | {u for u in self.readers if u is not None}

    def role_names(self) -> list[str]:
        names = [Role.DIRECTOR] if self.director else []
        names += [Role.HEAD_OF_AREA] if self.areas else []
        names += [Role.HOLDER] if self.holders else []
        return names + ([Role.READER] if self.readers else [])


def _subtree(roots: set[int], parents: dict[int, int | None]) -> set[int]:
    children: dict[int | None, list[int]] = {}
    for unit, parent in parents.items():
        children.setdefault(parent, []).append(unit)
    found, stack = set(), list(roots)
    while stack:
        unit = stack.pop()
        if unit not in found:
            found.add(unit)
            stack.extend(children.get(unit, []))
    return found


def rights_for(user) -> Rights:
    """The user's rights, computed once per request (cached on the user object)."""
    cached = getattr(user, "_roedtraad_rights", None)
    if cached is not None:
        return cached
    rights = Rights()
    if user.is_authenticated and user.is_active:
        roles = list(user.roles.values_list("role", "unit_id"))
        rights.director = user.is_superuser or any(r == Role.DIRECTOR for r, _u in roles)
        if roles:
            parents = dict(OrgUnit.objects.values_list("id", "parent_id"))
            for role, unit in roles:
                scope = _subtree({unit}, parents) if unit else {None}
                if role == Role.HEAD_OF_AREA:
                    rights.areas |= scope - {None}
                elif role == Role.HOLDER:
                    rights.holders |= scope - {None}
                elif role == Role.READER:
                    rights.readers |= scope
    user._roedtraad_rights = rights
    return rights


def public_view() -> bool:
    return bool(getattr(settings, "ROEDTRAAD_PUBLIC_VIEW", False))


def shows_personal_data(user) -> bool:
    """Names of people are shown only to logged-in users with a role, never publicly."""
    return rights_for(user).has_role


# Querysets ------------------------------------------------------------------------------


def _contract_filter(user, prefix: str = "") -> Q | None:
    """A Q over contracts visible to the user; None means all contracts."""
    rights = rights_for(user)
    if rights.reads_all:
        return None
    q = Q(**{f"{prefix}holder_id__in": rights.readable_units()})
    if public_view():
        q |= Q(**{f"{prefix}status__in": PUBLIC_STATUSES})
    return q


def contracts_visible_to(user) -> QuerySet[Contract]:
    q = _contract_filter(user)
    return Contract.objects.all() if q is None else Contract.objects.filter(q)


def goals_visible_to(user) -> QuerySet[Goal]:
    q = _contract_filter(user, "contract__")
    goals = Goal.objects.filter(deleted_at__isnull=True)
    return goals if q is None else goals.filter(q)


def indicators_visible_to(user) -> QuerySet[Indicator]:
    """Indicators of units the user covers, and those tied to goals the user may read."""
    rights = rights_for(user)
    live = Indicator.objects.filter(Q(goal__isnull=True) | Q(goal__deleted_at__isnull=True))  # not of deleted goals
    if rights.reads_all:
        return live
    q = Q(org_unit_id__in=rights.readable_units()) | Q(goal__in=goals_visible_to(user))
    return live.filter(q)


def planned_follow_ups_visible_to(user) -> QuerySet[PlannedFollowUp]:
    q = _contract_filter(user, "contract__")
    return PlannedFollowUp.objects.all() if q is None else PlannedFollowUp.objects.filter(q)


# Rights on one contract ------------------------------------------------------------------


def can_read(user, contract: Contract) -> bool:
    rights = rights_for(user)
    if rights.reads_all or contract.holder_id in rights.readable_units():
        return True
    return public_view() and contract.status in PUBLIC_STATUSES


def can(user, action: str, contract: Contract) -> bool:
    """Whether the user may do `action` (one of ACTIONS) on the contract now."""
    if action not in ACTIONS:
        raise ValueError(f"unknown action {action!r}")
    if not can_read(user, contract):
        return False
    rights = rights_for(user)
    own = contract.holder_id in rights.holders
    area = contract.holder_id in rights.areas
    status = contract.status
    rules = {
        "read": True,
        "edit": status == ContractStatus.DRAFT and (rights.director or own),
        "submit": status == ContractStatus.DRAFT and (rights.director or own),
        "review": status == ContractStatus.SUBMITTED and (rights.director or area),
        "comment": rights.director or area or own,
        "enter": status == ContractStatus.SUBMITTED and rights.director,
        "close": status == ContractStatus.ENTERED and rights.director,
        "new_revision": status == ContractStatus.ENTERED and (rights.director or own),
        "follow_up": status == ContractStatus.ENTERED and (rights.director or area or own),
    }
    return rules[action]


def actions_for(user, contract: Contract) -> set[str]:
    return {action for action in ACTIONS if can(user, action, contract)}


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
        contract = indicator.goal.contract if indicator.goal_id else None
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
