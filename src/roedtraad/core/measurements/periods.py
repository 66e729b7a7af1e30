"""Periods as BI exports name them: months ("jan. 23", "2023-01", "2023M01"), quarters
("1. kvt. 2023", "2023K1", "Q1 2023") and years ("2023").

An ISO date ("2023-01-01", or Excel's month-end "2023-01-31") names the month it falls in.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from roedtraad.core.danish import MONTHS
from roedtraad.core.years import supported_year

MONTH, QUARTER, YEAR = "month", "quarter", "year"
KINDS = (MONTH, QUARTER, YEAR)
_LENGTH = {MONTH: 1, QUARTER: 3, YEAR: 12}

# Danish month names and their abbreviations, without the full stop.
MONTH_WORDS: dict[str, int] = {
    **MONTHS,
    **{name[:3]: number for name, number in MONTHS.items()},
    "sept": 9,
    "mart": 3,
}


@dataclass(frozen=True, order=True)
class Period:
    start: dt.date  # the first day of the period
    kind: str  # "month" | "quarter" | "year"

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown kind of period: {self.kind!r}")
        if self.start.day != 1 or (self.start.month - 1) % _LENGTH[self.kind]:
            raise ValueError(f"a {self.kind} cannot start on {self.start}")

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        return cls(dt.date(year, month, 1), MONTH)

    @classmethod
    def quarter(cls, year: int, quarter: int) -> Period:
        return cls(dt.date(year, 3 * quarter - 2, 1), QUARTER)

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(dt.date(year, 1, 1), YEAR)

    @property
    def end(self) -> dt.date:
        """The last day of the period."""
        last = self.months()[-1].start
        return last.replace(day=calendar.monthrange(last.year, last.month)[1])

    def months(self) -> list[Period]:
        """The months of the period, in order (a month is its own only month)."""
        first = self.start.month
        return [Period.month(self.start.year, month) for month in range(first, first + _LENGTH[self.kind])]

    @property
    def label(self) -> str:
        """Danish: "januar 2023", "1. kvt. 2023", "2023"."""
        if self.kind == MONTH:
            name = next(name for name, number in MONTHS.items() if number == self.start.month)
            return f"{name} {self.start.year}"
        if self.kind == QUARTER:
            return f"{(self.start.month + 2) // 3}. kvt. {self.start.year}"
        return str(self.start.year)


_Y = r"(?P<year>\d{4}|\d{2})"
_Y4 = r"(?P<year>\d{4})"
_M = r"(?P<month>\d{1,2})"
_Q = r"(?P<quarter>[1-4])"
_NAME = r"(?P<name>[a-zæøå]+)\.?"
_TIME = r"(?:[ t]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"

_MONTH_PATTERNS = [
    re.compile(rf"{_NAME}\s*[-/ ]?\s*{_Y}"),  # januar 2023, jan. 23, jan-23
    re.compile(rf"{_Y4}\s*[-/ ]?\s*{_NAME}"),  # 2023 januar, 2023-jan
    re.compile(rf"{_Y4}[-/.]{_M}"),  # 2023-01, 2023/1
    re.compile(rf"{_Y4}\s*m\s*{_M}"),  # 2023M01
    re.compile(rf"{_M}[-/.]{_Y4}"),  # 01-2023, 1/2023, 01.2023
]
_DATE_PATTERNS = [
    re.compile(rf"{_Y4}-{_M}-(?P<day>\d{{1,2}}){_TIME}"),  # 2023-01-31, 2023-01-31 00:00:00
    re.compile(rf"(?P<day>\d{{1,2}})[-/.]{_M}[-/.]{_Y4}{_TIME}"),  # 31.01.2023, 31-01-2023
]
_QUARTER_PATTERNS = [
    re.compile(rf"{_Q}\.?\s*(?:kvt|kvartal|kv|k|q)\.?\s*[-/]?\s*{_Y}"),  # 1. kvt. 2023, 1. kvartal 2023
    re.compile(rf"(?:q|k|kv|kvt)\.?\s*{_Q}\s*[-/ ]?\s*{_Y4}"),  # Q1 2023, K1-2023
    re.compile(rf"{_Y4}\s*[-/ ]?\s*(?:q|k|kv|kvt)\.?\s*{_Q}"),  # 2023K1, 2023 K1, 2023Q1, 2023-Q1
]
_YEAR_PATTERN = re.compile(rf"(?:år\s*)?{_Y4}")


def parse_period(text: str) -> Period | None:
    """The month, quarter or year a cell or column header names; None when it names none."""
    cleaned = re.sub(r"\s+", " ", text.strip().lower())
    for parse in (_parse_date, _parse_month, _parse_quarter, _parse_year):
        period = parse(cleaned)
        if period is not None:
            return period
    return None


def _year(text: str) -> int | None:
    year = int(text) + 2000 if len(text) == 2 else int(text)
    return year if supported_year(year) else None


def _month_period(year_text: str, month: int | None) -> Period | None:
    year = _year(year_text)
    if year is None or month is None or not 1 <= month <= 12:
        return None
    return Period.month(year, month)


def _parse_month(text: str) -> Period | None:
    for pattern in _MONTH_PATTERNS:
        match = pattern.fullmatch(text)
        if match is None:
            continue
        groups = match.groupdict()
        month = MONTH_WORDS.get(groups["name"]) if groups.get("name") else int(groups["month"])
        return _month_period(match["year"], month)
    return None


def _parse_date(text: str) -> Period | None:
    for pattern in _DATE_PATTERNS:
        match = pattern.fullmatch(text)
        if match is None:
            continue
        year = _year(match["year"])
        try:
            day = dt.date(year or 0, int(match["month"]), int(match["day"]))
        except ValueError:
            return None
        return Period.month(day.year, day.month)
    return None


def _parse_quarter(text: str) -> Period | None:
    for pattern in _QUARTER_PATTERNS:
        match = pattern.fullmatch(text)
        if match is None:
            continue
        year = _year(match["year"])
        return Period.quarter(year, int(match["quarter"])) if year is not None else None
    return None


def _parse_year(text: str) -> Period | None:
    match = _YEAR_PATTERN.fullmatch(text)
    year = _year(match["year"]) if match else None
    return Period.year(year) if year is not None else None
