"""Corrections a person makes to what the importer understood, applied to the `ParsedDocument`
(pure Python, no Django): change a section's key or text, rename a goal, merge a goal into the
one before it, split a goal at a line, change where a goal starts, make an unassigned heading a
new goal, put an unassigned fragment into a goal's section, or drop a goal (its text becomes
unassigned). Every change keeps the document's offsets, coverage and numbering consistent.

A goal only carries its sections as text, so the corrections locate each section line in the
document text (`pieces`) to know which side of a new boundary it falls on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from roedtraad.core.ingest.coverage import non_ws
from roedtraad.core.ingest.indicators import extract_indicators, unread_targets
from roedtraad.core.ingest.model import Fragment, ParsedDocument, ParsedGoal
from roedtraad.core.ingest.plans import read_plans

KEY_PATTERN = re.compile(r"^[a-z][a-z0-9_]{0,59}$")


class CorrectionError(ValueError):
    """A correction that cannot be applied; the message is Danish and fit for the user."""


@dataclass
class Piece:
    """One line of a goal's section, with where it was found in the document text."""

    key: str
    start: int
    end: int
    text: str


def pieces(doc: ParsedDocument, goal: ParsedGoal) -> list[Piece]:
    """The goal's section lines in text order; a line not found in the text (edited by hand)
    stays just after the line before it."""
    found: list[Piece] = []
    for key, body in goal.sections.items():
        cursor = goal.start
        for line in (part.strip() for part in body.splitlines()):
            if not line:
                continue
            at, end = _locate(doc.text, line, cursor, goal.start)
            found.append(Piece(key, at, end, line))
            cursor = end
    return sorted(found, key=lambda p: p.start)


_BREAK = r"(?:-[ \t]*\n[ \t]*)?"


def _locate(text: str, line: str, cursor: int, start: int) -> tuple[int, int]:
    """Where a section's line stands in the document text: as it is, else as the page wrapped it
    (a reflowed paragraph: any whitespace between its words, a hyphen and a line break inside a
    word); a line not found at all (edited by hand) stays at the cursor."""
    for origin in (cursor, start):
        at = text.find(line, origin)
        if at >= 0:
            return at, at + len(line)
    words = line.split()
    if len(words) > 400:
        return cursor, cursor + len(line)
    spaced = re.compile(r"\s+".join(_BREAK.join(map(re.escape, word)) for word in words))
    for origin in (cursor, start):
        m = spaced.search(text, origin)
        if m:
            return m.start(), m.end()
    return cursor, cursor + len(line)


def _join(doc: ParsedDocument, parts: list[Piece]) -> str:
    out = ""
    for i, part in enumerate(parts):
        if i:
            gap = doc.text[parts[i - 1].end : part.start]
            out += gap if part.start >= parts[i - 1].end and gap.strip() == "" and gap else "\n"
        out += part.text
    return out


def _sections_from(doc: ParsedDocument, parts: list[Piece], order: list[str]) -> dict[str, str]:
    by_key: dict[str, list[Piece]] = {}
    for part in parts:
        by_key.setdefault(part.key, []).append(part)
    keys = [k for k in order if k in by_key] + [k for k in by_key if k not in order]
    return {key: _join(doc, by_key[key]) for key in keys}


def line_at(doc: ParsedDocument, at: int) -> str:
    end = doc.text.find("\n", at)
    return doc.text[at : end if end >= 0 else len(doc.text)].strip()


def lines_between(doc: ParsedDocument, start: int, end: int, limit: int = 400) -> list[tuple[int, str]]:
    """(offset of the first visible character, line) for the non-blank lines in [start, end)."""
    found = []
    for match in re.finditer(r"[^\n]+", doc.text[start:end]):
        stripped = match.group().strip()
        if stripped:
            found.append((start + match.start() + match.group().index(stripped[0]), stripped))
        if len(found) >= limit:
            break
    return found


def _goal(doc: ParsedDocument, index: int) -> ParsedGoal:
    if not 0 <= index < len(doc.goals):
        raise CorrectionError("Målet findes ikke længere i importen.")
    return doc.goals[index]


def _take_title_line(doc: ParsedDocument, parts: list[Piece], at: int) -> tuple[str, list[Piece]]:
    title = line_at(doc, at)
    return title, [p for p in parts if not (p.start == at and p.text == title)]


