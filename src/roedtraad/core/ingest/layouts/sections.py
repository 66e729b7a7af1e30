"""The section layout: each goal is a title followed by the template's section headings
(Baggrund og formål · Det politiske og strategiske afsæt · Udviklingsmål · Forventede
virkninger for borgeren · Tidsperspektiv · Aktiviteter · Opfølgning …).

A goal starts where the section order starts over (normally at "Baggrund og formål"); its
title is the short block of lines right above that heading, optionally under a page-top
label "Udviklingsmål" / "Udviklingsmål N:" that separates goals.
"""

from __future__ import annotations

from ...sections import SECTION_LAYOUT, section_order
from ..draft import GoalDraft, LayoutDraft, SectionSpan
from ..headings import HeadingMatch, match_heading
from ..lines import (
    FORM_LABEL,
    NUMBERED_GOAL,
    TOC_HEADING,
    Line,
    is_bullet,
    marked_lines,
    section_follows,
    split_lines,
    titled_openings,
)
from ..titles import clean_title, title_number
from .spans import spans_under_headings

KEYS = set(SECTION_LAYOUT)
_MAX_TITLE_LINES = 3
_FORM_LABEL = FORM_LABEL


def read_sections(text: str, headings: frozenset[int] = frozenset()) -> LayoutDraft:
    """`headings`: offsets where the source marks a heading (DOCX styles, PDF outline); a marked
    line that is no section heading and has sections under it is a goal title."""
    lines = split_lines(text)
    heads = {ln.index: h for ln in lines if (h := match_heading(ln.text, KEYS))}
    printed = _printed_form_titles(lines, heads)
    if printed:
        draft = _read_titled(text, lines, heads, {title: n for title, (n, _label) in printed.items()}, printed)
        draft.layout = "form"  # a form printed to PDF: its labels without the fields' names
        return draft
    titled = _marked_titles(lines, heads, marked_lines(lines, headings)) or titled_openings(lines, heads)
    if titled:
        return _read_titled(text, lines, heads, titled)
    labels = _goal_labels(lines, heads)
    for index in labels:
        heads.pop(index, None)
    openings = _openings(heads)
    draft = LayoutDraft(layout="sections")
    goals: list[GoalDraft] = []
    for n, opening in enumerate(openings, start=1):
        goals.append(_goal_head(lines, opening, labels, n))
    for i, goal in enumerate(goals):
        end = goals[i + 1].start if i + 1 < len(goals) else len(text)
        opening = openings[i]
        goal.sections = _section_spans(lines, heads, opening, end)
    draft.goals = goals
    if goals:
        draft.intro_spans = [(0, goals[0].start)]
    else:
        draft.intro_spans = [(0, len(text))]
    return draft


def _goal_labels(lines: list[Line], heads: dict[int, HeadingMatch]) -> dict[int, int | None]:
    """Lines that label a goal ("Udviklingsmål" above a title that is followed by the goal's
    first sections) rather than open its Udviklingsmål section; value: the stated number."""
    labels: dict[int, int | None] = {}
    for ln in lines:
        numbered = NUMBERED_GOAL.match(ln.text)
        head = heads.get(ln.index)
        if numbered and not (head and head.key == "udviklingsmaal" and numbered.group("num") is None):
            labels[ln.index] = int(numbered.group("num"))
            continue
        if head is not None and head.key == "udviklingsmaal" and _titled_label(ln, head, lines, heads):
            labels[ln.index] = None
            continue
        if head is None or head.key != "udviklingsmaal" or head.content_offset < len(ln.text):
            continue
        block = _lines_after(lines, ln.index)
        follower = block[-1] if block else None
        opens_goal = follower is not None and follower.index in heads and len(block) > 1
        if (
            opens_goal
            and follower is not None
            and section_order(heads[follower.index].key) < section_order("udviklingsmaal")
        ):
            labels[ln.index] = None
    return labels


