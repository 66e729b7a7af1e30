"""The raw rows of an XLSX workbook (first sheet with data), bounded against zip bombs."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Iterator
from typing import Any

from roedtraad.core.measurements.errors import TableError

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # the old binary Excel format (xls)
MAX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_RATIO = 200
# A member this small cannot hurt whatever its ratio (an empty sheet's XML compresses very well).
RATIO_FLOOR = 1024 * 1024

RawRow = tuple[int, list[str]]


def looks_like_xlsx(data: bytes, filename: str) -> bool:
    return data.startswith(ZIP_MAGIC) or filename.lower().endswith((".xlsx", ".xlsm"))


def check_zip(data: bytes) -> None:
    """Refuse a zip that unpacks to over 200 MB or has a member compressed more than 200 times."""
    try:
        members = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except zipfile.BadZipFile as error:
        raise TableError("Filen ligner en Excel-fil (xlsx), men den kan ikke åbnes.") from error
    if sum(member.file_size for member in members) > MAX_UNCOMPRESSED:
        raise TableError("Excel-filen fylder over 200 MB udpakket og åbnes ikke.")
    for member in members:
        if member.file_size > RATIO_FLOOR and member.file_size > MAX_RATIO * max(member.compress_size, 1):
            raise TableError("Excel-filen er pakket mistænkeligt tæt (over 200 gange) og åbnes ikke.")


def xlsx_rows(data: bytes) -> Iterator[RawRow]:
    """Every row of the first sheet that has data, with its row number; cells as strings."""
    check_zip(data)
    from openpyxl import load_workbook  # imported late: CSV reading does not need it

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a broken workbook
        raise TableError("Excel-filen kan ikke åbnes; gem den igen som xlsx eller CSV.") from error
    try:
        for sheet in workbook.worksheets:
            found = False
            for line, cells in _sheet_rows(sheet):
                found = found or any(cells)
                if found:
                    yield line, cells
            if found:
                return
    finally:
        workbook.close()


def _sheet_rows(sheet: Any) -> Iterator[RawRow]:
    first = sheet.min_row or 1
    for offset, values in enumerate(sheet.iter_rows(values_only=True)):
        yield first + offset, [cell_text(value) for value in values]


def cell_text(value: object) -> str:
    """A cell as text: 8.22 → "8.22", 12.0 → "12", a date → "2023-01-31", None → ""."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()
