"""The start page: what needs the logged-in person now, by role."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Prefetch, Q
from django.utils import timezone

from roedtraad.contracts.models import Activity, ActivityStatus, ContractStatus
from roedtraad.followup.models import Measurement
from roedtraad.web import access, charts

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


def contracts_to_review(user):
    rights = access.rights_for(user)
    if not (rights.director or rights.areas):
        return []
    q = Q() if rights.director else Q(holder_id__in=rights.areas)
    return list(_contracts(user).filter(q, status=ContractStatus.SUBMITTED))


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


def indicators_off_track(user):
    indicators = (
        access.indicators_visible_to(user)
        .select_related("org_unit", "goal", "goal__contract")
        .prefetch_related("targets", Prefetch("measurements", queryset=Measurement.objects.order_by("period")))
        .order_by("org_unit__name")
    )
    found = []
    for indicator in indicators:
        latest = charts.latest_status(indicator)
        if latest is not None and latest.on_track is False:
            found.append({"indicator": indicator, "latest": latest})
    return found


def work_for(user) -> dict:
    return {
        "drafts": drafts_to_finish(user),
        "to_review": contracts_to_review(user),
        "due": follow_ups_due(user),
        "activities_due": activities_due(user),
        "off_track": indicators_off_track(user),
    }
