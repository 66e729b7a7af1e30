"""Forecast of a monthly indicator at its deadline, with an 80 % band and a Danish explanation.

Points are monthly: the first day of the month (the day is ignored). Months may be missing;
every calculation counts calendar months (`month_index`), never positions in the list. Two
points in the same month: the later one in the list wins.

Method, by the number of values n
    n < 6         "none": no forecast; the status compares the latest value with the target.
    6 <= n < 24   "drift": random walk with drift. b = (y_T - y_1) / (t_T - t_1) per calendar
                  month (first and latest value); the forecast h months after the latest value
                  is y_T + b*h.
    n >= 24       "seasonal_naive_drift": the seasonal random walk with drift,
                  y_t = y_{t-12} + c + e_t (ARIMA(0,0,0)(0,1,0)_12 with a constant). c is the mean
                  of all observed 12-month changes y_t - y_{t-12} (one year's drift). The forecast
                  for month t starts from the latest observed value of the same calendar month, s
                  (normally t-12, or t-24 when that month is missing), and adds one c per year:
                  y_s + c*k with k = (t - s)/12. So the forecast for December is last December plus
                  one year's drift. Without any 12-month pair it falls back to drift.
    rolling=True  the points already are rolling 12-month figures: the season is averaged away
                  and the series moves slowly, so it is forecast with drift however long it is
                  (a seasonal naive forecast of a smoothed series would repeat the smoothing, not
                  the season). When the monthly values are available, `forecast_rolling_from_monthly`
                  forecasts them instead and rebuilds the 12-month figure at the deadline.

80 % band, from the method's own in-sample one-step residuals (sd sigma with one degree of
freedom for the estimated drift)
    drift     e = (y_t - y_t' - b*(t - t')) / sqrt(t - t') for consecutive observations t' < t;
              band = value ± 1.2816 * sigma * sqrt(h * (1 + h/span)), span = t_T - t_1 (the second
              factor is the uncertainty of the estimated drift; Hyndman & Athanasopoulos, FPP3 §5.5).
    seasonal  e = (y_t - y_{t-12}) - c over the m observed 12-month pairs;
              band = value ± 1.2816 * sigma * sqrt(k * (1 + k/m)).
    A series without noise gets a band of width zero.

Note
    The method's mean absolute one-step error over the history is compared with that of the
    naive forecast "next month = this month"; when it is not lower, `note` says so.

Status and `Thresholds`
    margin = max(at_risk_margin, relative_margin * |target|), in the indicator's own unit
    (defaults 0.3 and 5 %: for sick leave with target 7.8 % the margin is 0.39 point). The
    judged value is the forecast at the deadline (without a forecast: the latest value; after
    the deadline: the value measured for the deadline month). It meets the target (<= when lower
    is better, >= otherwise) → on_track; misses by at most the margin → at_risk; else off_track.
    Stale: while the series has not reached the deadline, a latest value more than
    rhythm_months + 1 calendar months before `today`'s month → status "stale"; the forecast and
    explanation are still given.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from statistics import fmean

from .status import AT_RISK, NO_DATA, OFF_TRACK, ON_TRACK, Point, month_index

STALE = "stale"
Z80 = 1.2816  # the 90 % quantile of the standard normal: 80 % lies between -Z80 and +Z80
MIN_FOR_FORECAST = 6
MIN_FOR_SEASONAL = 24
SEASON = 12
_EPS = 1e-9

MONTHS_DA = (
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
)
NAIVE_NOTE = "Prognosen rammer ikke bedre end «næste måned = denne måned»."


@dataclass(frozen=True)
class Thresholds:
    at_risk_margin: float = 0.3  # absolute, in the indicator's unit
    relative_margin: float = 0.05  # of |target|, used when larger

    def margin(self, target: float) -> float:
        return max(self.at_risk_margin, self.relative_margin * abs(target))


@dataclass(frozen=True)
class Forecast:
    status: str  # on_track | at_risk | off_track | no_data | stale
    value: float | None  # expected value at the deadline
    band: tuple[float, float] | None  # 80 % interval
    method: str  # "seasonal_naive_drift" | "drift" | "none"
    explanation: str  # Danish sentences
    note: str  # e.g. that the method does no better than naive
    latest: Point | None
    needed_per_month: float | None  # change per month from the latest value that lands on the target
    seen_per_month: float | None  # change per month over the last min(12, n-1) months


Series = dict[int, float]  # month index -> value, in calendar order


class _Drift:
    """Random walk with drift over calendar months."""

    method = "drift"

    def __init__(self, series: Series) -> None:
        self.series = series
        self.months = list(series)
        self.first, self.last = self.months[0], self.months[-1]
        self.span = self.last - self.first
        self.slope = (series[self.last] - series[self.first]) / self.span
        steps = list(zip(self.months, self.months[1:], strict=False))
        self.errors = [series[b] - series[a] - self.slope * (b - a) for a, b in steps]
        self.naive_errors = [series[b] - series[a] for a, b in steps]
        self.sigma = _sd([e / math.sqrt(b - a) for e, (a, b) in zip(self.errors, steps, strict=True)])

    def predict(self, month: int) -> float:
        base = max((m for m in self.months if m <= month), default=self.first)
        return self.series[base] + self.slope * (month - base)

    def covariance(self, one: int, other: int) -> float:
        """Covariance of the forecast errors of two months after the latest value."""
        h1, h2 = one - self.last, other - self.last
        if h1 <= 0 or h2 <= 0:
            return 0.0
        return self.sigma**2 * (min(h1, h2) + h1 * h2 / self.span)


class _SeasonalDrift:
    """Seasonal random walk with drift: y_t = y_{t-12} + c + e_t."""

    method = "seasonal_naive_drift"

    def __init__(self, series: Series, pairs: list[int]) -> None:
        self.series = series
        self.months = list(series)
        self.first, self.last = self.months[0], self.months[-1]
        changes = [series[t] - series[t - SEASON] for t in pairs]
        self.yearly = fmean(changes)
        self.pairs = len(changes)
        self.sigma = _sd([c - self.yearly for c in changes])
        usable = [t for t in pairs if t - 1 in series]
        self.errors = [series[t] - series[t - SEASON] - self.yearly for t in usable]
        self.naive_errors = [series[t] - series[t - 1] for t in usable]

    def _base(self, month: int) -> int | None:
        same = [m for m in self.months if m <= min(month, self.last) and (month - m) % SEASON == 0]
        return max(same, default=None)

    def predict(self, month: int) -> float:
        base = self._base(month)
        if base is None:  # no value for this calendar month yet: latest earlier value + monthly drift
            base = max((m for m in self.months if m <= month), default=self.first)
        return self.series[base] + self.yearly * (month - base) / SEASON

    def _years(self, month: int) -> float:
        base = self._base(month)
        return (month - (base if base is not None else self.last)) / SEASON

    def covariance(self, one: int, other: int) -> float:
        if one <= self.last or other <= self.last:
            return 0.0
        k1, k2 = self._years(one), self._years(other)
        same_month = (one - other) % SEASON == 0
        return self.sigma**2 * (k1 * k2 / self.pairs + (min(k1, k2) if same_month else 0.0))


_Model = _Drift | _SeasonalDrift


def forecast_indicator(
    points: list[Point],
    target: float,
    deadline: dt.date,
    *,
    lower_is_better: bool,
    today: dt.date,
    rolling: bool = False,
    rhythm_months: int = 1,
    unit: str = "%",
    thresholds: Thresholds = Thresholds(),  # noqa: B008 - frozen, so a shared default is safe
) -> Forecast:
    """Where an indicator is heading by `deadline` and whether that meets `target`."""
    series = _series(points)
    if not series:
        return _no_data()
    goal = _Goal(target, month_index(deadline), lower_is_better, today, rhythm_months, unit, thresholds)
    last = next(reversed(series))
    if goal.month <= last:
        at = max((m for m in series if m <= goal.month), default=next(iter(series)))
        return _finish(series, goal, series[at], None, "none", "", len(series), at)
    if len(series) < MIN_FOR_FORECAST:
        return _finish(series, goal, None, None, "none", "", len(series), None)
    model = _model(series, seasonal=not rolling)
    value = model.predict(goal.month)
    spread = Z80 * math.sqrt(model.covariance(goal.month, goal.month))
    return _finish(series, goal, value, (value - spread, value + spread), model.method, _note(model), len(series), None)


def forecast_rolling_from_monthly(
    monthly: list[Point],
    target: float,
    deadline: dt.date,
    *,
    lower_is_better: bool,
    today: dt.date,
    rhythm_months: int = 1,
    unit: str = "%",
    thresholds: Thresholds = Thresholds(),  # noqa: B008 - frozen, so a shared default is safe
) -> Forecast:
    """A rolling 12-month target judged from monthly values.

    The monthly values are forecast (seasonal naive plus drift from 24 values, drift from 6;
    see the module docstring), and the 12-month figure at the deadline is rebuilt as the
    unweighted mean of the 12 months ending at the deadline: observed months where they exist,
    forecast months otherwise (a missing month before the latest value is filled by the model).
    Note that the official figure divides summed absence by summed possible days; the unweighted
    mean equals it only when the months are of equal size.

    The band adds up the forecast months' error covariances (their errors are correlated through
    the shared drift, and through the random walk for drift); filled past gaps add no
    uncertainty. Latest value, needed and seen pace refer to the rebuilt rolling series (in the
    first year, the mean of the months so far).
    """
    series = _series(monthly)
    if not series:
        return _no_data()
    goal = _Goal(target, month_index(deadline), lower_is_better, today, rhythm_months, unit, thresholds)
    first, last = next(iter(series)), next(reversed(series))
    model = _model(series, seasonal=True) if len(series) >= MIN_FOR_FORECAST else None

    def value_at(month: int) -> float | None:
        if month in series:
            return series[month]
        return model.predict(month) if model is not None else None

    def rolling_at(month: int) -> float:
        window = [value_at(m) for m in range(max(first, month - SEASON + 1), month + 1)]
        return fmean(v for v in window if v is not None)

    shown = {m: rolling_at(m) for m in series}
    if goal.month <= last:
        at = max(goal.month, first)
        return _finish(shown, goal, rolling_at(at), None, "none", "", len(series), at)
    if model is None:
        return _finish(shown, goal, None, None, "none", "", len(series), None)
    window = range(max(first, goal.month - SEASON + 1), goal.month + 1)
    value = rolling_at(goal.month)
    ahead = [m for m in window if m > last]
    variance = sum(model.covariance(a, b) for a in ahead for b in ahead) / len(window) ** 2
    spread = Z80 * math.sqrt(variance)
    return _finish(shown, goal, value, (value - spread, value + spread), model.method, _note(model), len(series), None)


@dataclass(frozen=True)
class _Goal:
    target: float
    month: int  # month index of the deadline
    lower_is_better: bool
    today: dt.date
    rhythm_months: int
    unit: str
    thresholds: Thresholds


def _series(points: list[Point]) -> Series:
    values: Series = {}
    for point in points:
        values[month_index(point.period)] = float(point.value)
    return dict(sorted(values.items()))


def _model(series: Series, *, seasonal: bool) -> _Model:
    if seasonal and len(series) >= MIN_FOR_SEASONAL:
        pairs = [m for m in series if m - SEASON in series]
        if pairs:
            return _SeasonalDrift(series, pairs)
    return _Drift(series)


def _sd(residuals: list[float]) -> float:
    if len(residuals) < 2:
        return 0.0
    return math.sqrt(sum(r * r for r in residuals) / (len(residuals) - 1))


def _note(model: _Model) -> str:
    if not model.errors:
        return ""
    own = fmean(abs(e) for e in model.errors)
    naive = fmean(abs(e) for e in model.naive_errors)
    return NAIVE_NOTE if naive > _EPS and own >= naive - _EPS else ""


def _meets(value: float, goal: _Goal) -> bool:
    return value <= goal.target + _EPS if goal.lower_is_better else value >= goal.target - _EPS


def _status(value: float, goal: _Goal) -> str:
    if _meets(value, goal):
        return ON_TRACK
    return AT_RISK if abs(value - goal.target) <= goal.thresholds.margin(goal.target) + _EPS else OFF_TRACK


def _no_data() -> Forecast:
    return Forecast(NO_DATA, None, None, "none", "Ingen målinger endnu.", "", None, None, None)


def _finish(
    shown: Series,
    goal: _Goal,
    value: float | None,
    band: tuple[float, float] | None,
    method: str,
    note: str,
    count: int,
    measured_at: int | None,  # the month whose measured value is judged, once the deadline is reached
) -> Forecast:
    last = next(reversed(shown))
    latest = Point(_day(last), round(shown[last], 6))
    status = _status(value if value is not None else latest.value, goal)
    months_left = goal.month - last
    needed = (goal.target - latest.value) / months_left if months_left > 0 else None
    earlier = [m for m in shown if m < last]
    recent = [m for m in earlier if m >= last - SEASON]
    start = min(recent) if recent else max(earlier, default=None)
    seen = (latest.value - shown[start]) / (last - start) if start is not None else None

    with_year = _day(last).year != _day(goal.month).year
    target_text = f"Målet {_value(goal.target, goal.unit, target=True)} i {_month(goal.month, with_year)}"
    parts = []
    stale = months_left > 0 and month_index(goal.today) - last > goal.rhythm_months + 1
    if stale:
        parts.append(f"Seneste måling er fra {_month(last, True)}; der burde være kommet nyere tal.")
    parts.append(f"{_value(latest.value, goal.unit)} i {_month(last, with_year)}.")
    if measured_at is not None:
        assert value is not None
        reached = "er nået" if _meets(value, goal) else "er ikke nået"
        measured = "" if measured_at == last else f" ({_value(value, goal.unit)} i {_month(measured_at, with_year)})"
        parts.append(f"{target_text} {reached}{measured}.")
    else:
        if not _meets(latest.value, goal):
            assert needed is not None
            direction = "et fald" if needed < 0 else "en stigning"
            pace = _with_unit(_pace(needed), _pace_unit(goal.unit))
            sentence = f"{target_text} kræver {direction} på {pace} om måneden"
        elif value is not None and not _meets(value, goal):
            sentence = f"{target_text} er nået nu, men prognosen når det ikke"
        else:
            sentence = f"{target_text} er nået"
        if seen is not None and start is not None:
            span = last - start
            period = "den seneste måned" if span == 1 else f"de seneste {span} måneder"
            sentence += f"; {period} {_change(seen)}"
        parts.append(sentence + ".")
        if value is None:
            parts.append(f"Der er for få målinger til en prognose ({count} af mindst {MIN_FOR_FORECAST}).")
        else:
            parts.append(f"Prognose: {_forecast_text(value, band, goal.unit)}.")
    if value is not None:
        value = round(value, 6)
    if band is not None:
        band = (round(band[0], 6), round(band[1], 6))
    return Forecast(
        STALE if stale else status,
        value,
        band,
        method,
        " ".join(parts),
        note,
        latest,
        None if needed is None else round(needed, 6),
        None if seen is None else round(seen, 6),
    )


def _day(month: int) -> dt.date:
    return dt.date(month // 12, month % 12 + 1, 1)


def _month(month: int, with_year: bool) -> str:
    day = _day(month)
    name = MONTHS_DA[day.month - 1]
    return f"{name} {day.year}" if with_year else name


def _number(value: float, decimals: int) -> str:
    if round(value, decimals) == 0:
        value = 0.0  # never "-0,0"
    return f"{value:.{decimals}f}".replace(".", ",")


def _value(value: float, unit: str, *, target: bool = False) -> str:
    """A value with one decimal (a target keeps a second decimal: 8,22 %)."""
    text = _number(value, 2 if target else 1)
    if target and text.endswith("0"):
        text = text[:-1]
    return _with_unit(text, unit)


def _with_unit(text: str, unit: str) -> str:
    return f"{text} {unit}" if unit else text


def _pace(change: float) -> str:
    text = _number(abs(change), 2)
    return _number(abs(change), 3) if text == "0,00" and change else text


def _pace_unit(unit: str) -> str:
    return "point" if unit == "%" else unit


def _change(per_month: float) -> str:
    if _number(per_month, 2) == "0,00":
        return "var det uændret"
    return f"{'faldt' if per_month < 0 else 'steg'} det {_pace(per_month)}"


def _forecast_text(value: float, band: tuple[float, float] | None, unit: str) -> str:
    shown = _value(value, unit)
    if band is None:
        return shown
    low, high = _number(band[0], 1), _number(band[1], 1)
    return shown if low == high else f"{shown} ({low}–{_with_unit(high, unit)})"
