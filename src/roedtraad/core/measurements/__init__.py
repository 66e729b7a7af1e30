"""Measurement exports (CSV and XLSX from BI tools such as Targit and Power BI) read into clean rows.

Pure Python, no Django: `read_table` turns bytes into a `Table`, `read_measurements` turns a
table into `MeasurementRow`s and `Rejected` lines with Danish reasons.
"""

from roedtraad.core.measurements.errors import MappingError, PersonalDataError, TableError
from roedtraad.core.measurements.mapping import FIELDS, guess_mapping, merge_mapping, missing_fields, parse_overrides
from roedtraad.core.measurements.numbers import parse_value
from roedtraad.core.measurements.periods import Period, parse_period
from roedtraad.core.measurements.read import MeasurementRow, Reading, Rejected, read_measurements
from roedtraad.core.measurements.rolling import MonthValue, RollingValue, key_figure_is_rolling, rolling_12
from roedtraad.core.measurements.table import Row, Table, read_table

__all__ = [
    "FIELDS",
    "MappingError",
    "MeasurementRow",
    "MonthValue",
    "Period",
    "PersonalDataError",
    "Reading",
    "Rejected",
    "RollingValue",
    "Row",
    "Table",
    "TableError",
    "guess_mapping",
    "key_figure_is_rolling",
    "merge_mapping",
    "missing_fields",
    "parse_overrides",
    "parse_period",
    "parse_value",
    "read_measurements",
    "read_table",
    "rolling_12",
]
