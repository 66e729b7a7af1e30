"""The annual cycle's defaults follow the DUS's calendar, and lateness follows the deadlines."""

from __future__ import annotations

import datetime as dt

import pytest

from roedtraad.core import cycle
from roedtraad.core.cycle import ENTRY, SUBMISSION, Deadlines, deadlines, default_milestones, furthest_status, missed


def by_kind(year: int) -> dict[str, list[dt.date]]:
    found: dict[str, list[dt.date]] = {}
    for spec in default_milestones(year):
        found.setdefault(spec.kind, []).append(spec.date)
    return found


def test_the_dus_is_issued_in_september_and_presented_at_the_seminar_in_week_43_of_the_year_before():
    dates = by_kind(2026)
    assert dates[cycle.DUS_ISSUED] == [dt.date(2025, 9, 15)]
    assert dates[cycle.SEMINAR] == [dt.date(2025, 10, 22)]
    seminar = dates[cycle.SEMINAR][0]
    assert seminar.isocalendar()[:3] == (2025, 43, 3)  # the Wednesday of week 43


@pytest.mark.parametrize("year", range(2020, 2041))
def test_the_seminar_is_always_a_wednesday_in_week_43(year):
    day = cycle.seminar_day(year)
    assert day.year == year - 1 and day.isocalendar().week == 43 and day.isoweekday() == 3


def test_contracts_are_drafted_before_christmas_submitted_early_january_and_entered_by_the_end_of_january():
    dates = by_kind(2027)
    assert dates[cycle.DRAFT_DEADLINE] == [dt.date(2026, 12, 15)]
    assert dates[cycle.SUBMISSION] == [dt.date(2027, 1, 8)]  # 10 January 2027 is a Sunday
    assert dates[cycle.ENTRY] == [dt.date(2027, 1, 29)]  # 31 January 2027 is a Sunday
    assert dates[cycle.DIALOGUE_ROUND] == [dt.date(2027, 6, 15), dt.date(2027, 11, 15)]
    assert dates[cycle.YEAR_END] == [dt.date(2027, 12, 31)]  # the year end stays, whatever the weekday


@pytest.mark.parametrize("year", range(2020, 2041))
def test_every_default_deadline_but_the_year_end_falls_on_a_weekday_and_they_come_in_order(year):
    specs = default_milestones(year)
    assert [s.date for s in specs] == sorted(s.date for s in specs)
    assert all(s.date.isoweekday() <= 5 for s in specs if s.kind != cycle.YEAR_END)
    assert {s.kind for s in specs} == set(cycle.KINDS) - {cycle.OTHER}
    assert all(s.title and s.description for s in specs)


def test_a_weekend_day_moves_to_the_friday_before():
    assert cycle.working_day_on_or_before(dt.date(2026, 1, 10)) == dt.date(2026, 1, 9)  # Saturday
    assert cycle.working_day_on_or_before(dt.date(2026, 1, 11)) == dt.date(2026, 1, 9)  # Sunday
    assert cycle.working_day_on_or_before(dt.date(2026, 1, 12)) == dt.date(2026, 1, 12)  # Monday


DUE = Deadlines(submission=dt.date(2026, 1, 9), entry=dt.date(2026, 1, 30), year_end=dt.date(2026, 12, 31))


def test_a_draft_is_late_from_the_day_after_the_submission_deadline():
    assert missed(DUE, "draft", dt.date(2026, 1, 9)) == []
    assert missed(DUE, "draft", dt.date(2026, 1, 10)) == [SUBMISSION]
    assert missed(DUE, "draft", dt.date(2026, 2, 1)) == [SUBMISSION, ENTRY]


def test_a_submitted_contract_is_late_only_after_the_entry_deadline_and_an_entered_one_never():
    assert missed(DUE, "submitted", dt.date(2026, 1, 20)) == []
    assert missed(DUE, "submitted", dt.date(2026, 1, 31)) == [ENTRY]
    assert missed(DUE, "entered", dt.date(2026, 6, 1)) == []
    assert missed(DUE, "closed", dt.date(2026, 6, 1)) == []


def test_a_holder_without_a_contract_is_late_like_a_draft_and_nothing_is_late_after_the_year_end():
    assert missed(DUE, None, dt.date(2026, 2, 1)) == [SUBMISSION, ENTRY]
    assert missed(DUE, None, dt.date(2027, 1, 1)) == []


def test_the_latest_milestone_of_a_kind_is_the_deadline_and_the_year_ends_on_31_december_without_one():
    due = deadlines(2026, [(SUBMISSION, dt.date(2026, 1, 9)), (SUBMISSION, dt.date(2026, 1, 16))])
    assert due == Deadlines(submission=dt.date(2026, 1, 16), entry=None, year_end=dt.date(2026, 12, 31))
    assert missed(due, "submitted", dt.date(2026, 3, 1)) == []  # no entry deadline: nobody late for it


def test_the_furthest_status_among_revisions_counts():
    assert furthest_status(["entered", "draft"]) == "entered"  # a revision being written
    assert furthest_status(["draft", "submitted"]) == "submitted"
    assert furthest_status([]) is None
