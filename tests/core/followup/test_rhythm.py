"""A goal's follow-up is overdue when its latest entry is older than the contract's rhythm."""

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from roedtraad.core.followup.rhythm import DEFAULT_DAYS, overdue_since, rhythm_days

D = dt.date


def test_quarterly_planned_follow_ups_give_a_rhythm_of_about_three_months():
    assert rhythm_days([D(2026, 3, 1), D(2026, 6, 1), D(2026, 9, 1), D(2026, 12, 1)]) == 92


def test_monthly_meetings_with_one_gap_still_give_a_month():
    dates = [D(2026, m, 1) for m in (1, 2, 3, 4, 5, 8, 9, 10)]
    assert rhythm_days(dates) == 31


def test_one_planned_follow_up_is_no_rhythm_and_the_default_is_a_quarter():
    assert rhythm_days([D(2026, 6, 1)]) == DEFAULT_DAYS
    assert rhythm_days([]) == DEFAULT_DAYS


def test_weekly_meetings_ask_for_an_entry_each_fortnight_at_most():
    assert rhythm_days([D(2026, 1, 5) + dt.timedelta(weeks=w) for w in range(10)]) == 14


def test_a_goal_whose_last_entry_is_older_than_the_rhythm_is_overdue_from_the_day_it_was_due():
    assert overdue_since(D(2026, 1, 10), D(2026, 1, 5), 92, D(2026, 6, 1)) == D(2026, 4, 12)
    assert overdue_since(D(2026, 5, 1), D(2026, 1, 5), 92, D(2026, 6, 1)) is None


def test_a_goal_without_entries_is_due_one_rhythm_after_the_contract_was_entered():
    assert overdue_since(None, D(2026, 1, 28), 92, D(2026, 6, 1)) == D(2026, 4, 30)


@given(st.lists(st.dates(D(2020, 1, 1), D(2030, 1, 1)), max_size=30))
def test_the_rhythm_is_never_shorter_than_a_fortnight(dates):
    assert rhythm_days(dates) >= 14
