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
COLLECTION_MARK = "roedtraad-kontrakter"  # several contracts in one document: a report, not for import

# The template's own words, which its reader (`core.ingest.own_template`) reads back.
INTRODUCTION = "Indledning"
CONTENTS = "Indhold"
PARTNERS = "Samarbejdspartnere og roller"
INDICATORS = "Måltal og status"
ACTIVITIES = "Aktiviteter i Rødtråd"
STOP_DOING = "Det holder vi op med"
PARTNER_COLUMNS = ("Samarbejdspartner", "Rolle")
INDICATOR_COLUMNS = ("Måltal", "Enhed", "Udgangspunkt", "Mål", "Seneste", "Status", "Prognose")
ACTIVITY_COLUMNS = ("Aktivitet", "Frist", "Ansvarlig", "Status")
SCOPE_WORDS = {"local": "Lokalt mål", "shared": "Fælles mål", "cross_cutting": "Tværgående mål"}
MULTI_YEAR = "Flerårigt"
DIRECTION_WORDS = {"down": "højst", "up": "mindst"}  # before a target: lower or higher is better
LONG_TERM = "på sigt"
GOALS_NAMED = "(udviklingsmål nr. {})"  # after a stop-doing proposal: the goals it gives room for
SECTION_BOOKMARK = "rt_sektion_"  # + the section's key, on its heading: the key survives a retitled heading


@dataclass(frozen=True)
class TargetRow:
    value: float
    year: int | None  # None: a long-term target ("på sigt")


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
    targets: Sequence[TargetRow] = ()  # every year's target; empty: the one `target`
    direction: str = ""  # "down" (lower is better) | "up"
    baseline_period: str = ""


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
    scope: str = ""  # a key of SCOPE_WORDS ("shared"), or the words to print
    status: str = ""
    multi_year: bool = False
    # (heading, text) or (heading, text, key) in the template's order; the key is kept invisibly
    sections: Sequence[tuple[str, ...]] = ()
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
    """A section's text as written: a line starting with a bullet is a list item; the other
    lines of a paragraph (up to a blank line) stay one paragraph with line breaks, so the
    template's reader gives the same text back."""
    lines: list[str] = []
    for line in [*(line.strip() for line in text.splitlines()), ""]:
        if line and not line.startswith(BULLETS):
            lines.append(line)
            continue
        if lines:
            paragraph = document.add_paragraph()
            for i, part in enumerate(lines):
                run = paragraph.add_run(part)
                if i < len(lines) - 1:
                    run.add_break()
            lines = []
        if line:
            document.add_paragraph(line.lstrip("".join(BULLETS)).strip(), style="List Bullet")


def _bookmark(paragraph, name: str, ident: int) -> None:
    """An invisible Word bookmark around the paragraph's text."""
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(ident))
    start.set(qn("w:name"), name[:40])
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), str(ident))
    paragraph._p.insert(1 if paragraph._p.pPr is not None else 0, start)
    paragraph._p.append(end)


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


def _targets(row: IndicatorRow) -> str:
    """ "højst 5,2 % i 2025; højst 4,6 % i 2026": every year's target with its direction."""
    if not row.targets:
        return f"{_number(row.target, row.unit)} ({_date(row.target_end)})" if row.target is not None else "–"
    word = DIRECTION_WORDS.get(row.direction, "")
    parts = [
        " ".join(filter(None, [word, _number(t.value, row.unit), f"i {t.year}" if t.year else LONG_TERM]))
        for t in row.targets
    ]
    return "; ".join(parts)


def _baseline(row: IndicatorRow) -> str:
    text = _number(row.baseline, row.unit)
    return f"{text} ({row.baseline_period})" if row.baseline is not None and row.baseline_period else text


