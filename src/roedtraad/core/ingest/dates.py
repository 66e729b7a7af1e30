"""Due dates as contracts write them: "8. marts 2023", "marts 2023", "medio 2023", "ultimo
2023", "1. kvartal", "Q2 2025", "uge 12", "i foråret", "inden udgangen af 2023", "i løbet af
2025". A date without a year is in the contract's year; a vague date is the last day of the
period it names ("medio" is 30 June, a week its Friday).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from roedtraad.core.danish import MONTHS

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_MONTH_ABBR = r"jan|feb|mar|apr|jun|jul|aug|sep|sept|okt|nov|dec"
_YEAR = r"(20\d\d)"
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})\.\s*({_MONTH}|(?:{_MONTH_ABBR})\.?)\s*{_YEAR}?", re.I)
_MONTH_YEAR = re.compile(rf"\b(?:i\s+|ultimo\s+|primo\s+|medio\s+)?({_MONTH})(?:\s+{_YEAR})?\b", re.I)
_QUARTER = re.compile(rf"\b(?:([1-4])\.\s*(?:kvartal|kvt\.?)|Q([1-4]))(?:\s+{_YEAR})?", re.I)
_HALF = re.compile(
    rf"\b(medio|ultimo|primo|udgangen\s+af|slutningen\s+af|starten\s+af|i\s+løbet\s+af|senest)\s+{_YEAR}", re.I
)
# "uge 12", "uge 12 2025": the Friday of that ISO week, the end of its working week.
_WEEK = re.compile(
    rf"(?:\b(?:i|inden|senest|fra|til|nr\.)\s+|^|[,–(-]\s*)uge\s+(\d{{1,2}})\b(?:\s*,?\s*{_YEAR})?", re.I
)
_SEASON = re.compile(rf"\b(?:i\s+)?(foråret|sommeren|efteråret|vinteren)(?:\s+{_YEAR})?", re.I)
_SEASON_END = {"foråret": (5, 31), "sommeren": (8, 31), "efteråret": (11, 30), "vinteren": (12, 31)}
_ABBR = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "okt": 10,
    "nov": 11,
    "dec": 12,
}


def _month_number(word: str) -> int | None:
    word = word.lower().rstrip(".")
    return MONTHS.get(word) or _ABBR.get(word)


def _end_of_month(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def due_date(text: str, year: int) -> dt.date | None:
    """The first date the text gives, else None; `year` where the text names none."""
    found = [f(text, year) for f in (_day_month, _quarter, _half, _season, _week, _month_year)]
    dated = [(start, date) for start, date in found if date is not None]
    return min(dated)[1] if dated else None


def _day_month(text: str, year: int):
    for match in _DAY_MONTH.finditer(text):
        month = _month_number(match.group(2))
        if month is None:
            continue
        the_year = int(match.group(3)) if match.group(3) else year
        try:
            return match.start(), dt.date(the_year, month, int(match.group(1)))
        except ValueError:
            continue
    return 0, None


def _quarter(text: str, year: int):
    match = _QUARTER.search(text)
    if match is None:
        return 0, None
    the_year = int(match.group(3)) if match.group(3) else year
    return match.start(), _end_of_month(the_year, int(match.group(1) or match.group(2)) * 3)


def _half(text: str, year: int):
    match = _HALF.search(text)
    if match is None:
        return 0, None
    word, the_year = match.group(1).lower(), int(match.group(2))
    month = {"medio": 6, "primo": 1, "starten af": 3}.get(" ".join(word.split()), 12)
    return match.start(), _end_of_month(the_year, month)


def _week(text: str, year: int):
    match = _WEEK.search(text)
    if match is None:
        return 0, None
    try:
        return match.start(), dt.date.fromisocalendar(int(match.group(2) or year), int(match.group(1)), 5)
    except ValueError:  # "uge 0", "uge 60": no such week
        return 0, None


def _season(text: str, year: int):
    match = _SEASON.search(text)
    if match is None:
        return 0, None
    month, day = _SEASON_END[match.group(1).lower()]
    return match.start(), dt.date(int(match.group(2)) if match.group(2) else year, month, day)


def _month_year(text: str, year: int):
    for match in _MONTH_YEAR.finditer(text):
        # a bare month name needs "i" before it or a year after it ("i marts", "marts 2024")
        if not match.group(2) and not match.group(0).lower().startswith(("i ", "ultimo", "primo", "medio")):
            continue
        month = MONTHS[match.group(1).lower()]
        return match.start(), _end_of_month(int(match.group(2)) if match.group(2) else year, month)
    return 0, None
