"""A goal's sections written as a two-column table, as text extraction of a Word table or a PDF
gives it, with wrapped labels and text, reads like the same goal written in sections."""

from __future__ import annotations

import pytest
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


LEFT = 30  # the right column starts here; "Det politiske og strategiske" is 28 characters


def _row(label: str, text: str) -> str:
    return label.ljust(LEFT) + text if label else " " * LEFT + text


ROWS_DOCUMENT = "\n".join(
    [
        "Udviklingskontrakt 2025",
        "Borgerservice Øst",
        "",
        _row("Indledning", "Borgerservice Øst har i 2025 to udviklingsmål."),
        "",
        _row("Udviklingsmål nr. 1", "KORTERE VENTETID I TELEFONEN"),
        "",
        _row("Baggrund og formål", "Mange borgere lægger på, før de får"),
        _row("", "svar."),
        _row("Det politiske og strategiske", "Servicepolitikken og Direktionens"),
        _row("afsæt", "udviklingsspor nr. 2."),
        _row("Udviklingsmål", "Ventetiden skal ned på 3 minutter fra 7"),
        _row("", "minutter i 2025."),
        _row("Aktiviteter", "- Ny telefonkø senest 1. april 2025"),
        _row("", "- Kursus for alle medarbejdere medio 2025"),
        _row("Opfølgning", "Teamlederen følger op kvartalsvis i"),
        _row("", "ledergruppen."),
        "",
        _row("Udviklingsmål nr. 2", "Lavere sygefravær"),
        "",
        _row("Baggrund og formål", "Sygefraværet er 6,1 %."),
        _row("Det politiske og strategiske", "Personalepolitikken."),
        "afsæt",
        _row("Udviklingsmål", "Sygefraværet skal ned på 5 % i 2025."),
        _row("Opfølgning", "Hvert halve år i lokal MED."),
    ]
)
ROWS_SECTIONS = [
    {
        "baggrund_formaal": "Mange borgere lægger på, før de får svar.",
        "politisk_afsaet": "Servicepolitikken og Direktionens udviklingsspor nr. 2.",
        "udviklingsmaal": "Ventetiden skal ned på 3 minutter fra 7 minutter i 2025.",
        "aktiviteter": "- Ny telefonkø senest 1. april 2025 - Kursus for alle medarbejdere medio 2025",
        "opfoelgning": "Teamlederen følger op kvartalsvis i ledergruppen.",
    },
    {
        "baggrund_formaal": "Sygefraværet er 6,1 %.",
        "politisk_afsaet": "Personalepolitikken.",
        "udviklingsmaal": "Sygefraværet skal ned på 5 % i 2025.",
        "opfoelgning": "Hvert halve år i lokal MED.",
    },
]


def _reads_like_the_rows_document(doc) -> None:
    assert [g.title for g in doc.goals] == ["KORTERE VENTETID I TELEFONEN", "Lavere sygefravær"]
    assert [{k: " ".join(v.split()) for k, v in g.sections.items()} for g in doc.goals] == ROWS_SECTIONS
    assert [(i.baseline, i.target, i.unit) for i in doc.goals[0].indicators] == [(7.0, 3.0, "minutter")]
    assert [a.due for a in doc.goals[0].activities] == ["2025-04-01", "2025-06-30"]
    assert (doc.holder, doc.year) == ("Borgerservice Øst", 2025)


def test_goal_headings_in_the_table_and_a_label_two_spaces_from_its_text_give_goals_and_sections():
    _reads_like_the_rows_document(parse_text(ROWS_DOCUMENT + "\n", "rækker.txt"))


def test_the_table_drawn_in_a_pdf_whose_gaps_come_out_as_one_space_reads_the_same():
    from tests.core.ingest.pdfgen import line_pdf

    from roedtraad.core.ingest.parse import parse_source
    from roedtraad.core.ingest.sources import read_source

    source = read_source("rækker.pdf", line_pdf(ROWS_DOCUMENT))
    assert "Baggrund og formål Mange borgere" in source.text  # the gap is gone in the text layer
    _reads_like_the_rows_document(parse_source(source))


def test_the_table_as_a_word_table_reads_the_same():
    import io

    import docx

    from roedtraad.core.ingest.parse import parse_source
    from roedtraad.core.ingest.sources import read_source

    document = docx.Document()
    table = None
    for line in ROWS_DOCUMENT.splitlines():
        label, text = line[:LEFT].strip(), line[LEFT:].strip()
        if not line.strip() or label.startswith(("Udviklingskontrakt", "Borgerservice", "Udviklingsmål nr.")):
            table = None
            if line.strip():
                document.add_paragraph(f"{label} {text}".strip())
            continue
        if table is None:
            table = document.add_table(rows=0, cols=2)
        if label and not (label == "afsæt" and table.rows):
            cells = table.add_row().cells
            cells[0].text, cells[1].text = label, text
        else:
            cells = table.rows[-1].cells
            cells[0].text = f"{cells[0].text} {label}".strip()
            cells[1].text = f"{cells[1].text}\n{text}" if text.startswith("-") else f"{cells[1].text} {text}"
    buffer = io.BytesIO()
    document.save(buffer)
    _reads_like_the_rows_document(parse_source(read_source("rækker.docx", buffer.getvalue())))


OTHER_TEMPLATE = """Udviklingskontrakt 2026
Myndighed Handicap
Vestfjord Kommune

UDVIKLINGSMÅL 1: KORTERE SAGSBEHANDLING

Formål og baggrund          Ventetiden på en afgørelse er i dag 14 uger, og mange borgere
                            ved ikke, hvor deres sag er.
Mål og                      Sagsbehandlingstiden skal ned på 10 uger i 2026.
succeskriterier
Handlinger                  - Ny sagsgang indføres 1. februar 2026
                            - Statusmail til borgerne i marts
Opfølgning                  Halvårligt i Social- og Sundhedsudvalget.

UDVIKLINGSMÅL 2: FÆRRE KLAGER

Formål og baggrund          Antallet af klager er steget.
Mål og                      Der skal være færre end 40 klager i 2026.
succeskriterier
Handlinger                  - Klagevejledning i alle afgørelser
Opfølgning                  Halvårligt i LMU.
"""


def _text_or_pdf(shape: str):
    if shape == "txt":
        return parse_text(OTHER_TEMPLATE, "andet.txt")
    from tests.core.ingest.pdfgen import line_pdf

    from roedtraad.core.ingest.parse import parse_source
    from roedtraad.core.ingest.sources import read_source

    return parse_source(read_source("andet.pdf", line_pdf(OTHER_TEMPLATE)))


@pytest.mark.parametrize("shape", ["txt", "pdf"])
def test_a_table_labelled_with_another_templates_section_names_reads_as_the_same_sections(shape):
    doc = _text_or_pdf(shape)
    assert (doc.holder, doc.year) == ("Myndighed Handicap", 2026)
    assert [g.title for g in doc.goals] == ["KORTERE SAGSBEHANDLING", "FÆRRE KLAGER"]
    assert all(
        list(g.sections) == ["baggrund_formaal", "udviklingsmaal", "aktiviteter", "opfoelgning"] for g in doc.goals
    )
    first = doc.goals[0]
    assert [(i.target, i.unit) for i in first.indicators] == [(10.0, "uger")]
    assert [a.due for a in first.activities] == ["2026-02-01", "2026-03-31"]
    assert [f.forum for f in first.follow_ups] == ["Social- og Sundhedsudvalget"]
