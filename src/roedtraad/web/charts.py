"""An indicator as an inline SVG line chart (with a text alternative) and as table rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.utils.formats import number_format
from django.utils.translation import gettext as _

WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 56, 16, 16, 40


@dataclass
class Row:
    period: date  # a measurement's month (its first day)
    value: Decimal
    target: Decimal | None
    on_track: bool | None


def target_for(targets, period):
    for target in targets:
        if target.period_start <= period <= target.period_end:
            return target.value
    return None


def on_track(indicator, value, target) -> bool | None:
    if target is None or value is None:
        return None
    return value <= target if indicator.direction == "down" else value >= target


def rows(indicator) -> list[Row]:
    """Measurements with the target in force for each period (uses prefetched relations)."""
    targets = list(indicator.targets.all())
    result = []
    for m in indicator.measurements.all():
        target = target_for(targets, m.period)
        result.append(Row(m.period, m.value, target, on_track(indicator, m.value, target)))
    return result


def latest_status(indicator) -> Row | None:
    data = rows(indicator)
    return data[-1] if data else None


def _scale(values: list[float]) -> tuple[float, float]:
    low, high = min(values), max(values)
    if high - low < 1e-9:
        low, high = low - 1, high + 1
    pad = (high - low) * 0.1
    return low - pad, high + pad


def _fmt(value) -> str:
    return number_format(value, decimal_pos=1)


def _target_steps(data: list[Row], x, y) -> list[tuple[float, float]]:
    """The target as a step line: flat within a target period, a vertical step between periods."""
    points: list[tuple[float, float]] = []
    previous = None
    for i, row in enumerate(data):
        if row.target is None:
            previous = None
            continue
        if previous is not None and previous != row.target:
            points.append((x(i), y(previous)))
        points.append((x(i), y(row.target)))
        previous = row.target
    return points


@dataclass(frozen=True)
class Ahead:
    """The forecast drawn after the series: the value at the deadline and its 80 % band."""

    deadline: date
    value: float
    band: tuple[float, float] | None


def _month(day: date) -> int:
    return day.year * 12 + day.month - 1


def svg_chart(indicator, data: list[Row], ahead: Ahead | None = None) -> dict | None:
    """Coordinates for the chart template; None when there is nothing to draw. The x axis
    counts calendar months, so a gap in the series is a gap on the axis."""
    if not data:
        return None
    if ahead is not None and _month(ahead.deadline) <= _month(data[-1].period):
        ahead = None
    values = [float(r.value) for r in data] + [float(r.target) for r in data if r.target is not None]
    if ahead is not None:
        values += [ahead.value, *(ahead.band or ())]
    low, high = _scale(values)
    first_month = _month(data[0].period)
    last_month = _month(ahead.deadline) if ahead is not None else _month(data[-1].period)
    span_x = max(last_month - first_month, 1)

    def x_at(month: int) -> float:
        return round(LEFT + (WIDTH - LEFT - RIGHT) * (month - first_month) / span_x, 1)

    def x(i: int) -> float:
        return x_at(_month(data[i].period))

    def y(v) -> float:
        return round(TOP + (HEIGHT - TOP - BOTTOM) * (high - float(v)) / (high - low), 1)

    points = [(x(i), y(r.value)) for i, r in enumerate(data)]
    target_points = _target_steps(data, x, y)
    ticks = [low + (high - low) * k / 4 for k in range(5)]
    step = max(1, len(data) // 6)
    first, last = data[0], data[-1]
    description = _(
        "%(name)s fra %(start)s til %(end)s: fra %(first)s %(unit)s til %(last)s %(unit)s. "
        "Måltal i seneste periode: %(target)s."
    ) % {
        "name": indicator.name,
        "start": first.period.strftime("%m/%Y"),
        "end": last.period.strftime("%m/%Y"),
        "first": _fmt(first.value),
        "last": _fmt(last.value),
        "unit": indicator.unit,
        "target": f"{_fmt(last.target)} {indicator.unit}" if last.target is not None else _("intet"),
    }
    chart: dict[str, Any] = {
        "width": WIDTH,
        "height": HEIGHT,
        "line": " ".join(f"{px},{py}" for px, py in points),
        "points": points,
        "target_line": " ".join(f"{px},{py}" for px, py in target_points),
        "y_ticks": [{"y": y(t), "label": _fmt(t)} for t in ticks],
        "x_ticks": [{"x": x(i), "label": r.period.strftime("%m/%y")} for i, r in enumerate(data) if i % step == 0],
        "left": LEFT,
        "right": WIDTH - RIGHT,
        "bottom": HEIGHT - BOTTOM,
        "description": description,
    }
    if ahead is not None:
        end_x = x_at(_month(ahead.deadline))
        chart["forecast_line"] = f"{points[-1][0]},{points[-1][1]} {end_x},{y(ahead.value)}"
        chart["forecast_point"] = (end_x, y(ahead.value))
        if ahead.band is not None:
            chart["band"] = {"x": end_x, "y1": y(ahead.band[1]), "y2": y(ahead.band[0])}
        chart["description"] = (
            description
            + " "
            + _("Prognose for %(month)s: %(value)s %(unit)s.")
            % {
                "month": ahead.deadline.strftime("%m/%Y"),
                "value": _fmt(ahead.value),
                "unit": indicator.unit,
            }
        )
    return chart
