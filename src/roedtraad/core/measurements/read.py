"""A table of measurements read into rows: mapping guessed or given, wide tables melted,
person-level files refused, and every row that cannot be used rejected with a Danish reason."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import NamedTuple

from roedtraad.core.measurements.errors import MappingError, PersonalDataError
from roedtraad.core.measurements.mapping import FIELD_LABELS, FIELDS, guess_mapping, missing_fields
from roedtraad.core.measurements.names import skeleton
from roedtraad.core.measurements.numbers import is_missing, parse_value
from roedtraad.core.measurements.periods import Period, parse_period
from roedtraad.core.measurements.privacy import person_level_reason
from roedtraad.core.measurements.shape import is_wide, melt, melted_mapping
from roedtraad.core.measurements.table import Row, Table

__all__ = [
    "MappingError",
    "MeasurementRow",
    "PersonalDataError",
    "Reading",
    "Rejected",
    "gc_paused",
    "read_measurements",
]

NUMBER_FIELDS = ("value", "numerator", "denominator", "headcount")
NUMBER_LABELS = {"value": "Værdien", "numerator": "Tælleren", "denominator": "Nævneren", "headcount": "Antallet"}
TOTALS = frozenset(skeleton(name) for name in ("I alt", "Total", "Totalt", "Hovedtotal", "Samlet", "Alle enheder"))


class MeasurementRow(NamedTuple):  # a named tuple: made once per row of a file (see table.Row)
    line: int
    unit_name: str
    key_figure: str  # "" when the file has no key-figure column
    period: Period
    value: float
    numerator: float | None
    denominator: float | None
    headcount: float | None


@dataclass(frozen=True)
class Rejected:
    line: int
    reason: str  # Danish, for the user


@dataclass(frozen=True)
class Reading:
    rows: list[MeasurementRow]
    rejected: list[Rejected]  # in line order
    mapping: dict[str, int]  # field → column of the table as given (before melting)
    wide: bool


def read_measurements(table: Table, mapping: dict[str, int] | None = None) -> Reading:
    """The measurements of a table. Raises MappingError or PersonalDataError (Danish messages)."""
    mapping = guess_mapping(table.headers) if mapping is None else dict(mapping)
    _check_mapping(mapping, table.headers)
    # What identifies a person is refused first, whatever columns are chosen, so such a file is
    # never kept waiting for a better mapping; the rest needs the mapping ("Navn" may be the unit).
    reason = person_level_reason(table, mapping, identifiers_only=True)
    if reason is not None:
        raise PersonalDataError(reason)
    wide = "period" not in mapping and is_wide(table.headers)
    missing = missing_fields(mapping, wide)
    if missing:
        raise MappingError(_missing_message(missing, table.headers))
    reason = person_level_reason(table, mapping)
    if reason is not None:
        raise PersonalDataError(reason)
    with gc_paused():
        long = melt(table, mapping) if wide else table
        long_mapping = melted_mapping(long) if wide else mapping
        reader = RowReader(long_mapping, dot_decimal=long.dot_decimal)
        results = reader.measurements(long.rows)
        rows, duplicates = first_of_each([result for result in results if isinstance(result, MeasurementRow)])
        rejected = [result for result in results if isinstance(result, Rejected)] + duplicates
    return Reading(rows, sorted(rejected, key=lambda item: item.line), mapping, wide)


@contextmanager
def gc_paused() -> Iterator[None]:
    """Python's cyclic garbage collector paused while the rows of a file are made, and resumed
    after (if it was on). The rows are plain data without reference cycles, but each of the
    collector's full passes walks every object alive, and a file of 100,000 rows caused several:
    a third of an import's time (benchmarks/README.md, follow-up)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def measurement(row: Row, mapping: dict[str, int], *, dot_decimal: bool = False) -> MeasurementRow | Rejected:
    """One row as a measurement, or the reason it cannot be one."""
    return RowReader(mapping, dot_decimal=dot_decimal).measurement(row)


_NOT_A_NUMBER = object()  # a cell `parse_value` refuses, in RowReader's cache


