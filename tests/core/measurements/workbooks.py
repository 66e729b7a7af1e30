"""XLSX files built at test time with openpyxl, as a BI tool would export them."""

from __future__ import annotations

import io

from openpyxl import Workbook


def workbook_bytes(*sheets: list[list[object]], titles: tuple[str, ...] = ()) -> bytes:
    """A workbook with one sheet per list of rows (None for an empty cell)."""
    book = Workbook()
    book.remove(book.active)
    for index, rows in enumerate(sheets):
        sheet = book.create_sheet(titles[index] if index < len(titles) else f"Ark{index + 1}")
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
