"""The start page: what needs the logged-in person now, by role."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from django.db.models import Count, Max, Q
from django.utils import timezone

from roedtraad.contracts.models import Activity, ActivityStatus, Contract, ContractStatus, Goal
from roedtraad.core.followup.rhythm import overdue_since, rhythm_days
from roedtraad.followup.indicator_status import status_of, with_series
from roedtraad.followup.models import PlannedFollowUp
from roedtraad.followup.small_numbers import hidden_indicators
from roedtraad.frameworks import cycle
from roedtraad.review.models import ChangeRequest, GoalComment
from roedtraad.web import access

DUE_WITHIN_DAYS = 45


def _contracts(user):
    return (
        access.contracts_visible_to(user)
        .select_related("holder", "holder__parent")
        .annotate(goal_count=Count("goals", filter=Q(goals__deleted_at__isnull=True)))
        .order_by("-year", "holder__name")
    )


def drafts_to_finish(user):
    rights = access.rights_for(user)
    q = Q(holder_id__in=rights.holders)
    if rights.director:
        q = Q()
    elif not rights.holders:
        return []
    return list(_contracts(user).filter(q, status=ContractStatus.DRAFT))


def sent_back(drafts) -> list[dict]:
    """The drafts among `drafts` that were sent back to their holder: whose latest change request
    is newer than their last submission. Each with that request (its reason) and the open comments
    on its live goals. Three queries, however many contracts and goals."""
    ids = [contract.pk for contract in drafts]
    if not ids:
        return []
    submitted = Contract.history.filter(id__in=ids, status=ContractStatus.SUBMITTED).order_by()
    last_submitted = dict(submitted.values("id").annotate(at=Max("history_date")).values_list("id", "at"))
    latest: dict[int, ChangeRequest] = {}
    requests = ChangeRequest.objects.filter(contract_id__in=ids).select_related("author__person")
    for request in requests.order_by("contract_id", "-created_at", "-id"):
        latest.setdefault(request.contract_id, request)
    found = [
        contract
        for contract in drafts
        if contract.pk in latest
        and (last_submitted.get(contract.pk) is None or latest[contract.pk].created_at > last_submitted[contract.pk])
    ]
    if not found:
        return []
    comments: dict[int, list[GoalComment]] = defaultdict(list)
    open_comments = GoalComment.objects.filter(
        goal__contract_id__in=[c.pk for c in found], goal__deleted_at__isnull=True, resolved_at__isnull=True
    ).select_related("goal", "author__person")
    for comment in open_comments.order_by("goal__number", "created_at", "id"):
        comments[comment.goal.contract_id].append(comment)
    return [{"contract": c, "request": latest[c.pk], "comments": comments[c.pk]} for c in found]


def follow_ups_due(user, today: dt.date | None = None):
    today = today or timezone.localdate()
    horizon = today + dt.timedelta(days=DUE_WITHIN_DAYS)
    planned = (
        access.planned_follow_ups_visible_to(user)
        .filter(done=False, date__lte=horizon, contract__status=ContractStatus.ENTERED)
        .select_related("contract", "contract__holder", "goal")
        .order_by("date")
    )
    return [{"planned": p, "overdue": p.date < today} for p in planned[:50]]


def activities_due(user, today: dt.date | None = None):
    """Activities of the user's own entered contracts that are due in the coming weeks (or
    overdue) and not yet done: what the year's plan asks of the holder now. Directors and heads
    of area follow contracts by their follow-ups, not every activity (their list would be long)."""
    holders = access.rights_for(user).holders
    if not holders:
        return []
    today = today or timezone.localdate()
    horizon = today + dt.timedelta(days=DUE_WITHIN_DAYS)
    activities = (
        Activity.objects.filter(
            goal__in=access.goals_visible_to(user),
            goal__contract__status=ContractStatus.ENTERED,
            goal__contract__holder_id__in=holders,
            due_date__lte=horizon,
        )
        .exclude(status__in=[ActivityStatus.DONE, ActivityStatus.CANCELLED])
        .select_related("goal", "goal__contract", "goal__contract__holder")
        .order_by("due_date")
    )
    return [{"activity": a, "overdue": a.due_date is not None and a.due_date < today} for a in activities[:50]]


def goals_follow_up_overdue(user, today: dt.date | None = None) -> list[dict]:
    """Goals of the holder's own entered contracts (a head of area's: the area's) whose latest
    follow-up entry is older than the contract's rhythm (`core.followup.rhythm`, from its planned
    follow-ups), oldest first."""
    rights = access.rights_for(user)
    units = rights.holders | rights.areas
    if not units:
        return []
    today = today or timezone.localdate()
    goals = (
        Goal.objects.filter(
            contract__holder_id__in=units, contract__status=ContractStatus.ENTERED, deleted_at__isnull=True
        )
        .select_related("contract", "contract__holder")
        .annotate(latest_entry=Max("follow_ups__date"))
    )
    planned: dict[int, list[dt.date]] = defaultdict(list)
    contract_ids = {g.contract_id for g in goals}
    for contract_id, date in PlannedFollowUp.objects.filter(contract_id__in=contract_ids).values_list(
        "contract_id", "date"
    ):
        planned[contract_id].append(date)
    found = []
    for goal in goals:
        contract = goal.contract
        started = contract.entered_on or dt.date(contract.year, 1, 1)
        rhythm = rhythm_days(planned[contract.pk])
        due = overdue_since(goal.latest_entry, started, rhythm, today)
        if due is not None:
            found.append({"goal": goal, "latest": goal.latest_entry, "due": due, "rhythm": rhythm})
    return sorted(found, key=lambda item: (item["due"], item["goal"].contract.holder.name, item["goal"].number))[:50]


def indicators_off_track(user):
    """Indicators that the forecast says will not make their target, are at risk, or whose
    figures have stopped coming (stale),
    worst first, each with the sentence that says why."""
    indicators = list(with_series(access.indicators_visible_to(user)).order_by("org_unit__name"))
    hidden = hidden_indicators(user, indicators)  # a small unit's figures are not the user's to see
    found = [status_of(i) for i in indicators if i.pk not in hidden]
    rank = {"off_track": 0, "at_risk": 1, "stale": 2}
    worrying = [s for s in found if s.status in rank]
    return sorted(worrying, key=lambda s: (rank[s.status], s.indicator.org_unit.name))


def work_for(user) -> dict:
    drafts = drafts_to_finish(user)
    returned = sent_back(drafts)
    returned_ids = {item["contract"].pk for item in returned}
    mine = cycle.holder_follow_ups_due(user)  # the holder's next 14 days, shown above the others
    mine_ids = {item.planned.pk for item in mine}
    director = access.rights_for(user).director
    return {
        "drafts": [contract for contract in drafts if contract.pk not in returned_ids],
        "sent_back": returned,
        "to_review": cycle.reviews_waiting(user),  # oldest first, with the days they wait
        "late": cycle.late_contracts(user),
        "cycle_missing": cycle.years_without_milestones() if director else [],
        "my_due": mine,
        "due": [item for item in follow_ups_due(user) if item["planned"].pk not in mine_ids],
        "activities_due": activities_due(user),
        "off_track": indicators_off_track(user),
        "overdue_goals": goals_follow_up_overdue(user),
    }
