"""An imported contract works: its activities and planned follow-ups come from the text, once."""

from __future__ import annotations

import datetime as dt

import pytest

from roedtraad.contracts.importing import save_parsed_document
from roedtraad.core.ingest.parse import parse_text

pytestmark = pytest.mark.django_db

DOCUMENT = """Udviklingskontrakt 2026 for Plejehjemmet Solsikken

Udviklingsmål 1: Lavt sygefravær

Baggrund og formål
Sygefraværet er for højt.

Udviklingsmål
Sygefraværet skal ned på 6 % i 2026.

Aktiviteter
• Fraværssamtaler efter fast model fra 1. kvartal
• Sundhedsdag for alle medarbejdere 8. marts

Opfølgning på udviklingsmålet og virkning
• Vi følger op kvartalsvis i ledergruppen og LMU

Udviklingsmål 2: God modtagelse

Baggrund og formål
Nye medarbejdere skal føle sig velkomne.

Udviklingsmål
Alle nye får en mentor.
"""


def test_an_imported_goal_gets_its_activities_with_due_dates_and_its_planned_follow_ups(units):
    contract = save_parsed_document(parse_text(DOCUMENT, "solsikken.txt"))
    goal = contract.goals.get(number=1)
    assert [(a.text, a.due_date) for a in goal.activities.order_by("order")] == [
        ("Fraværssamtaler efter fast model fra 1. kvartal", dt.date(2026, 3, 31)),
        ("Sundhedsdag for alle medarbejdere 8. marts", dt.date(2026, 3, 8)),
    ]
    planned = list(goal.planned_follow_ups.order_by("date").values_list("date", "forum"))
    assert planned == [(dt.date(2026, m, d), "ledergruppen, LMU") for m, d in ((3, 31), (6, 30), (9, 30), (12, 31))]


def test_importing_the_same_document_again_adds_no_activity_or_meeting_twice(units):
    save_parsed_document(parse_text(DOCUMENT, "solsikken.txt"))
    contract = save_parsed_document(parse_text(DOCUMENT, "solsikken.txt"))
    goal = contract.goals.get(number=1)
    assert goal.activities.count() == 2 and goal.planned_follow_ups.count() == 4


def test_the_dry_run_json_lists_each_goals_activities_and_follow_ups():
    data = parse_text(DOCUMENT, "solsikken.txt").as_json()
    goal = data["goals"][0]
    assert goal["activities"][1] == {
        "text": "Sundhedsdag for alle medarbejdere 8. marts",
        "due": "2026-03-08",
        "owner": None,
    }
    assert goal["follow_ups"][0]["rhythm"] == "quarterly"


def test_the_people_responsible_become_persons_with_responsibilities_that_erase_reaches(units):
    from roedtraad.org.models import Person

    text = DOCUMENT.replace(
        "• Vi følger op kvartalsvis i ledergruppen og LMU",
        "• Vi følger op kvartalsvis i ledergruppen og LMU\n\nAfdelingsleder Jonas Friis er ansvarlig for opfølgningen.",
    )
    contract = save_parsed_document(parse_text(text, "solsikken.txt"))
    goal = contract.goals.get(number=1)
    person = Person.objects.get(name="Jonas Friis")
    assert (person.title, person.unit) == ("Afdelingsleder", contract.holder)
    assert person.responsibilities.get().goal == goal
    person.erase()
    opfoelgning = goal.sections.get(key="opfoelgning").text
    assert "Jonas Friis" not in opfoelgning and "[Afdelingsleder]" in opfoelgning


def test_a_goal_is_linked_to_the_policy_track_and_focus_area_its_text_names_and_the_rest_is_reported(units):
    from roedtraad.frameworks.models import FocusArea, Framework, Policy, Track

    framework = Framework.objects.create(year=2026, title="DUS 2026")
    track = Track.objects.create(framework=framework, number=2, title="God ledelse")
    area = FocusArea.objects.create(framework=framework, track=track, title="God modtagelse")
    policy = Policy.objects.create(name="Personalepolitikken")
    text = DOCUMENT.replace(
        "Sygefraværet er for højt.",
        "Sygefraværet er for højt. Målet bygger på Personalepolitikken og Sundhedspolitikken og DUS spor 2.",
    )
    contract = save_parsed_document(parse_text(text, "solsikken.txt"))
    goal, welcome = contract.goals.get(number=1), contract.goals.get(number=2)
    assert list(goal.policies.all()) == [policy] and list(goal.tracks.all()) == [track]
    assert list(welcome.focus_areas.all()) == [area] and track in welcome.tracks.all()
    unknown = contract.import_report["unknown_references"]
    assert [(u["kind"], u["name"]) for u in unknown] == [("policy", "Sundhedspolitik")]


def test_a_stop_doing_proposal_is_linked_to_the_goals_it_names(units):
    from roedtraad.core.ingest.model import ParsedDocument, ParsedGoal

    goals = [ParsedGoal(number=n, title=t, sections={"udviklingsmaal": "Tekst."}) for n, t in ((1, "Et"), (2, "To"))]
    doc = ParsedDocument(
        file="k.txt",
        kind="kontrakt",
        layout="sections",
        holder=units["holder"].name,
        year=2026,
        goals=goals,
        stop_doing=["Vi stopper de ugentlige statusmøder (udviklingsmål nr. 2)", "Dobbeltregistrering i to systemer"],
    )
    contract = save_parsed_document(doc)
    first, second = contract.stop_doing_items.order_by("order")
    assert [g.number for g in first.goals.all()] == [2] and not second.goals.exists()
    assert first.text == "Vi stopper de ugentlige statusmøder (udviklingsmål nr. 2)"


def test_an_activitys_owner_named_in_the_text_becomes_its_owner_and_a_unit_does_not(units):
    text = DOCUMENT.replace(
        "• Sundhedsdag for alle medarbejdere 8. marts",
        "• Sundhedsdag for alle medarbejdere 8. marts – ansvarlig: Teamleder Pia Kjær\n"
        f"• Fælles kursus (tovholder: {units['other'].name})",
    )
    contract = save_parsed_document(parse_text(text, "solsikken.txt"))
    owners = [(a.owner.name if a.owner else None) for a in contract.goals.get(number=1).activities.order_by("order")]
    assert owners == [None, "Pia Kjær", None]


def test_a_budget_track_and_a_budget_change_of_one_number_are_told_apart_and_the_named_budget_wins(units):
    from roedtraad.frameworks.models import BudgetChange

    track = BudgetChange.objects.create(budget="Budget 2026-2029", kind="track", number=7, title="Rekruttering")
    BudgetChange.objects.create(budget="Budget 2025-2028", kind="change", number=7, title="Færre møder")
    change = BudgetChange.objects.create(budget="Budget 2026-2029", kind="change", number=7, title="Ny it")
    text = DOCUMENT.replace(
        "Sygefraværet er for højt.",
        "Sygefraværet er for højt. Målet følger Spor 7 i Budget 2026 – 2029 og forandring nr. 7 i Budget 2026-2029.",
    )
    contract = save_parsed_document(parse_text(text, "solsikken.txt"))
    assert set(contract.goals.get(number=1).budget_changes.all()) == {track, change}
