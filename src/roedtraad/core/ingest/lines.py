"""Lines of the artefact-free text with their offsets, and line-shape cues shared by layouts."""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from ..danish import LOWER, UPPER

BULLET = re.compile(r"^\s*(?:[•▪◦·\*\-–]|o(?=\s)|\d{1,2}[.)](?=\s))\s*")
# Words a wrapped line ends with when the sentence goes on (a heading never ends so).
_RUN_ON = {
    "og",
    "i",
    "af",
    "for",
    "med",
    "på",
    "til",
    "at",
    "de",
    "en",
    "et",
    "der",
    "som",
    "om",
    "fra",
    "eller",
    "samt",
    "the",
    "det",
    "den",
    "hvor",
    "mellem",
}
# "Udviklingsmål 3: Titel", "Udviklingsmål nr. 3 – Titel", "Mål 3. Titel"
NUMBERED_GOAL = re.compile(
    rf"^\s*(?:udviklingsmål|mål)\s+(?:nr\.?\s*)?(?P<num>\d{{1,2}})\s*(?:[:.)\-–]\s*(?P<title>[{UPPER}\"'‘’”“].*?))?\s*$",
    re.IGNORECASE,
)

# A printed form's label above each goal's title ("Indsæt overskrift til udviklingsmål nr"):
# the form's field numbers are not printed, and the label's number is not the goal's.
FORM_LABEL = re.compile(r"(?i)^\s*indsæt overskrift (?:til|på) udviklingsmål(?:et)?(?:\s+nr\.?)?\s*\d*\s*:?\s*$")
# A table of contents' heading on a line of its own.
TOC_HEADING = re.compile(r"(?i)^\s*(?:indhold|indholdsfortegnelse)\s*:?\s*$")


@dataclass(frozen=True)
class Line:
    index: int
    start: int  # offset of the first character
    end: int  # offset after the last character (the newline excluded)
    text: str

    @functools.cached_property
    def stripped(self) -> str:
        return self.text.strip()

    @functools.cached_property
    def blank(self) -> bool:
        return not self.stripped

    @functools.cached_property
    def content_start(self) -> int:
        return self.start + (len(self.text) - len(self.text.lstrip()))


def split_lines(text: str) -> list[Line]:
    lines, pos = [], 0
    for i, raw in enumerate(text.split("\n")):
        lines.append(Line(i, pos, pos + len(raw), raw))
        pos += len(raw) + 1
    return lines


def is_bullet(line: Line) -> bool:
    return bool(BULLET.match(line.text)) and not line.blank


def next_nonblank(lines: list[Line], index: int) -> Line | None:
    for line in lines[index + 1 :]:
        if not line.blank:
            return line
    return None


def prev_nonblank(lines: list[Line], index: int) -> Line | None:
    for line in reversed(lines[:index]):
        if not line.blank:
            return line
    return None


def glued(line: Line) -> bool:
    """A heading glued to the previous page's last line comes out as " Heading" (one space)."""
    return line.text.startswith(" ") and not line.text.startswith("  ") and line.text[1:2].isupper()


def looks_like_heading(lines: list[Line], line: Line) -> bool:
    """Line-shape cue for an unnumbered heading: short, capitalised, no sentence end, not a
    bullet, standing alone (after a blank line or glued) and not running on to the next line."""
    s = line.stripped
    if not s or len(s) > 75 or len(s.split()) > 10 or is_bullet(line):
        return False
    if not (s[0].isupper() or s[0] in "\"'‘”“"):
        return False
    if s[-1] in ".,;:!?" or s.split()[-1].lower() in _RUN_ON:
        return False
    if re.search(r"\d{3,}|%|=", s) and not NUMBERED_GOAL.match(s):
        return False
    prev = lines[line.index - 1] if line.index > 0 else None
    if prev is not None and not prev.blank and not glued(line):
        return False
    nxt = lines[line.index + 1] if line.index + 1 < len(lines) else None
    return not (nxt is not None and not nxt.blank and re.match(rf"\s*[{LOWER}]", nxt.text))


