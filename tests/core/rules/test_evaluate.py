"""Small synthetic contracts against the requirement rules."""

from __future__ import annotations

import copy

from roedtraad.core.rules import ContractInput, GoalInput, IndicatorInput, default_requirements, evaluate
from roedtraad.core.rules.catalogue import RequirementSpec
from roedtraad.core.rules.text import sentences, stems


def _one(contract: ContractInput, slug: str, specs=None):
    specs = specs or default_requirements()
    return next(f for f in evaluate(contract, specs) if f.slug == slug)


def _contract(*goals: GoalInput, stop: list[str] | None = None) -> ContractInput:
    return ContractInput("Testcentret", 2023, list(goals), stop or [])


def test_contract_without_sick_leave_target_is_partial():
    goal = GoalInput(1, "Lavt sygefravær", {"aktiviteter": "Vi holder trivselssamtaler med alle medarbejdere."})
    finding = _one(_contract(goal), "sygefravaer")
    assert finding.status == "partial"
    assert "måltal" in finding.reason


def test_contract_not_mentioning_sick_leave_is_missing():
    goal = GoalInput(1, "Bedre skiltning", {"udviklingsmaal": "Nye skilte ved alle indgange."})
    assert _one(_contract(goal), "sygefravaer").status == "missing"


def test_sick_leave_target_with_activities_is_met_and_quoted():
    goal = GoalInput(
        1,
        "Trivsel",
        {
            "udviklingsmaal": "Sygefraværet skal nedbringes fra 6,1 % til 5,0 % i 2023.",
            "aktiviteter": "Ledelsen følger fraværet månedligt.\nFraværssamtaler efter retningslinjen.",
        },
    )
    finding = _one(_contract(goal), "sygefravaer")
    assert finding.status == "met"
    assert any("5,0 %" in e.quote and e.section == "udviklingsmaal" for e in finding.evidence)
    assert any(e.section == "aktiviteter" for e in finding.evidence)


def test_target_as_indicator_counts_as_number():
    goal = GoalInput(
        1,
        "Lavt sygefravær",
        {"arbejde_med": "Tæt opfølgning på fravær i alle teams."},
        indicators=[IndicatorInput("Sygefravær højst 4 %", None, 4.0, "%")],
    )
    assert _one(_contract(goal), "sygefravaer").status == "met"


def test_sick_leave_mentioned_in_passing_is_partial():
    # Word forms differ ("sygefraværet") and the goal is about something else.
    goal = GoalInput(3, "Digitale værktøjer", {"udviklingsmaal": "Vi registrerer sygefraværet digitalt."})
    assert _one(_contract(goal), "sygefravaer").status == "partial"


def test_stop_doing_list_meets_and_restated_requirement_does_not():
    restated = GoalInput(
        1,
        "Indledning",
        {"baggrund_formaal": "Forslag til noget vi skal holde op med at gøre, fordi det ikke giver mening."},
    )
    assert _one(_contract(restated), "holde-op-med").status == "missing"
    assert _one(_contract(restated, stop=["Papirblanketter til ferie"]), "holde-op-med").status == "met"
    said = GoalInput(2, "Møder", {"aktiviteter": "Vi vil holde op med det ugentlige statusmøde."})
    assert _one(_contract(said), "holde-op-med").status == "partial"


def test_leadership_needs_the_leadership_principles():
    plain = GoalInput(1, "Ledelsesudvikling", {"aktiviteter": "Lederne mødes i netværk."})
    assert _one(_contract(plain), "ledelsesudvikling").status == "partial"
    based = GoalInput(1, "Ledelsesudvikling", {"aktiviteter": "Netværk med afsæt i ledelsesgrundlaget."})
    assert _one(_contract(based), "ledelsesudvikling").status == "met"


def test_shared_goal_needs_responsibility():
    goal = GoalInput(1, "Fælles indkøb", {"udviklingsmaal": "Målet er fælles med Vej og Park."})
    assert _one(_contract(goal), "faelles-maal").status == "partial"
    goal.sections["opfoelgning"] = "Lederen af Vej og Park er ansvarlig for opfølgningen."
    finding = _one(_contract(goal), "faelles-maal")
    assert finding.status == "met" and "Vej og Park" in finding.reason


def test_rules_are_data_a_person_can_change():
    specs = default_requirements()
    custom = copy.deepcopy(next(s for s in specs if s.slug == "god-modtagelse"))
    custom.judged_by["terms"] = ["mentorordning"]
    goal = GoalInput(1, "Nye kolleger", {"aktiviteter": "Alle nye får en mentorordning. Mentorordningen evalueres."})
    assert _one(_contract(goal), "god-modtagelse", [custom]).status == "met"
    spec = RequirementSpec("eget-krav", "Noget om cykler", {"terms": ["cykel"]})
    assert _one(_contract(GoalInput(1, "Cykelparkering", {})), "eget-krav", [spec]).status == "met"


def test_text_helpers():
    assert sentences("• Første punkt\no andet punkt. Tredje sætning") == [
        "Første punkt",
        "andet punkt.",
        "Tredje sætning",
    ]
    assert stems("sygefraværet")[0] == stems("sygefravær")[0]
