"""Headings the source itself marks (DOCX heading styles, PDF outline) are strong evidence for
goal titles: they win where the shape of the lines alone would mislead."""

from __future__ import annotations

from roedtraad.core.ingest.model import Heading, SourceText
from roedtraad.core.ingest.parse import parse_source

# Goal titles that end with a full stop and follow their paragraph without a blank line: by
# line shape neither is a heading.
SECTIONS = """Udviklingsaftale 2025 for Natur og Vand

Aftalen rummer to mål, som er drøftet i ledergruppen.
Bedre badevand ved kysten.
Baggrund og formål
Tre badesteder fik advarsler i 2024.

Udviklingsmål
Alle badesteder har blåt flag.

Aktiviteter
Nye målinger hver uge.
Grønne arealer i byerne, etape 2.
Baggrund og formål
Byerne mangler skygge.

Udviklingsmål
Flere træer i byerne.

Opfølgning
Status i december.
"""

# A work plan whose second goal's title runs on in lower case on the next line (a wrapped
# heading in Word): by shape it is prose.
WORKPLAN = """Udviklingskontrakt 2025 for Bostedet Lyngen

Bedre nattevagter
Vi vil styrke nattevagterne.

Lokalt i Bostedet Lyngen vil vi:
• Arbejde med:
o Faste nattevagter.
• Samarbejde med:
o Vikarbureauet.

Opfølgning
Hvert kvartal.

Ro og struktur om aftenen for
beboerne i de tre huse
Aftenen er urolig.

Lokalt i Bostedet Lyngen vil vi:
• Arbejde med:
o Faste aftenrutiner.
• Arbejde hen imod:
o Færre konflikter.

Opfølgning
Hvert halve år.
"""


def _marked(text: str, *titles: str) -> list[Heading]:
    return [Heading(text.index(t), text.index(t) + len(t), 2) for t in titles]


def test_marked_goal_titles_win_over_line_shapes_in_the_section_layout():
    titles = ("Bedre badevand ved kysten.", "Grønne arealer i byerne, etape 2.")
    plain = parse_source(SourceText("a.txt", "txt", SECTIONS))
    assert [g.title for g in plain.goals] != ["Bedre badevand ved kysten", "Grønne arealer i byerne, etape 2"]
    marked = parse_source(SourceText("a.docx", "docx", SECTIONS, headings=_marked(SECTIONS, *titles)))
    assert [g.title for g in marked.goals] == ["Bedre badevand ved kysten.", "Grønne arealer i byerne, etape 2."]
    assert [sorted(g.sections) for g in marked.goals] == [
        ["aktiviteter", "baggrund_formaal", "udviklingsmaal"],
        ["baggrund_formaal", "opfoelgning", "udviklingsmaal"],
    ]
    assert "Aftalen rummer to mål" in marked.introduction
    assert marked.coverage == 1.0


def test_marked_goal_titles_win_in_the_work_plan_layout_and_survive_removed_page_artefacts():
    text = "Side 1 af 2\n" + WORKPLAN
    heads = _marked(text, "Bedre nattevagter", "Ro og struktur om aftenen for")
    doc = parse_source(SourceText("b.docx", "docx", text, headings=heads))
    assert [g.title for g in doc.goals][0] == "Bedre nattevagter"
    assert doc.goals[1].title.startswith("Ro og struktur om aftenen for")
