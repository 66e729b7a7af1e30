"""Activity tables in Word and PDF contracts: a table of three or more columns is a list of
activities, a row each, with their deadline and owner from the columns, whether the PDF draws a
row's cells on one line or cell after cell; a two-column table stays the section layout's
label | text."""

from __future__ import annotations

import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from roedtraad.core.ingest.api import import_bytes
from roedtraad.core.ingest.items import CELL, is_header_row, row_item


def _contract(rows: list[tuple[str, ...]]) -> bytes:
    from docx import Document

    document = Document()
    document.add_paragraph("Udviklingskontrakt 2025 for Jobcenter Øst")
    for number, title in ((1, "Flere i job"), (2, "Færre sygemeldte")):
        document.add_paragraph(f"{number}. {title}")
        document.add_paragraph("Baggrund og formål")
        document.add_paragraph("Ledigheden er steget.")
        document.add_paragraph("Aktiviteter")
        table = document.add_table(rows=len(rows), cols=len(rows[0]))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                table.cell(r, c).text = value
        document.add_paragraph("Opfølgning")
        document.add_paragraph("Kvartalsvis i ledergruppen.")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_an_activity_table_gives_an_activity_per_row_with_its_deadline_and_owner():
    rows = [
        ("Aktivitet", "Ansvarlig", "Frist"),
        ("Jobmesse for ledige", "Karina Dahl", "1. april 2025"),
        ("Virksomhedsbesøg", "Virksomhedsservice", "Q3 2025"),
        ("Evaluering", "Jobchef Søren Bak", "ultimo 2025"),
    ]
    doc = import_bytes("kontrakt.docx", _contract(rows))
    assert [g.title for g in doc.goals] == ["Flere i job", "Færre sygemeldte"]
    got = [(a.text.split(" – ")[0], a.due, a.owner) for a in doc.goals[0].activities]
    assert got == [
        ("Jobmesse for ledige", "2025-04-01", "Karina Dahl"),
        ("Virksomhedsbesøg", "2025-09-30", "Virksomhedsservice"),
        ("Evaluering", "2025-12-31", "Søren Bak"),
    ]
    assert set(doc.goals[0].sections) == {"baggrund_formaal", "aktiviteter", "opfoelgning"}
    assert doc.coverage >= 0.995


def test_a_table_without_a_header_row_keeps_every_cell_of_a_row_together():
    rows = [("Jobmesse", "1. april 2025", "Karina Dahl"), ("Besøg", "maj 2025", "Virksomhedsservice")]
    doc = import_bytes("kontrakt.docx", _contract(rows))
    got = [(a.text, a.due) for a in doc.goals[0].activities]
    assert got == [
        ("Jobmesse – 1. april 2025 – Karina Dahl", "2025-04-01"),
        ("Besøg – maj 2025 – Virksomhedsservice", "2025-05-31"),
    ]


ROWS = [
    ("Aktivitet", "Ansvarlig", "Frist"),
    ("Jobmesse for ledige i hele kommunen med mange arbejdsgivere", "Karina Dahl", "1. april 2025"),
    ("Virksomhedsbesøg", "Virksomhedsservice og Erhvervskontoret", "Q3 2025"),
    ("Evaluering", "Jobchef Søren Bak", "ultimo 2025"),
]


@pytest.mark.parametrize("valign", ["TOP", "BOTTOM", "MIDDLE"])
def test_a_pdf_activity_table_with_wrapped_cells_gives_an_activity_per_row_with_deadline_and_owner(valign):
    doc = import_bytes("kontrakt.pdf", _pdf_table(ROWS, valign=valign))
    assert (doc.holder, [g.title for g in doc.goals]) == ("Jobcenter Øst", ["Flere i job", "Færre sygemeldte"])
    got = [(a.text.split(" – ")[0], a.due, a.owner) for a in doc.goals[0].activities]
    assert got == [
        ("Jobmesse for ledige i hele kommunen med mange arbejdsgivere", "2025-04-01", "Karina Dahl"),
        ("Virksomhedsbesøg", "2025-09-30", "Virksomhedsservice og Erhvervskontoret"),
        ("Evaluering", "2025-12-31", "Søren Bak"),
    ]
    assert doc.coverage >= 0.995


