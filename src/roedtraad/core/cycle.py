"""The annual cycle (årshjul) of a contract year, as the DUS describes it; no Django.

The DUS for contract year Y is issued in September of Y-1 and presented at the contract holders'
seminar in week 43; the holders write their contracts with their head of area in the autumn, and
the contracts are entered with the director by the end of January of Y; contract dialogues follow
up during Y, which ends on 31 December.

`default_milestones(year)` turns that text into dates. Where the DUS names no day, the defaults are
chosen here and are only a starting point that the director edits:

- DUS issued: 15 September of Y-1.
- Seminar: the Wednesday of ISO week 43 of Y-1 (the DUS names only the week; its middle day is
  the guess least likely to be off by more than two days).
- Draft deadline: 15 December of Y-1 (the draft is discussed with the head of area before Christmas).
- Submission: 10 January of Y (early January, leaving three weeks for review and entry).
- Entry: 31 January of Y ("ved udgangen af januar").
- Contract dialogues: two rounds, 15 June and 15 November of Y.
- Year end: 31 December of Y.

A date that falls on a Saturday or Sunday moves to the Friday before, except the year end, which is
the last day of the year whatever the weekday.

`deadlines` and `missed` decide lateness from a year's milestones and a holder's furthest status.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

DUS_ISSUED = "dus_issued"
SEMINAR = "seminar"
DRAFT_DEADLINE = "draft_deadline"
SUBMISSION = "submission"
ENTRY = "entry"
DIALOGUE_ROUND = "dialogue_round"
YEAR_END = "year_end"
OTHER = "other"
KINDS = (DUS_ISSUED, SEMINAR, DRAFT_DEADLINE, SUBMISSION, ENTRY, DIALOGUE_ROUND, YEAR_END, OTHER)

# A contract's statuses (contracts.models.ContractStatus), from the least to the furthest along.
STATUS_ORDER = ("draft", "submitted", "entered", "closed")


@dataclass(frozen=True)
class MilestoneSpec:
    kind: str
    date: dt.date
    title: str
    description: str = ""


def working_day_on_or_before(day: dt.date) -> dt.date:
    """The day itself on a weekday, else the Friday before."""
    weekday = day.isoweekday()  # Monday 1 … Sunday 7
    return day - dt.timedelta(days=weekday - 5) if weekday > 5 else day


def seminar_day(year: int) -> dt.date:
    """The contract holders' seminar for contract year `year`: Wednesday of ISO week 43 of the year before."""
    return dt.date.fromisocalendar(year - 1, 43, 3)


def default_milestones(year: int) -> list[MilestoneSpec]:
    """The year's milestones as the DUS text describes them, in date order."""
    on = working_day_on_or_before
    return [
        MilestoneSpec(
            DUS_ISSUED,
            on(dt.date(year - 1, 9, 15)),
            f"DUS {year} udsendes",
            "Direktionens udviklingsspor for året sendes til kontrakt- og aftaleholderne.",
        ),
        MilestoneSpec(
            SEMINAR,
            seminar_day(year),
            "Kontraktholderseminar (uge 43)",
            f"DUS {year} præsenteres, og arbejdet med kontrakter og aftaler sættes i gang.",
        ),
        MilestoneSpec(
            DRAFT_DEADLINE,
            on(dt.date(year - 1, 12, 15)),
            "Udkast drøftet med fagchefen",
            "Kontraktholderen og fagchefen har drøftet et udkast til kontrakten eller aftalen.",
        ),
        MilestoneSpec(
            SUBMISSION,
            on(dt.date(year, 1, 10)),
            "Frist for indsendelse",
            "Kontrakten eller aftalen er indsendt til fagchefens gennemsyn.",
        ),
        MilestoneSpec(
            ENTRY,
            on(dt.date(year, 1, 31)),
            "Frist for indgåelse",
            "Kontrakten eller aftalen er indgået med direktøren for området.",
        ),
        MilestoneSpec(
            DIALOGUE_ROUND,
            on(dt.date(year, 6, 15)),
            "Kontraktdialoger, 1. runde",
            "Opfølgning med direktør og fagchef.",
        ),
        MilestoneSpec(
            DIALOGUE_ROUND,
            on(dt.date(year, 11, 15)),
            "Kontraktdialoger, 2. runde",
            "Opfølgning med direktør og fagchef; hvad virkede, hvad føres videre, hvad holder vi op med.",
        ),
        MilestoneSpec(
            YEAR_END,
            dt.date(year, 12, 31),
            "Årets afslutning",
            "Hvad virkede, hvad føres videre i næste års flerårige mål, og hvad holder vi op med.",
        ),
    ]


@dataclass(frozen=True)
class Deadlines:
    """A contract year's deadlines; `None` when the year has no milestone of that kind."""

    submission: dt.date | None
    entry: dt.date | None
    year_end: dt.date


def deadlines(year: int, milestones: Iterable[tuple[str, dt.date]]) -> Deadlines:
    """The deadlines from the year's (kind, date) milestones. With several milestones of a kind the
    latest counts (an extra, later date is the director's extension); without a year-end milestone
    the year ends on 31 December."""
    latest: dict[str, dt.date] = {}
    for kind, day in milestones:
        if kind not in latest or day > latest[kind]:
            latest[kind] = day
    return Deadlines(latest.get(SUBMISSION), latest.get(ENTRY), latest.get(YEAR_END, dt.date(year, 12, 31)))


def furthest_status(statuses: Iterable[str]) -> str | None:
    """The status furthest along among a holder's revisions for a year (an entered contract stays
    in force while its next revision is a draft); None without any contract."""
    ranked = [STATUS_ORDER.index(s) for s in statuses if s in STATUS_ORDER]
    return STATUS_ORDER[max(ranked)] if ranked else None


def missed(due: Deadlines, status: str | None, today: dt.date) -> list[str]:
    """The deadlines (SUBMISSION, ENTRY) a holder has missed by `today`, given the furthest status
    of their contract for the year (None: no contract at all). A deadline is missed from the day
    after it; after the year end nothing is late any more (the year is over)."""
    if today > due.year_end:
        return []
    found = []
    if status in (None, "draft") and due.submission is not None and today > due.submission:
        found.append(SUBMISSION)
    if status in (None, "draft", "submitted") and due.entry is not None and today > due.entry:
        found.append(ENTRY)
    return found
