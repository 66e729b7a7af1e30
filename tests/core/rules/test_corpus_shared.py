"""Shared goals and overlapping goals in the corpus."""

from __future__ import annotations

from roedtraad.core.rules.overlap import find_overlaps
from roedtraad.core.rules.shared import check_shared, linked_pairs


def _partner(shared, holder, goal, partner):
    item = next(s for s in shared if s.holder == holder and s.goal == goal)
    return next(p for p in item.partners if p.unit == partner or p.name == partner)


def test_soelund_and_faellesskaberne_reciprocate_cooperation_across_contract_areas(corpus_contracts, units):
    # 000 goal 7 and 001 goal 3 both say the two will, together, set up a steering group to
    # develop cooperation across contract areas; each names the other.
    contracts = [corpus_contracts[k] for k in ("000", "001", "003", "004")]
    shared = check_shared(contracts, units)
    ours = _partner(shared, "Landsbyen Sølund", 7, "Skanderborg Fællesskaberne")
    assert (ours.status, ours.partner_goal) == ("reciprocated", 3)
    theirs = _partner(shared, "Skanderborg Fællesskaberne", 3, "Landsbyen Sølund")
    assert (theirs.status, theirs.partner_goal) == ("reciprocated", 7)


def test_boern_og_unge_is_unknown_until_it_exists(corpus_contracts, units):
    # 003 goal 9's title: good transitions between Børn og Unge and Arbejdsmarked og Social.
    contracts = [corpus_contracts["003"]]
    partner = _partner(check_shared(contracts, units), "Arbejdsmarked og Social", 9, "Børn og Unge")
    assert partner.status == "unknown_partner"
    # Once Børn og Unge is a known unit with a contract: one-sided unless it has the goal too.
    from roedtraad.core.rules.evaluate import ContractInput, GoalInput

    known = {**units, "Børn og Unge": ["BU"]}
    empty = ContractInput("Børn og Unge", 2023, [GoalInput(1, "Dagtilbud", {"udviklingsmaal": "Flere pladser."})])
    partner = _partner(check_shared([*contracts, empty], known), "Arbejdsmarked og Social", 9, "Børn og Unge")
    assert partner.status == "one_sided"
    mirror = GoalInput(
        1,
        "Gode overgange mellem BU og Arbejdsmarked og Social",
        {
            "udviklingsmaal": "De unge skal opleve sammenhængende og koordinerede overgange fra barn til voksen "
            "og fra ledighed til uddannelse og beskæftigelse, sammen med Arbejdsmarked og Social."
        },
    )
    with_goal = ContractInput("Børn og Unge", 2023, [mirror])
    partner = _partner(check_shared([*contracts, with_goal], known), "Arbejdsmarked og Social", 9, "Børn og Unge")
    assert (partner.status, partner.partner_goal) == ("reciprocated", 1)


def test_overlap_finds_onboarding_and_sick_leave_goals_of_different_holders(corpus_contracts, units):
    contracts = [corpus_contracts[k] for k in ("000", "001", "003", "004")]
    shared = check_shared(contracts, units)
    top = find_overlaps(contracts, top=15, linked=linked_pairs(shared))
    titles = [(o.a.title.lower(), o.b.title.lower()) for o in top]
    assert all(o.a.holder != o.b.holder for o in top)
    # Sølund's and the HR secretariat's onboarding goals ("God modtagelse").
    assert any("modtagelse" in a and "modtagelse" in b for a, b in titles)
    # Sick-leave goals ("Lavt sygefravær", "Forebyggelse og håndtering af sygefravær", ...).
    assert any("sygefravær" in a and "sygefravær" in b for a, b in titles)
    # The reciprocated shared goals are marked as already linked.
    linked = [o for o in top if o.shared]
    assert any({o.a.holder, o.b.holder} == {"Landsbyen Sølund", "Skanderborg Fællesskaberne"} for o in linked)
    assert all(o.shared_terms and o.sentence_pair[0] for o in top)
