"""What the preview page shows of a draft import: the source text in pieces (goal starts,
unassigned fragments highlighted with their offsets) and one card per goal with the lines a
boundary may be moved to."""

from __future__ import annotations

from dataclasses import dataclass, field

from roedtraad.core.ingest.model import ParsedDocument, ParsedGoal
from roedtraad.core.sections import heading_for
from roedtraad.imports.corrections import lines_between
from roedtraad.imports.forms import key_choices

LINE_CHOICES = 150


@dataclass
class Segment:
    text: str
    fragment: int | None = None  # index into doc.unassigned when the text is unassigned
    goal_starts: list[int] = field(default_factory=list)  # indexes of goals starting here
    start: int = 0
    end: int = 0


def source_segments(doc: ParsedDocument) -> list[Segment]:
    text = doc.text
    cuts = {0, len(text)}
    for fragment in doc.unassigned:
        cuts |= {min(fragment.start, len(text)), min(fragment.end, len(text))}
    starts: dict[int, list[int]] = {}
    for index, goal in enumerate(doc.goals):
        at = min(max(goal.start, 0), len(text))
        cuts.add(at)
        starts.setdefault(at, []).append(index)
    ordered = sorted(cuts)
    segments = []
    for a, b in zip(ordered, ordered[1:], strict=False):
        fragment_index = next((i for i, f in enumerate(doc.unassigned) if f.start <= a < f.end), None)
        segments.append(Segment(text[a:b], fragment_index, starts.get(a, []), a, b))
    if starts.get(len(text)):
        segments.append(Segment("", None, starts[len(text)], len(text), len(text)))
    return segments


def goal_card(doc: ParsedDocument, index: int) -> dict:
    goal: ParsedGoal = doc.goals[index]
    previous_start = doc.goals[index - 1].start if index > 0 and doc.goals[index - 1].start < goal.start else 0
    window_start = max(previous_start, goal.start - 4000)
    return {
        "index": index,
        "goal": goal,
        "sections": [
            {"key": key, "heading": heading_for(key), "text": text, "choices": key_choices(key)}
            for key, text in goal.sections.items()
        ],
        "new_section_choices": key_choices(),
        "start_lines": lines_between(doc, window_start, goal.end, LINE_CHOICES),
        "split_lines": [line for line in lines_between(doc, goal.start + 1, goal.end, LINE_CHOICES)],
    }


def goal_cards(doc: ParsedDocument) -> list[dict]:
    return [goal_card(doc, index) for index in range(len(doc.goals))]
