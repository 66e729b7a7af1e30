"""The layouts on made-up snippets: sections, work plan, form, framework."""

from __future__ import annotations

from roedtraad.core.danish import first_sentence, join_lines, parse_number
from roedtraad.core.ingest.parse import parse_text

WORKPLAN = """UDVIKLINGSKONTRAKT 2024

Udviklingskontrakt 2024 for Skovly Plejecenter

Indledning om året der kommer.

Side 1 af 4
 Bedre måltider
Vi vil give beboerne bedre måltider.

Arbejdet foregår på baggrund af:
• Ældrepolitikken.

Lokalt i Skovly Plejecenter vil vi:
• Arbejde med:
o Nye menuer.
• Arbejde hen imod:
o Glade beboere.
• Samarbejde med:
o Køkkenet, TRIO og LMU.

Opfølgning
Lokalt i Skovly Plejecenter vil vi:
• Følge op i ledergruppen.
 Digital understøttelse
Skovly Plejecenter vil i 2024 samarbejde med Hjemmeplejen Nord om nye skærme.

Nye skærme
Skærmene skal hænge i fællesrummene.

Lokalt i Skovly Plejecenter vil vi:
• Arbejde med:
o Opsætning.
• Samarbejde med:
o Leverandøren.

Opfølgning
Følges i LMU.
"""

FORM = """
Udviklingsaftale 2024 for

Baggrund og formål

Det politiske og strategiske afsæt

Udviklingsmål Forventede virkninger for borgeren Tidsperspektiv

3

\tUdviklingskontrakt 2024 for : Staben
\tIndsæt overskrift til udviklingsmål nr 3: 2) Bedre arkiv
\tBaggrund og formål 3: Arkivet er rodet.
\tUdviklingsmål 3: Et ryddet arkiv. Målet er fælles med Økonomi og Løn
\tTidsperspektiv 3: [indsæt]
\tHOLD OP MED 3: Det vi holder op med
\tHold op med 3: Vi foreslår:• Papirkopier af alle breve.• Dobbelt journalisering.
\tIndsæt overskrift på udviklingsmål 1: 1) Kortere møder
\tBaggrund og formål: Møderne er for lange.
\tIndhold: 1. Kortere møder2. Bedre arkiv
"""


def test_danish_numbers_use_a_decimal_comma():
    assert parse_number("8,22") == 8.22
    assert parse_number("1.250,5") == 1250.5


def test_hyphenation_across_lines_is_joined_but_suspended_compounds_keep_their_hyphen():
    assert (
        join_lines("velfærdstek-\nnologi og kontrakt-\nog aftaleholdere")
        == "velfærdsteknologi og kontrakt- og aftaleholdere"
    )
    assert first_sentence("Et krav. Det kan fx være møder.") == "Et krav."


def test_a_workplan_goal_is_found_by_its_work_plan_and_a_grouping_heading_is_not_a_goal():
    doc = parse_text(WORKPLAN, "wp.txt")
    assert (doc.kind, doc.layout, doc.holder, doc.year) == ("kontrakt", "workplan", "Skovly Plejecenter", 2024)
    assert [g.title for g in doc.goals] == ["Bedre måltider", "Nye skærme"]
    first, second = doc.goals
    assert set(first.sections) == {
        "baggrund_formaal",
        "politisk_afsaet",
        "arbejde_med",
        "arbejde_hen_imod",
        "samarbejde_med",
        "opfoelgning",
    }
    assert "Digital understøttelse" in second.sections["baggrund_formaal"]
    assert second.shared_with == ["Hjemmeplejen Nord"]
    assert first.shared_with == []  # TRIO and LMU are cooperation partners
    assert any(a.text.strip() == "Side 1 af 4" for a in doc.artefacts)
    assert doc.coverage == 1.0


def test_form_fields_are_joined_by_the_goal_their_title_field_names():
    doc = parse_text(FORM, "form.txt")
    assert (doc.kind, doc.layout, doc.holder) == ("aftale", "form", "Staben")
    goals = {g.number: g for g in doc.goals}
    assert goals[2].title == "Bedre arkiv"
    assert set(goals[2].sections) == {"baggrund_formaal", "udviklingsmaal"}  # "[indsæt]" is no section
    assert goals[2].shared_with == ["Økonomi og Løn"]
    assert goals[1].title == "Kortere møder" and set(goals[1].sections) == {"baggrund_formaal"}
    assert doc.stop_doing == ["Papirkopier af alle breve.", "Dobbelt journalisering."]
    assert any(a.kind == "template_heading" for a in doc.artefacts)
    assert "[indsæt]" in doc.text and doc.unassigned == []  # a placeholder is placed, not a section


def test_a_title_like_gode_overgange_mellem_holder_and_another_unit_is_shared_with_that_unit():
    text = (
        "Udviklingsaftale 2024 for Kultur og Fritid\n\nUdviklingsmål\n\n"
        "Gode overgange mellem Kultur og Fritid og Skole\n"
        "Baggrund og formål\nBørn skifter tilbud.\n\nUdviklingsmål\nFærre brud.\n\nAktiviteter:\n• Møder.\n"
    )
    (goal,) = parse_text(text).goals
    assert goal.title == "Gode overgange mellem Kultur og Fritid og Skole"
    assert goal.shared_with == ["Skole"]
    assert set(goal.sections) == {"baggrund_formaal", "udviklingsmaal", "aktiviteter"}


def test_framework_requirements_are_first_sentences_plus_the_shared_goal_rule():
    text = (
        "Direktionen har to spor. De to spor er:\n\n• Spor et\n• Spor to\n\nTekst.\n\n"
        "Følgende skal fremgå af kontrakter og aftaler for 2025:\n\n"
        "•\t Et forslag til noget vi vil holde op med. Det kan fx være møder.\n\n"
        "•\t En beskrivelse af velfærdstek-\nnologi i opgaverne.\n\n"
        "Vi forventer mindst ét fælles mål i hver kontrakt. Det kalder vi fælles mål.\n\n"
        "Direktionen, august 2024\n"
    )
    doc = parse_text(text)
    assert (doc.kind, doc.layout, doc.holder, doc.year) == ("dus", "framework", "Direktionen", 2025)
    assert doc.requirements == [
        "Et forslag til noget vi vil holde op med.",
        "En beskrivelse af velfærdsteknologi i opgaverne.",
        "Vi forventer mindst ét fælles mål i hver kontrakt.",
    ]
    assert doc.tracks == ["Spor et", "Spor to"]
