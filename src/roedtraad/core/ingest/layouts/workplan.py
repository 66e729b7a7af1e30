"""The work-plan layout: per goal a heading, an untitled introduction, perhaps a political
basis ("Arbejdet foregår på baggrund af:") and a purpose ("Formålet er"), then the work plan
"Lokalt i ‹holder› vil vi" with Arbejde med / Arbejde hen imod / Samarbejde med, and an
Opfølgning.

A goal is recognised by its work plan (the anchor). Its title is the last heading-like line
between the previous goal's work plan and this goal's first section; a heading-like line
before it with its own paragraph is a grouping heading whose text joins this goal's
background. A heading that only introduces the work plan is not a title.
"""

from __future__ import annotations

import re

from ..draft import GoalDraft, LayoutDraft, SectionSpan
from ..headings import HeadingMatch, match_heading
from ..lines import NUMBERED_GOAL, Line, is_bullet, looks_like_heading, marked_lines, next_nonblank, split_lines
from ..titles import clean_title, title_number
from .goal_lists import best_match, read_goal_lists
from .spans import spans_under_headings

KEYS = {
    "baggrund_formaal",
    "politisk_afsaet",
    "aktiviteter",
    "virkning_borger",
    "tidsperspektiv",
    "arbejde_med",
    "arbejde_hen_imod",
    "samarbejde_med",
    "opfoelgning",
}
_PLAN_KEYS = {"arbejde_med", "arbejde_hen_imod", "samarbejde_med"}
_LOCAL = re.compile(r"^\s*(?:[•o]\s+)?lokalt\s+(?:i|hos|på)\s+.{2,80}?\s+vil\s+vi\b\s*:?\s*$", re.I)
_JOINT = re.compile(
    r"^\s*[A-ZÆØÅ][^\n:]{1,80}?\s+vil\s+(?:i\s+\d{4}\s+)?(?:sammen|i\s+samarbejde)\s+med\s+(?P<partner>[^\n:]{2,80}?)\s*:?\s*$"
)


def read_workplan(text: str, headings: frozenset[int] = frozenset()) -> LayoutDraft:
    """`headings`: offsets where the source marks a heading; where a goal's region holds marked
    lines, its title is chosen among them rather than by line shape."""
    lines = split_lines(text)
    marked = marked_lines(lines, headings)
    heads: dict[int, HeadingMatch] = {ln.index: h for ln in lines if (h := match_heading(ln.text, KEYS))}
    draft = LayoutDraft(layout="workplan")
    draft.goal_list, draft.area_shared, draft.area_across = read_goal_lists(lines)
    partners: dict[int, str] = {}
    anchors = _anchors(lines, heads, partners)
    goals: list[GoalDraft] = []
    region_start = 0
    for k, anchor in enumerate(anchors):
        goal = _goal_head(lines, heads, region_start, anchor, first=k == 0, goal_list=draft.goal_list, marked=marked)
        goal.shared_hints = [partners[anchor]] if anchor in partners else []
        goals.append(goal)
        region_start = _after_plan(lines, heads, anchor, anchors[k + 1] if k + 1 < len(anchors) else len(lines))
    for i, goal in enumerate(goals):
        end = goals[i + 1].start if i + 1 < len(goals) else len(text)
        goal.sections = _sections(lines, heads, goal, end)
    draft.goals = goals
    draft.intro_spans = [(0, goals[0].start)] if goals else [(0, len(text))]
    return draft


