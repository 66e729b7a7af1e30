"""A goal's lineage across revisions of its contract, and the contract in force.

A new revision copies the goals of the entered contract (`Goal.revised_from` links each copy to
its source). The year's figures and follow-up — indicators with their targets and measurements,
follow-up entries, planned follow-ups — stay on the entered goals while the revision is a draft
(the entered contract is still the one in force, and the one the checks judge), are shown on the
revision's goals through the lineage, and move to the revision's goals when it is entered.
Nothing is copied twice and nothing is lost.
"""

from __future__ import annotations

from django.db.models import QuerySet

from roedtraad.contracts.models import LOCKED_STATUSES, Contract, Goal


def lineage_ids(goal: Goal) -> list[int]:
    """The goal and the goals it was revised from, newest first."""
    ids, seen = [goal.pk], {goal.pk}
    current = goal.revised_from_id
    while current is not None and current not in seen:
        ids.append(current)
        seen.add(current)
        current = Goal.objects.filter(pk=current).values_list("revised_from_id", flat=True).first()
    return ids


def lineages(goals: list[Goal]) -> dict[int, list[int]]:
    """`lineage_ids` of many goals, in as many queries as the longest chain of revisions."""
    chains = {goal.pk: [goal.pk] for goal in goals}
    tips = {goal.pk: goal.revised_from_id for goal in goals}
    while any(tip is not None for tip in tips.values()):
        wanted = {tip for tip in tips.values() if tip is not None}
        parents = dict(Goal.objects.filter(pk__in=wanted).values_list("pk", "revised_from_id"))
        for pk, tip in list(tips.items()):
            if tip is None or tip in chains[pk] or tip not in parents:
                tips[pk] = None
                continue
            chains[pk].append(tip)
            tips[pk] = parents[tip]
    return chains


def indicators_of(goal: Goal) -> QuerySet:
    from roedtraad.followup.models import Indicator

    return Indicator.objects.filter(goal_id__in=lineage_ids(goal))


def follow_ups_of(goal: Goal) -> QuerySet:
    from roedtraad.followup.models import FollowUpEntry

    return FollowUpEntry.objects.filter(goal_id__in=lineage_ids(goal))


def planned_follow_ups_of(goal: Goal) -> QuerySet:
    from roedtraad.followup.models import PlannedFollowUp

    return PlannedFollowUp.objects.filter(goal_id__in=lineage_ids(goal))


def carry_follow_up(contract: Contract) -> None:
    """On entering a revision: move the previous revision's figures and follow-up to the goals
    that were revised from its goals; the contract's own planned follow-ups move with them."""
    from roedtraad.followup.models import FollowUpEntry, Indicator, PlannedFollowUp

    previous = contract.previous_revision
    if previous is None:
        return
    for goal in contract.goals.filter(revised_from__contract=previous):
        source = goal.revised_from_id
        assert source is not None  # filtered on revised_from above
        Indicator.objects.filter(goal_id=source).update(goal=goal)
        FollowUpEntry.objects.filter(goal_id=source).update(goal=goal)
        PlannedFollowUp.objects.filter(goal_id=source).update(goal=goal, contract=contract)
    PlannedFollowUp.objects.filter(contract=previous, goal__isnull=True).update(contract=contract)


def revisions_in_force(year: int) -> set[tuple[int, int]]:
    """(holder id, revision) of each holder's contract in force for the year: the latest entered
    (or closed) revision, else the latest revision. A revision being written does not replace the
    entered contract until it is entered itself."""
    best: dict[int, tuple[bool, int]] = {}
    for holder, revision, status in Contract.objects.filter(year=year).values_list("holder_id", "revision", "status"):
        key = (status in LOCKED_STATUSES, revision)
        if holder not in best or key > best[holder]:
            best[holder] = key
    return {(holder, key[1]) for holder, key in best.items()}
