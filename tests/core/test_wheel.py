"""The annual wheel's geometry: a year clockwise from the top, each event on its day and ring."""

from __future__ import annotations

import datetime as dt
import math

from hypothesis import given
from hypothesis import strategies as st

from roedtraad.core.wheel import CENTRE, RINGS, WheelEvent, angle, marks, sectors


def test_the_first_of_january_is_at_the_top_and_the_first_of_july_near_the_bottom():
    assert angle(dt.date(2026, 1, 1)) < 0.01
    assert abs(angle(dt.date(2026, 7, 2)) - math.pi) < 0.02


@given(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2099, 12, 30)))
def test_a_later_day_of_the_same_year_is_further_round_the_wheel(day):
    later = day + dt.timedelta(days=1)
    if later.year == day.year:
        assert angle(later) > angle(day)
    assert 0 <= angle(day) < 2 * math.pi


def test_the_year_has_twelve_month_sectors():
    assert [s.month for s in sectors(2026)] == list(range(1, 13))


def test_a_dialogue_in_june_is_marked_on_the_dialogue_ring_in_the_lower_half():
    (mark,) = marks([WheelEvent(dt.date(2026, 6, 15), "dialogue", "Kontraktdialog")], 2026)
    assert mark.count == 1
    assert math.isclose(math.dist((mark.x, mark.y), (CENTRE, CENTRE)), RINGS["dialogue"], abs_tol=0.5)
    assert mark.y > CENTRE


def test_events_of_other_years_are_left_out_and_one_days_events_of_a_kind_are_one_mark():
    day = dt.date(2026, 3, 1)
    events = [
        WheelEvent(day, "follow_up", "LMU", holder="Solsikken"),
        WheelEvent(day, "follow_up", "Ledergruppen", holder="Hjemmeplejen"),
        WheelEvent(day, "milestone", "Frist"),
        WheelEvent(dt.date(2027, 3, 1), "follow_up", "Næste år"),
    ]
    placed = {m.kind: m for m in marks(events, 2026)}
    assert set(placed) == {"follow_up", "milestone"}
    assert placed["follow_up"].count == 2
    assert [e.title for e in placed["follow_up"].events] == ["Ledergruppen", "LMU"]  # by holder
