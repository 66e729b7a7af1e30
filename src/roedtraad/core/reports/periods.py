"""A report's period: a quarter ("2026Q1", also written "2026K1") or a whole year ("2026"), its
first and last day, its Danish name and the period after it (a saved report made again)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from roedtraad.core.years import FIRST_YEAR, LAST_YEAR, supported_year, year_range_text

QUARTER = "quarter"
YEAR = "year"
_PATTERN = re.compile(r"^\s*([0-9]{4})\s*(?:[-\s]?[QqKk]([1-4]))?\s*$")  # ASCII digits only


class PeriodInvalid(ValueError):
    """A period that cannot be read; the message is Danish and names what to write."""


@dataclass(frozen=True, order=True)
class Period:
    year: int
    quarter: int | None = None  # None: the whole year

    @classmethod
    def parse(cls, text: str) -> Period:
        match = _PATTERN.match(text or "")
        if not match:
            raise PeriodInvalid(f"«{text}» er ikke en periode. Skriv et kvartal som 2026K1 eller et år som 2026.")
        year = int(match.group(1))
        if not supported_year(year):
            raise PeriodInvalid(f"Året {year} ligger uden for {year_range_text()}.")
        return cls(year, int(match.group(2)) if match.group(2) else None)

    @property
    def kind(self) -> str:
        return YEAR if self.quarter is None else QUARTER

    @property
    def code(self) -> str:
        """The period in a URL and on the command line: "2026Q1" or "2026"."""
        return str(self.year) if self.quarter is None else f"{self.year}Q{self.quarter}"

    @property
    def start(self) -> dt.date:
        return dt.date(self.year, 1 if self.quarter is None else 3 * self.quarter - 2, 1)

    @property
    def end(self) -> dt.date:
        if self.quarter is None or self.quarter == 4:
            return dt.date(self.year, 12, 31)
        return dt.date(self.year, 3 * self.quarter + 1, 1) - dt.timedelta(days=1)

    @property
    def label(self) -> str:
        """ "1. kvartal 2026" or "2026"."""
        return str(self.year) if self.quarter is None else f"{self.quarter}. kvartal {self.year}"

    def next(self) -> Period | None:
        """The period after this one; None past the last year Rødtråd supports."""
        after = self._after()
        return after if supported_year(after.year) else None

    def _after(self) -> Period:
        if self.quarter is None:
            return Period(self.year + 1)
        return Period(self.year + 1, 1) if self.quarter == 4 else Period(self.year, self.quarter + 1)

    def __str__(self) -> str:
        return self.label


def period_of(day: dt.date, kind: str) -> Period:
    """The quarter or year that holds the day."""
    return Period(day.year) if kind == YEAR else Period(day.year, (day.month - 1) // 3 + 1)


def nearest(text: str, kind: str, today: dt.date) -> Period:
    """The period a stored text names, read however it came to be stored: its year moved into
    the supported range, or today's period of `kind` when the text names no period at all.
    For showing a saved choice; input from a person is read with `Period.parse`."""
    match = _PATTERN.match(text or "")
    if not match:
        return period_of(today, kind)
    year = min(max(int(match.group(1)), FIRST_YEAR), LAST_YEAR)
    quarter = int(match.group(2)) if match.group(2) and kind != YEAR else None
    return Period(year, quarter)
