"""A report's period: a quarter or a year, read as people write it, and the one after it."""

from __future__ import annotations

import datetime as dt

import pytest

from roedtraad.core.reports.periods import Period, PeriodInvalid, nearest, period_of
from roedtraad.core.years import LAST_YEAR


@pytest.mark.parametrize("text", ["2026Q1", "2026K1", "2026-k1", " 2026 Q1 "])
def test_a_quarter_is_read_however_it_is_written(text):
    assert Period.parse(text) == Period(2026, 1)


def test_a_quarter_runs_from_its_first_months_first_day_to_its_last_months_last_day():
    assert (Period(2026, 1).start, Period(2026, 1).end) == (dt.date(2026, 1, 1), dt.date(2026, 3, 31))
    assert (Period(2026, 4).start, Period(2026, 4).end) == (dt.date(2026, 10, 1), dt.date(2026, 12, 31))
    assert Period(2026, 1).label == "1. kvartal 2026"


def test_the_next_period_after_the_fourth_quarter_is_next_years_first_and_a_year_is_followed_by_a_year():
    assert Period(2026, 2).next() == Period(2026, 3)
    assert Period(2026, 4).next() == Period(2027, 1)
    assert Period(2026).next() == Period(2027)
    assert Period.parse(Period(2026, 3).code) == Period(2026, 3)


def test_there_is_no_period_after_the_last_year_rodtraad_supports():
    assert Period(LAST_YEAR).next() is None and Period(LAST_YEAR, 4).next() is None
    assert Period(LAST_YEAR, 3).next() == Period(LAST_YEAR, 4)


def test_a_stored_period_past_the_supported_years_reads_as_the_nearest_one():
    today = dt.date(2026, 5, 31)
    assert nearest(f"{LAST_YEAR + 1}", "year", today) == Period(LAST_YEAR)
    assert nearest(f"{LAST_YEAR + 1}Q2", "quarter", today) == Period(LAST_YEAR, 2)
    assert nearest("noget andet", "quarter", today) == Period(2026, 2)


@pytest.mark.parametrize("text", ["", "Q1", "2026Q5", "26Q1", "2026 første kvartal", "２０２６Q1"])
def test_a_period_that_cannot_be_read_says_how_to_write_one(text):
    with pytest.raises(PeriodInvalid, match="2026K1"):
        Period.parse(text)


def test_the_period_of_a_day():
    assert period_of(dt.date(2026, 5, 31), "quarter") == Period(2026, 2)
    assert period_of(dt.date(2026, 5, 31), "year") == Period(2026)