def refresh(doc: ParsedDocument, touched: list[ParsedGoal] | None = None) -> None:
    """Number the goals in order, read the indicators of changed goals again, and recount."""
    for number, goal in enumerate(doc.goals, start=1):
        goal.number = number
    for goal in touched or []:
        goal.indicators = extract_indicators(goal, doc.holder, doc.year)
        goal.unread_targets = unread_targets(goal)
        read_plans(goal, doc.year)
    doc.unassigned.sort(key=lambda f: f.start)
    total = non_ws(doc.text)
    missing = sum(non_ws(f.text) for f in doc.unassigned)
    doc.coverage = round(max(0.0, 1 - missing / total), 4) if total else 1.0


# Sections -----------------------------------------------------------------------------------


def set_section(doc: ParsedDocument, index: int, old_key: str, new_key: str, text: str) -> ParsedGoal:
    """Change a section's key and/or text; an empty text removes the section, and a key the goal
    already has gets the text appended."""
    goal = _goal(doc, index)
    new_key = (new_key or "").strip()
    if not KEY_PATTERN.match(new_key):
        raise CorrectionError("Afsnittets nøgle skal være små bogstaver, tal og understregning.")
    text = (text or "").replace("\r\n", "\n").strip()
    entries = list(goal.sections.items())
    position = next((i for i, (key, _t) in enumerate(entries) if key == old_key), len(entries))
    entries = [(key, body) for key, body in entries if key != old_key]
    existing = dict(entries)
    if text and new_key in existing:
        existing[new_key] = f"{existing[new_key]}\n{text}"
        goal.sections = existing
    else:
        if text:
            entries.insert(min(position, len(entries)), (new_key, text))
        goal.sections = dict(entries)
    refresh(doc, [goal])
    return goal


def set_title(doc: ParsedDocument, index: int, title: str) -> ParsedGoal:
    goal = _goal(doc, index)
    title = " ".join((title or "").split())
    if not title:
        raise CorrectionError("Et mål skal have en titel.")
    goal.title = title[:300]
    refresh(doc, [goal])
    return goal


# Goal boundaries ----------------------------------------------------------------------------


def merge_with_previous(doc: ParsedDocument, index: int) -> ParsedGoal:
    """The goal becomes part of the goal before it; its title is kept as a line of its text."""
    if index <= 0:
        raise CorrectionError("Det første mål kan ikke lægges sammen med et mål før det.")
    goal, previous = _goal(doc, index), doc.goals[index - 1]
    moved = pieces(doc, goal)
    first_key = moved[0].key if moved else "baggrund_formaal"
    sections = dict(previous.sections)
    for key, body in goal.sections.items():
        if key == first_key:
            body = f"{goal.title}\n{body}"
        sections[key] = f"{sections[key]}\n{body}" if key in sections else body
    if not moved:
        sections[first_key] = f"{sections[first_key]}\n{goal.title}" if first_key in sections else goal.title
    previous.sections = sections
    previous.start, previous.end = min(previous.start, goal.start), max(previous.end, goal.end)
    previous.shared_with = list(dict.fromkeys([*previous.shared_with, *goal.shared_with]))
    del doc.goals[index]
    refresh(doc, [previous])
    return previous


def split_goal(doc: ParsedDocument, index: int, at: int, title: str = "") -> ParsedGoal:
    """A new goal starts at offset `at` (a line inside the goal); the line is its title unless
    one is given, and the goal's text from there on moves to it."""
    goal = _goal(doc, index)
    if not goal.start < at < goal.end:
        raise CorrectionError("Et mål kan kun deles ved en linje inde i målet.")
    parts = pieces(doc, goal)
    order = list(goal.sections)
    stays = [p for p in parts if p.start < at]
    moves = [p for p in parts if p.start >= at]
    if not title:
        title, moves = _take_title_line(doc, moves, at)
    new = ParsedGoal(number=0, title=title[:300], start=at, end=goal.end)
    new.sections = _sections_from(doc, moves, order)
    goal.sections = _sections_from(doc, stays, order)
    goal.end = at
    doc.goals.insert(index + 1, new)
    refresh(doc, [goal, new])
    return new


