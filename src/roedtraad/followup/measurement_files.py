"""A measurement file from bytes to a plan: the one path the command line, the upload preview
and the background task take, so the same file gets the same answer everywhere."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings

from roedtraad.core.measurements.errors import MappingError, PersonalDataError, TableError
from roedtraad.core.measurements.mapping import guess_mapping, merge_mapping, parse_overrides
from roedtraad.core.measurements.read import gc_paused, read_measurements
from roedtraad.core.measurements.table import Table, read_table
from roedtraad.followup.measurement_import import MeasurementPlan, plan_measurements, save_plan


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
    """What the file would write: `preview_file`, with a mapping that does not work refused."""
    preview = preview_file(data, filename, mapping=mapping, key=key, aliases=aliases, user=user)
    if preview.plan is None:
        raise FileRefused(preview.problem)
    return preview.plan


def import_file(
    data: bytes,
    filename: str,
    *,
    source: str,
    mapping: list[str] | dict[str, int] | None = None,
    key: str = "",
    aliases: dict[str, int] | None = None,
    user=None,
) -> MeasurementPlan:
    """Plan the file and save it in one transaction: the plan returned has its values marked
    (create, update, unchanged) as saved. Raises FileRefused or MeasurementsRefused. The values
    are compared with what is stored once, inside the save's transaction, and the collector is
    paused over the whole import, not resumed between the plan and the save (read.gc_paused)."""
    with gc_paused():
        preview = preview_file(data, filename, mapping=mapping, key=key, aliases=aliases, user=user, compare=False)
        if preview.plan is None:
            raise FileRefused(preview.problem)
        save_plan(preview.plan, source=source, user=user)
    return preview.plan


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
    mapping: list[str] | dict[str, int] | None = None,
    key: str = "",
    aliases: dict[str, int] | None = None,
    user=None,
    compare: bool = True,
) -> FilePreview:
    """The preview of a file: the one path of the command line, the upload and the worker, so
    the same file gets the same answer everywhere. `mapping` is either `--map column=field` items
    (the guess with these changed) or a field → column mapping chosen in the preview; None or
    empty: guessed from the headers. A file that cannot be read, or that holds personal data, is
    refused (FileRefused); a mapping that does not work is a problem the preview names, so the
    user can choose other columns."""
    if len(data) > max_bytes():
        raise FileRefused(f"Filen er større end {max_bytes() // (1024 * 1024)} MB.")
    try:
        with gc_paused():  # the rows of a large file would cost full collector passes (read.gc_paused)
            table = read_table(data, filename)
    except TableError as error:
        raise FileRefused(str(error)) from error
    try:
        chosen = _mapping(mapping, table.headers)
    except MappingError as error:  # a --map item naming no column or field
        raise FileRefused(str(error)) from error
    preview = FilePreview(headers=list(table.headers), sample=_sample(table), mapping=chosen)
    try:
        reading = read_measurements(table, chosen)
    except MappingError as error:
        preview.problem = str(error)
        return preview
    except PersonalDataError as error:
        raise FileRefused(str(error)) from error
    preview.plan = plan_measurements(reading, file=filename, user=user, key=key, aliases=aliases, compare=compare)
    return preview


def _mapping(mapping: list[str] | dict[str, int] | None, headers: list[str]) -> dict[str, int]:
    if isinstance(mapping, list) and mapping:
        return merge_mapping(guess_mapping(headers), parse_overrides(mapping, headers))
    if isinstance(mapping, dict) and mapping:
        return dict(mapping)
    return guess_mapping(headers)


def _sample(table: Table) -> list[list[str]]:
    return [list(row.cells) for row in table.rows[:SAMPLE_ROWS]]
