"""A table of measurements read into rows: mapping guessed or given, wide tables melted,
person-level files refused, and every row that cannot be used rejected with a Danish reason."""

from __future__ import annotations

from dataclasses import dataclass

from roedtraad.core.measurements.errors import MappingError, PersonalDataError
from roedtraad.core.measurements.mapping import FIELD_LABELS, FIELDS, guess_mapping, missing_fields
from roedtraad.core.measurements.names import skeleton
from roedtraad.core.measurements.numbers import is_missing, parse_value
from roedtraad.core.measurements.periods import Period, parse_period
from roedtraad.core.measurements.privacy import person_level_reason
from roedtraad.core.measurements.shape import is_wide, melt, melted_mapping
from roedtraad.core.measurements.table import Row, Table

__all__ = ["MappingError", "MeasurementRow", "PersonalDataError", "Reading", "Rejected", "read_measurements"]

NUMBER_FIELDS = ("value", "numerator", "denominator", "headcount")
NUMBER_LABELS = {"value": "Værdien", "numerator": "Tælleren", "denominator": "Nævneren", "headcount": "Antallet"}
TOTALS = frozenset(skeleton(name) for name in ("I alt", "Total", "Totalt", "Hovedtotal", "Samlet", "Alle enheder"))


@dataclass(frozen=True)
class MeasurementRow:
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
    long = melt(table, mapping) if wide else table
    long_mapping = melted_mapping(long) if wide else mapping
    results = [measurement(row, long_mapping, dot_decimal=long.dot_decimal) for row in long.rows]
    rows, duplicates = first_of_each([result for result in results if isinstance(result, MeasurementRow)])
    rejected = [result for result in results if isinstance(result, Rejected)] + duplicates
    return Reading(rows, sorted(rejected, key=lambda item: item.line), mapping, wide)


def measurement(row: Row, mapping: dict[str, int], *, dot_decimal: bool = False) -> MeasurementRow | Rejected:
    """One row as a measurement, or the reason it cannot be one."""
    unit = row.cell(mapping.get("unit"))
    if not unit:
        return Rejected(row.line, "Enheden mangler.")
    if skeleton(unit) in TOTALS:
        return Rejected(row.line, f"Rækken er en total («{unit}») og er sprunget over.")
    period = _period(row.cell(mapping.get("period")))
    if isinstance(period, str):
        return Rejected(row.line, period)
    numbers: dict[str, float | None] = {}
    for field in NUMBER_FIELDS:
        text = row.cell(mapping.get(field))
        try:
            numbers[field] = parse_value(text, dot_decimal=dot_decimal)
        except ValueError:
            return Rejected(row.line, f"{NUMBER_LABELS[field]} «{text}» er ikke et tal.")
    value = _value(numbers, row.cell(mapping.get("value")))
    if isinstance(value, str):
        return Rejected(row.line, value)
    key_figure = row.cell(mapping.get("key_figure"))
    return MeasurementRow(row.line, unit, key_figure, period, value, *(numbers[f] for f in NUMBER_FIELDS[1:]))


def first_of_each(rows: list[MeasurementRow]) -> tuple[list[MeasurementRow], list[Rejected]]:
    """The first row of each (unit, key figure, period); the later ones rejected."""
    first: dict[tuple[str, str, Period], MeasurementRow] = {}
    duplicates: list[Rejected] = []
    for row in rows:
        key = (" ".join(row.unit_name.casefold().split()), " ".join(row.key_figure.casefold().split()), row.period)
        if key in first:
            kept = f"den første (linje {first[key].line}) er taget"
            duplicates.append(Rejected(row.line, f"Rækken findes to gange (enhed, nøgletal, periode) – {kept}."))
        else:
            first[key] = row
    return list(first.values()), duplicates


def _period(text: str) -> Period | str:
    """The period, or the reason it cannot be read."""
    if not text:
        return "Perioden mangler."
    period = parse_period(text)
    return period if period is not None else f"Perioden «{text}» kan ikke læses."


def _value(numbers: dict[str, float | None], text: str) -> float | str:
    """The value, computed from numerator and denominator (in %) when it is missing; or a reason."""
    value, numerator, denominator = numbers["value"], numbers["numerator"], numbers["denominator"]
    if value is not None:
        return value
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
