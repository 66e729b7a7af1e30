"""Periods as BI exports name them: months, quarters and years."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from roedtraad.core.danish import MONTHS
from roedtraad.core.measurements.periods import Period, parse_period
from roedtraad.core.reports.periods import Period as ReportPeriod
from roedtraad.core.reports.periods import PeriodInvalid
from roedtraad.core.years import FIRST_YEAR, LAST_YEAR

JANUARY_2023 = Period.month(2023, 1)


@pytest.mark.parametrize(
    "text",
    [
        "januar 2023",
        "Januar 2023",
        "jan. 23",
        "jan 2023",
        "jan-23",
        "2023-01",
        "2023-01-01",
        "2023-01-31",
        "2023-01-31 00:00:00",
        "31.01.2023",
        "01-2023",
        "1/2023",
        "01.2023",
        "2023M01",
    ],
)
def test_january_2023_is_read_in_every_way_an_export_writes_it(text):
    assert parse_period(text) == JANUARY_2023


@pytest.mark.parametrize("text", ["1. kvt. 2023", "1. kvartal 2023", "Q1 2023", "2023K1", "2023 K1", "2023Q1"])
def test_the_first_quarter_of_2023_is_read_in_every_way(text):
    assert parse_period(text) == Period.quarter(2023, 1)


@pytest.mark.parametrize(
    ("text", "month"),
    [("maj 23", 5), ("okt. 2023", 10), ("sept. 23", 9), ("sep 2023", 9), ("mar 23", 3), ("marts 2023", 3)],
)
def test_danish_month_abbreviations(text, month):
    assert parse_period(text) == Period.month(2023, month)


def test_a_bare_year_is_a_year():
    assert parse_period("2023") == Period.year(2023)


@pytest.mark.parametrize("text", ["", "Værdi", "jan", "13-2023", "2023-02-30", "5. kvt. 2023", "Center Nord", "8,22"])
def test_text_that_names_no_period_is_none(text):
    assert parse_period(text) is None


def test_a_period_knows_its_last_day_and_its_months():
    assert Period.month(2024, 2).end == dt.date(2024, 2, 29)
    assert Period.quarter(2023, 4).end == dt.date(2023, 12, 31)
    assert Period.year(2023).months()[0] == JANUARY_2023
    assert [month.start.month for month in Period.quarter(2023, 2).months()] == [4, 5, 6]


def test_periods_sort_by_start():
    assert sorted([Period.month(2023, 3), Period.month(2022, 12), Period.month(2023, 1)])[0] == Period.month(2022, 12)


def test_a_month_cannot_start_mid_month():
    with pytest.raises(ValueError):
        Period(dt.date(2023, 1, 15), "month")


NAMES = {number: name for name, number in MONTHS.items()}
MONTH_FORMATS = [
    lambda y, m: f"{NAMES[m]} {y}",
    lambda y, m: f"{NAMES[m].capitalize()} {y}",
    lambda y, m: f"{NAMES[m][:3]}. {y % 100:02d}",
    lambda y, m: f"{NAMES[m][:3]} {y}",
    lambda y, m: f"{NAMES[m][:3]}-{y % 100:02d}",
    lambda y, m: f"{y}-{m:02d}",
    lambda y, m: f"{y}-{m:02d}-01",
    lambda y, m: f"{y}-{m:02d}-28",
    lambda y, m: f"{m:02d}-{y}",
    lambda y, m: f"{m}/{y}",
    lambda y, m: f"{m:02d}.{y}",
    lambda y, m: f"{y}M{m:02d}",
]
QUARTER_FORMATS = [
    lambda y, q: f"{q}. kvt. {y}",
    lambda y, q: f"{q}. kvartal {y}",
    lambda y, q: f"Q{q} {y}",
    lambda y, q: f"{y}K{q}",
    lambda y, q: f"{y} K{q}",
    lambda y, q: f"{y}Q{q}",
]


@given(st.integers(2000, 2099), st.integers(1, 12), st.sampled_from(MONTH_FORMATS))
def test_any_month_in_any_format_reads_back(year, month, fmt):
    assert parse_period(fmt(year, month)) == Period.month(year, month)


@given(st.integers(2000, 2099), st.integers(1, 4), st.sampled_from(QUARTER_FORMATS))
def test_any_quarter_in_any_format_reads_back(year, quarter, fmt):
    assert parse_period(fmt(year, quarter)) == Period.quarter(year, quarter)


@given(st.dates(dt.date(FIRST_YEAR, 1, 1), dt.date(LAST_YEAR, 12, 31)))
def test_any_iso_date_names_its_month(day):
    assert parse_period(day.isoformat()) == Period.month(day.year, day.month)


@given(st.text(max_size=12))
def test_any_text_either_names_a_period_or_none(text):
    assert parse_period(text) is None or isinstance(parse_period(text), Period)


@pytest.mark.parametrize("year", [FIRST_YEAR - 1, LAST_YEAR + 1])
def test_a_year_outside_rodtrads_years_is_no_period_for_a_measurement_nor_for_a_report(year):
    """One range of years for both parsers: a year a measurement file may name is a year a
    report can be made for, and the other way round."""
    assert parse_period(str(year)) is None and parse_period(f"{year}-01") is None
    with pytest.raises(PeriodInvalid, match=f"{FIRST_YEAR}–{LAST_YEAR}"):
        ReportPeriod.parse(str(year))


@pytest.mark.parametrize("year", [FIRST_YEAR, LAST_YEAR])
def test_the_first_and_the_last_of_rodtrads_years_read_in_both_parsers(year):
    assert parse_period(str(year)) == Period.year(year)
    assert ReportPeriod.parse(str(year)) == ReportPeriod(year)
