"""The reader of Rødtråd's own Word template (`core.reports.contract_document`): a document
Rødtråd wrote (its keywords say so) is read by its structure — heading styles, the tables of
partners, indicators and activities, the bookmarks that keep each section's key — and not by
the text layouts, so an exported contract imports back into the same goals, sections and
indicators. Text a person added to the document stays in the section it was added to; a
paragraph outside the template's places is reported as unassigned, never dropped."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass, field

from ..reports import contract_document as template
from ..sections import SECTION_LAYOUT, WORKPLAN_LAYOUT
from .headings import match_heading
from .model import (
    Fragment,
    ParsedActivity,
    ParsedDocument,
    ParsedGoal,
    ParsedIndicator,
    ParsedPartner,
)

_GOAL = re.compile(r"^\s*udviklingsmål\s+(\d{1,3})\s*[:.)]\s*(.+)$", re.I)
_TITLE = re.compile(r"(?i)udviklings(kontrakt|aftale)\w*\s+((?:19|20|21)\d\d)\b")
# A figure as the template writes it, bounded as the database stores one (8 digits, 4 decimals).
FIGURE = r"-?\d{1,8}(?:[.,]\d{1,4})?"
_NUMBER = re.compile(rf"({FIGURE})(?!\d|[.,]\d)\s*(.*)")
_TARGET = re.compile(
    rf"(?P<word>{'|'.join(template.DIRECTION_WORDS.values())})?\s*(?P<value>{FIGURE})(?!\d|[.,]\d)\s*"
    rf"(?P<unit>.*?)\s+(?:i\s+(?P<year>(?:19|20|21)\d\d)|(?P<long>{template.LONG_TERM}))\s*$",
    re.I,
)
_GOALS_NAMED = re.compile(re.escape(template.GOALS_NAMED).replace(r"\{\}", r"\s*([\d,\s]+)"))
_DATE = re.compile(r"^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*$")
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_WORKPLAN_ONLY = {heading.casefold() for key, heading in WORKPLAN_LAYOUT.items() if SECTION_LAYOUT.get(key) != heading}
_HEADINGS = {heading.casefold(): key for layout in (SECTION_LAYOUT, WORKPLAN_LAYOUT) for key, heading in layout.items()}
_NOTHING = {"", "–", "-"}


def is_own_template(data: bytes) -> bool:
    """A Word document Rødtråd wrote: its core properties carry the template's keyword."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            core = package.read("docProps/core.xml") if "docProps/core.xml" in package.namelist() else b""
    except (zipfile.BadZipFile, OSError, KeyError):
        return False
    # the keywords are exactly the mark (a collection of contracts has a longer one)
    return (
        re.search(rb"keywords>\s*" + re.escape(template.TEMPLATE_MARK.encode()) + rb"\s*<", core[:20_000]) is not None
    )


@dataclass
class _Reading:
    """The document as read so far: where the next paragraph goes."""

    doc: ParsedDocument
    place: str = "front"  # front | contents | introduction | goal | stop_doing | other
    goal: ParsedGoal | None = None
    section: str = ""  # the key of the section being read; "partners", "indicators", … for tables
    parts: dict[tuple[int, str], list[str]] = field(default_factory=dict)  # (goal, key) → paragraphs
    intro: list[str] = field(default_factory=list)
    text: list[str] = field(default_factory=list)  # every block's text, for offsets
    workplan: bool = False


def read_own(filename: str, document) -> ParsedDocument:
    """The contract in a python-docx `Document` of Rødtråd's template."""
    doc = ParsedDocument(file=filename, kind="kontrakt", layout="sections", holder="", year=None)
    reading = _Reading(doc)
    for block in document.iter_inner_content():
        if hasattr(block, "rows"):
            _table(reading, block)
        else:
            _paragraph(reading, block)
    _finish(reading, document)
    return doc


def _paragraph(reading: _Reading, paragraph) -> None:
    text = _paragraph_text(paragraph)
    style = (paragraph.style.name if paragraph.style is not None else "").casefold()
    if not text.strip():
        return
    if style in {"title", "subtitle"}:
        _front(reading, style, text)
    elif style == "heading 1":
        _heading_1(reading, text)
    elif style == "heading 2" and reading.goal is not None:
        _heading_2(reading, paragraph, text)
    elif style.startswith("list") and reading.place == "stop_doing":
        _stop_doing(reading, paragraph, text)
    elif style.startswith("list"):
        _content(reading, f"• {text.strip()}", item=True)
    else:
        _content(reading, text.strip())
    reading.text.append(text)


