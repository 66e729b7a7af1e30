"""What a PDF's compressed streams inflate to, counted without keeping the output.

pdfium inflates a content stream whole before reading it, so a 1 MB file whose one stream
inflates to 300 MB costs gigabytes. Every Flate stream in the file is found by its `stream`
keyword in the raw bytes (object streams hold objects, never streams, so none is missed) and
inflated in bounded chunks; the count stops at the limit.
"""

from __future__ import annotations

import re
import zlib

_STREAM = re.compile(rb"stream\r?\n")
_CHUNK = 1024 * 1024


class TooMuchInflated(Exception):
    def __init__(self, which: str):
        self.which = which  # "stream" (one stream over its limit) or "total"
        super().__init__(which)


def inflated_sizes(data: bytes, *, max_stream: int, max_total: int) -> int:
    """The total inflated size of the Flate streams in `data`; raises `TooMuchInflated` as soon
    as one stream passes `max_stream` or all of them pass `max_total`."""
    total = 0
    for match in _STREAM.finditer(data):
        size = _inflated_size(data, match.end(), max_stream)
        total += size
        if total > max_total:
            raise TooMuchInflated("total")
    return total


def _inflated_size(data: bytes, start: int, limit: int) -> int:
    """Bytes the zlib stream at `start` inflates to (0 when it is not zlib data)."""
    inflater = zlib.decompressobj()
    size, position = 0, start
    pending = b""
    try:
        while not inflater.eof:
            if not pending:
                pending = data[position : position + _CHUNK]
                position += len(pending)
                if not pending:
                    break
            size += len(inflater.decompress(pending, _CHUNK))
            pending = inflater.unconsumed_tail
            if size > limit:
                raise TooMuchInflated("stream")
    except zlib.error:
        pass  # not Flate (an image, a damaged stream): pdfium decides what it is
    return size