def _goal(document, goal: GoalPart, bookmarks: list[int] | None, top: int = 1) -> None:
    document.add_heading(f"Udviklingsmål {goal.number}: {goal.title}", level=top)
    scope = SCOPE_WORDS.get(goal.scope, goal.scope)
    facts = [scope, MULTI_YEAR if goal.multi_year else "", f"Status: {goal.status}" if goal.status else ""]
    if any(facts):
        document.add_paragraph(" · ".join(part for part in facts if part))
    for heading, text, *key in goal.sections:
        paragraph = document.add_heading(heading, level=top + 1)
        if key and key[0] and bookmarks is not None:
            bookmarks.append(len(bookmarks) + 1)
            _bookmark(paragraph, f"{SECTION_BOOKMARK}{key[0]}_{goal.number}", bookmarks[-1])
        _text(document, text)
    if goal.partners:
        document.add_heading(PARTNERS, level=top + 1)
        _table(document, PARTNER_COLUMNS, [(name, role or "–") for name, role in goal.partners])
    if goal.indicators:
        document.add_heading(INDICATORS, level=top + 1)
        rows = [
            (
                i.name,
                i.unit_measured,
                _baseline(i),
                _targets(i),
                f"{_number(i.latest, i.unit)} ({_date(i.latest_period)})" if i.latest is not None else "–",
                i.status,
                i.forecast,
            )
            for i in goal.indicators
        ]
        _table(document, INDICATOR_COLUMNS, rows)
    if goal.activities:
        document.add_heading(ACTIVITIES, level=top + 1)
        activities = [(a.text, _date(a.due), a.owner or "–", a.status or "–") for a in goal.activities]
        _table(document, ACTIVITY_COLUMNS, activities)


def _new_document(title: str, subject: str, keywords: str):
    document = Document()
    document.core_properties.title = title
    document.core_properties.subject = subject
    document.core_properties.keywords = keywords
    document.core_properties.language = "da-DK"
    document.styles["Normal"].font.size = Pt(11)
    return document


def _body(document, doc: ContractDocument, top: int, bookmarks: list[int] | None) -> None:
    """The introduction, the goals and the stop-doing list, the contract's parts at level `top`."""
    if doc.introduction.strip():
        document.add_heading(INTRODUCTION, level=top)
        _text(document, doc.introduction)
    for goal in doc.goals:
        _goal(document, goal, bookmarks, top)
    if doc.stop_doing:
        document.add_heading(STOP_DOING, level=top)
        for text, numbers in doc.stop_doing:
            paragraph = document.add_paragraph(text, style="List Bullet")
            if numbers:  # in a run of its own, so the template's reader tells it from the text
                paragraph.add_run(f" {GOALS_NAMED.format(', '.join(map(str, numbers)))}").italic = True


def _saved(document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def contract_docx(doc: ContractDocument) -> bytes:
    document = _new_document(f"{doc.title} – {doc.holder}", doc.holder, TEMPLATE_MARK)
    _front_page(document, doc)
    document.add_heading(CONTENTS, level=1)
    _toc(document)
    _body(document, doc, 1, [])
    return _saved(document)


def contracts_docx(title: str, docs: Sequence[ContractDocument]) -> bytes:
    """Several contracts as one Word document (a year's, for the committee or the website): a
    front page, one table of contents, each contract from a new page under its own level-1
    heading, its goals at level 2. Not Rødtråd's import template (that is one contract each)."""
    document = _new_document(title, title, COLLECTION_MARK)
    document.add_paragraph(title, style="Title")
    document.add_paragraph(f"{len(docs)} kontrakter", style="Subtitle")
    document.add_heading(CONTENTS, level=1)
    _toc(document)
    for doc in docs:
        document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        document.add_heading(f"{doc.title} for {doc.holder}", level=1)
        facts = [f"Status: {doc.status}" if doc.status else "", *(f"{role}: {name}" for role, name in doc.people)]
        if any(facts):
            document.add_paragraph(" · ".join(part for part in facts if part))
        _body(document, doc, 2, None)
    return _saved(document)
