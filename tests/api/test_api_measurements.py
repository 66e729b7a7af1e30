"""Figures pushed by a BI tool through the API: saved through the measurement import, read back,
and refused with the field named when they cannot be taken (nothing half-saved)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from roedtraad.followup.models import Indicator, Measurement


def _indicator(world, goal: str = "draft_goal") -> Indicator:
    return world[goal].indicators.get()


def test_a_pushed_measurement_can_be_read_back(api, world):
    indicator = _indicator(world)
    response = api.post("holder", "/measurements", {"indicator": indicator.pk, "period": "2026-04", "value": 6.5})
    assert response.status_code == 200, response.content
    assert response.json()["created"] == 1
    rows = api.items("holder", "/measurements", indicator=indicator.pk, year=2026)
    assert [(r["period"], r["value"]) for r in rows][-1] == ("2026-04-01", 6.5)
    stored = Measurement.objects.get(indicator=indicator, period="2026-04-01")
    assert stored.source == "API: Test holder"
    assert stored.history.get().history_user == world["users"]["holder"]


def test_the_same_figure_again_changes_nothing_and_a_new_figure_replaces_the_old(api, world):
    indicator = _indicator(world)
    body = {"indicator": indicator.pk, "period": "2026-03", "value": 8}  # the world measured 8 in March
    assert api.post("director", "/measurements", body).json()["unchanged"] == 1
    changed = api.post("director", "/measurements", {**body, "value": 7.25}).json()
    assert changed["updated"] == 1 and changed["measurements"][0]["value"] == 7.25
    assert Measurement.objects.get(indicator=indicator, period="2026-03-01").value == Decimal("7.25")


def test_a_batch_is_saved_whole_or_not_at_all(api, world):
    indicator = _indicator(world)
    good = {"indicator": indicator.pk, "period": "2026-05", "value": 5}
    bad = {"indicator": indicator.pk, "period": "2025-12", "value": 5}  # before the indicator is measured
    before = Measurement.objects.count()
    response = api.post("holder", "/measurements/batch", {"items": [good, bad]})
    assert response.status_code == 422
    assert response.json()["field"] == "items.1.period"
    assert Measurement.objects.count() == before
    assert api.post("holder", "/measurements/batch", {"items": [good]}).json()["created"] == 1


@pytest.mark.parametrize(
    ("body", "status", "field"),
    [
        ({"indicator": 999999, "period": "2026-04", "value": 1}, 404, "indicator"),
        ({"indicator": None, "period": "2026-04", "value": 1}, 422, "indicator"),
        ({"period": "2026-04", "value": "mange"}, 422, "value"),
        ({"period": "2026-04", "value": 1e12}, 422, "value"),
        ({"period": "sidste forår", "value": 1}, 422, "period"),
        ({"period": "2026K2", "value": 1}, 422, "period"),  # a quarter for a monthly indicator
        ({"period": "2026-04", "value": 1, "headcount": -3}, 422, "headcount"),
    ],
)
def test_bad_input_is_refused_naming_the_field(api, world, body, status, field):
    body = {key: value for key, value in {"indicator": _indicator(world).pk, **body}.items() if value is not None}
    response = api.post("holder", "/measurements", body)
    assert response.status_code == status, response.content
    answer = response.json()
    assert answer["field"] == field
    assert answer["detail"]
    assert Measurement.objects.filter(period="2026-04-01").count() == 0


def test_a_body_that_is_not_json_is_a_4xx_in_json(api, world):
    response = api.client.post(
        "/api/measurements",
        "{not json",
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {api.token('holder')}",
    )
    assert 400 <= response.status_code < 500
    assert "detail" in response.json()


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("director", 200),
        ("head_of_area", 200),  # the holder lies in the head of area's area
        ("holder", 200),
        ("other_holder", 404),  # the holder's draft is not theirs to see
        ("reader", 403),  # reads, never imports
        ("stranger", 404),
    ],
)
def test_who_may_push_a_figure_is_who_may_import_one(api, world, role, status):
    body = {"indicator": _indicator(world).pk, "period": "2026-04", "value": 6}
    response = api.post(role, "/measurements", body)
    assert response.status_code == status, response.content
    assert Measurement.objects.filter(period="2026-04-01").exists() == (status == 200)
    if status != 200:
        assert response.json()["field"] == "indicator"


def test_a_period_of_next_years_indicator_is_refused_with_its_name(api, world):
    """One measure followed from year to year: a figure goes to the indicator begun by its period."""
    old = _indicator(world)
    new = Indicator.objects.create(
        key=old.key, name=old.name, org_unit=old.org_unit, valid_from="2027-01-01", continues_from=old
    )
    response = api.post("holder", "/measurements", {"indicator": old.pk, "period": "2027-02", "value": 4})
    assert response.status_code == 422
    assert response.json()["field"] == "period" and str(new.pk) in response.json()["detail"]
    assert (
        api.post("holder", "/measurements", {"indicator": new.pk, "period": "2027-02", "value": 4}).status_code == 200
    )


def test_a_rolling_figure_is_stored_as_sent(api, world):
    indicator = _indicator(world)
    Indicator.objects.filter(pk=indicator.pk).update(aggregation="rolling_12m")
    response = api.post("holder", "/measurements", {"indicator": indicator.pk, "period": "2026-06", "value": 7.8})
    assert response.status_code == 200, response.content
    assert Measurement.objects.get(indicator=indicator, period="2026-06-01").value == Decimal("7.8")