def _paragraph_text(paragraph) -> str:
    """The paragraph's text, its line breaks as new lines."""
    parts: list[str] = []
    for node in paragraph._p.iter(f"{_W}t", f"{_W}br", f"{_W}tab"):
        parts.append(node.text or "" if node.tag == f"{_W}t" else ("\n" if node.tag == f"{_W}br" else "\t"))
    return "".join(parts)


def _front(reading: _Reading, style: str, text: str) -> None:
    doc = reading.doc
    if style == "title" and (match := _TITLE.search(text)):
        doc.kind = "aftale" if match.group(1).lower() == "aftale" else "kontrakt"
        doc.year = int(match.group(2))
    elif style == "subtitle":
        doc.holder = re.sub(r"(?i)^\s*for\s+", "", text).strip()


def _heading_1(reading: _Reading, text: str) -> None:
    words = text.strip().casefold()
    reading.goal, reading.section = None, ""
    if words == template.CONTENTS.casefold():
        reading.place = "contents"
    elif words == template.INTRODUCTION.casefold():
        reading.place = "introduction"
    elif words == template.STOP_DOING.casefold():
        reading.place = "stop_doing"
    elif match := _GOAL.match(text):
        reading.place = "goal"
        reading.goal = ParsedGoal(number=int(match.group(1)), title=" ".join(match.group(2).split()))
        reading.section = "facts"
        reading.doc.goals.append(reading.goal)
    else:
        reading.place = "other"
        _unassigned(reading, text)


def _heading_2(reading: _Reading, paragraph, text: str) -> None:
    words = " ".join(text.split()).casefold()
    tables = {template.PARTNERS: "partners", template.INDICATORS: "indicators", template.ACTIVITIES: "activities"}
    named = {heading.casefold(): key for heading, key in tables.items()}
    if words in named:
        reading.section = named[words]
        return
    reading.workplan = reading.workplan or words in _WORKPLAN_ONLY
    reading.section = _bookmarked_key(paragraph) or _HEADINGS.get(words) or _matched_key(text)


def _bookmarked_key(paragraph) -> str:
    for mark in paragraph._p.iter(f"{_W}bookmarkStart"):
        name = mark.get(f"{_W}name") or ""
        if name.startswith(template.SECTION_BOOKMARK):
            return name[len(template.SECTION_BOOKMARK) :].rsplit("_", 1)[0]
    return ""


def _matched_key(text: str) -> str:
    """A heading a person retitled: the importer's vocabulary, else the words as a key."""
    head = match_heading(text)
    if head is not None:
        return head.key
    return re.sub(r"[^0-9a-zæøå]+", "_", text.casefold()).strip("_")[:60] or "afsnit"


def _content(reading: _Reading, text: str, item: bool = False) -> None:
    goal = reading.goal
    if reading.place == "introduction":
        reading.intro.append(text)
    elif reading.place == "goal" and goal is not None and reading.section == "facts":
        _facts(goal, text)
    elif reading.place == "goal" and goal is not None and reading.section not in {"", "partners", "indicators"}:
        reading.parts.setdefault((len(reading.doc.goals), reading.section), []).append(text)
    elif reading.place in {"front", "contents"}:
        return  # the front page's own lines and the table of contents' placeholder: the template's
    else:
        _unassigned(reading, text)


def _stop_doing(reading: _Reading, paragraph, text: str) -> None:
    """A proposal, and the goals it gives room for where the template set them after it (in
    italics, a run of its own); goals the proposal's own words name stay in its text."""
    runs = [r for r in paragraph.runs if r.text.strip()]
    named = _GOALS_NAMED.fullmatch(runs[-1].text.strip()) if len(runs) > 1 and runs[-1].italic else None
    if named is not None:
        text = text[: text.rindex(runs[-1].text)]
        numbers = [int(n) for n in re.findall(r"\d+", named.group(1))]
    proposal = text.strip()
    reading.doc.stop_doing.append(proposal)
    if named is not None:
        reading.doc.stop_doing_goals[proposal] = numbers


def _facts(goal: ParsedGoal, text: str) -> None:
    """The line under a goal's heading: its scope, multi-year mark and status."""
    parts = {part.strip().casefold() for part in text.split("·")}
    for key, words in template.SCOPE_WORDS.items():
        if words.casefold() in parts:
            goal.scope = key
    goal.multi_year = template.MULTI_YEAR.casefold() in parts


