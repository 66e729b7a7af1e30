"""A PDF's text layer through pdfium, shaped like `pdftotext` output, with the headings its
fonts show.

Each page's lines are read with the position, size and weight of their first and last
characters. An empty line marks a paragraph break where the vertical gap to the previous line
is well over the page's usual line spacing (that of its closest lines). A line set larger than
the document's body text, or bold where the body is not, and short enough to be a heading, is recorded as a `Heading`
(the largest size is level 1); a heading wrapped over several lines is joined into one line,
as a heading written on one line is what the layout parsers expect.
"""

from __future__ import annotations

import ctypes
import functools
import re
from collections import Counter
from dataclasses import dataclass
from typing import cast

from .items import CELL, is_header_row, row_item
from .model import Heading

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufffd\ufffe\uffff]")
_LETTER = re.compile(r"[^\W\d_]")
_PARAGRAPH_GAP = 1.3  # a gap over 1.3 line spacings is a paragraph break (a list item's spacing is less)
_BOLD_NAME = re.compile(r"bold|black|heavy|semibold|demi", re.I)
_FORCE_BOLD = 1 << 18  # PDF font descriptor flag
_COLUMN_GAP = 1.2  # a gap wider than 1.2 line heights (some four spaces) separates columns
_MAX_HEADING = 160  # characters of a heading (joined lines included)
_LIST_MARK = re.compile(r"[•▪◦·\-–o*]|\(?\w{1,3}[.)]?")
_MARKER = re.compile(r"[•▪◦·\-–o*]|\(?\w{1,3}[.)]")  # a list item's bullet or number


@dataclass
class PdfLine:
    text: str
    bottom: float | None = None  # None for a blank line
    size: float = 0.0
    bold: bool = False
    heading: int = 0  # heading level, 0 for body text
    cells: list[tuple[float, str]] | None = None  # a table row's cells: (left edge, text)
    cell_bottoms: list[float] | None = None  # the bottom of each cell's lowest line so far
    left: float = 0.0  # the first character's left edge


def page_lines(textpage) -> list[PdfLine]:
    """The page's lines with the font of their first and last characters (a line counts as
    bold or large only when both are)."""
    raw_text = textpage.get_text_range()
    lines = []
    for match in _LINE.finditer(raw_text):
        line = match.group().rstrip("\r\n")
        if not line.strip():
            lines.append(PdfLine(line))
            continue
        start = match.start()
        pieces = _columns(textpage, line, start)
        boxes = [textpage.get_charbox(start + a, loose=True)[:2] for a, _b in pieces]
        if lines and lines[-1].cells and _under_row(lines[-1], boxes):
            _wrap_into_row(lines[-1], boxes, [line[a:b].strip() for a, b in pieces])
            continue
        if len(pieces) >= 3 and not any(_LIST_MARK.fullmatch(line[a:b].strip()) for a, b in pieces):
            _add_row(lines, textpage, raw_text, start, pieces)
            continue
        for cut_a, cut_b in pieces:
            lines.append(_line(textpage, raw_text, start + cut_a, start + cut_b))
    return _label_rows(_cell_rows(lines))


def _label_rows(lines: list[PdfLine]) -> list[PdfLine]:
    """A table's rows under its header row: each cell named by its column (`items.row_item`), as
    the Word reader writes them; the header row stays a line of its own."""
    header: list[str] | None = None
    first = True  # the next row is a table's first, the only one that can name the columns
    for line in lines:
        if line.cells is None:
            if line.bottom is not None and line.text.strip():
                header, first = None, True  # text outside the table ends it
            continue
        texts = [text for _x, text in line.cells]
        if first and is_header_row(texts):
            header = texts
        elif header is not None and len(texts) == len(header):
            line.text = row_item(texts, header)
        first = False
    return lines


def _cell_rows(lines: list[PdfLine]) -> list[PdfLine]:
    """Table rows whose cells the page draws one after another (each cell's wrapped lines, then
    the next cell's, back up at the row's top): three or more such cells side by side are one
    row line, as `_add_row` makes of cells on one baseline."""
    out: list[PdfLine] = []
    i = 0
    while i < len(lines):
        found = _row_at(lines, i)
        if found is None:
            out.append(lines[i])
            i += 1
            continue
        cells, i = found
        first = cells[0][0]
        texts = [" ".join(ln.text.strip() for ln in cell) for cell in cells]
        row = PdfLine(CELL.join(texts), min(c[-1].bottom or 0.0 for c in cells), first.size, left=first.left)
        row.cells = [(cell[0].left, text) for cell, text in zip(cells, texts, strict=True)]
        row.cell_bottoms = [cast(float, cell[-1].bottom) for cell in cells]
        out.append(row)
    return out