def move_goal_start(doc: ParsedDocument, index: int, at: int, title_from_line: bool = True) -> ParsedGoal:
    """Let the goal start at offset `at`: earlier takes the text in between from the goals it
    belonged to; later hands the text in between to the goal before it (or leaves it unassigned)."""
    goal = _goal(doc, index)
    if not 0 <= at < goal.end:
        raise CorrectionError("Et mål kan ikke starte efter sin egen slutning.")
    order = list(goal.sections)
    own = pieces(doc, goal)
    touched = [goal]
    if at < goal.start:
        if title_from_line:  # the old heading stays as a line of the goal's text
            after = next((p.key for p in own if p.start >= goal.start), "baggrund_formaal")
            heading = line_at(doc, goal.start)
            own.append(Piece(after, goal.start, goal.start + len(heading), heading))
        for other in doc.goals:
            if other is goal or other.end <= at or other.start >= goal.start:
                continue
            theirs = pieces(doc, other)
            own += [p for p in theirs if at <= p.start < goal.start]
            other.sections = _sections_from(
                doc, [p for p in theirs if not at <= p.start < goal.start], list(other.sections)
            )
            other.end = min(other.end, at) if other.start < at else other.end
            touched.append(other)
    else:
        given = [p for p in own if p.start < at]
        own = [p for p in own if p.start >= at]
        _hand_over(doc, goal, given, touched)
    own.sort(key=lambda p: p.start)
    if title_from_line:
        goal.title, own = _take_title_line(doc, own, at)
    goal.sections = _sections_from(doc, own, order)
    goal.start = at
    refresh(doc, touched)
    return goal


def _hand_over(doc: ParsedDocument, goal: ParsedGoal, given: list[Piece], touched: list[ParsedGoal]) -> None:
    before = [g for g in doc.goals if g is not goal and g.end <= goal.start + 1]
    receiver = max(before, key=lambda g: g.end, default=None)
    if receiver is None:
        text = _join(doc, given) if given else ""
        lines = [goal.title, text] if text else [goal.title]
        doc.unassigned.append(Fragment(text="\n".join(lines).strip(), start=goal.start, end=goal.start))
        return
    receiver.sections = _sections_from(doc, pieces(doc, receiver) + given, list(receiver.sections))
    if given:
        receiver.sections[given[0].key] = f"{goal.title}\n{receiver.sections.get(given[0].key, '')}".strip()
    receiver.end = max(receiver.end, max((p.end for p in given), default=goal.start))
    touched.append(receiver)


def remove_goal(doc: ParsedDocument, index: int) -> None:
    """Not a goal after all: its text is listed as unassigned."""
    goal = _goal(doc, index)
    body = "\n".join([goal.title, *goal.sections.values()]).strip()
    doc.unassigned.append(Fragment(text=body, start=goal.start, end=goal.end))
    del doc.goals[index]
    refresh(doc)


# Unassigned fragments -----------------------------------------------------------------------


def _fragment(doc: ParsedDocument, index: int) -> Fragment:
    if not 0 <= index < len(doc.unassigned):
        raise CorrectionError("Tekststykket findes ikke længere i importen.")
    return doc.unassigned[index]


def promote_fragment(doc: ParsedDocument, index: int) -> ParsedGoal:
    """An unassigned heading becomes a new goal; inside a goal, the text after it moves along."""
    fragment = _fragment(doc, index)
    first, _sep, rest = fragment.text.partition("\n")
    del doc.unassigned[index]
    containing = next((i for i, g in enumerate(doc.goals) if g.start < fragment.start < g.end), None)
    if containing is not None:
        goal = split_goal(doc, containing, fragment.start, title=first.strip())
    else:
        goal = ParsedGoal(number=0, title=first.strip()[:300], start=fragment.start, end=fragment.end)
        position = sum(1 for g in doc.goals if g.start < fragment.start)
        doc.goals.insert(position, goal)
    if rest.strip():
        existing = goal.sections.pop("baggrund_formaal", "")
        body = f"{rest.strip()}\n{existing}" if existing else rest.strip()
        goal.sections = {"baggrund_formaal": body, **goal.sections}
    refresh(doc, [goal])
    return goal


def assign_fragment(doc: ParsedDocument, index: int, goal_index: int, key: str) -> ParsedGoal:
    """Put an unassigned fragment into a section of a goal (appended when the section exists)."""
    fragment = _fragment(doc, index)
    goal = _goal(doc, goal_index)
    if not KEY_PATTERN.match(key or ""):
        raise CorrectionError("Afsnittets nøgle skal være små bogstaver, tal og understregning.")
    current = goal.sections.get(key)
    goal.sections[key] = f"{current}\n{fragment.text}" if current else fragment.text
    del doc.unassigned[index]
    refresh(doc, [goal])
    return goal
