"""How often a contract is followed up, read from its planned follow-ups, and whether a goal's
follow-up is overdue by it."""

from __future__ import annotations

import datetime as dt
from statistics import median

# Without a plan a goal is followed up each quarter (the DUS's contract dialogues at least).
DEFAULT_DAYS = 92
# A plan of weekly meetings still asks a written entry no more than every fortnight.
SHORTEST_DAYS = 14


def rhythm_days(planned: list[dt.date], default: int = DEFAULT_DAYS) -> int:
    """The usual number of days between planned follow-ups (the median gap), or the default
    when fewer than two distinct dates are planned."""
    dates = sorted(set(planned))
    if len(dates) < 2:
        return default
    gaps = [(later - earlier).days for earlier, later in zip(dates, dates[1:], strict=False)]
    return max(SHORTEST_DAYS, round(median(gaps)))


def overdue_since(latest_entry: dt.date | None, started: dt.date, rhythm: int, today: dt.date) -> dt.date | None:
    """The day a new entry became due, when that is before today; None when not yet due.
    A goal with no entry is due one rhythm after the contract was entered (`started`)."""
    due = (latest_entry or started) + dt.timedelta(days=rhythm)
    return due if due < today else None
