"""The importer's entry points: a file's bytes or path → `ParsedDocument` (no Django).

`read_source` turns the bytes into text (or refuses them with `UnreadableDocument`), the
layout parser `parse_source` reads goals, sections and indicators from that text.
"""

from __future__ import annotations

from pathlib import Path

from .model import ParsedDocument, UnreadableDocument
from .parse import parse_source
from .sources import MAX_BYTES, read_source, unreadable


def import_bytes(filename: str, data: bytes, *, max_bytes: int = MAX_BYTES) -> ParsedDocument:
    """Read and parse one document; bad input raises `UnreadableDocument`."""
    return parse_source(read_source(filename, data, max_bytes=max_bytes))


def import_path(path: str | Path, *, max_bytes: int = MAX_BYTES) -> ParsedDocument:
    """Read and parse the file at `path`; a file that cannot be opened, or is larger than
    `max_bytes` (checked before it is read), raises `UnreadableDocument`."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise unreadable(path.name, "too_large", mb=f"{max_bytes / (1024 * 1024):g}")
        data = path.read_bytes()
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise UnreadableDocument(path.name, f"cannot be opened: {reason}", f"filen kan ikke åbnes: {reason}") from error
    return import_bytes(path.name, data, max_bytes=max_bytes)