_WORD = st.sampled_from(["borgere", "møde", "plan", "Jobmesse", "ledere", "skema", "data", "kursus", "besøg", "team"])
_CELL = st.lists(_WORD, min_size=1, max_size=9).map(" ".join)


@settings(max_examples=15, deadline=None)
@given(
    st.lists(st.lists(_CELL, min_size=3, max_size=3), min_size=1, max_size=4),
    st.sampled_from(["TOP", "MIDDLE", "BOTTOM"]),
)
def test_every_row_of_a_pdf_table_comes_back_as_one_line_with_its_cells_in_order(rows, valign):
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    from roedtraad.core.ingest.sources import read_source

    styles = getSampleStyleSheet()
    table = Table([[Paragraph(c, styles["Normal"]) for c in row] for row in rows], colWidths=[150, 110, 90])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), valign)]))
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4).build([Paragraph("Aktiviteter", styles["Heading2"]), Spacer(1, 12), table])
    text = read_source("tabel.pdf", buffer.getvalue()).text
    read = [line for line in text.splitlines() if CELL in line]
    # cells under a header row are named by its columns (the rule itself is tested above)
    header = rows[0] if len(rows) > 1 and is_header_row(rows[0]) else None
    want = (
        [CELL.join(rows[0]), *(row_item(row, header) for row in rows[1:])] if header else [CELL.join(r) for r in rows]
    )
    assert read == want


