"""A goal's sections written as a two-column table, as text extraction of a Word table or a PDF
gives it, with wrapped labels and text, reads like the same goal written in sections."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from roedtraad.core.ingest.parse import parse_text


def table_document(gap: int) -> str:
    pad = " " * gap

    def row(label: str, text: str) -> str:
        return f"{label.ljust(28)}{pad}{text}"

    lines = [
        "Udviklingskontrakt 2027 for Borgerservice",
        "",
        "Udviklingsmål 1: Kortere ventetid",
        "",
        row("Baggrund og formål", "Ventetiden på en afgørelse er i dag otte uger, og"),
        " " * (28 + gap) + "borgerne ringer ofte for at høre, hvor sagen er.",
        row("Det politiske og", "Målet bygger på Servicepolitikken og"),
        row("strategiske afsæt", "DUS spor 2."),
        row("Udviklingsmål", "Ventetiden skal ned på fire uger i 2027."),
        row("Forventede virkninger for", "Borgerne får svar hurtigere."),
        "borgeren",
        "",
        "Udviklingsmål 2: Bedre telefonbetjening",
        "",
        row("Baggrund og formål", "Mange opkald bliver ikke besvaret."),
        row("Udviklingsmål", "Mindst 90 % af opkaldene besvares i 2027."),
    ]
    return "\n".join(lines) + "\n"


@given(st.integers(min_value=3, max_value=12))
def test_a_two_column_table_gives_the_goals_and_their_sections_whatever_the_gap(gap):
    doc = parse_text(table_document(gap), "tabel.txt")
    assert [g.title for g in doc.goals] == ["Kortere ventetid", "Bedre telefonbetjening"]
    first = doc.goals[0]
    assert list(first.sections) == ["baggrund_formaal", "politisk_afsaet", "udviklingsmaal", "virkning_borger"]
    assert " ".join(first.sections["baggrund_formaal"].split()).endswith("hvor sagen er.")
    assert " ".join(first.sections["politisk_afsaet"].split()) == "Målet bygger på Servicepolitikken og DUS spor 2."
    assert doc.goals[1].indicators[0].target == 90.0
