"""Deterministic sick-leave series for the demo: 24 months of rolling 12-month percentages."""

from __future__ import annotations

import datetime as dt
import math
import random


def months(first: dt.date, count: int) -> list[dt.date]:
    out, year, month = [], first.year, first.month
    for _ in range(count):
        out.append(dt.date(year, month, 1))
        month += 1
        if month > 12:
            year, month = year + 1, 1
    return out


def sick_leave_series(seed: str, start_level: float, end_level: float, count: int = 24) -> list[float]:
    """A rolling 12-month sick-leave series drifting from start to end level, with winter bumps
    and a little noise; the same seed always gives the same series."""
    rng = random.Random(seed)
    values = []
    for i in range(count):
        trend = start_level + (end_level - start_level) * i / max(count - 1, 1)
        season = 0.15 * math.cos(2 * math.pi * (i - 2) / 12)
        values.append(round(max(0.5, trend + season + rng.uniform(-0.12, 0.12)), 2))
    return values