def _titled_label(ln: Line, head: HeadingMatch, lines: list[Line], heads: dict[int, HeadingMatch]) -> bool:
    """ "Udviklingsmål: Kortere ventetid" right above the goal's first section ("Baggrund og
    formål"): the goal's label with its title, not its Udviklingsmål section."""
    title = ln.text[head.content_offset :].strip()
    if not title or len(title) > 120 or title[-1] in ".:;!?" or not title[0].isupper():
        return False
    follower = next((f for f in lines[ln.index + 1 :] if not f.blank), None)
    if follower is None or follower.index not in heads:
        return False
    return section_order(heads[follower.index].key) < section_order("udviklingsmaal")


def _label_title(line: Line) -> str:
    """The title a label line gives: "Udviklingsmål 2 – Titel" or "Udviklingsmål: Titel"."""
    m = NUMBERED_GOAL.match(line.text)
    if m:
        return m.group("title") or ""
    head = match_heading(line.text, {"udviklingsmaal"})
    return line.text[head.content_offset :].strip() if head and head.content_offset < len(line.text) else ""


def _lines_after(lines: list[Line], index: int) -> list[Line]:
    """The title block after a label, ending with the first heading-like follower line."""
    out: list[Line] = []
    for ln in lines[index + 1 :]:
        if ln.blank:
            continue
        out.append(ln)
        if len(out) > _MAX_TITLE_LINES or match_heading(ln.text, KEYS):
            break
    return out


def _openings(heads: dict[int, HeadingMatch]) -> list[int]:
    """Heading lines where a new goal starts: the section order starts over."""
    openings, last = [], None
    for index in sorted(heads):
        order = section_order(heads[index].key)
        if last is None or order <= last or heads[index].key == "baggrund_formaal":
            openings.append(index)
        last = order
    return openings


def _goal_head(lines: list[Line], opening: int, labels: dict[int, int | None], n: int) -> GoalDraft:
    """Title block above the opening heading, with its label if there is one."""
    block: list[Line] = []
    i = opening - 1
    while i >= 0 and lines[i].blank:
        i -= 1
    while i >= 0 and not lines[i].blank and len(block) < _MAX_TITLE_LINES and i not in labels:
        ln = lines[i]
        if is_bullet(ln) or ln.stripped[-1] in ".:;" or match_heading(ln.text, KEYS):
            break
        block.insert(0, ln)
        i -= 1
    while i >= 0 and lines[i].blank:
        i -= 1
    label = i if i in labels else None
    title, number = " ".join(ln.stripped for ln in block), None
    extra = []
    if label is not None:
        number = labels[label]
        extra.append((lines[label].content_start, lines[label].end))
        if not title:
            title = _label_title(lines[label])
    span = (block[0].content_start, block[-1].end) if block else (lines[opening].start, lines[opening].start)
    return GoalDraft(title=clean_title(title), title_span=span, number=number or n, extra_spans=extra)


def _section_spans(lines: list[Line], heads: dict[int, HeadingMatch], opening: int, end: int) -> list[SectionSpan]:
    indexes = [i for i in sorted(heads) if i >= opening and lines[i].start < end]
    return spans_under_headings(lines, heads, indexes, end)


def _printed_form_titles(lines: list[Line], heads: dict[int, HeadingMatch]) -> dict[int, tuple[int, int]]:
    """A printed form's goal titles: title line → (goal number, label line). The number is the
    title's own ("2) Titel"), else the lowest number no title states."""
    found: dict[int, tuple[int | None, int]] = {}
    for ln in lines:
        if not _FORM_LABEL.match(ln.text):
            continue
        title = next((t for t in lines[ln.index + 1 :] if not t.blank), None)
        if title is None or title.index in heads or _FORM_LABEL.match(title.text) or len(title.stripped) > 150:
            continue
        found[title.index] = (title_number(title.text), ln.index)
    if len(found) < 2:
        return {}
    stated = {n for n, _label in found.values() if n is not None}
    free = (n for n in range(1, 1000) if n not in stated)
    return {title: (n if n is not None else next(free), label) for title, (n, label) in found.items()}