class RowReader:
    """`measurement` for the rows of one table. An export repeats the same few unit names,
    periods and key figures on every row (and often the same numbers), so what a text means (a
    total, a period, a number) is decided once per distinct text and kept for the table."""

    def __init__(self, mapping: dict[str, int], *, dot_decimal: bool = False) -> None:
        self.unit = mapping.get("unit")
        self.period = mapping.get("period")
        self.key_figure = mapping.get("key_figure")
        self.value = mapping.get("value")
        # The number fields with a column; the others are None on every row.
        self.numbers = [  # (position in NUMBER_FIELDS, column) of the number fields with a column
            (position, mapping[field]) for position, field in enumerate(NUMBER_FIELDS) if mapping.get(field) is not None
        ]
        columns = [column for column in mapping.values() if column is not None]
        self.width = max(columns) + 1 if columns else 0  # a row this wide has every mapped cell
        self.dot_decimal = dot_decimal
        self._totals: dict[str, bool] = {}
        self._periods: dict[str, Period | str] = {}
        self._values: dict[str, float | None | object] = {}

    def measurement(self, row: Row) -> MeasurementRow | Rejected:
        return self.measurements([row])[0]

    def measurements(self, rows: list[Row]) -> list[MeasurementRow | Rejected]:
        """Each row as a measurement, or the reason it cannot be one. One loop over the rows
        with everything it looks up in local names: a method call per row cost a third more."""
        out: list[MeasurementRow | Rejected] = []
        add = out.append
        unit_at, period_at, key_at, value_at, width = self.unit, self.period, self.key_figure, self.value, self.width
        number_columns, totals, periods, values, parse = (
            self.numbers,
            self._totals,
            self._periods,
            self._values,
            self._parse,
        )
        for line, cells in rows:
            if len(cells) < width:  # a short row (the table pads its rows; a hand-made one may not)
                cells = cells + [""] * (width - len(cells))
            unit = cells[unit_at] if unit_at is not None else ""
            if not unit:
                add(Rejected(line, "Enheden mangler."))
                continue
            total = totals.get(unit)
            if total is None:
                total = totals[unit] = skeleton(unit) in TOTALS
            if total:
                add(Rejected(line, f"Rækken er en total («{unit}») og er sprunget over."))
                continue
            text = cells[period_at] if period_at is not None else ""
            period = periods.get(text)
            if period is None:
                period = periods[text] = _period(text)
            if isinstance(period, str):
                add(Rejected(line, period))
                continue
            numbers: list = [None, None, None, None]  # as NUMBER_FIELDS
            refused = None
            for position, column in number_columns:
                text = cells[column]
                try:
                    number = values[text]
                except KeyError:
                    number = values[text] = parse(text)
                if number is _NOT_A_NUMBER:
                    refused = f"{NUMBER_LABELS[NUMBER_FIELDS[position]]} «{text}» er ikke et tal."
                    break
                numbers[position] = number
            if refused is not None:
                add(Rejected(line, refused))
                continue
            value, numerator, denominator, headcount = numbers
            if value is None:
                value = _value(numerator, denominator, cells[value_at] if value_at is not None else "")
                if isinstance(value, str):
                    add(Rejected(line, value))
                    continue
            key_figure = cells[key_at] if key_at is not None else ""
            add(MeasurementRow(line, unit, key_figure, period, value, numerator, denominator, headcount))
        return out

    def _parse(self, text: str) -> float | None | object:
        try:
            return parse_value(text, dot_decimal=self.dot_decimal)
        except ValueError:
            return _NOT_A_NUMBER


def first_of_each(rows: list[MeasurementRow]) -> tuple[list[MeasurementRow], list[Rejected]]:
    """The first row of each (unit, key figure, period); the later ones rejected."""
    first: dict[tuple, MeasurementRow] = {}
    duplicates: list[Rejected] = []
    # (unit, key figure) as written → case- and space-folded, once per distinct pair.
    folded: dict[tuple[str, str], tuple[str, str]] = {}
    for row in rows:
        names = (row.unit_name, row.key_figure)
        fold = folded.get(names)
        if fold is None:
            fold = folded[names] = tuple(" ".join(name.casefold().split()) for name in names)  # type: ignore[assignment]
        period = row.period
        kept = first.setdefault((fold, period.start, period.kind), row)
        if kept is not row:
            duplicates.append(
                Rejected(
                    row.line,
                    f"Rækken findes to gange (enhed, nøgletal, periode) – den første (linje {kept.line}) er taget.",
                )
            )
    return list(first.values()), duplicates


def _period(text: str) -> Period | str:
    """The period, or the reason it cannot be read."""
    if not text:
        return "Perioden mangler."
    period = parse_period(text)
    return period if period is not None else f"Perioden «{text}» kan ikke læses."


def _value(numerator: float | None, denominator: float | None, text: str) -> float | str:
    """The value computed from numerator and denominator (in %) when the value is missing; or a
    reason (`text` is the value's cell)."""
    if numerator is not None and denominator is not None:
        if denominator == 0:
            return "Værdien kan ikke regnes ud af tæller og nævner, for nævneren er 0."
        return numerator / denominator * 100
    return f"Værdien mangler («{text}»)." if text and is_missing(text) else "Værdien mangler."


def _check_mapping(mapping: dict[str, int], headers: list[str]) -> None:
    for field, column in mapping.items():
        if field not in FIELDS:
            raise MappingError(f"Feltet «{field}» findes ikke. Gyldige felter: {', '.join(FIELDS)}.")
        if not 0 <= column < len(headers):
            raise MappingError(f"Kolonne {column + 1} findes ikke; filen har {len(headers)} kolonner.")


def _missing_message(missing: list[str], headers: list[str]) -> str:
    labels = [FIELD_LABELS[field] for field in missing]
    joined = labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " og " + labels[-1]
    names = ", ".join(f"«{header}»" for header in headers)
    return f"Filen mangler en kolonne for {joined}. Filens kolonner er: {names}."
