"""The importer's entry points: a file's bytes or path → `ParsedDocument` (no Django).

`read_source` turns the bytes into text (or refuses them with `UnreadableDocument`), the
layout parser `parse_source` reads goals, sections and indicators from that text. With
`contained=True` both run in a child process bounded in time and memory
(`contained.parse_contained`), as every file from a user must; the readers and the parser are
then imported only by the child (a command that parses one small file starts faster).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from .contained import parse_contained
from .limits import DEFAULT_LIMITS, ParseLimits
from .model import ParsedDocument, UnreadableDocument


def import_bytes(
    filename: str,
    data: bytes,
    *,
    max_bytes: int | None = None,
    limits: ParseLimits = DEFAULT_LIMITS,
    contained: bool = False,
) -> ParsedDocument:
    """Read and parse one document; bad input raises `UnreadableDocument`."""
    if max_bytes is not None:
        limits = replace(limits, max_bytes=max_bytes)
    if contained:
        return parse_contained(filename, data, limits)
    from .parse import parse_source
    from .sources import read_source

    return parse_source(read_source(filename, data, limits=limits))


def import_path(
    path: str | Path,
    *,
    max_bytes: int | None = None,
    limits: ParseLimits = DEFAULT_LIMITS,
    contained: bool = False,
) -> ParsedDocument:
    """Read and parse the file at `path`; a file that cannot be opened, or is larger than the
    limit (checked before it is read), raises `UnreadableDocument`."""
    path = Path(path)
    if max_bytes is not None:
        limits = replace(limits, max_bytes=max_bytes)
    try:
        if path.stat().st_size > limits.max_bytes:
            from .sources import unreadable

            raise unreadable(path.name, "too_large", mb=limits.mb("max_bytes"))
        data = path.read_bytes()
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise UnreadableDocument(path.name, f"cannot be opened: {reason}", f"filen kan ikke åbnes: {reason}") from error
    return import_bytes(path.name, data, limits=limits, contained=contained)
