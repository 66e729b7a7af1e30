"""Forecasts of monthly sick-leave series whose answer is known by hand."""

import datetime as dt

import pytest

from roedtraad.core.followup.forecast import (
    NAIVE_NOTE,
    STALE,
    Thresholds,
    forecast_indicator,
    forecast_rolling_from_monthly,
)
from roedtraad.core.followup.status import AT_RISK, NO_DATA, OFF_TRACK, ON_TRACK, Point

DECEMBER = dt.date(2026, 12, 1)
MID_NOVEMBER = dt.date(2026, 11, 10)  # October's figures are in; November's are not yet

# Sick leave by calendar month: high in winter, low in summer (mean 5.5).
SEASON = {1: 7.0, 2: 6.5, 3: 6.0, 4: 5.5, 5: 5.0, 6: 4.5, 7: 4.0, 8: 4.5, 9: 5.0, 10: 5.5, 11: 6.0, 12: 6.5}


def month(start: dt.date, i: int) -> dt.date:
    return dt.date(start.year + (start.month - 1 + i) // 12, (start.month - 1 + i) % 12 + 1, 1)


def monthly(*values: float, start: dt.date) -> list[Point]:
    return [Point(month(start, i), v) for i, v in enumerate(values)]


def sick_leave(points, target=7.8, deadline=DECEMBER, today=MID_NOVEMBER, **options):
    return forecast_indicator(points, target, deadline, lower_is_better=True, today=today, **options)


def width(band):
    return band[1] - band[0]


def test_no_measurements_means_no_data():
    result = sick_leave([])
    assert (result.status, result.method, result.explanation) == (NO_DATA, "none", "Ingen målinger endnu.")
    assert result.value is None and result.latest is None


def test_a_flat_series_is_forecast_flat_and_on_track_when_it_meets_the_target():
    # 4.0 % every month for a year: drift 0, forecast 4.0, no residuals, so no band width.
    result = sick_leave(monthly(*[4.0] * 12, start=dt.date(2025, 11, 1)), target=4.5)
    assert result.status == ON_TRACK
    assert result.method == "drift"
    assert result.value == pytest.approx(4.0)
    assert result.band == pytest.approx((4.0, 4.0))
    assert result.seen_per_month == 0
    assert result.explanation == (
        "4,0 % i oktober. Målet 4,5 % i december er nået; de seneste 11 måneder var det uændret. Prognose: 4,0 %."
    )
    assert result.note == ""


def test_a_flat_series_above_the_target_is_off_track():
    result = sick_leave(monthly(*[6.0] * 12, start=dt.date(2025, 11, 1)), target=5.0)
    assert result.status == OFF_TRACK  # misses by 1.0 > margin max(0.3, 0.05 * 5.0)


def test_a_steady_fall_that_reaches_the_target_is_on_track_and_says_the_pace():
    # 8.50 in October 2025 falling 0.05 a month: 7.90 in October 2026 (13 values).
    # Drift (7.90 - 8.50) / 12 = -0.05; forecast for December 7.90 - 2 * 0.05 = 7.80 = the target.
    # Needed (7.8 - 7.9) / 2 = -0.05 a month; seen over the last 12 months -0.60 / 12 = -0.05.
    values = [round(8.50 - 0.05 * i, 2) for i in range(13)]
    result = sick_leave(monthly(*values, start=dt.date(2025, 10, 1)))
    assert result.status == ON_TRACK
    assert result.method == "drift"
    assert result.value == pytest.approx(7.8)
    assert result.needed_per_month == pytest.approx(-0.05)
    assert result.seen_per_month == pytest.approx(-0.05)
    assert result.latest == Point(dt.date(2026, 10, 1), 7.9)
    assert result.explanation == (
        "7,9 % i oktober. Målet 7,8 % i december kræver et fald på 0,05 point om måneden; "
        "de seneste 12 måneder faldt det 0,05. Prognose: 7,8 %."
    )


def test_the_sentence_of_the_brief_with_an_uneven_fall():
    # 8.38 in October 2025, then steps of +0.06 and -0.14 in turn: 7.90 in October 2026.
    # Drift (7.90 - 8.38) / 12 = -0.04, the pace seen; forecast 7.90 - 2 * 0.04 = 7.82.
    # Residuals ±0.10 (12 of them): sigma = 0.1 * sqrt(12 / 11) = 0.10445;
    # half band 1.2816 * 0.10445 * sqrt(2 * (1 + 2/12)) = 0.2045 → 7.6155–8.0245.
    # Naive errors 0.06 and 0.14, mean 0.10 = the drift's mean error 0.10, so the note is given.
    values = [8.38]
    for i in range(12):
        values.append(round(values[-1] + (0.06 if i % 2 == 0 else -0.14), 2))
    assert values[-1] == 7.90
    result = sick_leave(monthly(*values, start=dt.date(2025, 10, 1)))
    assert result.value == pytest.approx(7.82)
    assert result.band == pytest.approx((7.6155, 8.0245), abs=1e-4)
    assert result.explanation == (
        "7,9 % i oktober. Målet 7,8 % i december kræver et fald på 0,05 point om måneden; "
        "de seneste 12 måneder faldt det 0,04. Prognose: 7,8 % (7,6–8,0 %)."
    )
    assert result.note == NAIVE_NOTE
    assert result.status == AT_RISK  # 7.82 misses 7.8 by 0.02 ≤ margin 0.39


def test_a_rise_when_lower_is_better_is_off_track():
    # 5.0 in November 2025 rising 0.1 a month: 6.1 in October 2026; forecast 6.1 + 0.2 = 6.3.
    values = [round(5.0 + 0.1 * i, 1) for i in range(12)]
    result = sick_leave(monthly(*values, start=dt.date(2025, 11, 1)), target=5.0)
    assert result.value == pytest.approx(6.3)
    assert result.status == OFF_TRACK  # misses by 1.3 > margin 0.3
    assert result.explanation == (
        "6,1 % i oktober. Målet 5,0 % i december kræver et fald på 0,55 point om måneden; "
        "de seneste 11 måneder steg det 0,10. Prognose: 6,3 %."
    )


def test_a_fall_that_crosses_the_target_before_the_deadline_is_on_track():
    # 6.1 in May falling 0.16 a month to 5.3 in October: forecast 5.3 - 0.32 = 4.98 ≤ 5.0.
    values = [6.1, 5.94, 5.78, 5.62, 5.46, 5.3]
    result = sick_leave(monthly(*values, start=dt.date(2026, 5, 1)), target=5.0)
    assert result.value == pytest.approx(4.98)
    assert result.status == ON_TRACK
    assert "kræver et fald på 0,15 point om måneden" in result.explanation  # (5.0 - 5.3) / 2


def test_a_target_met_now_but_crossed_again_by_the_forecast_is_at_risk():
    # 4.4 in May rising 0.1 a month to 4.9 in October: under 5.0 now, forecast 4.9 + 0.2 = 5.1.
    values = [4.4, 4.5, 4.6, 4.7, 4.8, 4.9]
    result = sick_leave(monthly(*values, start=dt.date(2026, 5, 1)), target=5.0)
    assert result.value == pytest.approx(5.1)
    assert result.status == AT_RISK  # 0.1 over, within the margin 0.3
    assert "Målet 5,0 % i december er nået nu, men prognosen når det ikke" in result.explanation


def test_a_seasonal_series_is_forecast_from_the_same_month_last_year_plus_a_years_drift():
    # 36 months from November 2023 to October 2026: the season plus a fall of 0.01 a month.
    # Every 12-month change is -0.12 = c. December 2025 (month 25) = 6.5 - 0.25 = 6.25, so the
    # December 2026 forecast is 6.25 - 0.12 = 6.13. (Plain drift would say
    # 5.15 + 2 * (5.15 - 6.00) / 35 = 5.10, the season forgotten.)
    start = dt.date(2023, 11, 1)
    values = [round(SEASON[month(start, i).month] - 0.01 * i, 2) for i in range(36)]
    result = sick_leave(monthly(*values, start=start), target=6.2)
    assert result.method == "seasonal_naive_drift"
    assert result.value == pytest.approx(6.13)
    assert result.band == pytest.approx((6.13, 6.13))  # the changes are all exactly -0.12
    assert result.status == ON_TRACK
    assert result.note == ""  # the season beats "next month = this month"


def test_a_rolling_series_is_forecast_with_drift_even_when_it_is_long():
    start = dt.date(2023, 11, 1)
    values = [round(6.0 - 0.01 * i, 2) for i in range(36)]  # 5.65 in October 2026
    result = sick_leave(monthly(*values, start=start), target=6.0, rolling=True)
    assert result.method == "drift"
    assert result.value == pytest.approx(5.63)


def test_a_noisy_series_has_a_wider_band_than_a_smooth_one():
    # Same fall of 0.05 a month; zig-zag ±0.01 against ±0.3 around it.
    def zigzag(size):
        return [round(8.5 - 0.05 * i + (size if i % 2 else -size), 3) for i in range(12)]

    smooth = sick_leave(monthly(*zigzag(0.01), start=dt.date(2025, 11, 1)))
    noisy = sick_leave(monthly(*zigzag(0.3), start=dt.date(2025, 11, 1)))
    assert 0 < width(smooth.band) < width(noisy.band)
    assert smooth.band[0] < smooth.value < smooth.band[1]
    assert width(noisy.band) == pytest.approx(30 * width(smooth.band), rel=1e-4)  # residuals scale with the zig-zag


def test_a_zigzag_around_a_flat_level_does_no_better_than_naive():
    # 6.0, 6.4, 6.0, ... 6.0: drift 0, so its errors are the naive errors: the note says so.
    result = sick_leave(monthly(6.0, 6.4, 6.0, 6.4, 6.0, 6.4, 6.0, start=dt.date(2026, 4, 1)), target=5.0)
    assert result.note == NAIVE_NOTE
    assert result.value == pytest.approx(6.0)


def test_missing_months_count_as_calendar_months_in_the_drift():
    # January to August with March and June missing; 0.1 a calendar month down: 6.0 → 5.3.
    # Drift (5.3 - 6.0) / 7 months = -0.1 (not / 5 steps = -0.14); December: 5.3 - 0.4 = 4.9.
    points = [Point(dt.date(2026, m, 1), v) for m, v in [(1, 6.0), (2, 5.9), (4, 5.7), (5, 5.6), (7, 5.4), (8, 5.3)]]
    result = sick_leave(points, target=5.0, today=dt.date(2026, 9, 20))
    assert result.method == "drift"
    assert result.value == pytest.approx(4.9)
    assert result.band == pytest.approx((4.9, 4.9))  # every step lies on the line
    assert result.seen_per_month == pytest.approx(-0.1)
    assert "de seneste 7 måneder faldt det 0,10" in result.explanation


def test_five_values_are_too_few_for_a_forecast():
    result = sick_leave(monthly(6.0, 6.0, 6.0, 6.0, 5.9, start=dt.date(2026, 6, 1)), target=5.0)
    assert result.method == "none"
    assert result.value is None and result.band is None
    assert "for få målinger til en prognose" in result.explanation
    assert result.status == OFF_TRACK  # the latest 5.9 misses 5.0 by 0.9
    just_over = sick_leave(monthly(5.3, 5.3, 5.2, 5.2, 5.2, start=dt.date(2026, 6, 1)), target=5.0)
    assert just_over.status == AT_RISK  # 5.2 misses by 0.2 ≤ 0.3


def test_a_series_four_months_old_is_stale_but_still_forecast():
    # January to June, today mid-October: June is 4 months back, more than 1 + 1 for a monthly rhythm.
    values = [6.0, 5.9, 5.8, 5.7, 5.6, 5.5]
    result = sick_leave(monthly(*values, start=dt.date(2026, 1, 1)), target=5.0, today=dt.date(2026, 10, 15))
    assert result.status == STALE
    assert result.explanation.startswith(
        "Seneste måling er fra juni 2026; der burde være kommet nyere tal. 5,5 % i juni."
    )
    assert result.value == pytest.approx(4.9)  # 5.5 - 6 * 0.1
    quarterly = sick_leave(
        monthly(*values, start=dt.date(2026, 1, 1)), target=5.0, today=dt.date(2026, 10, 15), rhythm_months=3
    )
    assert quarterly.status == ON_TRACK  # 4 months ≤ 3 + 1
    fresh = sick_leave(monthly(*values, start=dt.date(2026, 1, 1)), target=5.0, today=dt.date(2026, 8, 15))
    assert fresh.status == ON_TRACK  # 2 months: July's figures may not be out yet


def test_after_the_deadline_the_measured_value_decides():
    values = [6.0, 5.9, 5.8, 5.7, 5.6, 5.5, 5.4]  # June to December
    points = monthly(*values, start=dt.date(2026, 6, 1))
    result = sick_leave(points, target=5.5, today=dt.date(2027, 3, 1))
    assert (result.status, result.value, result.method) == (ON_TRACK, 5.4, "none")
    assert result.explanation == "5,4 % i december. Målet 5,5 % i december er nået."
    earlier = sick_leave(points, target=5.5, deadline=dt.date(2026, 9, 1), today=dt.date(2027, 3, 1))
    assert earlier.value == 5.7
    assert earlier.explanation.endswith("5,4 % i december. Målet 5,5 % i september er ikke nået (5,7 % i september).")


def test_where_higher_is_better_a_rising_share_needs_a_rise():
    # Share of new employees with a good start: 80 in May rising 2 a month to 90 in October; 94 in December.
    result = forecast_indicator(
        monthly(80, 82, 84, 86, 88, 90, start=dt.date(2026, 5, 1)),
        95,
        DECEMBER,
        lower_is_better=False,
        today=MID_NOVEMBER,
    )
    assert result.value == pytest.approx(94)
    assert result.status == AT_RISK  # 1 short, margin max(0.3, 0.05 * 95 = 4.75)
    assert "kræver en stigning på 2,50 point om måneden; de seneste 5 måneder steg det 2,00" in result.explanation


def test_other_units_are_named_in_the_sentence():
    # Days of sick leave per full-time employee: 13.0 falling 0.2 a month to 12.0; 11.6 in December.
    result = sick_leave(
        monthly(13.0, 12.8, 12.6, 12.4, 12.2, 12.0, start=dt.date(2026, 5, 1)),
        target=11.0,
        unit="dage",
        thresholds=Thresholds(at_risk_margin=1.0, relative_margin=0.0),
    )
    assert result.status == AT_RISK  # 11.6 misses by 0.6 ≤ 1.0
    assert result.explanation == (
        "12,0 dage i oktober. Målet 11,0 dage i december kræver et fald på 0,50 dage om måneden; "
        "de seneste 5 måneder faldt det 0,20. Prognose: 11,6 dage."
    )


def test_a_target_with_two_decimals_keeps_them_and_a_deadline_next_year_names_the_years():
    result = sick_leave(monthly(*[8.5] * 6, start=dt.date(2026, 5, 1)), target=8.22, deadline=dt.date(2027, 12, 1))
    assert result.explanation.startswith("8,5 % i oktober 2026. Målet 8,22 % i december 2027 kræver et fald")


def test_the_margin_is_absolute_or_relative_whichever_is_larger():
    assert Thresholds().margin(4.0) == 0.3
    assert Thresholds().margin(10.0) == pytest.approx(0.5)


# Rolling 12-month figures rebuilt from monthly values.


def rolling_sick_leave(points, target, **options):
    return forecast_rolling_from_monthly(points, target, DECEMBER, lower_is_better=True, today=MID_NOVEMBER, **options)


def test_the_rolling_figure_at_the_deadline_is_rebuilt_from_observed_and_forecast_months():
    # 24 months November 2024 – October 2026, the season plus -0.01 a month (month i from 0).
    # Window January – December 2026 = months 14..25: Jan–Oct observed, November and December
    # forecast as last year's + c = -0.12, which continues the trend exactly. Mean of the season
    # is 5.5, of the trend -0.01 * 19.5: 5.305. October's own rolling figure (months 12..23):
    # 5.5 - 0.01 * 17.5 = 5.325.
    start = dt.date(2024, 11, 1)
    values = [round(SEASON[month(start, i).month] - 0.01 * i, 2) for i in range(24)]
    result = rolling_sick_leave(monthly(*values, start=start), target=5.31)
    assert result.method == "seasonal_naive_drift"
    assert result.value == pytest.approx(5.305)
    assert result.band == pytest.approx((5.305, 5.305))
    assert result.latest == Point(dt.date(2026, 10, 1), pytest.approx(5.325))
    assert result.status == ON_TRACK
    assert result.explanation.startswith("5,3 % i oktober. Målet 5,31 % i december kræver et fald på 0,01 point")


def test_a_rebuilt_rolling_figure_from_noisy_months_has_a_band_and_short_series_none():
    start = dt.date(2024, 11, 1)
    values = [SEASON[month(start, i).month] + (0.4 if i % 5 == 0 else -0.1) for i in range(24)]
    result = rolling_sick_leave(monthly(*values, start=start), target=5.0)
    assert result.band[0] < result.value < result.band[1]
    short = rolling_sick_leave(monthly(6.0, 6.2, 5.8, start=dt.date(2026, 8, 1)), target=5.0)
    assert short.method == "none" and short.value is None
    assert short.latest.value == pytest.approx(6.0)  # the mean of the three months so far
    assert rolling_sick_leave([], target=5.0).status == NO_DATA