# "1) Titel", "2. Titel": a numbered heading line (a numbered list item ends like a sentence).
_PLAIN_NUMBERED = re.compile(
    rf"^(?P<indent>\s*)(?P<num>\d{{1,2}})\s*(?P<mark>[.)])\s+(?P<title>[{UPPER}\"'‘’”“].{{1,100}}?)\s*$"
)
# A table-of-contents entry: dot leaders or a page number at the end.
_TOC_ENTRY = re.compile(r"(?:\.{4,}|…{2,}|\s{3,})\s*\d{1,3}\s*$")


def titled_openings(lines: list[Line], heads: dict) -> dict[int, int]:
    """Line index → goal number of numbered goal headings that carry their title
    ("Udviklingsmål 2: Titel", "Mål 2 – Titel", "1) Titel"): the heading stands alone, is not a
    table-of-contents entry, and a section heading follows within a few lines. Plain "N) Titel"
    headings count only as a run numbered 1, 2, 3, … so a numbered list is not read as goals."""
    found: dict[int, int] = {}
    plain: dict[int, int] = {}
    for ln in lines:
        if ln.blank or len(ln.stripped) > 120 or _TOC_ENTRY.search(ln.text) or ln.index in heads:
            continue
        m = NUMBERED_GOAL.match(ln.text)
        if m and m.group("title") and section_follows(lines, heads, ln.index):
            found[ln.index] = int(m.group("num"))
            continue
        p = _PLAIN_NUMBERED.match(ln.text)
        if p and not re.search(r"[.:;,]$", ln.stripped) and section_follows(lines, heads, ln.index):
            plain[ln.index] = int(p.group("num"))
    plain, run = _goal_run(lines, plain)
    if run:
        found.update(run)
    elif found and plain:
        found.update({i: n for i, n in plain.items() if n not in found.values()})
    return found if len(found) >= 1 else {}


def _goal_run(lines: list[Line], plain: dict[int, int]) -> tuple[dict[int, int], dict[int, int]]:
    """(the plain "N. Titel" lines that are no list items, those that number the goals): goals, not
    a numbered list inside a goal ("1) Jobmesse" / "2) Nyt forløb" under Aktiviteter): a line
    next to the line numbered one before or after it is a list item. The rest number the goals
    when they run 1, 2, 3 …; else the numbering style ("1." or "1)", and its indent) whose
    numbers do."""
    kept: dict[int, int] = {}
    styles: dict[tuple[str, str], dict[int, int]] = {}
    for index, number in plain.items():
        before, after = _neighbour(lines, index, -1), _neighbour(lines, index, 1)
        if (before is not None and plain.get(before) == number - 1) or (
            after is not None and plain.get(after) == number + 1
        ):
            continue
        m = _PLAIN_NUMBERED.match(lines[index].text)
        if m:
            kept[index] = number
            styles.setdefault((m["mark"], m["indent"]), {})[index] = number
    for run in (kept, *styles.values()):
        if len(run) >= (1 if run is kept else 2) and [run[i] for i in sorted(run)] == list(range(1, len(run) + 1)):
            return kept, run
    return kept, {}


def _neighbour(lines: list[Line], index: int, step: int) -> int | None:
    """The next non-blank line before (step -1) or after (step 1) a line."""
    i = index + step
    while 0 <= i < len(lines) and lines[i].blank:
        i += step
    return i if 0 <= i < len(lines) else None


def section_follows(lines: list[Line], heads: dict, index: int, window: int = 4) -> bool:
    seen = 0
    for ln in lines[index + 1 :]:
        if ln.blank:
            continue
        if ln.index in heads:
            return True
        seen += 1
        if seen >= window:
            return False
    return False


def marked_lines(lines: list[Line], starts: frozenset[int]) -> set[int]:
    """Indexes of the lines that hold the start of a heading the source itself marks
    (`SourceText.headings`, offsets into the same text)."""
    if not starts:
        return set()
    ordered = sorted(starts)
    marked = set()
    for ln in lines:
        if ln.blank:
            continue
        first = bisect.bisect_left(ordered, ln.start)  # the first heading start at or after the line's
        if first < len(ordered) and ordered[first] < max(ln.end, ln.start + 1):
            marked.add(ln.index)
    return marked
