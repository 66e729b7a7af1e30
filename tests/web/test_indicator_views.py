"""Sick leave for every unit that follows it: sortable, rolled up, and a small unit's figures
kept from everybody but its own leaders and the director."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.urls import reverse
from tests.web.conftest import YEAR

from roedtraad.followup.models import Indicator, Measurement, Target
from roedtraad.org.models import OrgUnit


def department(world, key: str) -> OrgUnit:
    return world[f"{key}_goal"].indicators.get().org_unit


def sick_leave(unit, goal, values, target="5") -> Indicator:
    indicator = Indicator.objects.create(
        key="sygefravaer", name="Sygefravær", org_unit=unit, goal=goal, valid_from=dt.date(YEAR, 1, 1)
    )
    Target.objects.create(
        indicator=indicator, period_start=dt.date(YEAR, 1, 1), period_end=dt.date(YEAR, 12, 31), value=Decimal(target)
    )
    for month, value in enumerate(values, 1):
        Measurement.objects.create(indicator=indicator, period=dt.date(YEAR, month, 1), value=Decimal(value))
    return indicator


def across(client, **query) -> str:
    response = client.get(reverse("indicator_across", args=["sygefravaer"]), query)
    assert response.status_code == 200
    return response.content.decode()


def small_department_beside_a_large_one(world):
    """Solsikken (30) has its small department (3), a large one (26) and one person of its own:
    the holder's figure less the large department would be the small one's three and the one."""
    small = department(world, "draft")
    OrgUnit.objects.filter(pk=small.pk).update(headcount=3)
    large = OrgUnit.objects.create(name="Afdeling Stor", kind="department", parent=world["own"], headcount=26)
    OrgUnit.objects.filter(pk=world["own"].pk).update(headcount=30)
    sick_leave(large, world["draft_goal"], ["6.1", "6.0"])
    sick_leave(world["own"], world["draft_goal"], ["6.4", "6.3"])
    return small, large


def test_the_overview_lists_every_unit_with_its_latest_figure_status_and_the_roll_up(world, login):
    page = across(login("director"))
    for key in ("draft", "entered", "submitted"):
        assert department(world, key).name in page
    assert "8,00 %" in page  # the latest figure, March
    # The test world's figures end in March: in December they are stale, and the roll-up says so.
    assert "Kommunen samlet:" in page and "Status pr. område" in page
    assert "2 enheder har forældede tal og tæller ikke med" in page  # Omsorg's two departments


def test_an_area_rolls_up_from_its_holders_by_headcount_not_also_their_centres_and_the_municipality_from_its_areas(
    world,
):
    from roedtraad.web.indicator_views import area_rollups

    def row(unit, status, weight):
        return {"unit": unit, "status": status, "weight": weight}

    rows = [
        row(world["own"], "off_track", 30),
        row(department(world, "draft"), "on_track", 25),  # inside Solsikken's figure: not counted again
        row(world["other"], "on_track", 10),
        row(world["far"], "on_track", 40),
    ]
    areas, whole = area_rollups(rows)
    care, school = areas
    assert (care["unit"], care["rolled"].status, care["weight"]) == (world["care"], "off_track", 40)
    assert care["rolled"].reason == "1 af 2 enheder er ikke på sporet (Solsikken), i alt 75 % af vægten."
    assert (school["unit"], school["rolled"].status) == (world["school"], "on_track")
    assert whole.status == "off_track"  # one area of two off track: 40 of 80 employees, over a third
    assert whole.reason == "1 af 2 enheder er ikke på sporet (Omsorg), i alt 50 % af vægten."


def test_the_overview_sorts_by_a_column_and_says_so(world, login):
    sick_leave(world["other"], world["entered_goal"], ["2.0", "1.0"], target="9")
    client = login("director")
    lowest_first = across(client, sort="latest", dir="asc")
    assert 'aria-sort="ascending"' in lowest_first
    lowest_first = lowest_first[lowest_first.index("<tbody>") :]  # the rows (the roll-up above names units too)
    assert lowest_first.index(">Hjemmeplejen</a>") < lowest_first.index(department(world, "draft").name)
    highest_first = across(client, sort="latest", dir="desc")
    assert 'aria-sort="descending"' in highest_first
    highest_first = highest_first[highest_first.index("<tbody>") :]
    assert highest_first.index(">Hjemmeplejen</a>") > highest_first.index(department(world, "draft").name)


def test_a_small_units_figures_and_the_neighbour_that_would_give_them_away_are_hidden_from_a_reader(world, login):
    small, large = small_department_beside_a_large_one(world)
    page = across(login("reader"))
    assert page.count("Skjult (små tal)") == 2
    assert "vises kun for enhedens egne ledere og direktionen" in page
    detail = login("reader").get(reverse("indicator_detail", args=[small.indicators.get().pk])).content.decode()
    assert "Tallene vises ikke for dig" in detail and "8,00" not in detail


def test_the_leader_of_the_small_unit_and_the_director_see_its_figures(world, login):
    small_department_beside_a_large_one(world)
    for role in ("holder", "director"):
        assert "Skjult (små tal)" not in across(login(role)), role


def test_figures_defined_differently_are_flagged_when_put_side_by_side(world, login):
    Indicator.objects.filter(org_unit=department(world, "draft")).update(definition="flis_569")
    Indicator.objects.filter(org_unit=department(world, "entered")).update(definition="dst_absence_pct")
    page = across(login("director"))
    assert "Tallene er ikke opgjort ens og kan ikke sammenlignes direkte" in page


def test_the_list_of_measures_links_to_the_overview_and_offers_the_upload_to_leaders(world, login):
    page = login("holder").get(reverse("indicator_list")).content.decode()
    assert reverse("indicator_across", args=["sygefravaer"]) in page
    assert reverse("measurement_upload") in page
    assert reverse("measurement_upload") not in login("reader").get(reverse("indicator_list")).content.decode()


def test_the_goal_and_contract_pages_give_their_status_and_the_reason(world, login):
    client = login("holder")
    goal_page = client.get(reverse("goal_detail", args=[world["draft_goal"].pk])).content.decode()
    assert "Status:</strong>" in goal_page and "Seneste opfølgning er vurderet gul" in goal_page
    contract_page = client.get(reverse("contract_detail", args=[world["draft"].pk])).content.decode()
    assert "1 af 1 mål er i risiko (mål 1)." in contract_page
