"""The year's red thread from the database: the contracts in force for the year
(`contracts.lineage.revisions_in_force`), their live goals and what they link to, and the
policies, the year's DUS tracks and focus areas and the budget changes (`core.redthread`)."""

from __future__ import annotations

from roedtraad.contracts.lineage import revisions_in_force
from roedtraad.contracts.models import Goal
from roedtraad.core.redthread import FocusAreaRef, GoalLinks, GoalRef, YearThread, red_thread
from roedtraad.frameworks.models import BudgetChange, FocusArea, Framework, Policy, Track


def _goals(year: int) -> list[GoalLinks]:
    in_force = revisions_in_force(year)
    goals = (
        Goal.objects.filter(contract__year=year, deleted_at__isnull=True)
        .select_related("contract__holder")
        .prefetch_related("policies", "tracks", "focus_areas", "budget_changes")
        .order_by("contract__holder__name", "number")
    )
    return [
        GoalLinks(
            GoalRef(goal.contract.holder.name, goal.number, goal.title),
            {p.pk for p in goal.policies.all()},
            {t.pk for t in goal.tracks.all()},
            {a.pk for a in goal.focus_areas.all()},
            {b.pk for b in goal.budget_changes.all()},
        )
        for goal in goals
        if (goal.contract.holder_id, goal.contract.revision) in in_force
    ]


def year_thread(year: int) -> dict:
    framework = Framework.objects.filter(year=year).first()
    tracks = list(Track.objects.filter(framework=framework).order_by("number")) if framework else []
    areas = list(FocusArea.objects.filter(framework=framework).order_by("pk")) if framework else []
    policies = Policy.objects.prefetch_related("tracks").order_by("name")
    return red_thread(
        YearThread(
            policies=[(p.pk, p.name, [t.title for t in p.tracks.all()]) for p in policies],
            tracks=[(t.pk, f"Spor {t.number}: {t.title}") for t in tracks],
            focus_areas=[FocusAreaRef(a.pk, a.title, a.track_id) for a in areas],
            budget_changes=[(b.pk, str(b)) for b in BudgetChange.objects.order_by("budget", "number")],
            goals=_goals(year),
        )
    )
