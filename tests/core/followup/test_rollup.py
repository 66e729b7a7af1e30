"""An area's status from its centres', and a goal's from its indicators and the latest follow-up."""

import pytest

from roedtraad.core.followup.forecast import STALE
from roedtraad.core.followup.rollup import Rolled, goal_status, roll_up
from roedtraad.core.followup.status import AT_RISK, NO_DATA, OFF_TRACK, ON_TRACK


def test_two_of_five_centres_off_track_put_the_area_off_track():
    children = [
        ("Center A", OFF_TRACK, None),
        ("Center B", OFF_TRACK, None),
        ("Center C", ON_TRACK, None),
        ("Center D", ON_TRACK, None),
        ("Center E", ON_TRACK, None),
    ]
    # 2/5 = 0.4 ≥ 1/3
    assert roll_up(children) == Rolled(OFF_TRACK, "2 af 5 enheder er ikke på sporet (Center A, Center B).")


def test_small_centres_off_track_only_put_a_large_area_at_risk():
    # Weighted by headcount: 5 + 5 of 100 = 10 % off track, under a third; any off track → at risk.
    children = [
        ("Center A", OFF_TRACK, 5),
        ("Center B", OFF_TRACK, 5),
        ("Center C", ON_TRACK, 30),
        ("Center D", ON_TRACK, 30),
        ("Center E", ON_TRACK, 30),
    ]
    result = roll_up(children)
    assert result.status == AT_RISK
    assert result.reason == "2 af 5 enheder er ikke på sporet (Center A, Center B), i alt 10 % af vægten."


def test_a_large_centre_off_track_puts_the_area_off_track():
    # 40 of 100 = 40 % ≥ 1/3, though it is one centre of four.
    children = [("Center A", OFF_TRACK, 40), ("Center B", ON_TRACK, 20), ("C", ON_TRACK, 20), ("D", ON_TRACK, 20)]
    assert roll_up(children).status == OFF_TRACK


def test_at_risk_decides_from_a_third():
    one = [("Center A", AT_RISK, None)] + [(f"Center {x}", ON_TRACK, None) for x in "BCDE"]
    assert roll_up(one) == Rolled(
        ON_TRACK, "4 af 5 enheder er på sporet; 1 af 5 enheder er i risiko (Center A)."
    )  # 1/5 < 1/3
    two = [("Center A", AT_RISK, None), ("Center B", OFF_TRACK, None)] + [(x, ON_TRACK, None) for x in "CDE"]
    assert roll_up(two) == Rolled(
        AT_RISK,
        "1 af 5 enheder er ikke på sporet (Center B); 1 af 5 enheder er i risiko (Center A).",
    )  # off 1/5 < 1/3; at risk or worse 2/5 ≥ 1/3


def test_stale_and_missing_figures_do_not_count_but_are_named():
    children = [
        ("Center A", ON_TRACK, 10),
        ("Center B", STALE, 50),
        ("Center C", NO_DATA, 50),
    ]
    assert roll_up(children) == Rolled(
        ON_TRACK,
        "Den ene enhed med målinger er på sporet."
        " 1 enhed har forældede tal og tæller ikke med (Center B). 1 enhed har ingen målinger (Center C).",
    )
    assert roll_up([("Center B", STALE, 50)]).status == NO_DATA
    assert roll_up([]) == Rolled(NO_DATA, "Ingen underliggende enheder.")


def test_a_missing_weight_makes_every_unit_count_once():
    # Weighed, A's 10 of 100 would only be at risk; B has no weight, so 1 of 3 units: 1/3 → off track.
    children = [("Center A", OFF_TRACK, 10), ("Center B", ON_TRACK, None), ("Center C", ON_TRACK, 90)]
    assert roll_up(children) == Rolled(OFF_TRACK, "1 af 3 enheder er ikke på sporet (Center A).")


def test_an_unknown_status_is_an_error():
    with pytest.raises(ValueError):
        roll_up([("Center A", "green", None)])


def test_a_red_follow_up_outweighs_indicators_on_track():
    result = goal_status([ON_TRACK, ON_TRACK], "red")
    assert result.status == OFF_TRACK
    assert result.reason == (
        "Seneste opfølgning er vurderet rød, hvilket er værre end indikatorerne. Alle 2 indikatorer er på sporet."
    )


def test_indicators_off_track_outweigh_a_green_follow_up():
    result = goal_status([OFF_TRACK, ON_TRACK], "green")
    assert result.status == OFF_TRACK
    assert result.reason == (
        "1 af 2 indikatorer er ikke på sporet (indikator 1). Det er værre end seneste opfølgning, der er vurderet grøn."
    )


def test_a_goal_takes_what_it_has():
    assert goal_status([AT_RISK], "amber").reason.endswith("Seneste opfølgning er også vurderet gul.")
    assert goal_status([], "amber").status == AT_RISK
    assert goal_status([NO_DATA], None).status == NO_DATA
    assert goal_status([], None) == Rolled(NO_DATA, "Målet har ingen indikatorer.")
    with pytest.raises(ValueError):
        goal_status([ON_TRACK], "yellow")


def test_a_contract_with_one_goal_of_three_off_track_is_off_track_and_says_which():
    from roedtraad.core.followup.rollup import contract_status

    rolled = contract_status([("Mål 1", "on_track"), ("Mål 2", "off_track"), ("Mål 3", "on_track")])
    assert rolled.status == "off_track"
    assert rolled.reason == "1 af 3 mål er ikke på sporet (Mål 2)."


def test_a_contract_without_goals_has_no_data():
    from roedtraad.core.followup.rollup import contract_status

    assert contract_status([]).status == "no_data"
