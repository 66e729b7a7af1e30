"""Status of an indicator against its target, with a simple forecast.

A municipality's sick-leave figures are monthly rolling 12-month percentages; a target is
a level to reach by the end of a period. The status answers "will we make it?":
`on_track` (the latest value already meets the target, or the forecast does), `at_risk`
(the forecast misses by less than the tolerance), `off_track`, or `no_data`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from statistics import fmean

ON_TRACK, AT_RISK, OFF_TRACK, NO_DATA = "on_track", "at_risk", "off_track", "no_data"


@dataclass(frozen=True)
class Point:
    period: dt.date  # first day of the month
    value: float


@dataclass(frozen=True)
class Assessment:
    status: str
    latest: Point | None
    forecast: float | None  # expected value at the end of the target period
    target: float
    reason: str  # one Danish line


def month_index(day: dt.date) -> int:
    return day.year * 12 + day.month - 1


def rolling_mean(points: list[Point], months: int = 12) -> list[Point]:
    """Rolling mean over the last `months` monthly values (for series exported per month)."""
    ordered = sorted(points, key=lambda p: p.period)
    out = []
    for i, point in enumerate(ordered):
        window = [p.value for p in ordered[max(0, i - months + 1) : i + 1]]
        out.append(Point(point.period, round(fmean(window), 4)))
    return out


def linear_forecast(points: list[Point], at: dt.date, window: int = 6) -> float | None:
    """Least-squares line through the last `window` points, evaluated at `at`."""
    recent = sorted(points, key=lambda p: p.period)[-window:]
    if len(recent) < 2:
        return recent[0].value if recent else None
    xs = [month_index(p.period) for p in recent]
    ys = [p.value for p in recent]
    mean_x, mean_y = fmean(xs), fmean(ys)
    spread = sum((x - mean_x) ** 2 for x in xs)
    slope = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / spread
    return mean_y + slope * (month_index(at) - mean_x)


def meets(value: float, target: float, lower_is_better: bool) -> bool:
    return value <= target if lower_is_better else value >= target


def assess(
    points: list[Point], target: float, period_end: dt.date, *, lower_is_better: bool = True, tolerance: float = 0.3
) -> Assessment:
    """Where an indicator stands against a target to be reached by `period_end`."""
    if not points:
        return Assessment(NO_DATA, None, None, target, "Ingen målinger endnu.")
    latest = max(points, key=lambda p: p.period)
    forecast = linear_forecast(points, period_end)
    shown = forecast if forecast is not None else latest.value
    if meets(latest.value, target, lower_is_better) and meets(shown, target, lower_is_better):
        return Assessment(ON_TRACK, latest, forecast, target, f"Seneste værdi {_da(latest.value)} når måltallet.")
    if meets(shown, target, lower_is_better):
        return Assessment(ON_TRACK, latest, forecast, target, f"Prognosen {_da(shown)} når måltallet.")
    gap = abs(shown - target)
    status = AT_RISK if gap <= tolerance else OFF_TRACK
    return Assessment(
        status, latest, forecast, target, f"Prognosen {_da(shown)} mangler {_da(gap)} for at nå {_da(target)}."
    )


def _da(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")
