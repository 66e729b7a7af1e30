"""The items of a list section as the author wrote them: a bullet ("•", "o", "-", "–", "*",
"▪") or a number ("1.", "2)") starts an item, and the lines after it belong to it until the next
one (a PDF or Word table wraps an item's text over several lines). A section without bullets is
one item per paragraph. A lead-in line ending in ":" ("Lokalt i … vil vi:") is not an item.

A table of three or more columns is an item per row, its cells joined by `CELL` (" – "); when
its first row names the columns, each later cell stands under its column's name and the owner's
column comes last ("Jobmesse – Frist: 1. april 2025 – ansvarlig: Karina Dahl"), as the activity
readers expect it. Both readers lay tables out so (`docxtext`, `pdftext`); `list_items` leaves a
PDF table's header row (a paragraph of its own there) out of the items.
"""

from __future__ import annotations

import re

CELL = " – "
_OWNER_HEADER = re.compile(r"(?i)^(?:ansvarlig|ansvar|tovholder|ejer|udføres af)\b")
BULLET = re.compile(r"^\s*(?:[•●▪◦■□➢►✓*\-–]|o(?=\s)|\d{1,2}[.)](?=\s))\s*")


def list_items(text: str) -> list[str]:
    lines = [line.rstrip() for line in (text or "").splitlines()]
    if not any(BULLET.match(line) and line.strip() for line in lines):
        return _table_rows(_paragraphs(lines))
    items: list[list[str]] = []
    for line in lines:
        if not line.strip():
            continue
        if BULLET.match(line):
            items.append([BULLET.sub("", line, count=1).strip()])
        elif items:
            items[-1].append(line.strip())
    return [text for text in (" ".join(" ".join(item).split()) for item in items) if text]


def _paragraphs(lines: list[str]) -> list[str]:
    paragraphs, current = [], []
    for line in [*lines, ""]:
        if line.strip():
            current.append(line.strip())
        elif current:
            paragraphs.append(" ".join(" ".join(current).split()))
            current = []
    return [p for p in paragraphs if not p.endswith(":")]


def is_header_row(cells: list[str]) -> bool:
    """A table's first row names its columns: three or more short cells, none a figure or a date
    (a year may name a column: "Mål 2025")."""
    return len(cells) >= 3 and all(
        cell and len(cell) <= 40 and not re.search(r"\d", re.sub(r"\b20\d\d\b", "", cell)) for cell in cells
    )


def row_item(cells: list[str], header: list[str] | None = None) -> str:
    """One table row as one item's text: cells after the first under their column's name, the
    owner's column last and as "ansvarlig: …"; without a header, the cells in order."""
    if header is not None and len(header) != len(cells):
        header = None  # a row with more or fewer cells than the header: its cells in order, none lost
    named = list(zip(header or [""] * len(cells), cells, strict=True))
    owners = [cell for cell in named[1:] if cell[0] and _OWNER_HEADER.match(cell[0])]
    ordered = [named[0], *(cell for cell in named[1:] if cell not in owners), *owners]
    parts = [ordered[0][1]] + [
        ("ansvarlig: " if cell in owners else f"{cell[0]}: " if cell[0] else "") + cell[1]
        for cell in ordered[1:]
        if cell[1]
    ]
    return CELL.join(part for part in parts if part)


def _table_rows(items: list[str]) -> list[str]:
    """Items that are a table's rows (a PDF's, each a paragraph, its cells already named by the
    reader): the header row is no item; other items as they are."""
    cells = items[0].split(CELL) if items else []
    if not is_header_row(cells) or not any(len(item.split(CELL)) == len(cells) for item in items[1:]):
        return items  # a paragraph with dashes ("Vi vil – sammen med LMU – …") is no header
    return items[1:]