def _pdf_table(
    rows,
    *,
    header_bold: bool = False,
    padding: int = 3,
    heading: str = "Heading2",
    valign: str = "BOTTOM",
    section: str = "Aktiviteter",
    year: int = 2025,
) -> bytes:
    """A two-goal contract as a PDF with the table `rows` under each goal's `section`."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    styles = getSampleStyleSheet()
    story = [Paragraph(f"Udviklingskontrakt {year} for Jobcenter Øst", styles["Title"])]
    for number, title in ((1, "Flere i job"), (2, "Færre sygemeldte")):
        story += [
            Paragraph(f"{number}. {title}", styles["Heading1"]),
            Paragraph("Baggrund og formål", styles["Heading2"]),
            Paragraph("Ledigheden er steget.", styles["Normal"]),
            Paragraph(section, styles[heading]),
        ]
        cells = [
            [Paragraph(f"<b>{c}</b>" if header_bold and r == 0 else c, styles["Normal"]) for c in row]
            for r, row in enumerate(rows)
        ]
        style = [("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), valign)]
        style += [("TOPPADDING", (0, 0), (-1, -1), padding), ("BOTTOMPADDING", (0, 0), (-1, -1), padding)]
        story += [Table(cells, colWidths=[150, 110, 90], style=TableStyle(style))]
        story += [Paragraph("Opfølgning", styles["Heading2"]), Paragraph("Kvartalsvis i LMU.", styles["Normal"])]
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4).build(story)
    return buffer.getvalue()


SHORT_ROWS = [
    ("Aktivitet", "Ansvarlig", "Frist"),
    ("Jobmesse", "Karina Dahl", "1. april 2025"),
    ("Besøg", "Ole Berg", "maj 2025"),
]


@pytest.mark.parametrize(
    "shape",
    [
        {"header_bold": True},  # a bold header row is no goal title
        {"padding": 0},  # rows a line apart are still rows
        {"heading": "Normal"},  # a heading set in body type right above the table is no cell
    ],
)
def test_a_pdf_activity_table_is_read_a_row_to_an_activity_whatever_its_header_padding_or_heading(shape):
    doc = import_bytes("kontrakt.pdf", _pdf_table(SHORT_ROWS, **shape))
    assert [g.title for g in doc.goals] == ["Flere i job", "Færre sygemeldte"]
    got = [(a.text.split(" – ")[0], a.due, a.owner) for a in doc.goals[0].activities]
    assert got == [("Jobmesse", "2025-04-01", "Karina Dahl"), ("Besøg", "2025-05-31", "Ole Berg")]


def test_a_word_table_inside_a_table_keeps_its_text():
    from docx import Document

    document = Document()
    document.add_paragraph("Udviklingskontrakt 2025 for Jobcenter Øst")
    document.add_paragraph("1. Flere i job")
    document.add_paragraph("Aktiviteter")
    table = document.add_table(rows=2, cols=3)
    for c, value in enumerate(("Aktivitet", "Ansvarlig", "Frist")):
        table.cell(0, c).text = value
    table.cell(1, 0).text = "Jobmesse"
    table.cell(1, 1).add_table(rows=1, cols=1).cell(0, 0).text = "Indlejret tekst"
    buffer = io.BytesIO()
    document.save(buffer)
    from roedtraad.core.ingest.sources import read_source

    assert "Indlejret tekst" in read_source("k.docx", buffer.getvalue()).text


def test_a_row_longer_than_its_header_keeps_every_cell_and_names_no_wrong_owner():
    from roedtraad.core.ingest.items import row_item

    row = row_item(["Jobmesse", "april", "maj", "Karina Dahl"], ["Aktivitet", "Periode", "Ansvarlig"])
    assert row == "Jobmesse – april – maj – Karina Dahl"


def test_a_paragraph_with_dashes_is_no_table_header():
    from roedtraad.core.ingest.items import list_items

    text = "Vi vil – sammen med LMU – styrke trivslen.\n\nVi holder temadage."
    assert list_items(text) == ["Vi vil – sammen med LMU – styrke trivslen.", "Vi holder temadage."]


INDICATOR_ROWS = [
    ("Indikator", "Baseline 2024", "Mål 2026"),
    ("Sygefravær", "6,2 %", "5,5 %"),
    ("Ventetid", "14 uger", "10 uger"),
]


def test_an_indicator_table_in_a_pdf_gives_each_rows_baseline_target_unit_and_year():
    doc = import_bytes("kontrakt.pdf", _pdf_table(INDICATOR_ROWS, section="Mål og succeskriterier", year=2026))
    got = [(i.baseline, i.target, i.unit, i.year, i.direction) for i in doc.goals[0].indicators]
    assert got == [(6.2, 5.5, "%", 2026, "down"), (14.0, 10.0, "uger", 2026, "down")]


def test_an_indicator_table_gives_each_rows_baseline_target_unit_and_year():
    from docx import Document

    document = Document()
    document.add_paragraph("Udviklingskontrakt 2026 for Jobcenter Øst")
    for number, title in ((1, "Lavere sygefravær"), (2, "Kortere ventetid")):
        document.add_paragraph(f"{number}. {title}")
        document.add_paragraph("Baggrund og formål")
        document.add_paragraph("Fraværet og ventetiden er for høje.")
        document.add_paragraph("Mål og succeskriterier")
        rows = [
            ("Indikator", "Baseline 2024", "Mål 2026"),
            ("Sygefravær", "6,2 %", "5,5 %"),
            ("Ventetid", "14 uger", "10 uger"),
        ]
        table = document.add_table(rows=3, cols=3)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                table.cell(r, c).text = value
    buffer = io.BytesIO()
    document.save(buffer)
    doc = import_bytes("kontrakt.docx", buffer.getvalue())
    got = [(i.baseline, i.target, i.unit, i.year, i.direction) for i in doc.goals[0].indicators]
    assert got == [(6.2, 5.5, "%", 2026, "down"), (14.0, 10.0, "uger", 2026, "down")]