def _row_at(lines: list[PdfLine], i: int) -> tuple[list[list[PdfLine]], int] | None:
    """The cells of a row that starts at line `i` and the index after it, or None. A cell is a
    line and the lines wrapped under it; the next cell starts to its right, within the row's
    height (cells set at the top, middle or bottom of a row)."""
    if lines[i].bottom is None or lines[i].cells:
        return None
    cells: list[list[PdfLine]] = []
    j = i
    while j < len(lines) and _next_cell(cells, lines[j]):
        cell = [lines[j]]
        j += 1
        while j < len(lines) and _wraps_on(cell[-1], lines[j]) and _same_font(lines[j], cell[0]):
            cell.append(lines[j])
            j += 1
        if all(_LIST_MARK.fullmatch(ln.text.strip()) for ln in cell):
            return None  # a list's bullets or numbers drawn apart from their items: a list, not a row
        cells.append(cell)
    return (cells, j) if len(cells) >= 3 else None


def _same_font(line: PdfLine, other: PdfLine) -> bool:
    """Cells of one table share a font size, and a bold line (a heading above the table) is no
    cell of a row set in regular type."""
    return abs(line.size - other.size) <= 0.5 and line.bold <= other.bold


def _next_cell(cells: list[list[PdfLine]], line: PdfLine) -> bool:
    """`line` starts the row's first cell, or a next one: to the right of the cell before, not
    below the row's lowest line, and at most a few lines above its highest."""
    if line.bottom is None or line.cells:
        return False
    if not cells:
        return True
    if not _same_font(line, cells[0][0]):
        return False
    bottoms = [cast(float, ln.bottom) for cell in cells for ln in cell]
    reach = 6 * max(line.size, 1.0)  # a taller cell set at the bottom starts some lines higher
    return line.left > cells[-1][0].left + 5 and min(bottoms) - 1 <= line.bottom <= max(bottoms) + reach


def _wraps_on(line: PdfLine, below: PdfLine, any_left: bool = False) -> bool:
    """`below` is the next line of the same cell: right under it, at the same left edge (or, with
    `any_left`, anywhere across: a row under a cell's first lines)."""
    if line.bottom is None or below.bottom is None or (below.cells and not any_left):
        return False
    close = 0 < line.bottom - below.bottom <= 1.5 * max(line.size, 1.0)
    return close and (any_left or abs(below.left - line.left) < 2)


def _add_row(lines: list[PdfLine], textpage, raw_text: str, start: int, pieces: list[tuple[int, int]]) -> None:
    """A table row of three or more cells on one baseline as one line, cells joined by `CELL`."""
    boxes = [textpage.get_charbox(start + a, loose=True)[:2] for a, _b in pieces]
    row = _line(textpage, raw_text, start + pieces[0][0], start + pieces[-1][1])
    row.cells = [
        (left, raw_text[start + a : start + b].strip()) for (left, _), (a, b) in zip(boxes, pieces, strict=True)
    ]
    row.cell_bottoms = [bottom for _left, bottom in boxes]
    _take_lines_above(lines, row)
    row.text = CELL.join(text for _x, text in row.cells if text)
    lines.append(row)


def _under_row(row: PdfLine, boxes: list[tuple[float, float]]) -> bool:
    """Every piece of a line stands right under one of the row's cells: at its left edge, a
    line's spacing below that cell's lowest line (a cell's text wrapped). Text in every column
    is the next row: a table without padding has its rows a line apart."""
    if len(boxes) >= 3 and len(boxes) == len(row.cells or []):
        return False
    return all(
        (column := _column_of(row, left)) is not None and _just_below(row, column, bottom) for left, bottom in boxes
    )


def _column_of(row: PdfLine, left: float) -> int | None:
    return next((i for i, (x, _t) in enumerate(row.cells or []) if abs(x - left) < 2), None)


def _just_below(row: PdfLine, column: int, bottom: float) -> bool:
    above = (row.cell_bottoms or [])[column]
    return 0 < above - bottom <= 1.5 * max(row.size, 1.0)


def _wrap_into_row(row: PdfLine, boxes: list[tuple[float, float]], texts: list[str]) -> None:
    assert row.cells is not None and row.cell_bottoms is not None
    for (left, bottom), text in zip(boxes, texts, strict=True):
        column = cast(int, _column_of(row, left))
        x, before = row.cells[column]
        row.cells[column] = (x, f"{before} {text}".strip())
        row.cell_bottoms[column] = bottom
    row.bottom = min(row.cell_bottoms)
    row.text = CELL.join(text for _x, text in row.cells if text)


