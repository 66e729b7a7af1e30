"""What a layout reader hands back: spans of the artefact-free text, not yet text.

Layout readers only say where things are (title, sections, introduction, stop-doing list);
`parse.py` turns the spans into a `ParsedDocument`, reads indicators and shared goals from the
section texts and does the coverage accounting from the same spans, so nothing is counted
twice or lost.
"""

from __future__ import annotations

from dataclasses import dataclass, field

Span = tuple[int, int]


@dataclass
class SectionSpan:
    key: str
    start: int  # start of the heading (or of the text when it has none)
    content_start: int
    end: int


@dataclass
class GoalDraft:
    title: str
    title_span: Span
    number: int | None = None
    sections: list[SectionSpan] = field(default_factory=list)
    extra_spans: list[Span] = field(default_factory=list)  # labels that belong to the goal
    shared_hints: list[str] = field(default_factory=list)  # partners the layout itself names

    @property
    def start(self) -> int:
        spans = [self.title_span[0], *(s.start for s in self.sections), *(a for a, _ in self.extra_spans)]
        return min(spans)

    @property
    def end(self) -> int:
        spans = [self.title_span[1], *(s.end for s in self.sections), *(b for _, b in self.extra_spans)]
        return max(spans)


@dataclass
class LayoutDraft:
    layout: str
    goals: list[GoalDraft] = field(default_factory=list)
    intro_spans: list[Span] = field(default_factory=list)
    stop_spans: list[Span] = field(default_factory=list)
    stop_items: list[str] = field(default_factory=list)
    requirement_spans: list[Span] = field(default_factory=list)
    requirements: list[str] = field(default_factory=list)
    tracks: list[str] = field(default_factory=list)
    focus_areas: list[str] = field(default_factory=list)
    excluded_spans: list[Span] = field(default_factory=list)  # placeholders: never assigned
    holder: str = ""
    kind: str = ""
    year: int | None = None
    goal_list: list[str] = field(default_factory=list)  # the document's own list of its goals
    area_shared: dict[str, str] = field(default_factory=dict)  # goal name -> area from intro lists
    area_across: set[str] = field(default_factory=set)  # listed "på tværs af" an area: always shared with it
