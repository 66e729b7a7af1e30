"""The rulebook of rights: who may see and do what to which contract, goal or indicator.

Services, views, the importer, the checks and the admin all ask here; nothing else decides a
right. (`web.access` turns a refusal into 404/403 for the pages.)

Roles (`org.UserRole`): a director may do everything and enters contracts; a head of
area reviews the contracts of the holders in their area (the OrgUnit subtree under
`UserRole.unit`), comments and requests changes; a contract holder edits their own
drafts and adds follow-ups; a reader reads (everything, or a subtree when `unit` is set).

A stranger (no role covering the object) gets 404, so the object's existence is not
revealed; someone who may read but not do the asked action gets 403. With
`settings.ROEDTRAAD_PUBLIC_VIEW` everybody may read entered contracts on the public pages
(`public_contracts`, `public_indicators`), which are their own views without people,
comments or history; the working pages are never opened by it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, cast

from django.conf import settings
from django.db.models import Q, QuerySet

from roedtraad.contracts.models import LOCKED_STATUSES, Contract, ContractStatus, Goal, StopDoingItem
from roedtraad.followup.models import Indicator, PlannedFollowUp
from roedtraad.org.models import OrgUnit, Role, subtree

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
        names: list[str] = [Role.DIRECTOR] if self.director else []
        names += [Role.HEAD_OF_AREA] if self.areas else []
        names += [Role.HOLDER] if self.holders else []
        return names + ([Role.READER] if self.readers else [])


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
            parents: dict[int, int | None] = dict(OrgUnit.objects.values_list("id", "parent_id"))
            for role, unit in roles:
                scope = cast("set[Any]", subtree({unit}, parents)) if unit else {None}  # unit ids; {None}: all units
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
    return Q(**{f"{prefix}holder_id__in": rights.readable_units()})


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


def stop_doing_items_visible_to(user) -> QuerySet[StopDoingItem]:
    """Stop-doing proposals of the contracts the user may read (the register's rows)."""
    q = _contract_filter(user, "contract__")
    return StopDoingItem.objects.all() if q is None else StopDoingItem.objects.filter(q)


def planned_follow_ups_visible_to(user) -> QuerySet[PlannedFollowUp]:
    q = _contract_filter(user, "contract__")
    return PlannedFollowUp.objects.all() if q is None else PlannedFollowUp.objects.filter(q)


# Rights on one contract ------------------------------------------------------------------


def can_read(user, contract: Contract) -> bool:
    rights = rights_for(user)
    return rights.reads_all or contract.holder_id in rights.readable_units()


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


def can_decide_stop_doing(user) -> bool:
    """Whether the user decides on the contracts' stop-doing proposals (stopped, rejected, being
    examined): the director only. Everybody who may read a contract sees its decisions."""
    return rights_for(user).director


def actions_for(user, contract: Contract) -> set[str]:
    return {action for action in ACTIONS if can(user, action, contract)}


# The public view ------------------------------------------------------------------------


def public_contracts() -> QuerySet[Contract]:
    """What the public pages show when the public view is on: entered (and closed) contracts,
    the latest such revision of each holder and year; nothing when it is off."""
    if not public_view():
        return Contract.objects.none()
    return Contract.objects.filter(status__in=PUBLIC_STATUSES).order_by("holder_id", "year", "-revision")


def public_indicators(contract: Contract) -> QuerySet[Indicator]:
    """A public contract's indicators at holder level and above: a centre's or department's
    figures can describe a handful of people, so they are not published."""
    parents: dict[int, int | None] = dict(OrgUnit.objects.values_list("id", "parent_id"))
    levels: set[int] = set()
    unit: int | None = contract.holder_id
    while unit is not None and unit not in levels:
        levels.add(unit)
        unit = parents.get(unit)
    return Indicator.objects.filter(goal__contract=contract, goal__deleted_at__isnull=True, org_unit_id__in=levels)


def can_change_follow_up(user, entry) -> bool:
    """A follow-up entry is changed by its author only, while the contract is followed up
    (entered, not yet closed) and the author may still follow it up."""
    person = getattr(entry, "author", None)
    if person is None or person.user_id != getattr(user, "pk", None):
        return False
    return can(user, "follow_up", entry.goal.contract)


# The annual cycle -----------------------------------------------------------------------


def can_edit_milestones(user) -> bool:
    """A year's milestones (the DUS's calendar) are set by the director; everybody else reads them."""
    return rights_for(user).director


def cycle_units_for(user) -> set[int] | None:
    """The contract holders whose deadlines and waiting reviews the user keeps an eye on (None: every
    holder): the director all of them, a head of area those in their area, anybody else none."""
    rights = rights_for(user)
    if rights.director:
        return None
    return set(rights.areas)


# Measurements and small numbers ---------------------------------------------------------


def measurement_units_for(user) -> set[int] | None:
    """The units whose figures the user may import (None: every unit). A director imports for
    the municipality; a head of area and a contract holder for their own subtree; a reader never."""
    rights = rights_for(user)
    if rights.director:
        return None
    return rights.areas | rights.holders


def imports_measurements(user) -> bool:
    """Whether the user may upload measurement files at all (some unit to import for)."""
    units = measurement_units_for(user)
    return units is None or bool(units)


def sees_small_numbers(user, unit_id: int) -> bool:
    """Whether a figure of a unit with few employees is shown to the user unsuppressed: only to
    the director and the leaders of that unit (a head of area or holder whose subtree holds it)."""
    rights = rights_for(user)
    return rights.director or unit_id in rights.areas or unit_id in rights.holders


def can_maintain_red_thread(user) -> bool:
    """Whether the user maintains the council's policies, budget changes and each year's DUS
    tracks and focus areas (the records goals link to): the director only."""
    return rights_for(user).director


def can_hold_dialogue(user, contract: Contract) -> bool:
    """Whether the user plans a contract dialogue on the contract and writes its minutes: the
    director, or the head of area over the holder, once the contract is entered."""
    rights = rights_for(user)
    if contract.status != ContractStatus.ENTERED or not (rights.director or contract.holder_id in rights.areas):
        return False
    from roedtraad.contracts.lineage import revisions_in_force  # a revision replaced is not followed up

    return (contract.holder_id, contract.revision) in revisions_in_force(contract.year)


def can_start_next_year(user) -> bool:
    """Whether the user starts next year's round of contracts from this year's: the director only."""
    return rights_for(user).director


def can_plan_follow_up(user, contract: Contract) -> bool:
    """Whether the user plans follow-ups of the contract by hand (a meeting, a review of the
    figures): whoever edits the draft, or follows up on the entered contract."""
    return can(user, "edit", contract) or can(user, "follow_up", contract)


def acting_director():
    """The user a command acts as when it does the director's work (starting next year, printing
    the contracts): the first active user with the director role, else an active superuser."""
    from django.contrib.auth import get_user_model

    users = get_user_model().objects.filter(is_active=True)
    return users.filter(roles__role=Role.DIRECTOR).order_by("pk").first() or users.filter(is_superuser=True).first()


def report_definitions_of(user):
    """The saved report layouts the user may open, make again or delete: their own. (What each
    report then shows is the user's to read: contracts and indicators by the rules above.)"""
    from roedtraad.reports.models import ReportDefinition  # reports asks the rulebook, not the reverse

    if not rights_for(user).has_role:
        return ReportDefinition.objects.none()
    return ReportDefinition.objects.filter(created_by_id=user.pk)
