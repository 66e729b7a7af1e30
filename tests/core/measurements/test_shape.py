"""Wide tables, one column per month, melted into one row per unit and month."""

from __future__ import annotations

from roedtraad.core.measurements.periods import Period
from roedtraad.core.measurements.shape import is_wide, melt, melted_mapping, period_columns
from roedtraad.core.measurements.table import Row, Table


def test_the_month_columns_of_a_wide_export_are_found():
    headers = ["Enhed", "jan. 23", "feb. 23", "I alt"]
    assert period_columns(headers) == {1: Period.month(2023, 1), 2: Period.month(2023, 2)}
    assert is_wide(headers)


def test_a_long_table_is_not_wide():
    assert not is_wide(["Enhed", "Periode", "Værdi"])
    assert not is_wide(["Enhed", "2023", "Værdi"])


def test_a_wide_table_is_melted_keeping_its_line_numbers_and_skipping_empty_cells():
    table = Table(
        ["Enhed", "Nøgletal", "2023-01", "2023-02", "Kommentar"],
        [
            Row(3, ["Center Nord", "Sygefravær", "8,2", "7,9", "ok"]),
            Row(4, ["Center Syd", "Sygefravær", "", "5,0", ""]),
        ],
    )
    long = melt(table, {"unit": 0, "key_figure": 1})
    assert long.headers == ["Enhed", "Nøgletal", "Periode", "Værdi"]
    assert long.rows == [
        Row(3, ["Center Nord", "Sygefravær", "2023-01", "8,2"]),
        Row(3, ["Center Nord", "Sygefravær", "2023-02", "7,9"]),
        Row(4, ["Center Syd", "Sygefravær", "2023-02", "5,0"]),
    ]
    assert melted_mapping(long) == {"unit": 0, "key_figure": 1, "period": 2, "value": 3}


def test_a_wide_table_without_key_figures_melts_to_three_columns():
    table = Table(["Afdeling", "jan. 23", "feb. 23"], [Row(2, ["A", "1", "2"])], dot_decimal=True)
    long = melt(table, {"unit": 0})
    assert long.headers == ["Enhed", "Periode", "Værdi"]
    assert long.dot_decimal
    assert melted_mapping(long) == {"unit": 0, "period": 1, "value": 2}
