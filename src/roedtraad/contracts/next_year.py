"""Next year's round started from this year's: for each holder's contract in force, a draft for
the next year with the multi-year and carried-over goals copied (not linked: the copy is edited
freely), each pointing to the goal it came from (`carried_over_from`); their sections, partners
and red thread (tracks and focus areas mapped onto next year's DUS by number and title); the
activities not yet done that reach into the new year; and for each indicator a successor from
the new year's first day with the last measured value as its baseline, the targets that reach
into the new year, and the old indicator's series before it (`Indicator.continues_from`).
Follow-up entries are not copied. Nothing of the old year changes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from roedtraad import rights
from roedtraad.contracts.lineage import revisions_in_force
from roedtraad.contracts.models import (
    Activity,
    ActivityStatus,
    Contract,
    ContractStatus,
    Goal,
    GoalPartner,
    GoalSection,
)
from roedtraad.contracts.workflow import WorkflowError
from roedtraad.frameworks.models import Framework

OPEN_ACTIVITY = (ActivityStatus.PLANNED, ActivityStatus.IN_PROGRESS)


@dataclass
class HolderStart:
    """What starting the next year does (or did) for one holder."""

    holder: str
    source: Contract
    goals: list[Goal] = field(default_factory=list)  # this year's goals that are carried on
    skipped: str = ""  # why no draft is (or was) made
    draft: Contract | None = None


def carried_goals(contract: Contract) -> list[Goal]:
    """The goals that go on into next year: multi-year, or carried over already."""
    goals = contract.goals.filter(deleted_at__isnull=True).order_by("number")
    return [g for g in goals if g.multi_year or g.carried_over_from_id]


def plan_next_year(year: int) -> list[HolderStart]:
    """What `start_next_year` would make, holder by holder, without writing anything."""
    in_force = revisions_in_force(year)
    contracts = Contract.objects.filter(year=year).select_related("holder").order_by("holder__name", "revision")
    started = set(Contract.objects.filter(year=year + 1).values_list("holder_id", flat=True))
    plans = []
    for contract in contracts:
        if (contract.holder_id, contract.revision) not in in_force:
            continue
        plan = HolderStart(contract.holder.name, contract, carried_goals(contract))
        if contract.holder_id in started:
            plan.skipped = _("har allerede en kontrakt for %(year)s") % {"year": year + 1}
        elif contract.status not in (ContractStatus.ENTERED, ContractStatus.CLOSED):
            plan.skipped = _("kontrakten for %(year)s er ikke indgået") % {"year": year}
        plans.append(plan)
    return plans


@transaction.atomic
def start_next_year(user, year: int) -> list[HolderStart]:
    """Make next year's drafts (the director only). Holders already started, or whose contract
    is not entered, are skipped and say why."""
    if not rights.can_start_next_year(user):
        raise PermissionDenied(_("Kun direktøren starter næste års kontrakter."))
    framework = Framework.objects.filter(year=year + 1).first()
    if framework is None:
        raise WorkflowError(_("Der er ingen DUS for %(year)s endnu. Opret den først.") % {"year": year + 1})
    plans = plan_next_year(year)
    for plan in plans:
        if not plan.skipped:
            plan.draft = _copy(plan, framework, user)
    return plans


def _reason(year: int) -> str:
    return _("Startet fra kontrakten for %(year)s") % {"year": year}


def _copy(plan: HolderStart, framework: Framework, user) -> Contract:
    source, reason = plan.source, _reason(plan.source.year)
    draft = Contract(
        holder=source.holder,
        year=framework.year,
        kind=source.kind,
        layout=source.layout,
        framework=framework,
        title=source.title.replace(str(source.year), str(framework.year)),
        holder_person=source.holder_person,
        head_of_area=source.head_of_area,
        director=source.director,
    )
    _saved(draft, user, reason)
    for number, goal in enumerate(plan.goals, start=1):
        _copy_goal(goal, draft, number, framework, user, reason)
    return draft


def _saved(instance, user, reason: str):
    instance._history_user = user if getattr(user, "is_authenticated", False) else None
    instance._change_reason = reason
    instance.save()
    return instance


def _copy_goal(goal: Goal, draft: Contract, number: int, framework: Framework, user, reason: str) -> Goal:
    copy = _saved(
        Goal(
            contract=draft,
            number=number,
            title=goal.title,
            scope=goal.scope,
            multi_year=goal.multi_year,
            carried_over_from=goal,
        ),
        user,
        reason,
    )
    copy.policies.set(goal.policies.all())
    copy.budget_changes.set(goal.budget_changes.all())
    copy.tracks.set(framework.tracks.filter(number__in=[t.number for t in goal.tracks.all()]))
    copy.focus_areas.set(framework.focus_areas.filter(title__in=[a.title for a in goal.focus_areas.all()]))
    new_year = dt.date(framework.year, 1, 1)
    rows = {
        GoalSection: [
            GoalSection(goal=copy, key=s.key, heading=s.heading, text=s.text, order=s.order)
            for s in goal.sections.all()
        ],
        GoalPartner: [GoalPartner(goal=copy, unit=p.unit, name=p.name, role=p.role) for p in goal.partners.all()],
        Activity: [
            Activity(goal=copy, text=a.text, owner=a.owner, due_date=a.due_date, status=a.status, order=a.order)
            for a in goal.activities.all()
            if a.status in OPEN_ACTIVITY and (a.due_date is None or a.due_date >= new_year)
        ],
    }
    for model, made in rows.items():
        if made:
            bulk_create_with_history(made, model, default_change_reason=reason, default_user=_user(user))
    from roedtraad.contracts.lineage import indicators_of
    from roedtraad.followup.successors import follow_on  # contracts does not import followup at load

    for indicator in indicators_of(goal).order_by("pk"):
        follow_on(indicator, copy, new_year, user)
    return copy


def _user(user):
    return user if getattr(user, "is_authenticated", False) else None
