"""A measurement file from bytes to a plan: the one path the command line, the upload preview
and the background task take, so the same file gets the same answer everywhere."""

from __future__ import annotations

from django.conf import settings

from roedtraad.core.measurements.errors import MappingError, PersonalDataError, TableError
from roedtraad.core.measurements.mapping import guess_mapping, merge_mapping, parse_overrides
from roedtraad.core.measurements.read import read_measurements
from roedtraad.core.measurements.table import read_table
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