def _anchors(lines: list[Line], heads: dict[int, HeadingMatch], partners: dict[int, str]) -> list[int]:
    """Line indexes where a goal's work plan starts. "X vil sammen med Y:" is itself the
    goal's Arbejde med heading; a plan heading with no anchor since the last follow-up
    starts a plan of its own."""
    anchors: list[int] = []
    in_plan = False
    for ln in lines:
        if _LOCAL.match(ln.text) and _plan_follows(lines, heads, ln.index):
            anchors.append(ln.index)
            in_plan = True
            continue
        joint = _JOINT.match(ln.text)
        nxt = next_nonblank(lines, ln.index)
        if joint and nxt is not None and is_bullet(nxt) and ln.index not in heads:
            anchors.append(ln.index)
            partners[ln.index] = joint.group("partner").strip()
            heads[ln.index] = HeadingMatch("arbejde_med", len(ln.text))
            in_plan = True
            continue
        head = heads.get(ln.index)
        if head and head.key in _PLAN_KEYS and not in_plan:
            anchors.append(ln.index)
            in_plan = True
        elif head and head.key == "opfoelgning":
            in_plan = False
    return anchors


def _plan_follows(lines: list[Line], heads: dict[int, HeadingMatch], index: int) -> bool:
    seen = 0
    for ln in lines[index + 1 :]:
        if ln.blank:
            continue
        if ln.index in heads and heads[ln.index].key in _PLAN_KEYS:
            return True
        seen += 1
        if seen >= 2:
            return False
    return False


def _after_plan(lines: list[Line], heads: dict[int, HeadingMatch], anchor: int, limit: int) -> int:
    """The line after the anchor's work-plan and follow-up headings: where the search for the
    next goal's title starts."""
    last = anchor
    for index in sorted(i for i in heads if anchor < i < limit):
        if heads[index].key not in _PLAN_KEYS | {"opfoelgning"}:
            break
        last = index
    return last + 1


def _goal_head(
    lines: list[Line],
    heads: dict[int, HeadingMatch],
    start: int,
    anchor: int,
    first: bool,
    goal_list: list[str],
    marked: set[int] | None = None,
) -> GoalDraft:
    stop = next((i for i in range(start, anchor) if i in heads), anchor)
    own = [ln for ln in lines[start:stop] if _has_own_text(lines, heads, ln, anchor)]
    candidates = [ln for ln in own if ln.index in (marked or ())]
    candidates = candidates or [
        ln
        for ln in lines[start:stop]
        if (looks_like_heading(lines, ln) or NUMBERED_GOAL.match(ln.text)) and _has_own_text(lines, heads, ln, anchor)
    ]
    listed = [ln for ln in candidates if best_match(ln.stripped, goal_list)]
    chosen = (listed or candidates)[-1] if candidates else None
    if chosen is None:
        chosen = next((ln for ln in lines[start:anchor] if not ln.blank), lines[anchor])
    numbered = NUMBERED_GOAL.match(chosen.text)
    title = numbered.group("title") or "" if numbered else chosen.stripped
    goal = GoalDraft(title=clean_title(title), title_span=(chosen.content_start, chosen.end))
    goal.number = int(numbered.group("num")) if numbered else title_number(chosen.text)
    if not first and candidates and candidates[0].index < chosen.index:
        goal.extra_spans.append((candidates[0].content_start, candidates[0].content_start))
    return goal


def _has_own_text(lines: list[Line], heads: dict[int, HeadingMatch], line: Line, anchor: int) -> bool:
    """A title is followed by its own text, not directly by a heading or the work plan."""
    nxt = next_nonblank(lines, line.index)
    return nxt is not None and nxt.index != anchor and nxt.index not in heads and not is_bullet(nxt)


def _sections(lines: list[Line], heads: dict[int, HeadingMatch], goal: GoalDraft, end: int) -> list[SectionSpan]:
    """The untitled text around the title is the background; each heading runs to the next."""
    title_start, title_end = goal.title_span
    indexes = [i for i in sorted(heads) if title_end <= lines[i].start < end]
    first_head = lines[indexes[0]].start if indexes else end
    spans = []
    if goal.start < title_start:
        spans.append(SectionSpan("baggrund_formaal", goal.start, goal.start, title_start))
    spans.append(SectionSpan("baggrund_formaal", title_end, title_end, first_head))
    return spans + spans_under_headings(lines, heads, indexes, end)
