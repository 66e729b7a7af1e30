"""The annual cycle as data: each year's milestones, and who is behind by them.

- `ensure_milestones(framework)`: a framework without milestones gets the DUS's defaults
  (`core.cycle.default_milestones`); the demo and the director's milestone page call it.
- `save_milestone`, `delete_milestone`: the director's changes (`rights.can_edit_milestones`).
- `late_contracts(user)`: the holders that have not submitted after the submission milestone, or
  whose contract is not entered after the entry milestone, of every contract year running today
  (a holder without any contract for the year counts as neither submitted nor entered).
- `reviews_waiting(user)`: the submitted contracts waiting for review, with how long they have waited.
- `holder_follow_ups_due(user)`: a holder's planned follow-ups and contract dialogues of the coming
  14 days, and those overdue.

Whose lists: `rights.cycle_units_for` (the director every holder, a head of area their area).
A fixed number of queries each, however many contracts.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from roedtraad import rights
from roedtraad.contracts.models import Contract, ContractStatus
from roedtraad.core import cycle
from roedtraad.followup.models import PlannedFollowUp
from roedtraad.frameworks.models import Framework, Milestone, MilestoneKind
from roedtraad.org.models import OrgUnit, OrgUnitKind

DUE_WITHIN_DAYS = 14
MAX_ROWS = 50


def _require_editor(user) -> None:
    if not rights.can_edit_milestones(user):
        raise PermissionDenied(_("Kun direktøren kan ændre årets milepæle."))


# Milestones ------------------------------------------------------------------------------


@transaction.atomic
def ensure_milestones(framework: Framework) -> list[Milestone]:
    """The framework's milestones; the DUS's defaults for its year are made first when it has none.
    Each row is saved on its own (not bulk-created), so the page cache hears of it."""
    Framework.objects.select_for_update().filter(pk=framework.pk).first()  # two at once make them once
    if not framework.milestones.exists():
        for spec in cycle.default_milestones(framework.year):
            Milestone.objects.create(
                framework=framework, kind=spec.kind, date=spec.date, title=spec.title, description=spec.description
            )
    return list(framework.milestones.all())


@transaction.atomic
def create_default_milestones(user, framework: Framework) -> list[Milestone]:
    """The director asks for the defaults (the page offers it while the year has none)."""
    _require_editor(user)
    return ensure_milestones(framework)


@transaction.atomic
def save_milestone(user, framework: Framework, milestone: Milestone | None, **data) -> Milestone:
    """Add a milestone to the framework's year (`milestone` None) or change one."""
    _require_editor(user)
    if milestone is None:
        milestone = Milestone(framework=framework)
    elif milestone.framework_id != framework.pk:
        raise PermissionDenied(_("Milepælen hører til et andet år."))
    for name in ("kind", "date", "title", "description"):
        if name in data:
            setattr(milestone, name, data[name])
    milestone.full_clean()
    milestone.save()
    return milestone


@transaction.atomic
def delete_milestone(user, milestone: Milestone) -> None:
    _require_editor(user)
    milestone.delete()


def years_without_milestones(today: dt.date | None = None) -> list[int]:
    """This year's and next year's frameworks that have no milestones yet (the director's reminder)."""
    today = today or timezone.localdate()
    frameworks = Framework.objects.filter(year__in=[today.year, today.year + 1], milestones__isnull=True)
    return sorted(set(frameworks.values_list("year", flat=True)))


# Late contracts --------------------------------------------------------------------------


@dataclass
class LateContract:
    """A holder behind the year's deadlines: `missed` holds `core.cycle.SUBMISSION` and/or `ENTRY`."""

    holder: OrgUnit
    year: int
    contract: Contract | None  # the newest revision, None when the holder has no contract for the year
    status: str | None
    missed: list[str]
    deadline: dt.date  # the first deadline missed
    days_late: int

    @property
    def not_submitted(self) -> bool:
        return cycle.SUBMISSION in self.missed

    @property
    def not_entered(self) -> bool:
        return cycle.ENTRY in self.missed


def _running_deadlines(today: dt.date) -> dict[int, cycle.Deadlines]:
    """The deadlines of the contract years that have one behind them and are not over yet."""
    kinds = [MilestoneKind.SUBMISSION, MilestoneKind.ENTRY, MilestoneKind.YEAR_END]
    by_year: dict[int, list[tuple[str, dt.date]]] = {}
    rows = Milestone.objects.filter(framework__year__in=[today.year - 1, today.year, today.year + 1], kind__in=kinds)
    for year, kind, day in rows.values_list("framework__year", "kind", "date"):
        by_year.setdefault(year, []).append((kind, day))
    found = {}
    for year, milestones in by_year.items():
        due = cycle.deadlines(year, milestones)
        started = [d for d in (due.submission, due.entry) if d is not None and d < today]
        if started and today <= due.year_end:
            found[year] = due
    return found


