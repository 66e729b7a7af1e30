"""Real-shaped Word and PDF files made from a text dump and its gold annotation (test helper,
also used by benchmarks/import.py). Nothing is stored: the files are made at run time.

`blocks` turns a `pdftotext`-like dump into the paragraphs an author wrote: page artefacts
dropped, the lines of a paragraph joined with spaces (a word hyphenated at a line end joined
again), a paragraph that runs on after a blank line (a page break) kept whole, bullets as list
items ("o" is the second level), the gold's goal titles as titles and the template's section
headings as headings. The rules look at the text and the gold titles only, never at what the
parser finds.

* `real_docx`: titles "Heading 1", section headings "Heading 2", items "List Bullet" /
  "List Bullet 2" / "List Number", the rest "Normal"; no empty paragraphs (spacing by style).
  With `table=True` each goal's sections are a two-column table (heading cell | text cell).
  "label" blocks (other headings: "Indledning", a document's title) are "Heading 1" too.
  `styled=False` writes every heading as a bold "Normal" paragraph instead.
* PDF files: see `pdfgen`.
"""

from __future__ import annotations

import difflib
import io
import re
from dataclasses import dataclass

FIELD_LINE = re.compile(r"^\t(?P<name>[^\n]*?): (?P<value>[^\n]*)$")
PAGE_NUMBER = re.compile(r"^\s*(?:Side \d+ af \d+|\d{1,3})\s*$")
BULLET = re.compile(r"^\s*(?P<mark>[•▪·*\-–]|o(?=\s))\s+")
NUMBERED = re.compile(r"^\s*(?P<num>\d{1,2})[.)]\s+(?=\S)")
GLUED = re.compile(r"^ [A-ZÆØÅ]")  # pdftotext's shape of a heading glued to the line before
TOC = re.compile(r"\.{4,}|…{2,}")
SECTION_HEADING = re.compile(
    r"^\s*(?:lokal |fælles |fælles ramme for )?(?:baggrund og formål|det politiske og strategiske afsæt|"
    r"udviklingsmål(?:et)?|forvent\w* virkning\w* for borger\w*|tidsperspektiv|aktiviteter(?:/opgaver)?|"
    r"opfølgning(?: på udviklingsmålet(?: og virkning)?)?|arbejde med|arbejde hen imod|samarbejde med|"
    r"arbejdet foregår på baggrund af)(?:\s[^.:\n]{1,30})?\s*:?\s*$",
    re.IGNORECASE,
)
SHORT = 60  # a line this short ends its paragraph when the next one starts a sentence
_NOT_HYPHENATED = {"og", "eller", "til", "samt", "som"}


@dataclass
class Block:
    kind: str  # "title" | "heading" | "label" | "item" | "number" | "text" | "field"
    text: str
    level: int = 1


def split_form(text: str) -> tuple[str, list[tuple[str, str]]]:
    """The page text before a form dump's first field line, and the (name, value) fields."""
    lines = text.split("\n")
    first = next((i for i, line in enumerate(lines) if FIELD_LINE.match(line)), len(lines))
    fields = [(m["name"], m["value"]) for line in lines[first:] if (m := FIELD_LINE.match(line))]
    return "\n".join(lines[:first]), fields


def _norm(s: str) -> str:
    s = re.sub(r"^\s*(udviklingsmål\s*)?\d+\s*[).:]\s*", "", s.lower())
    return " ".join(re.sub(r"[^\wæøå ]+", " ", s).split())


def title_lines(lines: list[str], titles: list[str]) -> dict[int, int]:
    """Where the gold titles are, in order (first line index → number of lines): a whole line
    like the title (0.8 similarity, a "Mål 2 –" prefix allowed), or two lines when the title
    wraps; not a bullet, list entry or contents line."""
    found: dict[int, int] = {}
    start = 0
    for title in titles:
        want = _norm(title)
        for i in range(start, len(lines)):
            line = lines[i].strip()
            if not line or BULLET.match(line) or TOC.search(line) or line.endswith("."):
                continue
            one = _likeness(line, want)
            if one >= 0.8:
                two = _likeness(f"{line} {lines[i + 1].strip()}", want) if i + 1 < len(lines) else 0.0
                found[i] = 2 if two > one else 1
                start = i + found[i]
                break
    return found


def _likeness(line: str, want: str) -> float:
    got = _norm(re.sub(r"^(?:udviklingsmål|mål)\s+\d+\s*[:.)\-–]\s*", "", line, flags=re.I))
    return difflib.SequenceMatcher(None, got, want).ratio()


def join(a: str, b: str) -> str:
    """Two pieces of a paragraph joined; a word hyphenated at the end of `a` is made whole."""
    a, b = a.rstrip(), b.strip()
    word = b.split(" ", 1)[0]
    if re.search(r"[^\W\d]-$", a) and word[:1].islower() and word not in _NOT_HYPHENATED:
        return a[:-1] + b
    return f"{a} {b}" if a else b


