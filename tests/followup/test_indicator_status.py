"""Will we make it? The status of stored indicators, as pages and `roedtraad indicators` see it."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from tests.factories import contract_with_goal, org_tree

from roedtraad.followup.indicator_status import deciding_target, status_of, with_series
from roedtraad.followup.models import Aggregation, Indicator, Measurement, Target

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 11, 15)


def _sick_leave(unit, goal=None, values=(), start=dt.date(2025, 1, 1), target="7.8") -> Indicator:
    indicator = Indicator.objects.create(
        key="sygefravaer",
        name="Sygefravær",
        org_unit=unit,
        goal=goal,
        aggregation=Aggregation.ROLLING_12_MONTHS,
        valid_from=start,
    )
    Target.objects.create(
        indicator=indicator, period_start=dt.date(2026, 1, 1), period_end=dt.date(2026, 12, 31), value=Decimal(target)
    )
    month = start
    for value in values:
        Measurement.objects.create(indicator=indicator, period=month, value=Decimal(str(value)))
        month = (month.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return with_series(Indicator.objects.filter(pk=indicator.pk)).get()


def test_the_target_of_the_current_period_decides_before_a_later_or_long_term_one():
    tree = org_tree()
    indicator = _sick_leave(tree["holder"])
    later = Target.objects.create(
        indicator=indicator, period_start=dt.date(2027, 1, 1), period_end=dt.date(2027, 12, 31), value=Decimal("7")
    )
    Target.objects.create(
        indicator=indicator,
        period_start=dt.date(2030, 1, 1),
        period_end=dt.date(2030, 12, 31),
        value=Decimal("6"),
        long_term=True,
    )
    targets = list(Target.objects.filter(indicator=indicator))
    assert deciding_target(targets, TODAY).value == Decimal("7.8")
    assert deciding_target(targets, dt.date(2027, 3, 1)) == later


def test_sick_leave_falling_towards_its_target_is_on_track_with_a_reason():
    tree = org_tree()
    falling = [9.0 - 0.07 * i for i in range(22)]  # 9,0 in January 2025 to 7,53 in October 2026
    item = status_of(_sick_leave(tree["holder"], values=falling), TODAY)
    assert item.status == "on_track"
    assert item.forecast.method == "drift"
    assert "Målet 7,8 % i december" in item.forecast.explanation


def test_sick_leave_rising_above_its_target_is_off_track():
    tree = org_tree()
    rising = [7.0 + 0.1 * i for i in range(22)]
    assert status_of(_sick_leave(tree["holder"], values=rising), TODAY).status == "off_track"


def test_an_indicator_without_figures_since_spring_is_stale():
    tree = org_tree()
    item = status_of(_sick_leave(tree["holder"], values=[7.0] * 6, start=dt.date(2026, 1, 1)), TODAY)
    assert item.status == "stale"


def test_an_indicator_without_a_target_says_so():
    tree = org_tree()
    indicator = Indicator.objects.create(key="trivsel", name="Trivsel", org_unit=tree["holder"], valid_from=TODAY)
    item = status_of(with_series(Indicator.objects.filter(pk=indicator.pk)).get(), TODAY)
    assert item.status == "no_data" and "intet måltal" in item.forecast.explanation


def test_the_indicators_command_prints_status_forecast_and_explanation_per_indicator():
    tree = org_tree()
    contract = contract_with_goal(tree["holder"])
    _sick_leave(tree["centre"], goal=contract.goals.get(), values=[8.5 - 0.03 * i for i in range(22)])
    out = StringIO()
    call_command("indicators", "--json", "--year", "2026", stdout=out)
    (item,) = json.loads(out.getvalue())["indicators"]
    assert item["holder"] == "Plejehjemmet Solsikken" and item["org_unit"] == "Afsnit A"
    assert item["goal"] == "Lavt sygefravær" and item["unit"] == "%"
    assert item["latest_period"] == "2026-10" and item["latest_value"] == pytest.approx(7.87)
    assert item["status"] in {"on_track", "at_risk", "off_track", "stale"}
    assert item["method"] == "drift" and item["forecast"] is not None and len(item["band"]) == 2
    assert item["explanation"].startswith("7,9 % i oktober")
    for key in ("definition", "baseline", "targets"):
        assert key in item


def test_the_indicators_command_leaves_out_other_years():
    tree = org_tree()
    contract = contract_with_goal(tree["holder"], year=2025)
    _sick_leave(tree["centre"], goal=contract.goals.get(), values=[8.0])
    out = StringIO()
    call_command("indicators", "--json", "--year", "2026", stdout=out)
    assert json.loads(out.getvalue())["indicators"] == []
