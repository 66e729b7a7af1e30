"""The layout parser of the importer: `SourceText` → `ParsedDocument` (pure Python, no Django).

Steps: strip page artefacts → read the header (kind, holder, year) → recognise the layout →
let that layout's reader mark where the goals, sections, introduction and lists are (spans)
→ build the goals' texts, indicators and shared-goal partners from those spans → account for
every character (coverage, unassigned fragments).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable

from .artefacts import strip_artefacts
from .columns import looks_like_columns, unfold_columns
from .coverage import account
from .detect import detect_layout
from .draft import GoalDraft, LayoutDraft, Span
from .header import read_header
from .indicators import extract_indicators, unread_targets
from .layouts.form import read_form
from .layouts.framework import read_framework
from .layouts.sections import read_sections
from .layouts.workplan import read_workplan
from .lines import TOC_HEADING
from .model import Fragment, ParsedDocument, ParsedGoal, SourceText
from .plans import read_plans
from .reflow import reflow
from .shared import shared_partners
from .stopdoing import goal_numbers_in, stop_doing_in_goals, stop_section

log = logging.getLogger(__name__)

READERS: dict[str, Callable[..., LayoutDraft]] = {
    "sections": read_sections,
    "workplan": read_workplan,
    "form": read_form,
    "framework": read_framework,
}
# Sources whose lines are the page's (a Word paragraph or a form field is one line already).
_WRAPPED = {"txt", "pdf"}
_PLACEHOLDER = re.compile(r"^\s*\[[^\[\]\n]{0,60}\]\s*$")


def parse_text(text: str, filename: str = "") -> ParsedDocument:
    """Parse plain text (a `pdftotext`-like dump or a form's field dump)."""
    return parse_source(SourceText(filename=filename, source_kind="txt", text=text))


def parse_source(source: SourceText) -> ParsedDocument:
    """Parse one source document. Never raises on odd text: what cannot be placed ends up in
    `unassigned`, and a layout reader that fails falls back to an unknown layout. A document
    whose sections look like a two-column table is read again with its table unfolded
    (`columns.unfold_columns`), and that reading is kept when it reads more (`_reads_more`).
    A document in Rødtråd's own template comes read by its structure (`own_template`) and is
    taken as it is, if it has goals."""
    if source.own is not None and source.own.goals:
        return source.own
    doc = _parse_source(source)
    if looks_like_columns(doc.text):
        unfolded = SourceText(
            source.filename,
            source.source_kind,
            unfold_columns(source.text),
            [],
            source.form_fields,
            running=source.running,
        )
        again = _parse_source(unfolded)
        if _reads_more(again, doc):
            return again
    return doc


def _reads_more(again: ParsedDocument, doc: ParsedDocument) -> bool:
    """The table unfolded reads better: goals where there were none, or the same goals or more
    with more of their sections told apart (a row's label read as a heading, not as text)."""
    if not again.goals:
        return False
    if not doc.goals:
        return True
    sections = sum(len(g.sections) for g in again.goals)
    return len(again.goals) >= len(doc.goals) and sections > sum(len(g.sections) for g in doc.goals)


def _parse_source(source: SourceText) -> ParsedDocument:
    text = source.text if isinstance(source.text, str) else str(source.text or "")
    clean, artefacts = strip_artefacts(text)
    running = [*source.running, *(" ".join(a.text.split()) for a in artefacts if a.kind == "running")]
    header = read_header(clean, running)
    layout = detect_layout(clean)
    stop = stop_section(clean) if layout in {"sections", "workplan"} else None
    if stop and not stop[1]:  # a section with no proposal read stays text to place, never dropped
        stop = None
    readable = _blank_out(clean, stop[0]) if stop else clean
    marked = _heading_offsets(source, artefacts)
    try:
        if layout in {"sections", "workplan"}:
            draft = READERS[layout](readable, marked)
        else:
            draft = READERS[layout](readable) if layout in READERS else LayoutDraft(layout="unknown")
    except Exception:  # a reader bug must not lose the document; the text stays unassigned
        log.exception("layout reader %s failed on %s", layout, source.filename)
        draft = LayoutDraft(layout="unknown")
    if stop and draft.layout != "unknown":
        draft.stop_spans.append(stop[0])
        draft.stop_items = draft.stop_items or stop[1]
    doc = ParsedDocument(
        file=source.filename,
        kind="dus" if layout == "framework" else (draft.kind or header.kind or "kontrakt"),
        layout=draft.layout,
        holder=draft.holder or header.holder,
        year=draft.year or header.year,
        artefacts=artefacts,
        text=clean,
    )
    _fill(doc, draft, clean, wrapped=source.source_kind in _WRAPPED)
    return doc


def _fill(doc: ParsedDocument, draft: LayoutDraft, clean: str, wrapped: bool = False) -> None:
    """The document's goals, texts and lists from the layout's spans; the texts of a wrapped
    source are reflowed (`reflow.reflow`)."""
    excluded: list[Span] = list(draft.excluded_spans)
    assigned: list[Span] = [*draft.intro_spans, *draft.stop_spans, *draft.requirement_spans]
    for number, goal in enumerate(draft.goals, start=1):
        parsed, spans, holes = _build_goal(goal, clean, number, draft.stop_spans)
        if wrapped:
            parsed.sections = {key: reflow(body) for key, body in parsed.sections.items()}
        assigned += spans
        excluded += holes
        doc.goals.append(parsed)
    _number_goals(doc.goals)
    for parsed_goal, drafted in zip(doc.goals, draft.goals, strict=True):
        parsed_goal.shared_with = shared_partners(parsed_goal, doc.holder, drafted.shared_hints, draft)
        parsed_goal.indicators = extract_indicators(parsed_goal, doc.holder, doc.year)
        parsed_goal.unread_targets = unread_targets(parsed_goal)
        read_plans(parsed_goal, doc.year)
    intro_spans = _without_title_block(clean, draft.intro_spans)
    doc.introduction = "\n".join(clean[a:b].strip() for a, b in intro_spans if clean[a:b].strip())
    if wrapped:
        doc.introduction = reflow(doc.introduction)
    doc.requirements = list(draft.requirements)
    doc.tracks = list(draft.tracks)
    doc.focus_areas = list(draft.focus_areas)
    doc.stop_doing = list(draft.stop_items) or stop_doing_in_goals(doc.goals)
    doc.stop_doing_goals = {text: numbers for text in doc.stop_doing if (numbers := goal_numbers_in(text))}
    doc.coverage, doc.unassigned = account(clean, assigned, excluded)
    doc.coverage = round(doc.coverage, 4)


# A table of contents' entry: "Udviklingsmål nr. 2 – Sygefravær ........ 4" (a leader to a page number).
_TOC_LINE = re.compile(r"^[^\n]{2,160}?(?:\.{3,}|…{2,}|\t)[ \t.…]*\d{1,3}[ \t]*$")
_INTRO_HEADING = re.compile(r"(?im)^[ \t]*(?:indledning|forord|introduktion)[ \t]*:?[ \t]*$")


def _without_title_block(clean: str, spans: list[Span]) -> list[Span]:
    """The introduction from its own heading ("Indledning") on, when only a title block (a few
    short lines: the title, the holder, the municipality; a table of contents) stands before it; the block is
    the document's header, still placed (it stays in the spans the coverage counts)."""
    if not spans:
        return spans
    start, end = spans[0]
    heading = _INTRO_HEADING.search(clean, start, end)
    if heading is None:
        return spans
    before = [
        line
        for line in clean[start : heading.start()].splitlines()
        if line.strip() and not _TOC_LINE.match(line) and not TOC_HEADING.match(line)
    ]
    if len(before) > 6 or any(len(line.strip()) > 80 for line in before):
        return spans
    return [(heading.end(), end), *spans[1:]]


def _build_goal(
    goal: GoalDraft, clean: str, number: int, stops: tuple[Span, ...] | list[Span] = ()
) -> tuple[ParsedGoal, list[Span], list[Span]]:
    """The goal's texts by section key; placeholders ("[indsæt]") and empty headings are not
    sections. A placeholder is the template's own filler: it is placed (with its goal), not lost.
    A section ends where the stop-doing section starts (the last goal's last section would
    otherwise run on over it)."""
    sections: dict[str, list[str]] = {}
    spans: list[Span] = [goal.title_span, *goal.extra_spans]
    holes: list[Span] = []
    for sec in goal.sections:
        end = min([sec.end, *(a for a, _b in stops if sec.content_start <= a < sec.end)])
        spans.append((sec.start, end))
        body = clean[sec.content_start : end].strip()
        if _PLACEHOLDER.match(body):
            continue
        if body:
            sections.setdefault(sec.key, []).append(body)
    parsed = ParsedGoal(
        number=goal.number or number,
        title=goal.title,
        sections={key: "\n".join(parts) for key, parts in sections.items()},
        start=goal.start,
        end=goal.end,
    )
    return parsed, spans, holes


def _number_goals(goals: list[ParsedGoal]) -> None:
    """Stated numbers are kept when they are unique; otherwise goals are numbered in order."""
    numbers = [g.number for g in goals]
    if len(set(numbers)) != len(numbers):
        for i, goal in enumerate(goals, start=1):
            goal.number = i


def _blank_out(text: str, span: Span) -> str:
    """The text with one span's characters turned into spaces (line breaks kept), so a layout
    reader does not see the span while every offset stays the same."""
    start, end = span
    return text[:start] + re.sub(r"[^\n]", " ", text[start:end]) + text[end:]


def _heading_offsets(source: SourceText, artefacts: list[Fragment]) -> frozenset[int]:
    """Where the source's own headings start in the artefact-free text: each start moved back
    by the characters of the artefacts removed before it (a start inside one is dropped)."""
    starts: set[int] = set()
    for heading in source.headings or ():
        removed, inside = 0, False
        for frag in artefacts:
            if frag.end <= heading.start:
                removed += frag.end - frag.start
            elif frag.start <= heading.start < frag.end:
                inside = True
        if not inside:
            starts.add(heading.start - removed)
    return frozenset(starts)