def blocks(text: str, titles: list[str]) -> list[Block]:
    """The paragraphs of a dump by the rules in the module's docstring."""
    body, fields = split_form(text)
    lines = ["" if PAGE_NUMBER.match(line) else line for line in body.replace("\f", "").split("\n")]
    marked = title_lines(lines, titles)
    for i, count in marked.items():
        lines[i : i + count] = [" ".join(x.strip() for x in lines[i : i + count])] + [""] * (count - 1)
    out: list[Block] = []
    current: Block | None = None
    for i, line in enumerate(lines):
        s = line.strip()
        if not s:
            if current and not _runs_on(current, lines, i):
                current = None
            continue
        if i in marked or SECTION_HEADING.match(s):
            out.append(Block("title" if i in marked else "heading", s))
            current = None
        elif BULLET.match(line) or (NUMBERED.match(line) and not s.endswith(":")):
            bullet = BULLET.match(line)
            kind, level = ("item", 2 if bullet["mark"] == "o" else 1) if bullet else ("number", 1)
            current = Block(kind, (BULLET if bullet else NUMBERED).sub("", line).strip(), level)
            out.append(current)
        elif _is_label(lines, i):
            out.append(Block("label", s))
            current = None
        elif current is None or GLUED.match(line) or _broken(lines[i - 1], s):
            current = Block("text", s)
            out.append(current)
        else:
            current.text = join(current.text, s)
    return out + [Block("field", f"\t{name}: {value}") for name, value in fields]


def _is_label(lines: list[str], i: int) -> bool:
    """Any other heading: a short capitalised line standing alone after a blank line (or glued),
    with no sentence end, followed by a blank line or a capitalised line."""
    s = lines[i].strip()
    alone = i == 0 or not lines[i - 1].strip() or GLUED.match(lines[i])
    nxt = lines[i + 1].strip() if i + 1 < len(lines) else ""
    shaped = len(s) <= SHORT and s[0].isupper() and not s.endswith((".", ",", ";", ":")) and " vil vi" not in s
    return bool(alone and shaped and (not nxt or nxt[0].isupper()) and not TOC.search(s))


def _broken(before: str, line: str) -> bool:
    """The author broke the line: the one before is short and this one starts in upper case."""
    return len(before.strip()) <= SHORT and not before.rstrip().endswith("-") and line[0].isupper()


def _runs_on(block: Block, lines: list[str], blank: int) -> bool:
    """A paragraph goes on after blank lines when it has no sentence end and the next line
    starts in lower case (a page break or a stray empty line in the middle of a sentence)."""
    nxt = next((line for line in lines[blank + 1 :] if line.strip()), "")
    if block.kind not in {"text", "item", "number"} or block.text.endswith((".", ":", "!", "?")):
        return False
    return bool(nxt) and not BULLET.match(nxt) and nxt.strip()[0].islower()


# --- DOCX ------------------------------------------------------------------------------------

_STYLES = {
    "title": "Heading 1",
    "heading": "Heading 2",
    "label": "Heading 1",
    "number": "List Number",
    "text": "Normal",
    "field": "Normal",
}
_HEADINGS = {"title", "heading", "label"}


def _style(block: Block, styled: bool = True) -> str:
    if block.kind in _HEADINGS and not styled:
        return "Normal"
    if block.kind == "item":
        return "List Bullet 2" if block.level == 2 else "List Bullet"
    return _STYLES[block.kind]


def real_docx(text: str, titles: list[str], *, table: bool = False, styled: bool = True) -> bytes:
    """`styled=False`: headings as bold "Normal" paragraphs, as many authors write them."""
    from docx import Document

    document = Document()
    parts = blocks(text, titles)
    i = 0
    while i < len(parts):
        block = parts[i]
        if table and block.kind == "heading" and _in_goal(parts, i):
            i = _section_table(document, parts, i)
            continue
        paragraph = document.add_paragraph(style=_style(block, styled))
        paragraph.add_run(block.text).bold = block.kind in _HEADINGS or None
        i += 1
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _in_goal(parts: list[Block], index: int) -> bool:
    return any(b.kind == "title" for b in parts[:index])


def _section_table(document, parts: list[Block], start: int) -> int:
    """A two-column table of the section headings from `start` and their text, up to the next
    title; returns the index after it."""
    end = next((j for j in range(start, len(parts)) if parts[j].kind in {"title", "field"}), len(parts))
    table = document.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    row = None
    for block in parts[start:end]:
        if block.kind == "heading":
            row = table.add_row().cells
            row[0].paragraphs[0].add_run(block.text).bold = True
            continue
        cell = row[1]
        first = cell.paragraphs[0]
        paragraph = first if not first.text and len(cell.paragraphs) == 1 else cell.add_paragraph()
        paragraph.style = document.styles[_style(block)]
        paragraph.add_run(block.text)
    return end
