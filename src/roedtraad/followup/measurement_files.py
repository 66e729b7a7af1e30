"""A measurement file from bytes to a plan: the one path the command line, the upload preview
and the background task take, so the same file gets the same answer everywhere."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings

from roedtraad.core.measurements.errors import MappingError, PersonalDataError, TableError
from roedtraad.core.measurements.mapping import guess_mapping, merge_mapping, parse_overrides
from roedtraad.core.measurements.read import read_measurements
from roedtraad.core.measurements.table import Table, read_table
from roedtraad.followup.measurement_import import MeasurementPlan, plan_measurements


class FileRefused(Exception):
    """The file cannot be taken at all; the message (Danish) names why."""


def max_bytes() -> int:
    return int(getattr(settings, "ROEDTRAAD_MEASUREMENT_MAX_BYTES", 50 * 1024 * 1024))


def plan_file(
    data: bytes,
    filename: str,
    *,
    mapping: list[str] | dict[str, int] | None = None,
    key: str = "",
    aliases: dict[str, int] | None = None,
    user=None,
) -> MeasurementPlan:
    """What the file would write. `mapping` is either `--map column=field` items or a field →
    column index mapping chosen in the preview; nothing given means guessed from the headers."""
    if len(data) > max_bytes():
        raise FileRefused(f"Filen er større end {max_bytes() // (1024 * 1024)} MB.")
    try:
        table = read_table(data, filename)
        chosen = None
        if isinstance(mapping, list) and mapping:  # --map column=field: the guess, with these changed
            chosen = merge_mapping(guess_mapping(table.headers), parse_overrides(mapping, table.headers))
        elif isinstance(mapping, dict) and mapping:
            chosen = mapping
        reading = read_measurements(table, chosen)
    except (TableError, MappingError, PersonalDataError) as error:
        raise FileRefused(str(error)) from error
    return plan_measurements(reading, file=filename, user=user, key=key, aliases=aliases)


# Rows of the file the preview shows under the column choices.
SAMPLE_ROWS = 5


@dataclass
class FilePreview:
    """What the upload preview shows: the columns with the mapping used (guessed or chosen), a
    few rows, and the plan, or why the mapping does not work (then the user changes it)."""

    headers: list[str]
    sample: list[list[str]]
    mapping: dict[str, int]
    plan: MeasurementPlan | None = None
    problem: str = ""


def preview_file(
    data: bytes,
    filename: str,
    *,
    mapping: dict[str, int] | None = None,
    key: str = "",
    aliases: dict[str, int] | None = None,
    user=None,
) -> FilePreview:
    """The preview of a file with the mapping chosen (None: guessed). A file that cannot be read,
    or that holds personal data, is refused (FileRefused); a mapping that does not work is a
    problem the preview names, so the user can choose other columns."""
    if len(data) > max_bytes():
        raise FileRefused(f"Filen er større end {max_bytes() // (1024 * 1024)} MB.")
    try:
        table = read_table(data, filename)
    except TableError as error:
        raise FileRefused(str(error)) from error
    chosen = guess_mapping(table.headers) if mapping is None else dict(mapping)
    preview = FilePreview(headers=list(table.headers), sample=_sample(table), mapping=chosen)
    try:
        reading = read_measurements(table, chosen)
    except MappingError as error:
        preview.problem = str(error)
        return preview
    except PersonalDataError as error:
        raise FileRefused(str(error)) from error
    preview.plan = plan_measurements(reading, file=filename, user=user, key=key, aliases=aliases)
    return preview


def _sample(table: Table) -> list[list[str]]:
    return [list(row.cells) for row in table.rows[:SAMPLE_ROWS]]
