"""Rødtråd's own Word template reads back as it was written: any goals, sections, targets,
partners, activities and stop-doing proposals (hypothesis), without Django."""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from roedtraad.core.ingest.api import import_bytes
from roedtraad.core.ingest.own_template import is_own_template
from roedtraad.core.reports.contract_document import (
    ActivityRow,
    ContractDocument,
    GoalPart,
    IndicatorRow,
    TargetRow,
    contract_docx,
)
from roedtraad.core.sections import SECTION_LAYOUT

WORDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyzæøå", min_size=2, max_size=9)
SENTENCE = st.lists(WORDS, min_size=1, max_size=8).map(lambda words: " ".join(words).capitalize() + ".")
LINE = st.one_of(SENTENCE, SENTENCE.map(lambda s: f"• {s}"))
SECTION_TEXT = st.lists(LINE, min_size=1, max_size=5).map("\n".join)
FIGURE = st.decimals(min_value=0, max_value=99, places=1).map(float)


@st.composite
def goals(draw, number: int) -> GoalPart:
    keys = draw(st.lists(st.sampled_from(sorted(SECTION_LAYOUT)), min_size=1, max_size=4, unique=True))
    direction = draw(st.sampled_from(["down", "up"]))
    years = draw(st.lists(st.integers(2020, 2030), max_size=3, unique=True))
    return GoalPart(
        number=number,
        title=draw(SENTENCE).rstrip("."),
        scope=draw(st.sampled_from(["local", "shared", "cross_cutting"])),
        multi_year=draw(st.booleans()),
        sections=[(SECTION_LAYOUT[key], draw(SECTION_TEXT), key) for key in keys],
        partners=[(draw(WORDS).capitalize(), draw(st.one_of(st.just(""), SENTENCE)))] if draw(st.booleans()) else [],
        indicators=[
            IndicatorRow(
                name=draw(WORDS).capitalize(),
                unit_measured=draw(WORDS).capitalize(),
                baseline=draw(st.one_of(st.none(), FIGURE)),
                target=None,
                target_end=None,
                latest=None,
                latest_period=None,
                status="",
                forecast="",
                targets=[TargetRow(draw(FIGURE), year) for year in sorted(years)],
                direction=direction,
            )
        ]
        if years
        else [],
        activities=[ActivityRow(draw(SENTENCE), draw(st.one_of(st.none(), st.dates(dt.date(2020, 1, 1)))))],
    )


@st.composite
def contracts(draw) -> ContractDocument:
    count = draw(st.integers(1, 4))
    parts = [draw(goals(number)) for number in range(1, count + 1)]
    stop = [
        (draw(SENTENCE), sorted(draw(st.sets(st.integers(1, count), max_size=2))))
        for _ in range(draw(st.integers(0, 2)))
    ]
    return ContractDocument(
        title=f"Udviklingskontrakt {draw(st.integers(2020, 2030))}",
        holder=draw(WORDS).capitalize() + " " + draw(WORDS),
        year=2026,
        introduction=draw(st.one_of(st.just(""), SECTION_TEXT)),
        goals=parts,
        stop_doing=stop,
    )


def _lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(contracts())
def test_a_contract_in_the_template_reads_back_as_written(written: ContractDocument):
    read = import_bytes("k.docx", contract_docx(written))
    assert (read.holder, read.year, read.coverage, read.unassigned) == (
        written.holder,
        int(written.title[-4:]),
        1.0,
        [],
    )
    assert _lines(read.introduction) == _lines(written.introduction)
    assert [
        (g.number, g.title, g.scope if g.scope != "local" or not g.partners else "shared") for g in written.goals
    ] == [(g.number, g.title, g.scope) for g in read.goals]
    for part, goal in zip(written.goals, read.goals, strict=True):
        assert goal.multi_year == part.multi_year
        assert {key: _lines(text) for _heading, text, key in part.sections} == {
            key: _lines(text) for key, text in goal.sections.items()
        }
        assert [(p.name, p.role) for p in goal.partners] == list(part.partners)
        expected = [
            (i.name, i.unit_measured, i.baseline, t.value, t.year, i.direction)
            for i in part.indicators
            for t in i.targets
        ]
        assert [(i.name, i.scope, i.baseline, i.target, i.year, i.direction) for i in goal.indicators] == expected
        assert [(a.text, a.due) for a in goal.activities] == [
            (a.text, a.due.isoformat() if a.due else None) for a in part.activities
        ]
    assert read.stop_doing == [text for text, _numbers in written.stop_doing]
    assert {text: numbers for text, numbers in written.stop_doing if numbers} == read.stop_doing_goals


def test_a_word_document_that_rodtraad_did_not_write_is_read_by_its_layout(tmp_path):
    """The template's reader answers only to its own keyword, not to any document with tables."""
    from docx import Document

    document = Document()
    document.add_heading("Udviklingsmål 1: Lavt sygefravær", level=1)
    document.add_heading("Baggrund og formål", level=2)
    document.add_paragraph("Et lavt sygefravær giver tid til borgerne.")
    document.add_heading("Udviklingsmål", level=2)
    document.add_paragraph("Sygefraværet skal ned på 5 % i 2026.")
    document.add_heading("Aktiviteter", level=2)
    document.add_paragraph("Fraværssamtaler.")
    document.add_heading("Opfølgning", level=2)
    document.add_paragraph("Hvert kvartal i LMU.")
    document.save(str(tmp_path / "k.docx"))
    data = (tmp_path / "k.docx").read_bytes()
    assert not is_own_template(data)
    read = import_bytes("k.docx", data)
    assert re.search("sygefravær", read.goals[0].title, re.I)
    assert [i.target for i in read.goals[0].indicators] == [5.0]  # read from the prose, as any document


def _edited(tmp_path, edit) -> bytes:
    """A contract in the template, changed in Word by a person (`edit` gets the python-docx Document)."""
    from docx import Document

    written = ContractDocument(
        title="Udviklingskontrakt 2026",
        holder="Solsikken",
        year=2026,
        goals=[
            GoalPart(
                number=1,
                title="Lavt sygefravær",
                sections=[("Baggrund og formål", "Fraværet er for højt.", "baggrund_formaal")],
                indicators=[
                    IndicatorRow(
                        "Sygefravær", "Solsikken", 6.4, None, None, None, None, "", "", targets=[TargetRow(5.0, 2026)]
                    )
                ],
                activities=[ActivityRow("Fraværssamtaler", dt.date(2026, 3, 8))],
            )
        ],
    )
    path = tmp_path / "k.docx"
    path.write_bytes(contract_docx(written))
    document = Document(str(path))
    edit(document)
    document.save(str(path))
    return path.read_bytes()


def _cell(document, header: str, row: int, column: int):
    table = next(t for t in document.tables if t.rows[0].cells[0].text == header)
    return table.rows[row].cells[column]


def test_a_due_date_that_does_not_exist_is_no_date_and_the_activity_stays(tmp_path):
    data = _edited(tmp_path, lambda d: setattr(_cell(d, "Aktivitet", 1, 1), "text", "31.2.2026"))
    (goal,) = import_bytes("k.docx", data).goals
    assert [(a.text, a.due) for a in goal.activities] == [("Fraværssamtaler", None)]


def test_a_target_too_large_to_store_is_listed_as_unread_not_saved(tmp_path):
    data = _edited(tmp_path, lambda d: setattr(_cell(d, "Måltal", 1, 3), "text", "højst 123456789 % i 2026"))
    (goal,) = import_bytes("k.docx", data).goals
    assert goal.indicators == [] and goal.unread_targets == ["Sygefravær: højst 123456789 % i 2026"]
