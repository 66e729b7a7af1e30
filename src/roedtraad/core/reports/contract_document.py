"""A contract as a Word document (python-docx) in the municipal template: a front page, a real
table-of-contents field (Word fills it when the document is opened), the introduction, each goal
with its sections in the template's order, its indicators as a table (baseline, target, latest
value, status and forecast), its partners with their roles and its activities, and the stop-doing
proposals. Real heading styles throughout, so Word's navigation pane and a screen reader see the
structure. Plain values in (`ContractDocument`), bytes out; no Django."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass, field

from docx import Document
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

BULLETS = ("•", "-", "–", "*")
TEMPLATE_MARK = "roedtraad-kontrakt"  # the document's keywords: Rødtråd made it (for its own import)


@dataclass(frozen=True)
class IndicatorRow:
    name: str
    unit_measured: str  # the org unit
    baseline: float | None
    target: float | None
    target_end: dt.date | None
    latest: float | None
    latest_period: dt.date | None
    status: str  # as a person reads it ("På sporet")
    forecast: str  # the one Danish sentence
    unit: str = "%"


@dataclass(frozen=True)
class ActivityRow:
    text: str
    due: dt.date | None = None
    owner: str = ""
    status: str = ""


@dataclass
class GoalPart:
    number: int
    title: str
    scope: str = ""  # "Fælles mål", …
    status: str = ""
    sections: Sequence[tuple[str, str]] = ()  # (heading, text) in the template's order
    partners: Sequence[tuple[str, str]] = ()  # (name, role)
    indicators: Sequence[IndicatorRow] = ()
    activities: Sequence[ActivityRow] = ()


@dataclass
class ContractDocument:
    title: str  # "Udviklingskontrakt 2026"
    holder: str
    year: int
    status: str = ""  # "Indgået"
    introduction: str = ""
    people: Sequence[tuple[str, str]] = ()  # (role, name) for the front page
    goals: list[GoalPart] = field(default_factory=list)
    stop_doing: Sequence[tuple[str, Sequence[int]]] = ()  # (text, the goal numbers it gives room for)
    made_on: dt.date | None = None


def _number(value: float | None, unit: str = "") -> str:
    if value is None:
        return "–"
    text = f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ",")
    return f"{text} {unit}".strip() if unit else text


def _date(day: dt.date | None) -> str:
    return f"{day.day}.{day.month}.{day.year}" if day else "–"


# Headings 1–2 (o), as links (h), without page numbers in web view (z), by outline level (u).
TOC_INSTRUCTION = 'TOC \\o "1-2" \\h \\z \\u'


def _field_char(run, kind: str) -> None:
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    run._r.append(char)


def _toc(document) -> None:
    """A table-of-contents field over heading levels 1–2 (begin, instruction, separate, the text
    shown until Word has updated it, end); Word updates it on opening (the settings'
    updateFields), so the entries and page numbers are Word's own."""
    paragraph = document.add_paragraph()
    _field_char(paragraph.add_run(), "begin")
    instruction = OxmlElement("w:instrText")
    instruction.set(qn("xml:space"), "preserve")
    instruction.text = TOC_INSTRUCTION
    paragraph.add_run()._r.append(instruction)
    _field_char(paragraph.add_run(), "separate")
    paragraph.add_run("Indholdsfortegnelsen opdateres, når dokumentet åbnes i Word.")
    _field_char(paragraph.add_run(), "end")
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    document.settings.element.append(update)


def _text(document, text: str) -> None:
    """A section's text: a line starting with a bullet is a list item, other lines paragraphs."""
    for line in (line.strip() for line in text.splitlines()):
        if not line:
            continue
        if line.startswith(BULLETS):
            document.add_paragraph(line.lstrip("".join(BULLETS)).strip(), style="List Bullet")
        else:
            document.add_paragraph(line)


def _table(document, headers: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    table = document.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    for cell, header in zip(table.rows[0].cells, headers, strict=True):
        cell.text = header
        for run in cell.paragraphs[0].runs:
            run.bold = True
    # The header row repeats on every page a long table runs over.
    marker = OxmlElement("w:tblHeader")
    marker.set(qn("w:val"), "true")
    table.rows[0]._tr.get_or_add_trPr().append(marker)
    for row in rows:
        for cell, value in zip(table.add_row().cells, row, strict=True):
            cell.text = value


def _front_page(document, doc: ContractDocument) -> None:
    document.add_paragraph(doc.title, style="Title")
    document.add_paragraph(f"for {doc.holder}", style="Subtitle")
    if doc.people:
        names = [f"{name} ({role.lower()})" for role, name in doc.people]
        joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " og " + names[-1]
        document.add_paragraph(f"Indgås mellem {joined}.")
    if doc.status:
        document.add_paragraph(f"Status: {doc.status}")
    if doc.made_on:
        document.add_paragraph(f"Udskrevet fra Rødtråd {_date(doc.made_on)}")
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _goal(document, goal: GoalPart) -> None:
    document.add_heading(f"Udviklingsmål {goal.number}: {goal.title}", level=1)
    facts = " · ".join(part for part in (goal.scope, f"Status: {goal.status}" if goal.status else "") if part)
    if facts:
        document.add_paragraph(facts)
    for heading, text in goal.sections:
        document.add_heading(heading, level=2)
        _text(document, text)
    if goal.partners:
        document.add_heading("Samarbejdspartnere og roller", level=2)
        _table(document, ("Samarbejdspartner", "Rolle"), [(name, role or "–") for name, role in goal.partners])
    if goal.indicators:
        document.add_heading("Måltal og status", level=2)
        headers = ("Måltal", "Enhed", "Udgangspunkt", "Mål", "Seneste", "Status", "Prognose")
        rows = [
            (
                i.name,
                i.unit_measured,
                _number(i.baseline, i.unit),
                f"{_number(i.target, i.unit)} ({_date(i.target_end)})" if i.target is not None else "–",
                f"{_number(i.latest, i.unit)} ({_date(i.latest_period)})" if i.latest is not None else "–",
                i.status,
                i.forecast,
            )
            for i in goal.indicators
        ]
        _table(document, headers, rows)
    if goal.activities:
        document.add_heading("Aktiviteter i Rødtråd", level=2)
        activities = [(a.text, _date(a.due), a.owner or "–", a.status or "–") for a in goal.activities]
        _table(document, ("Aktivitet", "Frist", "Ansvarlig", "Status"), activities)


def contract_docx(doc: ContractDocument) -> bytes:
    document = Document()
    document.core_properties.title = f"{doc.title} – {doc.holder}"
    document.core_properties.subject = doc.holder
    document.core_properties.keywords = TEMPLATE_MARK
    document.core_properties.language = "da-DK"
    document.styles["Normal"].font.size = Pt(11)
    _front_page(document, doc)
    document.add_heading("Indhold", level=1)
    _toc(document)
    if doc.introduction.strip():
        document.add_heading("Indledning", level=1)
        _text(document, doc.introduction)
    for goal in doc.goals:
        _goal(document, goal)
    if doc.stop_doing:
        document.add_heading("Det holder vi op med", level=1)
        for text, numbers in doc.stop_doing:
            goals = f" (udviklingsmål nr. {', '.join(map(str, numbers))})" if numbers else ""
            document.add_paragraph(f"{text}{goals}", style="List Bullet")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
