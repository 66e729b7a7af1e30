"""The year's red thread from the database: the contracts in force for the year
(`contracts.lineage.revisions_in_force`), their live goals and what they link to, and the
policies, the year's DUS tracks and focus areas and the budget changes (`core.redthread`).
The command's JSON (`year_thread`) and the pages (`unserved_records`, `goals_in_force`,
`thread_goals`) are made here, so both say the same."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Prefetch

from roedtraad import rights
from roedtraad.contracts.lineage import lineages, revisions_in_force
from roedtraad.contracts.models import Goal, GoalSection
from roedtraad.core.followup.rollup import Rolled
from roedtraad.core.redthread import (
    FocusAreaRef,
    GoalLinks,
    GoalRef,
    YearThread,
    red_thread,
    tracks_served,
    unserved,
)
from roedtraad.followup.indicator_status import IndicatorStatus, goal_rollup, lineage_statuses
from roedtraad.followup.models import FollowUpEntry
from roedtraad.frameworks.models import BudgetChange, FocusArea, Framework, Policy, Track

EFFECT_SECTION = "virkning_borger"  # the section that says what the goal does for the citizen


def _goals(year: int) -> list[GoalLinks]:
    in_force = revisions_in_force(year)
    goals = (
        Goal.objects.filter(contract__year=year, deleted_at__isnull=True)
        .select_related("contract__holder")
        .prefetch_related("policies", "tracks", "focus_areas", "budget_changes")
        .order_by("contract__holder__name", "number")
    )
    return [links_of(goal) for goal in goals if (goal.contract.holder_id, goal.contract.revision) in in_force]


def links_of(goal: Goal) -> GoalLinks:
    """What a goal (its links prefetched) refers to, as the core reads it; `tracks` are the
    ones it names itself."""
    return GoalLinks(
        GoalRef(goal.contract.holder.name, goal.number, goal.title),
        {p.pk for p in goal.policies.all()},
        {t.pk for t in goal.tracks.all()},
        {a.pk for a in goal.focus_areas.all()},
        {b.pk for b in goal.budget_changes.all()},
    )


def tracks_of(goal: Goal) -> set[int]:
    """The DUS tracks a goal serves, its focus areas' tracks included (`core.redthread.tracks_served`)."""
    return tracks_served((t.pk for t in goal.tracks.all()), (a.track_id for a in goal.focus_areas.all()))


def year_thread(year: int) -> dict:
    return red_thread(_year(year))


def unserved_records(year: int) -> dict[str, list]:
    """The policies, DUS tracks and focus areas no goal of the year serves, as records (for
    links). Judged over every contract in force, whoever asks: that nothing serves a policy is a
    fact about the municipality, not about one holder's contracts."""
    keys = unserved(_year(year))
    return {
        "policies": list(Policy.objects.filter(pk__in=keys["policies"]).order_by("name")),
        "tracks": list(Track.objects.filter(pk__in=keys["tracks"]).order_by("number")),
        "focus_areas": list(FocusArea.objects.filter(pk__in=keys["focus_areas"]).order_by("pk")),
    }


def _year(year: int) -> YearThread:
    framework = Framework.objects.filter(year=year).first()
    tracks = list(Track.objects.filter(framework=framework).order_by("number")) if framework else []
    areas = list(FocusArea.objects.filter(framework=framework).order_by("pk")) if framework else []
    policies = Policy.objects.prefetch_related("tracks").order_by("name")
    return YearThread(
        policies=[(p.pk, p.name, [t.title for t in p.tracks.all()]) for p in policies],
        tracks=[(t.pk, f"Spor {t.number}: {t.title}") for t in tracks],
        focus_areas=[FocusAreaRef(a.pk, a.title, a.track_id) for a in areas],
        budget_changes=[(b.pk, str(b)) for b in BudgetChange.objects.order_by("budget", "number")],
        goals=_goals(year),
    )


def goals_in_force(year: int, user) -> list[Goal]:
    """The live goals of the year's contracts in force that the user may read, with their links
    and sections, holder by holder."""
    in_force = revisions_in_force(year)
    goals = (
        rights.goals_visible_to(user)
        .filter(contract__year=year)
        .select_related("contract__holder")
        .prefetch_related(
            "policies",
            "tracks",
            "focus_areas__track",
            "budget_changes",
            Prefetch("sections", queryset=GoalSection.objects.filter(key=EFFECT_SECTION), to_attr="effect_sections"),
        )
        .order_by("contract__holder__name", "number")
    )
    return [g for g in goals if (g.contract.holder_id, g.contract.revision) in in_force]


@dataclass
class ThreadGoal:
    """A goal as the red-thread pages show it: its status and indicators, its expected effect for
    the citizen, and its latest follow-up entry (of its whole lineage across revisions)."""

    goal: Goal
    rolled: Rolled
    indicators: list[IndicatorStatus]
    effect: str
    latest: FollowUpEntry | None


def thread_goals(goals: list[Goal], today: dt.date | None = None) -> list[ThreadGoal]:
    statuses, latest_rag = lineage_statuses(goals, today)
    chains = lineages(goals)
    owner = {pk: goal_pk for goal_pk, ids in chains.items() for pk in ids}
    latest: dict[int, FollowUpEntry] = {}
    for entry in FollowUpEntry.objects.filter(goal_id__in=owner).order_by("date", "pk"):
        latest[owner[entry.goal_id]] = entry  # the last one wins
    return [
        ThreadGoal(
            goal,
            goal_rollup(statuses[goal.pk], latest_rag.get(goal.pk)),
            statuses[goal.pk],
            " ".join(s.text for s in getattr(goal, "effect_sections", [])).strip(),
            latest.get(goal.pk),
        )
        for goal in goals
    ]


def serving(goals: list[Goal], *, policy: Policy | None = None, track: Track | None = None) -> list[Goal]:
    """The goals that serve a policy, or a DUS track (directly, or through one of its focus areas)."""
    if policy is not None:
        return [g for g in goals if any(p.pk == policy.pk for p in g.policies.all())]
    assert track is not None
    return [g for g in goals if track.pk in tracks_of(g)]
