"""Page artefacts of PDF text extraction, found and removed before any layout is read.

What is removed: form feeds, "Side N af M", lone page numbers, running headers and footers (a
page's first or last line recurring, digits aside, on four in five pages), footnote markers
glued to a number ("7 %1") or a word ("borgerne¹", "ventetid2" when a footnote "2 …" follows),
the footnote text they point to, and template pages of empty section headings (a form's blank
pages). The line structure is kept (a removed line leaves an empty
line) so headings and blank-line cues survive. Artefact offsets refer to the source text.
"""

from __future__ import annotations

import re
from collections import Counter

from .headings import is_heading_only_line
from .model import Fragment

_FORM_FEED = re.compile(r"\f")
_PAGE_OF = re.compile(r"(?im)^[ \t]*side[ \t]+\d+[ \t]+af[ \t]+\d+[ \t]*$")
_LONE_NUMBER = re.compile(r"(?m)^[ \t]*\d{1,3}[ \t]*$")
# "7 %1": a footnote digit glued to the unit of a figure.
_FOOTNOTE_MARK = re.compile(r"(?<=\d)([ \t]?(?:%|pct\.))(\d{1,2})(?=[ \t]*$|[ \t]*\n|[ \t]+[a-zæøå])", re.M)


# "borgerne¹", "2025²": superscript digits after a word or number are always a footnote's mark.
_SUPERSCRIPT = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,2}")
# "ventetiden2 er": a digit glued to a word's end, a mark only when a footnote "2 …" follows
# (only the numbers of the footnote lines are looked for: scanning every letter is slow).
_FOOTNOTE_LINE = re.compile(r"(?m)^(\d{1,2})[ \t]+[A-ZÆØÅ]")
_WORD_END = re.compile(r"[a-zæøå]{3}")
_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_PLAIN_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")


def strip_artefacts(text: str) -> tuple[str, list[Fragment]]:
    """The text without page artefacts, and the artefacts (offsets into `text`)."""
    spans: list[tuple[int, int, str]] = []
    spans += [(m.start(), m.end(), "form_feed") for m in _FORM_FEED.finditer(text)]
    spans += [(m.start(), m.end(), "page_number") for m in _PAGE_OF.finditer(text)]
    spans += [(m.start(), m.end(), "page_number") for m in _LONE_NUMBER.finditer(text)]
    marks = [(m.start(2), m.end(2), "footnote_marker") for m in _FOOTNOTE_MARK.finditer(text)]
    if any(digit in text for digit in _SUPERSCRIPTS):
        marks += [
            (m.start(), m.end(), "footnote_marker")
            for m in _SUPERSCRIPT.finditer(text)
            if m.start() and not text[m.start() - 1].isspace() and text[m.start() - 1] not in _SUPERSCRIPTS
        ]
    marks += [mark for mark in _word_marks(text) if _footnote_body(text, text[mark[0] : mark[1]], mark[1])]
    spans += marks
    for start, _end, _kind in marks:
        body = _footnote_body(text, text[start:_end], start)
        if body:
            spans.append((*body, "footnote"))
    spans += _template_pages(text)
    spans += _running_lines(text)
    kept = _merge(spans)
    pieces, artefacts, pos = [], [], 0
    for start, end, kind in kept:
        pieces.append(text[pos:start])
        if text[start:end].strip():
            artefacts.append(Fragment(text=text[start:end], start=start, end=end, kind=kind))
        pos = end
    pieces.append(text[pos:])
    return "".join(pieces), artefacts


def _word_marks(text: str) -> list[tuple[int, int, str]]:
    """Digits glued to the end of a word ("ventetiden2") that some footnote line's number is."""
    found = []
    for number in {m.group(1) for m in _FOOTNOTE_LINE.finditer(text)}:
        for m in re.finditer(rf"(?<!\d){number}(?=[ \t.,;:)]|$)", text, re.M):
            if m.start() >= 3 and _WORD_END.fullmatch(text, m.start() - 3, m.start()):
                found.append((m.start(), m.end(), "footnote_marker"))
    return found


def _running_lines(text: str) -> list[tuple[int, int, str]]:
    """The first and last non-blank line of each page (pages end at form feeds) whose shape
    (digits aside) recurs on at least three pages and four in five of them."""
    if text.count("\f") < 2:
        return []
    edges: list[tuple[int, int, str]] = []
    pos = 0
    for page in text.split("\f"):
        found = [(m.start() + pos, m.end() + pos, m.group(0)) for m in re.finditer(r"(?m)^[^\n]*\S[^\n]*$", page)]
        for start, end, line in {id(x): x for x in (found[:1] + found[-1:])}.values():
            edges.append((start, end, re.sub(r"\d+", "#", " ".join(line.split()))))
        pos += len(page) + 1
    pages = sum(1 for page in text.split("\f") if page.strip())
    counts = Counter(shape for _s, _e, shape in edges)
    least = max(3, 0.8 * (pages - 1))
    return [(s, e, "running") for s, e, shape in edges if counts[shape] >= least and shape.strip("# ") != ""]


def _merge(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Sorted, non-overlapping spans (an overlapped span is dropped, the first one wins)."""
    out: list[tuple[int, int, str]] = []
    for start, end, kind in sorted(spans):
        if start >= end:
            continue
        if out and start < out[-1][1]:
            if end > out[-1][1]:
                out[-1] = (out[-1][0], end, out[-1][2])
            continue
        out.append((start, end, kind))
    return out


def _footnote_body(text: str, number: str, after: int) -> tuple[int, int] | None:
    """The footnote text "N Xxx …" that a marker N points to: a line starting with the number
    within the following lines, running until a sentence end or a blank/indented line."""
    plain = number.translate(_PLAIN_DIGITS)
    marks = re.escape(plain) if plain == number else f"(?:{re.escape(plain)}|{re.escape(number)})"
    pattern = re.compile(rf"(?m)^{marks}[ \t]*(?<=[ \t⁰¹²³⁴⁵⁶⁷⁸⁹])[A-ZÆØÅ][^\n]*")
    match = pattern.search(text, after, min(len(text), after + 4000))
    if not match:
        return None
    end = match.end()
    line = match.group(0)
    while not line.rstrip().endswith(".") and end < len(text):
        nxt = text.find("\n", end + 1)
        nxt = len(text) if nxt < 0 else nxt
        line = text[end + 1 : nxt]
        if not line.strip() or line[:1].isspace() or len(line) > 300:
            break
        end = nxt
    return match.start(), end


def _template_pages(text: str) -> list[tuple[int, int, str]]:
    """Runs of three or more lines that hold nothing but section headings (only blank lines
    between): the empty template pages a PDF form prints before its filled-in fields."""
    spans: list[tuple[int, int, str]] = []
    run: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        stripped = line.strip()
        if not stripped or _LONE_NUMBER.fullmatch(line) or _PAGE_OF.fullmatch(line):
            continue
        if is_heading_only_line(stripped) and not line.startswith("\t"):
            run.append((start, end))
            continue
        if len(run) >= 3:
            spans += [(s, e, "template_heading") for s, e in run]
        run = []
    if len(run) >= 3:
        spans += [(s, e, "template_heading") for s, e in run]
    return spans