def _unassigned(reading: _Reading, text: str) -> None:
    start = sum(len(t) + 2 for t in reading.text)
    reading.doc.unassigned.append(Fragment(text, start, start + len(text)))


def _table(reading: _Reading, table) -> None:
    rows = [[" ".join(cell.text.split()) for cell in row.cells] for row in table.rows]
    if not rows:
        return
    reading.text.append("\n".join("\t".join(row) for row in rows))
    goal = reading.goal
    readers = {
        ("partners", template.PARTNER_COLUMNS): _partners,
        ("indicators", template.INDICATOR_COLUMNS): _indicators,
        ("activities", template.ACTIVITY_COLUMNS): _activities,
    }
    reader = readers.get((reading.section, tuple(rows[0])))
    if goal is None or reader is None:
        for row in rows:
            _unassigned(reading, " ".join(row))
        return
    reader(goal, rows[1:], reading.doc)


def _partners(goal: ParsedGoal, rows: list[list[str]], doc: ParsedDocument) -> None:
    for name, role, *_rest in rows:
        if name not in _NOTHING:
            goal.partners.append(ParsedPartner(name, "" if role in _NOTHING else role))
            goal.shared_with.append(name)


def _indicators(goal: ParsedGoal, rows: list[list[str]], doc: ParsedDocument) -> None:
    for name, unit_measured, baseline_cell, targets_cell, *_rest in rows:
        baseline, unit, period = _baseline(baseline_cell)
        for part in targets_cell.split(";"):
            target = _TARGET.match(part.strip())
            if target is None:
                if part.strip() not in _NOTHING:
                    goal.unread_targets.append(f"{name}: {part.strip()}")
                continue
            words = (target.group("word") or "").casefold()
            direction = next((d for d, w in template.DIRECTION_WORDS.items() if w == words), "")
            goal.indicators.append(
                ParsedIndicator(
                    text=f"{name} {part.strip()}",
                    baseline=baseline,
                    target=_float(target.group("value")),
                    unit=target.group("unit").strip() or unit or "%",
                    scope=unit_measured,
                    year=int(target.group("year")) if target.group("year") else None,
                    direction=direction,
                    long_term=bool(target.group("long")),
                    baseline_period=period,
                    name=name,
                )
            )


def _baseline(cell: str) -> tuple[float | None, str, str]:
    """ "6,4 % (oktober 2021-september 2022)" → (6.4, "%", "oktober 2021-september 2022")."""
    period = ""
    if match := re.search(r"\(([^()]*)\)\s*$", cell):
        period, cell = match.group(1).strip(), cell[: match.start()]
    number = _NUMBER.match(cell.strip())
    if number is None:
        return None, "", period
    return _float(number.group(1)), number.group(2).strip(), period


def _activities(goal: ParsedGoal, rows: list[list[str]], doc: ParsedDocument) -> None:
    for text, due, owner, *_rest in rows:
        if text in _NOTHING:
            continue
        goal.activities.append(ParsedActivity(text, _iso_date(due), None if owner in _NOTHING else owner))


def _iso_date(cell: str) -> str | None:
    """ "8.3.2026" → "2026-03-08"; a date that does not exist (31.2.2026) is no date."""
    day = _DATE.match(cell)
    if day is None:
        return None
    try:
        return dt.date(int(day.group(3)), int(day.group(2)), int(day.group(1))).isoformat()
    except ValueError:
        return None


def _float(text: str) -> float:
    return float(text.replace(",", "."))


def _finish(reading: _Reading, document) -> None:
    doc = reading.doc
    doc.layout = "workplan" if reading.workplan else "sections"
    doc.holder = doc.holder or (document.core_properties.subject or "").strip()
    doc.introduction = _joined(reading.intro)
    for index, goal in enumerate(doc.goals, start=1):
        for (number, key), parts in reading.parts.items():
            if number == index:
                goal.sections[key] = _joined(parts)
        if goal.partners and goal.scope == "local":
            goal.scope = "shared"
        if any(k in goal.sections for k in ("arbejde_med", "arbejde_hen_imod", "samarbejde_med")):
            doc.layout = "workplan"
    doc.text = "\n\n".join(reading.text) + "\n"
    doc.coverage = 1.0 if not doc.unassigned else round(1 - sum(len(f.text) for f in doc.unassigned) / len(doc.text), 4)


def _joined(parts: list[str]) -> str:
    """Paragraphs with a blank line between them; the items of a list one to a line."""
    out = ""
    for i, part in enumerate(parts):
        if i:
            out += "\n" if part.startswith("• ") else "\n\n"
        out += part
    return out
