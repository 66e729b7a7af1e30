"""A document's own list of its goals in the introduction ("På tværs af X har vi i 2023
følgende udviklingsmål: • …", "… har følgende indsatsområder: 1. …"), used to confirm goal
headings and to learn which goals are common to a whole area."""

from __future__ import annotations

import difflib
import re

from ...danish import join_lines, normalise_name
from ..lines import BULLET, Line

_LIST_INTRO = re.compile(
    r"(?i)\bfølgende\s+(?:[\wæøå]+\s+){0,2}(?:udviklingsmål|mål|indsatsområder|indsatser)\b[^.]*?:?\s*$"
)
# "På tværs af X har vi …", "På X-området har vi … følgende fælles udviklingsmål": goals common to an area.
_AREA = re.compile(r"(?i)^\s*på\s+(?P<across>tværs\s+af\s+)?(?P<area>.+?)\s+(?:har vi|er der|vil vi)\b")


def read_goal_lists(lines: list[Line]) -> tuple[list[str], dict[str, str], set[str]]:
    """(goal names listed, goal name -> area for goals listed as common to a whole area, the
    goals listed "på tværs af" an area: cross-cutting goals, shared with the area even when
    they name partners of their own; a goal listed as "fælles" on an area is shared with the
    area only when it names no partner)."""
    names: list[str] = []
    areas: dict[str, str] = {}
    across: set[str] = set()
    i = 0
    while i < len(lines):
        paragraph, last = _paragraph(lines, i)
        if paragraph and _LIST_INTRO.search(paragraph):
            items, i = _items(lines, last + 1)
            names += items
            area = _AREA.match(paragraph)
            if area and not (area["across"] or re.search(r"(?i)\bfælles\b|tværgående", paragraph)):
                area = None
            for item in items if area else []:
                assert area is not None
                areas[item] = join_lines(area.group("area"))
                if area["across"]:
                    across.add(item)
            continue
        i = last + 1
    return names, areas, across


def _paragraph(lines: list[Line], i: int) -> tuple[str, int]:
    """Non-bullet lines from i up to a blank line or bullet, joined; and the last index."""
    parts, j = [], i
    while j < len(lines) and not lines[j].blank and not BULLET.match(lines[j].text):
        parts.append(lines[j].text)
        j += 1
    return join_lines("\n".join(parts)), max(i, j - 1) if parts else i


def _items(lines: list[Line], i: int) -> tuple[list[str], int]:
    items = []
    while i < len(lines):
        ln = lines[i]
        if ln.blank:
            i += 1
            continue
        m = BULLET.match(ln.text)
        if not m:
            break
        item = ln.text[m.end() :].strip().rstrip(".").strip()
        if item and len(item) <= 100:
            items.append(item)
        i += 1
    return items, i


def best_match(name: str, listed: list[str], threshold: float = 0.8) -> str | None:
    """The listed goal name that `name` is (normalised similarity ≥ threshold), or None."""
    key = normalise_name(name)
    best, score = None, threshold
    for item in listed:
        matcher = difflib.SequenceMatcher(None, key, normalise_name(item))
        if matcher.real_quick_ratio() < score or matcher.quick_ratio() < score:
            continue  # both are upper bounds of ratio()
        ratio = matcher.ratio()
        if ratio >= score:
            best, score = item, ratio
    return best
