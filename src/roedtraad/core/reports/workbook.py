"""An Excel workbook from plain tables, with real types: numbers stay numbers and dates dates,
each sheet with a frozen header row, a filter on every column and widths that fit the text."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

FORMATS = {"date": "DD-MM-YYYY", "number": "#,##0.0##", "integer": "0", "text": "@"}
MAX_WIDTH = 60
SHEET_NAME_LENGTH = 31  # Excel's limit


@dataclass(frozen=True)
class Column:
    title: str
    kind: str = "text"  # "text", "number", "integer" or "date"


@dataclass
class Table:
    title: str
    columns: Sequence[Column]
    rows: Sequence[Sequence[Any]] = ()


def _cell_value(value: Any, kind: str) -> Any:
    """The value as Excel should hold it; a wrong type is a programming error, not a blank."""
    if value is None or value == "":
        return None
    if kind == "date" and not isinstance(value, dt.date):
        raise TypeError(f"a date column got {value!r}")
    if kind in ("number", "integer") and not isinstance(value, (int, float)):
        return float(value)  # Decimal from the database
    return value


def _width(values: list[Any]) -> float:
    longest = max((len(str(v)) for v in values if v is not None), default=8)
    return min(MAX_WIDTH, max(8, longest + 2))


def _write(sheet, table: Table) -> None:
    sheet.append([c.title for c in table.columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in table.rows:
        sheet.append([_cell_value(v, c.kind) for v, c in zip(row, table.columns, strict=True)])
    for index, column in enumerate(table.columns, start=1):
        letter = get_column_letter(index)
        for cell in sheet[letter][1:]:
            cell.number_format = FORMATS[column.kind]
        values = [column.title] + [row[index - 1] for row in table.rows]
        sheet.column_dimensions[letter].width = _width(values)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(table.columns))}{max(1, len(table.rows) + 1)}"


def workbook_bytes(tables: Sequence[Table]) -> bytes:
    """The tables as one XLSX file, a sheet each in the given order."""
    book = Workbook()
    book.remove(book.active)
    for table in tables:
        _write(book.create_sheet(table.title[:SHEET_NAME_LENGTH]), table)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
