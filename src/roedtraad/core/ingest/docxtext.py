"""The DOCX reader's text: paragraphs, list items, headings and tables of a Word document in
body order (python-docx), shaped like `pdftotext` output."""

from __future__ import annotations

import io
import re

from .items import CELL, is_header_row, row_item
from .model import Heading

_HEADING_STYLE = re.compile(r"^(?:heading|overskrift)\s*([1-9])$", re.I)
_TITLE_STYLES = {"title", "titel"}
_BULLETS = ("•", "o", "▪")
_W = (
    "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"  # Word's default bullets of list levels 1, 2 and 3
)


def docx_text(data: bytes) -> tuple[str, list[Heading], list[str]]:
    """Paragraphs and tables in body order, a paragraph to a line; table cells one per line;
    list items with Word's bullet of their level ("• ", "o ", "▪ ") or their number ("1. ");
    heading styles (Heading/Overskrift 1-9, Title) and short paragraphs set all in bold
    recorded as `Heading`s. Empty paragraphs are kept as blank lines; a document without any
    (spacing set by styles) gets a blank line between paragraphs, except between list items,
    as `pdftotext` marks paragraphs; a heading always stands after a blank line. The third
    value is the text of the header and footer parts, a line each. Raises whatever python-docx
    raises for a damaged package."""
    from docx import Document

    try:
        document = Document(io.BytesIO(data))
        blocks = _numbered(list(_docx_blocks(document)))
        running = _running(document)
    finally:
        _STYLE_NAMES.clear()
    spaced = not any(kind == "empty" for _, kind, _ in blocks)
    parts: list[str] = []
    headings: list[Heading] = []
    pos, previous = 0, ""
    for text, kind, level in blocks:
        gap = (spaced and not (kind == previous == "item")) or (kind == "heading" and previous != "empty")
        separator = "" if not parts else ("\n\n" if gap else "\n")
        pos += len(separator)
        if kind == "heading":
            headings.append(Heading(pos, pos + len(text), level))
        parts.append(separator + text)
        pos += len(text)
        previous = kind
    return "".join(parts) + "\n", headings, running


def _running(document) -> list[str]:
    """The lines of the sections' own headers and footers (first-page ones included), each once."""
    found: dict[str, None] = {}
    for section in document.sections:
        for part in (section.first_page_header, section.header, section.footer, section.first_page_footer):
            if part.is_linked_to_previous:  # no definition of its own (reading it would add one)
                continue
            for paragraph in part.paragraphs:
                for line in paragraph.text.split("\n"):
                    if line.strip():
                        found.setdefault(" ".join(line.split()), None)
    return list(found)


def _numbered(blocks: list[tuple[str, str, int]]) -> list[tuple[str, str, int]]:
    """Numbered list items ("\x00" in front, see `_classify`) numbered 1, 2, … per run of
    items and list level."""
    out: list[tuple[str, str, int]] = []
    counters: dict[int, int] = {}
    for text, kind, level in blocks:
        if kind != "item":
            counters = {}
        elif text.startswith("\x00"):
            depth = level
            counters = {d: n for d, n in counters.items() if d <= depth}
            counters[depth] = counters.get(depth, 0) + 1
            text = f"{counters[depth]}. {text[1:]}"
        out.append((text, kind, level))
    return out


def _docx_blocks(container, seen: set | None = None):
    """(text, kind, heading level) of the container's paragraphs and table cells in order;
    kind is "heading", "item", "text" or "empty"."""
    from docx.table import Table

    seen = set() if seen is None else seen
    for block in container.iter_inner_content():
        if isinstance(block, Table):
            rows = _row_items(block)
            if rows is not None:
                yield from rows
                continue
            for row in block.rows:
                for cell in row.cells:
                    if cell._tc not in seen:  # a merged cell repeats in every row it spans
                        seen.add(cell._tc)  # the element itself: an id() of a freed lxml proxy is reused
                        yield from _docx_blocks(cell, seen)
            continue
        text = block.text.rstrip().lstrip(" \u00a0")  # a leading tab is kept (form dumps)
        yield _classify(block, text) if text else ("", "empty", 0)


def _row_items(table) -> list[tuple[str, str, int]] | None:
    """A table of three or more columns (activities with owner and deadline) as one list item per
    row (`items.row_item`); two columns stay a cell to a line, the section layout's label | text
    table: None for those."""
    try:
        grid = [_row_texts(row) for row in table.rows]
    except (IndexError, ValueError):  # a malformed grid python-docx cannot lay out
        return None
    if not grid or max(len(r) for r in grid) < 3 or any(cell.tables for row in table.rows for cell in row.cells):
        return None  # two columns, or a table inside a cell: a cell to a line, as before
    header = grid[0] if is_header_row(grid[0]) and len(grid) > 1 else None
    rows = grid[1:] if header else grid
    # the header row stays as a line of its own (an item list leaves a line before its first item out)
    head = [(CELL.join(header), "text", 0)] if header else []
    return head + [("• " + row_item(row, header), "item", 1) for row in rows if any(row)]


