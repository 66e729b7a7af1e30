"""The form layout: a PDF form's fields dumped as "\\t<field name>: <value>" lines.

Field numbers are the form's, not the goals': a goal's fields are joined by the goal its
title field names (a label with "overskrift" and "nr 17", value "16) Titel", maps field 17 to
goal 16). Fields without a number belong to the goal whose title field came last. Other
fields: the holder field and descriptions go to the introduction, a table of contents
("Indhold") too, and a "Hold op med" field holds the stop-doing list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...danish import join_lines
from ...sections import SECTION_LAYOUT
from ..draft import GoalDraft, LayoutDraft, SectionSpan
from ..headings import match_heading
from ..stopdoing import concrete_clause
from ..titles import clean_title, title_number

_FIELD = re.compile(r"(?m)^\t(?P<label>[^\t:\n]{1,120}?)[ \t]*:[ \t]?")
_LABEL_NUMBER = re.compile(r"^(?P<name>.*?)[ \t]*(?:nr\.?[ \t]*)?(?P<num>\d{1,3})$", re.I)
_TITLE_LABEL = re.compile(r"(?i)overskrift|^titel\b|^mål(?:ets)? navn")
_STOP_LABEL = re.compile(r"(?i)hold(?:e)? op med|stop med")
_TOC_LABEL = re.compile(r"(?i)^(?:indhold|indholdsfortegnelse)$")
_SECTION_KEYS = set(SECTION_LAYOUT)
_BULLETS = re.compile(r"\s*(?:•|\*|▪|(?<=[.:])\s*-\s)\s*")


@dataclass
class Field:
    name: str
    number: int | None
    start: int  # start of the field line (after the tab)
    value_start: int
    end: int

    def value(self, text: str) -> str:
        return text[self.value_start : self.end]


def read_fields(text: str) -> list[Field]:
    """The form's fields in text order; a value runs until the next field line."""
    matches = list(_FIELD.finditer(text))
    fields = []
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        end = m.end() + len(text[m.end() : end].rstrip())
        label = m.group("label").strip()
        numbered = _LABEL_NUMBER.match(label)
        name, number = (numbered.group("name"), int(numbered.group("num"))) if numbered else (label, None)
        fields.append(Field(name.strip(), number, m.start() + 1, m.end(), max(end, m.end())))
    return fields


def read_form(text: str) -> LayoutDraft:
    fields = read_fields(text)
    draft = LayoutDraft(layout="form")
    field_goal = {f.number: n for f in fields if _TITLE_LABEL.search(f.name) and (n := _goal_number(f, text))}
    goals: dict[int, GoalDraft] = {}
    current: int | None = None
    covered = []
    for f in fields:
        covered.append((f.start, f.end))
        if _TITLE_LABEL.search(f.name):
            current = _goal_number(f, text) or current
            if current is not None:
                _add_title(goals, current, f, text)
            continue
        head = match_heading(f.name, _SECTION_KEYS)
        if head is not None and head.content_offset >= len(f.name):
            owner = field_goal.get(f.number, current) if f.number is not None else current
            if owner is not None:
                goal = goals.setdefault(owner, GoalDraft(title="", title_span=(f.start, f.start), number=owner))
                goal.sections.append(SectionSpan(head.key, f.start, f.value_start, f.end))
                continue
        if _STOP_LABEL.search(f.name):
            draft.stop_spans.append((f.start, f.end))
            draft.stop_items += stop_items(f.value(text))
        else:
            draft.intro_spans.append((f.start, f.end))
            if _TOC_LABEL.match(f.name):
                draft.goal_list = toc_entries(f.value(text))
    draft.goals = [goals[n] for n in sorted(goals)]
    draft.intro_spans += _outside(covered, len(text))
    return draft


def _goal_number(f: Field, text: str) -> int | None:
    return title_number(f.value(text)) or f.number


def _add_title(goals: dict[int, GoalDraft], number: int, f: Field, text: str) -> None:
    value = f.value(text)
    lead = len(value) - len(value.lstrip())
    goal = goals.setdefault(number, GoalDraft(title="", title_span=(f.start, f.start), number=number))
    goal.title = clean_title(value)
    goal.title_span = (f.value_start + lead, f.end)
    goal.extra_spans.append((f.start, f.value_start))


def _outside(spans: list[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    out, pos = [], 0
    for start, end in sorted(spans):
        if start > pos:
            out.append((pos, start))
        pos = max(pos, end)
    if pos < length:
        out.append((pos, length))
    return out


def stop_items(value: str) -> list[str]:
    """Bullets of a stop-doing field. A lead sentence is not an item, and a later sentence
    that opens another list ("Herudover … følgende:") ends the stop-doing list."""
    parts = _BULLETS.split(value)
    if len(parts) == 1:
        text = join_lines(value)
        return [text] if text and not re.search(r"(?i)hold\w* op med\s*$", text) else []
    items = []
    for part in parts[1:]:
        sentence_list = re.split(r"(?<=[.!?])\s*(?=[A-ZÆØÅ])", part.strip())
        opener = next((i for i, s in enumerate(sentence_list) if s.rstrip().endswith(":")), None)
        keep = sentence_list if opener is None else sentence_list[:opener]
        item = concrete_clause(join_lines(" ".join(keep)))
        if item:
            items.append(item)
        if opener is not None:
            break
    return items


def toc_entries(value: str) -> list[str]:
    """Entries of a table of contents written as "1. Titel2. Titel…" or one per line."""
    entries = re.split(r"(?:(?<=\D)|^)(\d{1,2})\.\s+", value)
    out = []
    for i in range(1, len(entries) - 1, 2):
        out.append(join_lines(entries[i + 1]))
    return out
