"""Text as written, not as wrapped: the line breaks a page or a text dump put inside a
paragraph are undone, the author's are kept.

A text dump (`pdftotext`, a PDF's text layer) breaks every paragraph at the page's width. A
break is the page's when the line before it runs (nearly) to the paragraph's widest line, ends
on a hyphen, a comma or a word a sentence goes on after ("og", "i", "til" …), or when the next
line goes on in lower case; it is the author's before a list item (a bullet or "1."), after a
lead-in ending in ":" and after a short line (a list without bullets, "Vej og Park = 3,1 %").
Each list item's own wrapped lines are joined to the item. A paragraph cut in two by a page
break (a blank line left by a removed page number) is joined when it stops mid-sentence and
the next goes on in lower case. Word documents are not reflowed: a line there is a paragraph.
"""

from __future__ import annotations

import re

from ..danish import LOWER
from .lines import BULLET

_HYPHEN_END = re.compile(rf"[{LOWER}]-$")
_KEPT_HYPHEN = re.compile(r"^(?:og|eller|til)\b")
_RUN_ON = re.compile(
    r"(?i)(?:,|\b(?:og|i|af|for|med|på|til|at|de|en|et|der|som|om|fra|eller|samt|det|den|hvor|mellem|ved|efter|"
    r"under|over|inden|mod|så|men|end|har|er|vil|skal|kan))$"
)
_SENTENCE_END = re.compile(r"[.!?:;]$|[.!?][\"'”)]$")
_FULL = 0.72  # a line this share of the paragraph's widest line or more runs to the margin
_MIN_WIDTH = 40  # paragraphs of shorter lines are lists or headings: nothing is joined


def reflow(text: str) -> str:
    """The text with its paragraphs on one line each and its list items one to a line;
    paragraphs stay separated by a blank line."""
    if "\n" not in text:
        return text
    paragraphs: list[list[str]] = []
    current: list[str] = []
    for line in text.split("\n"):
        if line.strip():
            current.append(line.strip())
        elif current:
            paragraphs.append(current)
            current = []
    if current:
        paragraphs.append(current)
    joined = [_paragraph(lines) for lines in paragraphs]
    out: list[str] = []
    for paragraph in joined:
        if out and _goes_on(out[-1], paragraph):
            out[-1] = _join(out[-1], paragraph)
        else:
            out.append(paragraph)
    return "\n\n".join(out)


def _paragraph(lines: list[str]) -> str:
    width = max(len(line) for line in lines)
    rows: list[str] = [lines[0]]
    for previous, line in zip(lines, lines[1:], strict=False):
        if _page_break(previous, line, width):
            rows[-1] = _join(rows[-1], line)
        else:
            rows.append(line)
    return "\n".join(rows)


def _page_break(previous: str, line: str, width: int) -> bool:
    """Whether the break between two lines of one paragraph is the page's."""
    if BULLET.match(line) or previous.endswith(":"):
        return False
    if line[:1].islower() or _HYPHEN_END.search(previous):
        return True
    if width < _MIN_WIDTH:
        return False
    if _RUN_ON.search(previous):
        return True
    if len(previous) < _FULL * width:  # a short line ends where the author ended it
        return False
    return not _SENTENCE_END.search(previous) or (len(line) >= 0.5 * width and not BULLET.match(previous))


def _goes_on(before: str, paragraph: str) -> bool:
    last = before.rsplit("\n", 1)[-1]
    return bool(paragraph[:1].islower()) and not _SENTENCE_END.search(last) and not BULLET.match(paragraph)


def _join(before: str, after: str) -> str:
    if _HYPHEN_END.search(before) and not _KEPT_HYPHEN.match(after) and after[:1].islower():
        return before[:-1] + after
    return f"{before} {after}"
