"""A measurement export as a table: a header row and data rows of stripped text cells.

BI exports often start with a title line ("Sygefravær – udtræk 03.02.2023") and an empty line;
the header row is the first row with two or more non-empty cells that is followed by rows of the
same width. Fully empty rows are dropped; every row keeps its line (row) number in the file.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import chain, islice
from typing import NamedTuple

from roedtraad.core.measurements.csvfile import NOT_A_TABLE, csv_rows
from roedtraad.core.measurements.errors import TableError
from roedtraad.core.measurements.xlsxfile import OLE_MAGIC, looks_like_xlsx, xlsx_rows

__all__ = ["Row", "Table", "TableError", "read_table"]

MAX_ROWS = 500_000
_LOOKAHEAD = 40  # rows searched for the header
_FOLLOWERS = 5  # rows after a header candidate that must have its width
_MARKUP = (b"<!doctype", b"<html", b"<table", b"<?xml")


class Row(NamedTuple):
    """A data row. A named tuple, not a dataclass: a file makes 100,000s of them, and a tuple is
    made in a third of a frozen dataclass's time (benchmarks/README.md, follow-up)."""

    line: int  # 1-based line (CSV) or row number (XLSX) in the file
    cells: list[str]

    def cell(self, index: int | None) -> str:
        """The cell at a column index; "" for no column or a short row."""
        if index is None or index >= len(self.cells):
            return ""
        return self.cells[index]


@dataclass(frozen=True)
class Table:
    headers: list[str]
    rows: list[Row]
    dot_decimal: bool = False  # numbers are written with "." as the decimal sign (Excel cells)


def read_table(data: bytes, filename: str, *, max_rows: int = MAX_ROWS) -> Table:
    """A CSV or XLSX file as a table. Raises TableError with a Danish message."""
    if data.startswith(OLE_MAGIC):
        raise TableError(
            "Filen er i det gamle Excel-format (xls) eller beskyttet med adgangskode. "
            "Gem den som xlsx uden adgangskode eller som CSV."
        )
    if looks_like_xlsx(data, filename):
        return build_table(xlsx_rows(data), max_rows=max_rows, dot_decimal=True)
    if data.lstrip()[:20].lower().startswith(_MARKUP):
        raise TableError("Filen er en webside eller XML-fil, ikke CSV eller Excel (xlsx). Gem den som xlsx eller CSV.")
    return build_table(csv_rows(data), max_rows=max_rows)


def build_table(raw: Iterable[tuple[int, list[str]]], *, max_rows: int = MAX_ROWS, dot_decimal: bool = False) -> Table:
    """The table in raw (line, cells) rows: header found, empty rows dropped, rows padded."""
    rows: Iterator[tuple[int, list[str]]] = (row for row in raw if any(row[1]))
    lookahead = list(islice(rows, _LOOKAHEAD))
    if not lookahead:
        raise TableError("Filen har ingen rækker med data.")
    index = header_index([cells for _, cells in lookahead])
    width = trimmed_width(lookahead[index][1])
    headers = lookahead[index][1][:width]
    body: list[Row] = []
    for line, cells in chain(lookahead[index + 1 :], rows):
        if len(body) >= max_rows:
            raise TableError(f"Filen har over {_danish_int(max_rows)} rækker.")
        body.append(Row(line, cells if len(cells) >= width else cells + [""] * (width - len(cells))))
    if not body:
        raise TableError("Filen har ingen rækker med data.")
    return Table(headers, body, dot_decimal)


def header_index(rows: list[list[str]]) -> int:
    """The first row with ≥ 2 non-empty cells that the next rows match in width."""
    candidates = [index for index, cells in enumerate(rows) if sum(1 for cell in cells if cell) >= 2]
    if not candidates:
        raise TableError(f"{NOT_A_TABLE[:-1]}: ingen række har mindst to udfyldte kolonner.")
    for index in candidates:
        followers = rows[index + 1 : index + 1 + _FOLLOWERS]
        if not followers or max(trimmed_width(cells) for cells in followers) == trimmed_width(rows[index]):
            return index
    return candidates[0]


def trimmed_width(cells: list[str]) -> int:
    """The number of cells up to and including the last non-empty one."""
    for index in range(len(cells) - 1, -1, -1):
        if cells[index]:
            return index + 1
    return 0


def _danish_int(number: int) -> str:
    return f"{number:,}".replace(",", ".")
