"""How much a document may cost to read: bytes in, bytes unpacked, seconds and memory.

The limits are settings (`ROEDTRAAD_PARSE_*`); the readers refuse a file that would exceed
them before unpacking it where the format allows (a DOCX's zip directory, a PDF's streams),
and `contained.parse_contained` enforces time and memory on whatever is left by reading the
file in a child process with an address-space limit and a timeout.
"""

from __future__ import annotations

from dataclasses import dataclass

MB = 1024 * 1024


@dataclass(frozen=True)
class ParseLimits:
    max_bytes: int = 25 * MB  # the file as uploaded
    max_unpacked_bytes: int = 120 * MB  # all of a DOCX's members, or a PDF's inflated streams
    max_xml_bytes: int = 40 * MB  # a DOCX's XML parts together (what the XML parser must hold)
    max_stream_bytes: int = 60 * MB  # one inflated PDF stream
    max_ratio: int = 200  # how many times its packed size a DOCX member over 1 MB may unpack to
    max_seconds: float = 30.0  # wall time of one parse in the child process
    max_memory_bytes: int = 1536 * MB  # the child's address space

    def mb(self, name: str) -> str:
        """A limit in MB as written in a refusal ("120")."""
        return f"{getattr(self, name) / MB:g}"


DEFAULT_LIMITS = ParseLimits()
