"""A contract as a Word document: opened again with python-docx, it has the template's headings
in real heading styles, a table-of-contents field, and its figures in table cells."""

from __future__ import annotations

import datetime as dt
import io

from docx import Document

from roedtraad.core.reports.contract_document import (
    TEMPLATE_MARK,
    ActivityRow,
    ContractDocument,
    GoalPart,
    IndicatorRow,
    contract_docx,
)

SICK_LEAVE = IndicatorRow(
    "Sygefravær",
    "Plejecenter Egelund",
    7.2,
    6.5,
    dt.date(2026, 12, 31),
    6.95,
    dt.date(2026, 10, 1),
    "I risiko",
    "Prognose.",
)


def _document() -> ContractDocument:
    return ContractDocument(
        title="Udviklingskontrakt 2026",
        holder="Plejecenter Egelund",
        year=2026,
        status="Indgået",
        introduction="Året handler om fastholdelse.\n• Et godt arbejdsmiljø\n• Faste vagtplaner",
        people=[("Kontraktholder", "Centerleder Eva Holm"), ("Direktør", "Direktør Jens Berg")],
        goals=[
            GoalPart(
                number=1,
                title="Lavt sygefravær",
                scope="Fælles mål",
                status="I risiko",
                sections=[
                    ("Baggrund og formål", "Fraværet er højt."),
                    ("Udviklingsmål", "Fraværet skal ned på 6,5 %."),
                ],
                partners=[("Sundhedscentret", "Bidrager med viden")],
                indicators=[SICK_LEAVE],
                activities=[ActivityRow("Fraværssamtaler", dt.date(2026, 3, 1), "Eva Holm", "I gang")],
            )
        ],
        stop_doing=[("Dobbeltregistrering af fravær", [1])],
    )


def _opened(doc: ContractDocument):
    return Document(io.BytesIO(contract_docx(doc)))


def test_the_goals_and_their_sections_are_headings_in_the_templates_order():
    headings = [(p.style.name, p.text) for p in _opened(_document()).paragraphs if p.style.name.startswith("Heading")]
    assert headings == [
        ("Heading 1", "Indhold"),
        ("Heading 1", "Indledning"),
        ("Heading 1", "Udviklingsmål 1: Lavt sygefravær"),
        ("Heading 2", "Baggrund og formål"),
        ("Heading 2", "Udviklingsmål"),
        ("Heading 2", "Samarbejdspartnere og roller"),
        ("Heading 2", "Måltal og status"),
        ("Heading 2", "Aktiviteter i Rødtråd"),
        ("Heading 1", "Det holder vi op med"),
    ]


def test_the_document_has_a_table_of_contents_field_that_word_updates_on_opening():
    document = _opened(_document())
    body = document.element.body.xml
    assert 'w:fldCharType="begin"' in body and "TOC \\o" in body
    assert "w:updateFields" in document.settings.element.xml


def test_the_front_page_names_the_holder_and_the_parties_and_the_file_is_marked_as_rodtrads():
    document = _opened(_document())
    first = [p.text for p in document.paragraphs[:3]]
    assert first[0] == "Udviklingskontrakt 2026" and first[1] == "for Plejecenter Egelund"
    assert "Centerleder Eva Holm (kontraktholder)" in first[2]
    assert document.core_properties.keywords == TEMPLATE_MARK
    assert document.core_properties.language == "da-DK"


def test_the_indicator_table_holds_baseline_target_latest_value_status_and_forecast():
    document = _opened(_document())
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "Måltal")
    cells = [c.text for c in table.rows[1].cells]
    assert cells == [
        "Sygefravær",
        "Plejecenter Egelund",
        "7,2 %",
        "6,5 % (31.12.2026)",
        "6,95 % (1.10.2026)",
        "I risiko",
        "Prognose.",
    ]


def test_list_lines_become_list_paragraphs_and_stop_doing_names_its_goals():
    paragraphs = [(p.style.name, p.text) for p in _opened(_document()).paragraphs]
    assert ("List Bullet", "Et godt arbejdsmiljø") in paragraphs
    assert ("List Bullet", "Dobbeltregistrering af fravær (udviklingsmål nr. 1)") in paragraphs


def test_a_goal_without_indicators_partners_or_activities_has_no_empty_tables():
    doc = _document()
    doc.goals[0] = GoalPart(number=1, title="Ny praksis", sections=[("Udviklingsmål", "Vi prøver noget nyt.")])
    assert _opened(doc).tables == []
