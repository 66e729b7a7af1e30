"""Overlaps a director reads: the DUS topics as one row each, the rest in words."""

from __future__ import annotations

from roedtraad.core.rules import ContractInput, GoalInput
from roedtraad.core.rules.catalogue import default_requirements
from roedtraad.core.rules.evaluate import goal_topics
from roedtraad.core.rules.overlap import find_overlaps
from roedtraad.core.rules.overlap_topics import band, group_overlaps

ONBOARDING = "Nye kolleger får en god modtagelse med et introduktionsforløb og en mentor de første uger."
NIGHT = "Et vikarkorps dækker nattevagterne, så ingen nattevagt står alene ved akutte vikarbehov."


def contract(holder: str, *goals: tuple[str, str]) -> ContractInput:
    return ContractInput(
        holder=holder,
        year=2026,
        goals=[GoalInput(n, title, {"udviklingsmaal": text}) for n, (title, text) in enumerate(goals, start=1)],
    )


def municipality() -> list[ContractInput]:
    units = ["Solsikken", "Hjemmeplejen", "Nordskolen", "Rådhuset"]
    contracts = [contract(u, ("God modtagelse af nye kolleger", ONBOARDING)) for u in units]
    contracts[0].goals.append(GoalInput(2, "Fælles vikarkorps om natten", {"udviklingsmaal": NIGHT}))
    contracts[1].goals.append(GoalInput(2, "Vikarkorps til nattevagter", {"udviklingsmaal": NIGHT}))
    return contracts


def grouped(contracts):
    specs = default_requirements()
    topics_of = {(c.holder, n): slugs for c in contracts for n, slugs in goal_topics(c, specs).items()}
    return group_overlaps(find_overlaps(contracts), topics_of, [s.slug for s in specs])


def test_onboarding_in_every_contract_is_one_topic_row_not_six_pairs():
    result = grouped(municipality())
    (topic,) = result.topics
    assert topic.slug == "god-modtagelse" and len(topic.holders) == 4 and topic.pairs == 6


def test_the_night_cover_goals_remain_a_pair_with_their_distinctive_words():
    (pair,) = grouped(municipality()).pairs
    assert {pair.a.holder, pair.b.holder} == {"Solsikken", "Hjemmeplejen"}
    assert "vikarkorps" in pair.shared_terms
    assert not {"første", "nye", "god", "solsikken", "hjemmeplejen"} & {t.lower() for t in pair.shared_terms}


def test_a_pair_already_linked_as_a_shared_goal_is_never_folded_into_a_topic():
    contracts = municipality()[:2]
    overlaps = find_overlaps(contracts, linked=[frozenset({("Solsikken", 1), ("Hjemmeplejen", 1)})])
    specs = default_requirements()
    topics_of = {(c.holder, n): slugs for c in contracts for n, slugs in goal_topics(c, specs).items()}
    result = group_overlaps(overlaps, topics_of, [s.slug for s in specs])
    assert any(p.shared for p in result.pairs) and not result.topics


def test_similarity_is_a_band():
    assert (band(0.97), band(0.5), band(0.2)) == ("high", "high", "some")


def test_a_leadership_goal_built_on_the_leadership_principles_is_on_the_leadership_topic():
    goal = contract("Solsikken", ("Ledelse med afsæt i ledelsesgrundlaget", "Vi arbejder med ledelsesgrundlaget."))
    assert goal_topics(goal, default_requirements()) == {1: ["ledelsesudvikling"]}
