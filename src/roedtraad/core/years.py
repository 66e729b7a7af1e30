"""The years Rødtråd works with: the one range every period parser, report and API filter
shares, so that a year one part accepts is never refused — or crashed on — by another.

A development contract's year lies well inside it; a year outside is a typing mistake (or a
probe), refused with a message naming the range instead of reaching `datetime.date`.
"""

from __future__ import annotations

FIRST_YEAR, LAST_YEAR = 2000, 2100


def supported_year(year: int) -> bool:
    """Whether Rødtråd reads, stores and reports on the year."""
    return FIRST_YEAR <= year <= LAST_YEAR


def year_range_text() -> str:
    """The range as the messages write it: "2000–2100"."""
    return f"{FIRST_YEAR}–{LAST_YEAR}"