def _row_texts(row) -> list[str]:
    """A row's cell texts, a cell merged across columns once (python-docx repeats it); a cell
    merged down over rows stays in each row, where it belongs to every one."""
    seen: set = set()
    texts = []
    for cell in row.cells:
        if cell._tc not in seen:
            seen.add(cell._tc)
            texts.append(" ".join(cell.text.split()))
    return texts


_STYLE_NAMES: dict[tuple[int, str], set[str]] = {}


def _style_names(paragraph) -> set[str]:
    """The paragraph style's id and name, lower case (looked up once per document and style:
    python-docx's `paragraph.style` searches all styles each time)."""
    style_id = paragraph._p.style or ""
    key = (id(paragraph.part), style_id)
    if key not in _STYLE_NAMES:
        style = paragraph.style
        _STYLE_NAMES[key] = {(style.name or "").lower(), (style.style_id or "").lower()} if style else set()
    return _STYLE_NAMES[key]


def _classify(paragraph, text: str) -> tuple[str, str, int]:
    names = _style_names(paragraph)
    if names & _TITLE_STYLES:
        return text, "heading", 1
    for name in names:
        match = _HEADING_STYLE.match(name)
        if match:
            return text, "heading", int(match.group(1))
    if _all_bold(paragraph, text):
        return text, "heading", 3
    p_pr = paragraph._p.pPr
    numbered = p_pr is not None and p_pr.numPr is not None
    if numbered or any(n.startswith(("list", "liste")) for n in names):
        level = _list_level(p_pr, names)
        if _decimal(paragraph, p_pr, names, level):
            return f"\x00{text}", "item", level
        return f"{_BULLETS[min(level, len(_BULLETS)) - 1]} {text}", "item", level
    return text, "text", 0


_NUMBER_STYLE = re.compile(r"number|nummer|numbered|tal\b", re.I)
_DECIMAL = {"decimal", "decimalZero", "lowerLetter", "upperLetter", "lowerRoman", "upperRoman"}


def _decimal(paragraph, p_pr, names: set[str], level: int) -> bool:
    """A numbered (not bulleted) list item: a "List Number" style, or a numbering definition
    whose format at the item's level is a number or letter."""
    if any(_NUMBER_STYLE.search(n) for n in names):
        return True
    num_pr = p_pr.numPr if p_pr is not None else None
    if num_pr is None or num_pr.numId is None:
        return False
    try:
        numbering = paragraph.part.numbering_part.element
    except (KeyError, NotImplementedError, AttributeError):
        return False
    num = numbering.find(f"{_W}num[@{_W}numId='{num_pr.numId.val}']")
    abstract = num.find(f"{_W}abstractNumId") if num is not None else None
    if abstract is None:
        return False
    path = (
        f"{_W}abstractNum[@{_W}abstractNumId='{abstract.get(_W + 'val')}']/{_W}lvl[@{_W}ilvl='{level - 1}']/{_W}numFmt"
    )
    fmt = numbering.find(path)
    return fmt is not None and fmt.get(_W + "val") in _DECIMAL


def _all_bold(paragraph, text: str) -> bool:
    """A short paragraph set in bold throughout (direct formatting), without a sentence end: a
    heading written without a heading style."""
    if len(text) > 150 or text.endswith((".", ",", ";")):
        return False
    runs = [r for r in paragraph._p.iter(_W + "r") if "".join(t.text or "" for t in r.iter(_W + "t")).strip()]
    return bool(runs) and all(_bold(r) for r in runs)


def _bold(run) -> bool:
    b = run.find(f"{_W}rPr/{_W}b")
    return b is not None and b.get(_W + "val", "true") not in {"false", "0", "off"}


def _list_level(p_pr, names: set[str]) -> int:
    """1 for a top-level item: the paragraph's own numbering level, else the style's number
    ("List Bullet 2")."""
    num_pr = p_pr.numPr if p_pr is not None else None
    if num_pr is not None and num_pr.ilvl is not None and num_pr.ilvl.val is not None:
        return int(num_pr.ilvl.val) + 1
    digits = [int(m.group(1)) for n in names if (m := re.search(r"(\d)$", n))]
    return max(digits, default=1)
