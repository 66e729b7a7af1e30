"""Wide tables: one column per period ("Enhed;jan. 23;feb. 23;…"), melted into a long table."""

from __future__ import annotations

from roedtraad.core.measurements.periods import Period, parse_period
from roedtraad.core.measurements.table import Row, Table

UNIT, KEY_FIGURE, PERIOD, VALUE = "Enhed", "Nøgletal", "Periode", "Værdi"


def period_columns(headers: list[str]) -> dict[int, Period]:
    """Column index → period, for the columns whose header names a period."""
    parsed = {index: parse_period(header) for index, header in enumerate(headers)}
    return {index: period for index, period in parsed.items() if period is not None}


def is_wide(headers: list[str]) -> bool:
    """Two or more columns named by periods."""
    return len(period_columns(headers)) >= 2


def melt(table: Table, mapping: dict[str, int]) -> Table:
    """The long table: headers [Enhed, (Nøgletal), Periode, Værdi], one row per non-empty cell
    of a period column, each keeping the line of the row it came from."""
    key_column = mapping.get("key_figure")
    columns = [index for index in period_columns(table.headers) if index not in mapping.values()]
    headers = [UNIT, KEY_FIGURE, PERIOD, VALUE] if key_column is not None else [UNIT, PERIOD, VALUE]
    rows: list[Row] = []
    for row in table.rows:
        label = [row.cell(mapping.get("unit"))] + ([row.cell(key_column)] if key_column is not None else [])
        for index in columns:
            if row.cell(index):
                rows.append(Row(row.line, [*label, table.headers[index], row.cell(index)]))
    return Table(headers, rows, table.dot_decimal)


def melted_mapping(melted: Table) -> dict[str, int]:
    """The mapping of a table made by `melt`."""
    fields = {UNIT: "unit", KEY_FIGURE: "key_figure", PERIOD: "period", VALUE: "value"}
    return {fields[header]: index for index, header in enumerate(melted.headers)}
