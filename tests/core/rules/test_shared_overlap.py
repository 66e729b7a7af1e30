"""Alias resolution, shared-goal recognition and overlap on synthetic data."""

from __future__ import annotations

import random

from roedtraad.core.rules import ContractInput, GoalInput
from roedtraad.core.rules.overlap import find_overlaps
from roedtraad.core.rules.shared import check_shared, detect_partners, resolve

UNITS = {
    "Skanderborg Fællesskaberne": ["Fællesskaberne"],
    "Sundhed, Omsorg og Handicap": [],
    "Landsbyen Sølund": [],
}


def test_resolve_aliases_acronyms_and_variants():
    assert resolve("SF", UNITS) == "Skanderborg Fællesskaberne"  # acronym of the capitalised words
    assert resolve("Fællesskaberne", UNITS) == "Skanderborg Fællesskaberne"
    assert resolve("SOH", UNITS) == "Sundhed, Omsorg og Handicap"
    assert resolve("sundhed, omsorg & handicap", UNITS) == "Sundhed, Omsorg og Handicap"
    assert resolve("Fagsekretariatet Sundhed, Omsorg og Handicap", UNITS) == "Sundhed, Omsorg og Handicap"
    assert resolve("Sølund", UNITS) == "Landsbyen Sølund"  # last word of a two-word name
    assert resolve("Børn og Unge", UNITS) is None


def test_detect_partners_from_text():
    strong = GoalInput(1, "Data", {"udviklingsmaal": "Det er et fælles mål med staben Økonomi og Indkøb."})
    assert detect_partners(strong, holder="HR") == ["Økonomi og Indkøb"]
    both = GoalInput(1, "Netværk", {"udviklingsmaal": "Målet er fælles for Børn og Unge og HR."})
    assert detect_partners(both, holder="HR") == ["Børn og Unge"]
    weak = GoalInput(2, "Intro", {"arbejde_med": "I samarbejde med Fællesskaberne og MED-udvalget."})
    assert detect_partners(weak) == []  # cooperation with unknown names is not a shared goal
    from roedtraad.core.rules.shared import UnitIndex

    assert detect_partners(weak, UnitIndex(UNITS)) == ["Skanderborg Fællesskaberne"]
    given = GoalInput(3, "X", {}, shared_with=["SOH"])
    assert detect_partners(given) == ["SOH"]


def test_one_sided_when_partner_lacks_the_goal():
    ours = ContractInput(
        "Landsbyen Sølund",
        2023,
        [GoalInput(1, "Fælles vikarkorps", {"udviklingsmaal": "Et fælles vikarkorps sammen med SF."})],
    )
    theirs = ContractInput("Skanderborg Fællesskaberne", 2023, [GoalInput(1, "Kost", {"udviklingsmaal": "Sund mad."})])
    [item] = check_shared([ours, theirs], UNITS)
    assert item.partners[0].status == "one_sided"
    theirs.goals.append(GoalInput(2, "Vikarkorps", {"udviklingsmaal": "Et fælles vikarkorps sammen med Sølund."}))
    items = {(i.holder, i.goal): i for i in check_shared([ours, theirs], UNITS)}
    assert items[("Landsbyen Sølund", 1)].partners[0].status == "reciprocated"
    assert items[("Landsbyen Sølund", 1)].partners[0].partner_goal == 2


WORDS = [f"ord{i}ning" for i in range(3000)]


def _goal(rng: random.Random, n: int) -> GoalInput:
    return GoalInput(n, f"Mål {n}", {"udviklingsmaal": " ".join(rng.choices(WORDS, k=60)) + "."})


def test_overlap_ranks_the_planted_pair_first_and_skips_same_holder():
    rng = random.Random(1)
    contracts = [ContractInput(f"Holder {h}", 2023, [_goal(rng, g) for g in range(1, 6)]) for h in range(30)]
    text = "Sygefraværet skal ned gennem trivselssamtaler, fraværsopfølgning og ledelsesdata."
    contracts[3].goals[1].sections["udviklingsmaal"] = text
    contracts[17].goals[4].sections["udviklingsmaal"] = "Sygefravær ned: trivselssamtale og fraværsopfølgningen."
    contracts[17].goals[0].sections["udviklingsmaal"] = text  # the same text in another holder
    top = find_overlaps(contracts, top=3)
    pairs = [{(o.a.holder, o.a.goal), (o.b.holder, o.b.goal)} for o in top]
    assert {("Holder 3", 2), ("Holder 17", 1)} in pairs
    assert {("Holder 3", 2), ("Holder 17", 5)} in pairs
    assert all(o.a.holder != o.b.holder for o in top)
