"""The rolling 12-month figure: absence over possible days, not a mean of monthly percentages."""

from __future__ import annotations

import datetime as dt

import pytest

from roedtraad.core.measurements.rolling import MonthValue, key_figure_is_rolling, rolling, rolling_12


def month(index: int) -> dt.date:
    """Month number `index` from January 2023 (0 = January 2023)."""
    return dt.date(2023 + index // 12, index % 12 + 1, 1)


@pytest.mark.parametrize(
    "text", ["Sygefravær, seneste 12 mdr.", "Fravær løbende 12 måneder", "Sygefravær, rullende år", "12 mdr."]
)
def test_a_key_figure_that_says_it_is_rolling_is_known(text):
    assert key_figure_is_rolling(text)


@pytest.mark.parametrize("text", ["Sygefravær", "Sygefravær pr. måned", "Fravær 2023", "Langtidsfravær"])
def test_a_monthly_key_figure_is_not_rolling(text):
    assert not key_figure_is_rolling(text)


def test_a_mean_of_monthly_percentages_is_not_the_rolling_figure_when_months_differ_in_size():
    # January: 10 absence days of 100 possible = 10 %. February: 2 of 400 = 0.5 %.
    # Weighted: (10 + 2) / (100 + 400) × 100 = 12 / 500 × 100 = 2.4 %.
    # The mean of the two percentages would be (10 + 0.5) / 2 = 5.25 %.
    points = [MonthValue(month(0), 10.0, 10, 100), MonthValue(month(1), 0.5, 2, 400)]
    (value,) = rolling(points, months=2)
    assert value.period == month(1)
    assert value.value == pytest.approx(2.4)
    assert not value.approximate
    assert value.months == 2


def test_rolling_12_weighs_a_large_month_more():
    # Eleven months of 5 absence days of 100 possible (5 %), then one of 30 of 200 (15 %).
    # Weighted: (11 × 5 + 30) / (11 × 100 + 200) × 100 = 85 / 1300 × 100 = 6.538 %.
    # The plain mean: (11 × 5 + 15) / 12 = 70 / 12 = 5.833 %.
    points = [MonthValue(month(i), 5.0, 5, 100) for i in range(11)] + [MonthValue(month(11), 15.0, 30, 200)]
    (value,) = rolling_12(points)
    assert value.period == dt.date(2023, 12, 1)
    assert value.value == pytest.approx(6.538, abs=0.001)
    assert value.months == 12 and not value.approximate


def test_without_days_the_rolling_figure_is_a_mean_marked_approximate():
    # The same percentages without their days: (11 × 5 + 15) / 12 = 5.833 %.
    points = [MonthValue(month(i), 5.0) for i in range(11)] + [MonthValue(month(11), 15.0)]
    (value,) = rolling_12(points)
    assert value.value == pytest.approx(5.833, abs=0.001)
    assert value.approximate


def test_a_month_is_rolled_only_when_its_twelve_months_are_all_there():
    points = [MonthValue(month(i), 5.0, 5, 100) for i in range(14) if i != 3]
    # 13 months, March 2023 missing: no window of 12 without a gap ends before April 2024.
    assert rolling_12(points) == []
    full = [MonthValue(month(i), 5.0, 5, 100) for i in range(14)]
    assert [value.period for value in rolling_12(full)] == [month(11), month(12), month(13)]


def test_a_month_given_twice_is_an_error():
    with pytest.raises(ValueError):
        rolling_12([MonthValue(month(0), 1.0), MonthValue(dt.date(2023, 1, 15), 2.0)])
