import datetime as dt

from roedtraad.core.followup.status import (
    AT_RISK,
    NO_DATA,
    OFF_TRACK,
    ON_TRACK,
    Point,
    assess,
    linear_forecast,
    rolling_mean,
)


def series(*values: float, start=dt.date(2026, 1, 1)) -> list[Point]:
    return [
        Point(dt.date(start.year + (start.month - 1 + i) // 12, (start.month - 1 + i) % 12 + 1, 1), v)
        for i, v in enumerate(values)
    ]


def test_sick_leave_falling_towards_its_target_is_on_track():
    result = assess(series(6.0, 5.8, 5.6, 5.4, 5.2, 5.0), target=4.5, period_end=dt.date(2026, 12, 1))
    assert result.status == ON_TRACK
    assert result.forecast < 4.5


def test_sick_leave_that_stays_flat_above_its_target_is_off_track():
    result = assess(series(6.0, 6.1, 6.0, 6.1, 6.0, 6.1), target=5.0, period_end=dt.date(2026, 12, 1))
    assert result.status == OFF_TRACK
    assert "mangler" in result.reason


def test_sick_leave_that_just_misses_is_at_risk():
    result = assess(series(5.2, 5.2, 5.2), target=5.0, period_end=dt.date(2026, 12, 1))
    assert result.status == AT_RISK


def test_where_higher_is_better_a_rising_share_is_on_track():
    result = assess(series(40, 44, 48), target=50, period_end=dt.date(2026, 6, 1), lower_is_better=False)
    assert result.status == ON_TRACK


def test_an_indicator_without_measurements_has_no_data():
    assert assess([], target=5.0, period_end=dt.date(2026, 12, 1)).status == NO_DATA


def test_a_straight_line_is_forecast_exactly():
    assert abs(linear_forecast(series(1, 2, 3), dt.date(2026, 6, 1)) - 6) < 1e-9


def test_the_rolling_mean_of_twelve_equal_months_is_that_value():
    assert {p.value for p in rolling_mean(series(*[4.0] * 14))} == {4.0}
