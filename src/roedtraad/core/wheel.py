"""The annual wheel (årshjul) as geometry: a calendar year as a circle of twelve month sectors
clockwise from the top, and each dated event as a mark on its day, on the ring of its kind
(milestones outermost, then contract dialogues, then other planned follow-ups), the events of one
day and kind as one mark with their number. Plain values in,
numbers for an SVG out; the page draws them and gives the same events as a table."""

from __future__ import annotations

import calendar
import datetime as dt
import math
from dataclasses import dataclass

SIZE = 640  # the SVG's width and height
CENTRE = SIZE / 2
OUTER, INNER = 300.0, 120.0  # radii of the month sectors
RINGS = {"milestone": 270.0, "dialogue": 215.0, "follow_up": 165.0}  # where each kind's marks sit


@dataclass(frozen=True)
class WheelEvent:
    day: dt.date
    kind: str  # a key of RINGS
    title: str
    url: str = ""
    holder: str = ""


@dataclass(frozen=True)
class Sector:
    month: int
    path: str  # SVG path of the month's ring sector
    label_x: float
    label_y: float


@dataclass(frozen=True)
class Mark:
    """One mark on the wheel: the events of one day and kind (often every holder's dialogue on
    the same date), drawn once with their number."""

    events: tuple[WheelEvent, ...]
    x: float
    y: float

    @property
    def kind(self) -> str:
        return self.events[0].kind

    @property
    def day(self) -> dt.date:
        return self.events[0].day

    @property
    def count(self) -> int:
        return len(self.events)


def angle(day: dt.date) -> float:
    """The day's angle in radians, clockwise from the top: 1 January at 0, 31 December near 2π."""
    days = 366 if calendar.isleap(day.year) else 365
    return 2 * math.pi * (day.timetuple().tm_yday - 0.5) / days


def point(theta: float, radius: float) -> tuple[float, float]:
    return round(CENTRE + radius * math.sin(theta), 1), round(CENTRE - radius * math.cos(theta), 1)


def _sector_path(start: float, end: float) -> str:
    (x1, y1), (x2, y2) = point(start, OUTER), point(end, OUTER)
    (x3, y3), (x4, y4) = point(end, INNER), point(start, INNER)
    return f"M {x1} {y1} A {OUTER} {OUTER} 0 0 1 {x2} {y2} L {x3} {y3} A {INNER} {INNER} 0 0 0 {x4} {y4} Z"


def sectors(year: int) -> list[Sector]:
    out = []
    for month in range(1, 13):
        first = dt.date(year, month, 1)
        last = dt.date(year, month, calendar.monthrange(year, month)[1])
        start, end = angle(first) - _half_day(year), angle(last) + _half_day(year)
        label_x, label_y = point((start + end) / 2, INNER - 18)
        out.append(Sector(month, _sector_path(start, end), label_x, label_y))
    return out


def _half_day(year: int) -> float:
    return math.pi / (366 if calendar.isleap(year) else 365)


def marks(events: list[WheelEvent], year: int) -> list[Mark]:
    """The marks of the year's events, one per day and kind, on the kind's ring."""
    grouped: dict[tuple[dt.date, str], list[WheelEvent]] = {}
    for event in sorted(events, key=lambda e: (e.day, e.kind, e.holder, e.title)):
        if event.day.year == year and event.kind in RINGS:
            grouped.setdefault((event.day, event.kind), []).append(event)
    return [Mark(tuple(found), *point(angle(day), RINGS[kind])) for (day, kind), found in grouped.items()]