def _take_lines_above(lines: list[PdfLine], row: PdfLine) -> None:
    """A row whose cells sit at its bottom or middle has a wrapped cell's first lines above it:
    lines right above the row, each at the left edge of one of its cells, go into that cell — the
    first cell's only at a cell's own line spacing, tighter than a paragraph before the table."""
    assert row.cells is not None
    below = row
    while (
        lines and lines[-1].cells is None and _same_font(lines[-1], row) and _wraps_on(lines[-1], below, any_left=True)
    ):
        above = lines[-1]
        column = next((i for i, (x, _t) in enumerate(row.cells) if abs(x - above.left) < 2), None)
        tight = cast(float, above.bottom) - cast(float, below.bottom) <= 1.3 * max(above.size, 1.0)
        if column is None or (column == 0 and not tight):
            return
        lines.pop()
        x, text = row.cells[column]
        row.cells[column] = (x, f"{above.text.strip()} {text}")
        below = above


def _line(textpage, raw_text: str, start: int, end: int) -> PdfLine:
    line = raw_text[start:end]
    first = start + len(line) - len(line.lstrip())
    last = start + len(line.rstrip()) - 1
    size_a, bold_a = _font(textpage, first)
    size_b, bold_b = _font(textpage, last) if last != first else (size_a, bold_a)
    left, bottom = textpage.get_charbox(first, loose=True)[:2]
    return PdfLine(line, bottom, min(size_a, size_b), bold_a and bold_b, left=left)


def _columns(textpage, line: str, start: int) -> list[tuple[int, int]]:
    """A line's pieces (offsets into the line) split where a wide horizontal gap separates two
    columns, such as the heading cell and the text cell of a table row on the same baseline
    (not the gap after a list item's bullet or number)."""
    length = len(line.rstrip())
    count = textpage.count_rects(start, length)
    if count < 2:
        return [(0, length)]
    rects = [textpage.get_rect(i) for i in range(count)]
    cuts = [0]
    for before, after in zip(rects, rects[1:], strict=False):
        height = max(after[3] - after[1], 1.0)
        if after[0] - before[2] > _COLUMN_GAP * height:
            cut = _first_at(textpage, start, length, after[0])
            if not _MARKER.fullmatch(line[cuts[-1] : cut].strip()):
                cuts.append(cut)
    cuts.append(length)
    return [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if b > a]


def _first_at(textpage, start: int, length: int, x: float) -> int:
    """The offset of the line's first character whose box starts at or right of `x`."""
    low, high = 0, length
    while low < high:
        mid = (low + high) // 2
        if textpage.get_charbox(start + mid)[0] < x - 0.5:
            low = mid + 1
        else:
            high = mid
    return low


def _font(textpage, index: int) -> tuple[float, bool]:
    """The character's font size and whether it is bold: by its weight, else by the font's
    flags or name (looked up only when the weight does not say it: most characters' does)."""
    raw = _raw()
    size = round(raw.FPDFText_GetFontSize(textpage.raw, index), 1)
    if raw.FPDFText_GetFontWeight(textpage.raw, index) >= 600:
        return size, True
    flags = ctypes.c_int(0)
    buffer = ctypes.create_string_buffer(128)
    raw.FPDFText_GetFontInfo(textpage.raw, index, buffer, 128, ctypes.byref(flags))
    name = buffer.value.decode("latin-1", "replace")
    return size, bool(flags.value & _FORCE_BOLD) or bool(_BOLD_NAME.search(name))


@functools.cache
def _raw():
    import pypdfium2.raw as raw

    return raw


def drop_running(pages: list[list[PdfLine]]) -> list[str]:
    """Blank out running headers and footers: a page's first or last line that recurs (digits
    aside) on at least three pages and four in five of them (the first page may differ; a
    label at the top of some pages, such as "Udviklingsmål" above each goal, stays). Returns
    the dropped lines' texts, each once, in page order."""
    if len(pages) < 3:
        return []
    edges = [_edge_lines(page) for page in pages]
    counts = Counter(_shape(line.text) for page in edges for line in page)
    least = max(3, 0.8 * (len(pages) - 1))
    dropped: dict[str, None] = {}
    for page in edges:
        for line in page:
            if counts[_shape(line.text)] >= least:
                dropped.setdefault(" ".join(line.text.split()), None)
                line.text, line.bottom = "", None
    return [text for text in dropped if text]


