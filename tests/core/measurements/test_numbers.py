"""Values as Danish and English BI exports write them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from roedtraad.core.measurements.numbers import parse_value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("8,22", 8.22),
        ("8,22 %", 8.22),
        ("8,22%", 8.22),
        ("8.22", 8.22),
        ("1.234,5", 1234.5),
        ("1.234.567", 1234567),
        ("1,234.5", 1234.5),
        ("1 234,5", 1234.5),
        ("1.234", 1234),
        ("8.220", 8220),
        ("0.125", 0.125),
        ("−2,5", -2.5),
        ("-2,5", -2.5),
        ("12 dage", 12),
        ("4,6 mio. kr.", 4_600_000),
        ("250 t. kr.", 250_000),
        ("5,5 pct.", 5.5),
        ("3 årsværk", 3),
        ("1e-05", 0.00001),
        ("7", 7),
    ],
)
def test_a_value_is_read_as_the_export_means_it(text, expected):
    assert parse_value(text) == pytest.approx(expected)


@pytest.mark.parametrize("text", ["", "  ", "-", "–", "..", "n/a", "*", "#DIV/0!", "(tom)"])
def test_an_empty_or_suppressed_cell_has_no_value(text):
    assert parse_value(text) is None


@pytest.mark.parametrize("text", ["abc", "8,22 æbler", "1.23.4", "1,2,3", "ca. 5", "5-6"])
def test_text_that_is_not_a_number_is_an_error(text):
    with pytest.raises(ValueError):
        parse_value(text)


def test_a_number_from_an_excel_cell_has_a_decimal_point_not_a_thousands_dot():
    assert parse_value("1.234", dot_decimal=True) == 1.234
    assert parse_value("8,22", dot_decimal=True) == 8.22


@given(st.decimals(min_value=-99999, max_value=99999, places=2, allow_nan=False))
def test_any_number_written_with_a_danish_decimal_comma_reads_back(number):
    text = f"{number:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")
    assert parse_value(text) == pytest.approx(float(number))
