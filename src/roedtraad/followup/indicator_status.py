"""Will we make it? The status of an indicator, a goal, a contract and a part of the
organisation, computed by `core.followup` from what is stored.

Pages, the start page's "not on track" list and `roedtraad indicators --json` all ask here.
Expects indicators with `targets` and `measurements` prefetched (see `with_series`) so a list
of indicators costs a fixed number of queries.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import cast

from django.conf import settings
from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from roedtraad.core.followup import definitions
from roedtraad.core.followup.forecast import Forecast, Thresholds, forecast_indicator
from roedtraad.core.followup.rollup import Rolled, contract_status, goal_status, roll_up
from roedtraad.core.followup.status import NO_DATA, Point
from roedtraad.followup.models import Aggregation, FollowUpEntry, Indicator, Measurement, Target


@dataclass(frozen=True)
class IndicatorStatus:
    indicator: Indicator
    target: Target | None
    forecast: Forecast

    @property
    def status(self) -> str:
        return self.forecast.status

    @property
    def definition(self) -> str:
        return definitions.label(self.indicator.definition)


def thresholds() -> Thresholds:
    """The margins of "at risk", from settings (`ROEDTRAAD_STATUS_AT_RISK_MARGIN`, `…_RELATIVE_MARGIN`)."""
    return Thresholds(
        at_risk_margin=float(getattr(settings, "ROEDTRAAD_STATUS_AT_RISK_MARGIN", 0.3)),
        relative_margin=float(getattr(settings, "ROEDTRAAD_STATUS_RELATIVE_MARGIN", 0.05)),
    )


def with_series(indicators: QuerySet[Indicator]) -> QuerySet[Indicator]:
    ordered = Measurement.objects.order_by("period")
    return indicators.select_related("org_unit", "goal__contract__holder", "continues_from").prefetch_related(
        "targets",
        Prefetch("measurements", queryset=ordered),
        Prefetch("continues_from__measurements", queryset=ordered),
    )


def series(indicator: Indicator, measured_until: dt.date | None = None) -> list[Point]:
    """The indicator's measured values, after those of the indicator it continues (last year's
    goal's, of the same unit and measure) from before its first day: one series to forecast.
    With `measured_until`, only the values of periods up to that day (a report on a past quarter
    reads the figures as they stood then)."""
    own = [Point(m.period, float(m.value)) for m in indicator.measurements.all()]
    before = indicator.continues_from
    if before is not None:
        first = indicator.valid_from
        own = [Point(m.period, float(m.value)) for m in before.measurements.all() if m.period < first] + own
    return own if measured_until is None else [p for p in own if p.period <= measured_until]


def deciding_target(targets: list[Target], today: dt.date) -> Target | None:
    """The target the indicator is judged against today: the one whose period holds today, else
    the next to come, else the latest past one; a long-term target only when there is no other."""
    dated = sorted((t for t in targets if not t.long_term), key=lambda t: t.period_end)
    for target in dated:
        if target.period_start <= today <= target.period_end:
            return target
    coming = [t for t in dated if t.period_start > today]
    if coming:
        return coming[0]
    if dated:
        return dated[-1]
    long_term = sorted((t for t in targets if t.long_term), key=lambda t: t.period_end)
    return long_term[0] if long_term else None


def status_of(
    indicator: Indicator, today: dt.date | None = None, *, measured_until: dt.date | None = None
) -> IndicatorStatus:
    """The status and forecast as of `today`, from the values measured up to `measured_until`
    (default: all of them)."""
    today = today or timezone.localdate()
    target = deciding_target(list(indicator.targets.all()), today)
    points = series(indicator, measured_until)
    if target is None:
        latest = points[-1] if points else None
        explanation = "Indikatoren har intet måltal." if points else "Ingen målinger endnu, og intet måltal."
        return IndicatorStatus(
            indicator, None, Forecast(NO_DATA, None, None, "none", explanation, "", latest, None, None)
        )
    forecast = forecast_indicator(
        points,
        float(target.value),
        target.period_end,
        lower_is_better=indicator.lower_is_better,
        today=today,
        rolling=indicator.aggregation == Aggregation.ROLLING_12_MONTHS,
        rhythm_months=indicator.rhythm_months,
        unit=indicator.unit,
        thresholds=thresholds(),
    )
    return IndicatorStatus(indicator, target, forecast)


def followed_in(indicators: QuerySet[Indicator], start: dt.date, end: dt.date) -> QuerySet[Indicator]:
    """The indicators followed between `start` and `end`: those of the goals of those years'
    contracts, and those of a unit with no goal (a centre's or the municipality's figure)
    measured during the period."""
    unit_only = Q(goal__isnull=True, valid_from__lte=end) & (Q(valid_to__isnull=True) | Q(valid_to__gte=start))
    return indicators.filter(Q(goal__contract__year__gte=start.year, goal__contract__year__lte=end.year) | unit_only)


def goal_rollup(statuses: list[IndicatorStatus], latest_entry_rag: str | None) -> Rolled:
    return goal_status([s.status for s in statuses], latest_entry_rag)


def goal_rollup_of(indicators, latest_entry_rag: str | None, today: dt.date | None = None) -> Rolled:
    """A goal's status and reason from its indicators (with series) and its latest follow-up."""
    return goal_rollup([status_of(i, today) for i in indicators], latest_entry_rag)


