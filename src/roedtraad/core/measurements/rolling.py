"""Rolling 12 months: the sick-leave figure a municipality follows is the absence of the last 12
months as a share of the possible days in them — not the mean of 12 monthly percentages, which
weighs a short month (or a month with fewer employees) as much as a long one."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from statistics import fmean

_ROLLING = re.compile(
    r"\b(?:løbende|rullende|glidende|seneste\s+12|sidste\s+12|12\s*(?:mdr|mnd|md|måneder)\b)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class MonthValue:
    period: dt.date  # any day of the month; the month is what counts
    value: float
    numerator: float | None = None
    denominator: float | None = None


@dataclass(frozen=True)
class RollingValue:
    period: dt.date  # the first day of the window's last month
    value: float
    approximate: bool  # True: a plain mean of monthly values, not numerator/denominator
    months: int


def key_figure_is_rolling(text: str) -> bool:
    """Whether a key figure's name says it is already a rolling figure ("seneste 12 mdr.")."""
    return bool(_ROLLING.search(text))


def rolling_12(points: list[MonthValue]) -> list[RollingValue]:
    """The rolling 12-month value for every month whose 12 months are all present."""
    return rolling(points, months=12)


def rolling(points: list[MonthValue], *, months: int) -> list[RollingValue]:
    """The rolling value over a window of `months` months, for every month whose window has no gap.
    Weighted (Σ numerator / Σ denominator × 100) when every month has both parts; otherwise the
    plain mean of the monthly values, marked approximate. Raises ValueError for a repeated month."""
    by_month: dict[dt.date, MonthValue] = {}
    for point in points:
        month = point.period.replace(day=1)
        if month in by_month:
            raise ValueError(f"the month {month:%Y-%m} occurs twice")
        by_month[month] = point
    result = []
    for month in sorted(by_month):
        window = [by_month.get(_shift(month, -back)) for back in range(months - 1, -1, -1)]
        present = [point for point in window if point is not None]
        if len(present) == months:
            result.append(_window_value(month, present))
    return result


def _window_value(month: dt.date, window: list[MonthValue]) -> RollingValue:
    numerators = [point.numerator for point in window if point.numerator is not None]
    denominators = [point.denominator for point in window if point.denominator is not None]
    if len(numerators) == len(denominators) == len(window) and sum(denominators) > 0:
        return RollingValue(month, sum(numerators) / sum(denominators) * 100, False, len(window))
    return RollingValue(month, fmean(point.value for point in window), True, len(window))


def _shift(month: dt.date, by: int) -> dt.date:
    index = month.year * 12 + month.month - 1 + by
    return dt.date(index // 12, index % 12 + 1, 1)
