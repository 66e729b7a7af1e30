"""Judgements a careful reader makes of the corpus contracts against the 2023 requirements.

Each test names (in a comment, paraphrased) the passage that decides it."""

from __future__ import annotations

from roedtraad.core.rules import default_requirements, evaluate


def _findings(contract, units=None):
    return {f.slug: f for f in evaluate(contract, default_requirements(), units=units)}


def test_arbejdsmarked_og_social_meets_sick_leave(corpus_contracts):
    # 003, goal "Lavt sygefravær": a target for the area for 2023 (3,4 %) and targets per
    # centre, and activities (management follow-up on patterns in absence, LMU involvement).
    finding = _findings(corpus_contracts["003"])["sygefravaer"]
    assert finding.status == "met"
    quotes = " ".join(e.quote for e in finding.evidence)
    assert "3,4 %" in quotes
    assert any(e.section == "aktiviteter" for e in finding.evidence)
    assert {e.goal for e in finding.evidence} == {2}


def test_byraadssekretariatet_meets_stop_doing(corpus_contracts):
    # 004, the form's "Hold op med" field lists tasks to stop spending resources on
    # (e.g. decentral MUS concepts are no longer to be developed, manual processes abolished).
    finding = _findings(corpus_contracts["004"])["holde-op-med"]
    assert finding.status == "met"
    assert len(finding.evidence) >= 3


def test_soelund_has_no_stop_doing_proposal(corpus_contracts):
    # 000 repeats the DUS list of what a contract must contain in its introduction, but
    # proposes nothing concrete to stop doing: repeating the requirement does not meet it.
    assert _findings(corpus_contracts["000"])["holde-op-med"].status == "missing"


def test_soelund_meets_sick_leave_with_its_reduction_target(corpus_contracts):
    # 000, goal "Lavt sygefravær", Arbejde med: reduce absence from 8,22 % to 7,8 %, with
    # actions (support the three measures against sick leave in all units, TRIO action plans).
    finding = _findings(corpus_contracts["000"])["sygefravaer"]
    assert finding.status == "met"
    assert any("7,8 %" in e.quote for e in finding.evidence)


def test_byraadssekretariatet_sick_leave_target_is_a_bound(corpus_contracts):
    # 004, goal 24: sick leave is to stay at the present low level, i.e. under 2,5 pct.,
    # with activities (prevent problems with work environment and sick leave).
    finding = _findings(corpus_contracts["004"])["sygefravaer"]
    assert finding.status == "met"
    assert any("2,5 pct" in e.quote for e in finding.evidence)


def test_onboarding_and_leadership_development_are_met_where_goals_carry_them(corpus_contracts):
    # 000 goal "God modtagelse", 003 goal "God modtagelse", 004 goal 11 ('God Modtagelse');
    # 003 goal 1 "Fælles ledelsesudvikling" builds on the common leadership principles.
    for key in ("000", "003", "004"):
        assert _findings(corpus_contracts[key])["god-modtagelse"].status == "met", key
    assert _findings(corpus_contracts["003"])["ledelsesudvikling"].status == "met"


def test_shared_goal_requirement_with_responsibility(corpus_contracts, units):
    # 000 goal 7: Sølund will, together with Skanderborg Fællesskaberne, set up a steering
    # group; "Styregruppen har ansvaret" for the follow-up.
    finding = _findings(corpus_contracts["000"], units)["faelles-maal"]
    assert finding.status == "met"
    assert finding.evidence[0].goal == 7