def _read_titled(
    text: str,
    lines: list[Line],
    heads: dict[int, HeadingMatch],
    titled: dict[int, int],
    labelled: dict[int, tuple[int, int]] | None = None,
) -> LayoutDraft:
    """Goals under numbered headings ("Udviklingsmål 2 - Titel", "1) Titel", "Mål 3: Titel"):
    each heading opens a goal that runs to the next one, whatever order its sections have.
    `labelled`: a printed form's label line above a title, which starts the goal."""
    draft = LayoutDraft(layout="sections")
    openings = sorted(titled)
    labels = {title: label for title, (_n, label) in (labelled or {}).items()}
    tocs: list[tuple[int, int]] = []
    for index in openings:
        heads.pop(index, None)
    for k, index in enumerate(openings):
        ln = lines[index]
        following = openings[k + 1] if k + 1 < len(openings) else None
        end = len(text) if following is None else lines[labels.get(following, following)].start
        toc = next((t for t in lines[index + 1 :] if t.start < end and TOC_HEADING.match(t.text)), None)
        if toc is not None:  # a table of contents printed after a goal (a form's last page) is not its text
            tocs.append((toc.start, end))
            end = toc.start
        first = next((i for i in sorted(heads) if i > index), None)
        last = _title_continues(lines, index, first)
        title = " ".join(lines[i].stripped for i in range(index, last + 1))
        goal = GoalDraft(title=clean_title(title), title_span=(ln.content_start, lines[last].end), number=titled[index])
        if index in labels:
            label = lines[labels[index]]
            goal.extra_spans.append((label.content_start, label.end))
        if first is not None and lines[first].start < end and first > last + 1:
            goal.sections.append(SectionSpan("baggrund_formaal", lines[last].end, lines[last].end, lines[first].start))
        goal.sections += _section_spans(lines, heads, index, end)
        draft.goals.append(goal)
    draft.intro_spans = [(0, draft.goals[0].start), *tocs]
    return draft


def _title_continues(lines: list[Line], index: int, first: int | None) -> int:
    """The last line of a numbered title wrapped over two or three lines ("Mål 1: Kortere ventetid
    på" / "den første samtale"): the lines run on without a blank (one may follow them) into the
    first section heading, and none ends like a sentence or is a list item."""
    if first is None:
        return index
    between = lines[index + 1 : first]
    while between and between[-1].blank:
        between.pop()
    if not 0 < len(between) < _MAX_TITLE_LINES:
        return index
    if any(ln.blank or is_bullet(ln) or len(ln.stripped) > 80 or ln.stripped[-1] in ".:;!?" for ln in between):
        return index
    return between[-1].index


def _marked_titles(lines: list[Line], heads: dict[int, HeadingMatch], marked: set[int]) -> dict[int, int]:
    """Goal titles among the lines the source marks as headings: not a section heading, not a
    bare "Udviklingsmål" label, and followed by a section heading within a few lines."""
    found: dict[int, int] = {}
    order = sorted(marked | set(heads))
    for index in sorted(marked):
        ln = lines[index]
        if index in heads or not section_follows(lines, heads, index):
            continue
        following = order[order.index(index) + 1 :]
        if following and following[0] not in heads:  # another heading comes first ("Indledning")
            continue
        if _labels_next_title(following, heads, marked):
            continue
        numbered = NUMBERED_GOAL.match(ln.text)
        if numbered and not numbered.group("title"):
            continue
        found[index] = title_number(ln.text) or (int(numbered.group("num")) if numbered else len(found) + 1)
    return found


def _labels_next_title(following: list[int], heads: dict[int, HeadingMatch], marked: set[int]) -> bool:
    """The next heading is a bare "Udviklingsmål" label right above the next marked title: the
    line before it (a document title, an introduction's heading) is no goal of its own."""
    if len(following) < 2 or heads[following[0]].key != "udviklingsmaal":
        return False
    return following[1] in marked and following[1] not in heads
