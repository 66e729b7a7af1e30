"""The raw rows of a CSV export: decoded, delimiter sniffed, cells stripped, with line numbers."""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Iterator

from roedtraad.core.measurements.errors import TableError

DELIMITERS = (";", "\t", ",", "|")  # in order of preference on a tie
NOT_A_TABLE = "Filen er hverken CSV eller Excel (xlsx)."
_SAMPLE_CHARS = 64_000
_SAMPLE_ROWS = 50

RawRow = tuple[int, list[str]]  # (1-based line, stripped cells)


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM (Excel's "Unicode text"), else cp1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = _try_decode(data, "utf-16")
    else:
        text = _try_decode(data, "utf-8-sig") or _try_decode(data, "cp1252")
    if text is None or "\x00" in text:
        raise TableError(NOT_A_TABLE)
    return text


def _try_decode(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def sniff_delimiter(text: str) -> str:
    """The delimiter that splits most of the first rows into the same number (≥ 2) of cells."""
    sample = text[:_SAMPLE_CHARS]
    return max(DELIMITERS, key=lambda delimiter: (*_consistency(sample, delimiter), -DELIMITERS.index(delimiter)))


def _consistency(sample: str, delimiter: str) -> tuple[int, int]:
    """(rows having the most common width, that width), over rows split into two or more cells."""
    widths: Counter[int] = Counter()
    try:
        for index, row in enumerate(csv.reader(io.StringIO(sample), delimiter=delimiter)):
            if index >= _SAMPLE_ROWS:
                break
            if len(row) > 1:
                widths[len(row)] += 1
    except csv.Error:
        pass
    if not widths:
        return (0, 0)
    width, count = max(widths.items(), key=lambda item: (item[1], item[0]))
    return (count, width)


def csv_rows(data: bytes) -> Iterator[RawRow]:
    """Every row of the file with the line it starts on; cells stripped."""
    text = decode(data)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text))
    line = 1
    try:
        for row in reader:
            yield line, list(map(str.strip, row))
            line = reader.line_num + 1
    except csv.Error as error:
        raise TableError(f"Filen kan ikke læses som CSV (linje {reader.line_num}): {error}.") from error
