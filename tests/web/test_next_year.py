"""Next year's round started from this year's: the multi-year goals carried on into drafts, the
old year left as it was."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from tests.web.conftest import YEAR

from roedtraad.contracts.models import Activity, Contract, Goal
from roedtraad.contracts.next_year import start_next_year
from roedtraad.contracts.workflow import WorkflowError
from roedtraad.followup.indicator_status import series, with_series
from roedtraad.followup.measurement_files import import_file
from roedtraad.followup.models import FollowUpEntry, Indicator, Measurement, Target
from roedtraad.frameworks.models import Framework, Track

pytestmark = pytest.mark.django_db
NEXT = YEAR + 1


@pytest.fixture
def next_dus(world):
    framework = Framework.objects.create(year=NEXT, title=f"DUS {NEXT}")
    Track.objects.create(framework=framework, number=1, title="Den røde tråd")
    return framework


def _unlocked(contract):
    """Changes to an entered contract as if made before it was entered."""

    class _Unlocked:
        def __enter__(self):
            Contract.objects.filter(pk=contract.pk).update(status="draft")

        def __exit__(self, *exc):
            Contract.objects.filter(pk=contract.pk).update(status=contract.status)

    return _Unlocked()


@pytest.fixture
def multi_year(world):
    """The other holder's entered goal is multi-year, with an open activity reaching into next
    year, a finished one, and a target for next year on its indicator."""
    goal = world["entered_goal"]
    with _unlocked(world["entered"]):
        Goal.objects.filter(pk=goal.pk).update(multi_year=True)
        Activity.objects.create(goal=goal, text="Ny fraværspolitik indføres", due_date=dt.date(NEXT, 3, 1))
        Activity.objects.create(goal=goal, text="Kortlægning af fravær", due_date=dt.date(YEAR, 5, 1), status="done")
    indicator = goal.indicators.get()
    Target.objects.create(
        indicator=indicator, period_start=dt.date(NEXT, 1, 1), period_end=dt.date(NEXT, 12, 31), value=Decimal("4.5")
    )
    return goal


def _start(world, year=YEAR):
    return {p.holder: p for p in start_next_year(world["users"]["director"], year)}


def _snapshot(contract: Contract) -> tuple:
    goals = list(contract.goals.values_list("pk", "title", "multi_year", "version"))
    return goals, Activity.objects.filter(goal__contract=contract).count(), contract.history.count()


def test_starting_next_year_copies_the_multi_year_goals_and_keeps_this_year_unchanged(world, next_dus, multi_year):
    before = _snapshot(world["entered"])
    indicators_before = list(Indicator.objects.values_list("pk", "goal_id", "valid_from", "valid_to"))
    started = _start(world)
    draft = started["Hjemmeplejen"].draft
    assert (draft.year, draft.status, draft.framework) == (NEXT, "draft", next_dus)
    copy = draft.goals.get()
    assert (copy.title, copy.multi_year, copy.carried_over_from) == (multi_year.title, True, multi_year)
    assert sorted(s.key for s in copy.sections.all()) == sorted(s.key for s in multi_year.sections.all())
    assert list(copy.tracks.values_list("framework__year", "number")) == [(NEXT, 1)]
    assert _snapshot(world["entered"]) == before
    assert set(indicators_before) <= set(Indicator.objects.values_list("pk", "goal_id", "valid_from", "valid_to"))


def test_a_goal_neither_multi_year_nor_carried_over_is_not_copied(world, next_dus):
    started = _start(world)
    assert started["Hjemmeplejen"].draft.goals.count() == 0


def test_the_last_measured_value_is_the_new_baseline_and_next_years_target_is_carried(world, next_dus, multi_year):
    copy = _start(world)["Hjemmeplejen"].draft.goals.get()
    successor = copy.indicators.get()
    old = multi_year.indicators.get()
    assert successor.continues_from == old
    assert (successor.baseline_value, successor.baseline_period) == (Decimal("8.0000"), f"{YEAR}-03")
    assert successor.valid_from == dt.date(NEXT, 1, 1)
    assert list(successor.targets.values_list("period_end", "value")) == [(dt.date(NEXT, 12, 31), Decimal("4.5000"))]


def test_open_activities_reaching_into_next_year_are_carried_and_finished_ones_are_not(world, next_dus, multi_year):
    copy = _start(world)["Hjemmeplejen"].draft.goals.get()
    texts = set(copy.activities.values_list("text", flat=True))
    assert "Ny fraværspolitik indføres" in texts
    assert "Kortlægning af fravær" not in texts


def test_follow_up_entries_are_not_copied(world, next_dus, multi_year):
    copy = _start(world)["Hjemmeplejen"].draft.goals.get()
    assert not FollowUpEntry.objects.filter(goal=copy).exists()
    assert FollowUpEntry.objects.filter(goal=multi_year).exists()


def test_a_holder_whose_contract_is_not_entered_is_skipped_with_the_reason(world, next_dus):
    started = _start(world)
    assert started["Solsikken"].draft is None
    assert "ikke indgået" in started["Solsikken"].skipped


def test_starting_twice_makes_no_second_draft(world, next_dus, multi_year):
    _start(world)
    again = _start(world)
    assert again["Hjemmeplejen"].draft is None and "allerede" in again["Hjemmeplejen"].skipped
    assert Contract.objects.filter(year=NEXT).count() == 1


def test_without_next_years_dus_nothing_is_made_and_the_message_says_so(world):
    with pytest.raises(WorkflowError, match=f"ingen DUS for {NEXT}"):
        _start(world)
    assert not Contract.objects.filter(year=NEXT).exists()


def test_a_new_years_figure_goes_to_the_successor_and_an_old_years_to_last_years_indicator(world, next_dus, multi_year):
    successor = _start(world)["Hjemmeplejen"].draft.goals.get().indicators.get()
    old = successor.continues_from
    unit = old.org_unit.name
    rows = f"Enhed;Måned;Fravær %\n{unit};apr. {YEAR % 100};7,5\n{unit};jan. {NEXT % 100};7,1\n"
    plan = import_file(rows.encode(), "fravaer.csv", source="test")
    assert not plan.rejected
    assert Measurement.objects.get(period=dt.date(YEAR, 4, 1)).indicator == old
    assert Measurement.objects.get(period=dt.date(NEXT, 1, 1)).indicator == successor


def test_the_successors_series_begins_with_last_years_values(world, next_dus, multi_year):
    successor = _start(world)["Hjemmeplejen"].draft.goals.get().indicators.get()
    Measurement.objects.create(indicator=successor, period=dt.date(NEXT, 1, 1), value=Decimal("7"))
    loaded = with_series(Indicator.objects.filter(pk=successor.pk)).get()
    assert [p.period for p in series(loaded)] == [dt.date(YEAR, m, 1) for m in (1, 2, 3)] + [dt.date(NEXT, 1, 1)]


def test_the_director_starts_next_year_on_the_page_and_sees_what_next_years_requirements_miss(
    world, next_dus, multi_year, login
):
    client = login("director")
    preview = client.get(f"/contracts/start/{YEAR}/").content.decode()
    assert multi_year.title in preview and not Contract.objects.filter(year=NEXT).exists()
    response = client.post(f"/contracts/start/{YEAR}/")
    assert response.status_code == 200
    assert Contract.objects.filter(year=NEXT, holder=world["other"]).exists()
    assert "kladde" in response.content.decode()


def test_the_command_says_what_it_would_make_and_then_makes_it(world, next_dus, multi_year):
    import json
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("next_year", "--from", str(YEAR), "--dry-run", "--json", stdout=out)
    holders = {row["holder"]: row for row in json.loads(out.getvalue())["holders"]}
    assert holders["Hjemmeplejen"]["goals"] == [{"number": 1, "title": multi_year.title}]
    assert not Contract.objects.filter(year=NEXT).exists()
    call_command("next_year", "--from", str(YEAR), stdout=StringIO())
    assert Contract.objects.filter(year=NEXT, holder=world["other"]).exists()