def _edge_lines(page: list[PdfLine]) -> list[PdfLine]:
    """The page's top and bottom line by position (a header drawn first may come first or last
    in the text layer)."""
    text = [line for line in page if line.bottom is not None]
    if not text:
        return []
    edges = [max(text, key=lambda line: cast(float, line.bottom)), min(text, key=lambda line: cast(float, line.bottom))]
    return list({id(line): line for line in edges}.values())


def _shape(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.split()))


def mark_headings(pages: list[list[PdfLine]]) -> None:
    """Set `heading` on the lines whose font stands out from the body text's."""
    counts: Counter = Counter()
    for line in (ln for page in pages for ln in page if ln.bottom is not None):
        counts[(line.size, line.bold)] += len(line.text)
    if not counts:
        return
    body_size, body_bold = counts.most_common(1)[0][0]
    styles = sorted(
        {(ln.size, ln.bold) for page in pages for ln in page if _stands_out(ln, body_size, body_bold)},
        reverse=True,
    )
    for page in pages:
        for line in page:
            if _stands_out(line, body_size, body_bold):
                line.heading = styles.index((line.size, line.bold)) + 1


def _stands_out(line: PdfLine, body_size: float, body_bold: bool) -> bool:
    if line.bottom is None or line.cells or len(line.text.strip()) > _MAX_HEADING or not _LETTER.search(line.text):
        return False  # a table row (a bold header row too) is no heading
    larger = line.size >= body_size * 1.12
    return larger or (line.bold and not body_bold and line.size >= body_size * 0.95)


def page_text(lines: list[PdfLine], offset: int) -> tuple[str, list[Heading]]:
    """The page's text (wrapped headings joined, paragraph breaks as empty lines) and its
    headings, offsets counted from `offset`."""
    lines = _join_headings(lines)
    gaps = [
        a.bottom - b.bottom
        for a, b in zip(lines, lines[1:], strict=False)
        if a.bottom is not None and b.bottom is not None and a.bottom > b.bottom and not (a.heading or b.heading)
    ]
    smallest = min((ln.size for ln in lines if ln.bottom is not None), default=1.0)
    gaps = [gap for gap in gaps if gap >= 0.8 * max(smallest, 1.0)]  # not a superscript's offset
    usual = sorted(gaps)[len(gaps) // 10] if gaps else None
    out: list[str] = []
    headings: list[Heading] = []
    pos = offset
    for i, line in enumerate(lines):
        # a table row is a paragraph of its own (its rows' spacing says nothing of the page's)
        row_edge = i and (line.cells or lines[i - 1].cells) and lines[i - 1].bottom is not None
        if row_edge or (i and usual and _gap(lines[i - 1], line) > _PARAGRAPH_GAP * usual):
            out.append("")
            pos += 1
        # pdfium marks a word hyphenated at the end of a line with U+FFFE and joins the lines.
        text = _CONTROL.sub("", line.text.replace("\ufffe", "-\n"))
        if line.heading and text.strip():
            indent = len(text) - len(text.lstrip())
            headings.append(Heading(pos + indent, pos + len(text.rstrip()), line.heading))
        out.append(text)
        pos += len(text) + 1
    return "\n".join(out), headings


def _gap(before: PdfLine, line: PdfLine) -> float:
    if before.bottom is None or line.bottom is None:
        return 0.0
    return before.bottom - line.bottom


# A line that starts a heading of its own, never a wrapped heading's second line: a goal's number
# ("1. Flere i job", "Mål 2:", "Udviklingsmål nr. 3"), e.g. under a title set in the same font.
_OPENS_HEADING = re.compile(r"(?i)^\s*(?:\d{1,2}[.)]\s|(?:udviklings)?mål\s+(?:nr\.?\s*)?\d|udviklingsmål\s*:)")


def _join_headings(lines: list[PdfLine]) -> list[PdfLine]:
    """A heading wrapped over several lines of the same font, close together, as one line."""
    out: list[PdfLine] = []
    for line in lines:
        prev = out[-1] if out else None
        if (
            prev is not None
            and line.heading
            and prev.heading == line.heading
            and (prev.size, prev.bold) == (line.size, line.bold)
            # a heading line always has a position (see `_stands_out`)
            and cast(float, prev.bottom) - cast(float, line.bottom) < 2 * max(line.size, 1)
            and len(prev.text.strip()) + len(line.text.strip()) < _MAX_HEADING
            and not _OPENS_HEADING.match(line.text)
            and prev.text.rstrip()[-1:] not in ".:!?"
        ):
            prev.text = f"{prev.text.rstrip()} {line.text.strip()}"
            prev.bottom = line.bottom
            continue
        out.append(line)
    return out