def late_contracts(user, today: dt.date | None = None) -> list[LateContract]:
    """The holders behind the running years' deadlines whom the user follows, longest late first."""
    units = rights.cycle_units_for(user)
    if units is not None and not units:
        return []
    today = today or timezone.localdate()
    running = _running_deadlines(today)
    if not running:
        return []
    contracts = rights.contracts_visible_to(user).filter(year__in=running)
    holders = OrgUnit.objects.filter(kind=OrgUnitKind.HOLDER)
    if units is not None:
        contracts, holders = contracts.filter(holder_id__in=units), holders.filter(id__in=units)
    by_holder_year: dict[tuple[int, int], list[Contract]] = {}
    for contract in contracts.select_related("holder", "holder__parent").order_by("revision"):
        by_holder_year.setdefault((contract.holder_id, contract.year), []).append(contract)
    found = []
    for holder in holders.select_related("parent"):
        for year, due in running.items():
            revisions = by_holder_year.get((holder.pk, year), [])
            status = cycle.furthest_status(c.status for c in revisions)
            missed = cycle.missed(due, status, today)
            if not missed:
                continue
            deadline = due.submission if cycle.SUBMISSION in missed else due.entry
            assert deadline is not None  # a missed deadline has a date
            newest = revisions[-1] if revisions else None
            found.append(LateContract(holder, year, newest, status, missed, deadline, (today - deadline).days))
    found.sort(key=lambda item: (item.deadline, item.year, item.holder.parent_id or 0, item.holder.name))
    return found[:MAX_ROWS]


# Reviews waiting -------------------------------------------------------------------------


@dataclass
class WaitingReview:
    contract: Contract
    since: dt.date | None  # when it was (last) submitted; None when the history does not say
    days: int | None = None
    recommended: bool = False


def submitted_since(contract_ids: list[int]) -> dict[int, dt.datetime]:
    """When each contract's current stretch as submitted began, from its history (one query). A
    contract sent back and submitted again waits from the new submission."""
    since: dict[int, dt.datetime | None] = {}
    rows = Contract.history.filter(id__in=contract_ids).order_by("id", "history_id")
    for pk, status, at in rows.values_list("id", "status", "history_date"):
        if status != ContractStatus.SUBMITTED:
            since[pk] = None
        elif since.get(pk) is None:
            since[pk] = at
    return {pk: at for pk, at in since.items() if at is not None}


def reviews_waiting(user, today: dt.date | None = None) -> list[WaitingReview]:
    """Submitted contracts the user reviews (a head of area: their area's, oldest first) or enters
    (the director: all, those the head of area has recommended first), with the days they wait."""
    units = rights.cycle_units_for(user)
    if units is not None and not units:
        return []
    today = today or timezone.localdate()
    submitted = rights.contracts_visible_to(user).filter(status=ContractStatus.SUBMITTED)
    if units is not None:
        submitted = submitted.filter(holder_id__in=units)
    contracts = list(submitted.select_related("holder", "holder__parent").order_by("holder__name", "year"))
    started = submitted_since([c.pk for c in contracts])
    waiting = []
    for contract in contracts:
        at = started.get(contract.pk)
        day = timezone.localdate(at) if at is not None else None
        days = (today - day).days if day is not None else None
        waiting.append(WaitingReview(contract, day, days, contract.recommended_on is not None))
    never = dt.date.max  # unknown dates last
    if units is None:
        waiting.sort(key=lambda w: (not w.recommended, w.since or never))
    else:
        waiting.sort(key=lambda w: w.since or never)
    return waiting


# A holder's follow-ups -------------------------------------------------------------------


@dataclass
class DueFollowUp:
    planned: PlannedFollowUp
    days: int  # from today; negative when overdue

    @property
    def overdue(self) -> bool:
        return self.days < 0


def holder_follow_ups_due(user, today: dt.date | None = None, within: int = DUE_WITHIN_DAYS) -> list[DueFollowUp]:
    """The planned follow-ups and contract dialogues of the user's own entered contracts that are
    not held yet and fall in the coming `within` days, or are overdue; the oldest first."""
    own = rights.rights_for(user).holders
    if not own:
        return []
    today = today or timezone.localdate()
    planned = (
        rights.planned_follow_ups_visible_to(user)
        .filter(
            contract__holder_id__in=own,
            contract__status=ContractStatus.ENTERED,
            done=False,
            date__lte=today + dt.timedelta(days=within),
        )
        .select_related("contract", "contract__holder", "goal")
        .order_by("date", "id")
    )
    return [DueFollowUp(p, (p.date - today).days) for p in planned[:MAX_ROWS]]