def lineage_statuses(goals, today: dt.date | None = None) -> tuple[dict[int, list[IndicatorStatus]], dict[int, str]]:
    """Per goal: its indicators' statuses (of the goal's whole lineage across revisions) and the
    status of its latest follow-up entry, in a fixed number of queries however many goals."""
    from roedtraad.contracts.lineage import lineages  # contracts does not import followup

    today = today or timezone.localdate()
    chains = lineages(goals)
    owner = {pk: goal_pk for goal_pk, ids in chains.items() for pk in ids}
    statuses: dict[int, list[IndicatorStatus]] = {goal.pk: [] for goal in goals}
    for indicator in with_series(Indicator.objects.filter(goal_id__in=owner).select_related("org_unit")):
        statuses[owner[cast(int, indicator.goal_id)]].append(status_of(indicator, today))
    latest: dict[int, str] = {}
    entries = FollowUpEntry.objects.filter(goal_id__in=owner).order_by("date", "pk").values_list("goal_id", "status")
    for goal_id, status in entries:
        latest[owner[goal_id]] = status  # the last one wins: the latest entry
    return statuses, latest


def contract_rollup(goals: list[tuple[str, Rolled]]) -> Rolled:
    """A contract's status from its goals' (name, roll-up)."""
    return contract_status([(name, rolled.status) for name, rolled in goals])


def units_rollup(children: list[tuple[str, str, float | None]]) -> Rolled:
    """A contract's, an area's or the municipality's status from its parts (name, status, weight)."""
    return roll_up(children)


def as_json(item: IndicatorStatus) -> dict:
    indicator, forecast = item.indicator, item.forecast
    goal = indicator.goal
    latest = forecast.latest
    return {
        "id": indicator.pk,
        "key": indicator.key,
        "holder": goal.contract.holder.name if goal is not None else indicator.org_unit.name,
        "org_unit": indicator.org_unit.name,
        "goal": goal.title if goal is not None else None,
        "name": indicator.name,
        "unit": indicator.unit,
        "definition": item.definition or None,
        "direction": indicator.direction,
        "aggregation": indicator.aggregation,
        "baseline": _baseline(indicator),
        "targets": [_target(t) for t in indicator.targets.all()],
        "latest_value": None if latest is None else round(latest.value, 4),
        "latest_period": None if latest is None else f"{latest.period:%Y-%m}",
        "status": forecast.status,
        "forecast": None if forecast.value is None else round(forecast.value, 4),
        "band": None if forecast.band is None else [round(b, 4) for b in forecast.band],
        "method": forecast.method,
        "explanation": forecast.explanation,
        "note": forecast.note,
    }


def _baseline(indicator: Indicator) -> dict | None:
    if indicator.baseline_value is None:
        return None
    return {"value": float(indicator.baseline_value), "period": indicator.baseline_period or None}


def _target(target: Target) -> dict:
    return {
        "value": float(target.value),
        "period_start": target.period_start.isoformat(),
        "period_end": target.period_end.isoformat(),
        "long_term": target.long_term,
        "text": target.text,
    }
