"""Tables in a Word contract: an activity table of three or more columns is a list of activities,
a row each, with their deadline and owner from the columns; a two-column table stays the section
layout's label | text."""

from __future__ import annotations

import io

from roedtraad.core.ingest.api import import_bytes


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
