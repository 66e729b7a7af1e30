"""Parse a document in a child process with an address-space limit and a timeout.

A hostile file must cost a bounded amount of memory and time, whatever library bug or
decompression trick it uses, and never the app server: `parse_contained` starts
`python -m roedtraad.core.ingest.contained`, hands it the bytes on stdin and the limits in
the environment, and reads a `ParsedDocument` (or a refusal) back as JSON on stdout. The
child sets its own limits before it imports any reader, so the limits cover the readers.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import asdict

from .limits import DEFAULT_LIMITS, ParseLimits
from .model import ParsedDocument, UnreadableDocument

_LIMITS_ENV = "ROEDTRAAD_PARSE_LIMITS"
# A result or refusal is printed as the last line of the child's output.
_MARK = "roedtraad-result:"


def parse_contained(filename: str, data: bytes, limits: ParseLimits = DEFAULT_LIMITS) -> ParsedDocument:
    """Read and parse the bytes in a child process; every failure is an `UnreadableDocument`,
    a time or memory limit one that names the limit."""
    from .sources import unreadable

    name = filename or "dokument"
    if len(data) > limits.max_bytes:  # refused before a process is started for it
        raise unreadable(name, "too_large", mb=limits.mb("max_bytes"))
    env = {**os.environ, _LIMITS_ENV: json.dumps(asdict(limits))}
    command = [sys.executable, "-m", "roedtraad.core.ingest.contained", name]
    try:
        done = subprocess.run(command, input=data, capture_output=True, env=env, timeout=limits.max_seconds)
    except subprocess.TimeoutExpired as error:
        raise unreadable(name, "too_slow", seconds=f"{limits.max_seconds:g}") from error
    return _result(name, done, limits)


def _result(name: str, done: subprocess.CompletedProcess, limits: ParseLimits) -> ParsedDocument:
    from .serialize import from_data
    from .sources import unreadable

    lines = done.stdout.decode("utf-8", "replace").splitlines()
    answer = next((line[len(_MARK) :] for line in reversed(lines) if line.startswith(_MARK)), None)
    if answer is None:  # killed by the kernel, or died inside a C library when memory ran out
        raise unreadable(name, "too_much_memory", mb=limits.mb("max_memory_bytes"))
    result = json.loads(answer)
    if "refused" in result:
        refused = result["refused"]
        raise UnreadableDocument(name, refused["reason"], refused["reason_da"])
    return from_data(result["document"])


def _limit_self(limits: ParseLimits) -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (limits.max_memory_bytes, limits.max_memory_bytes))
    seconds = int(limits.max_seconds) + 1
    resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds))


def _child(filename: str) -> int:
    limits = ParseLimits(**json.loads(os.environ.get(_LIMITS_ENV) or "{}"))
    _limit_self(limits)
    data = sys.stdin.buffer.read()
    try:
        from .parse import parse_source
        from .serialize import to_data
        from .sources import read_source, unreadable

        try:
            result = {"document": to_data(parse_source(read_source(filename, data, limits=limits)))}
        except MemoryError:
            error = unreadable(filename, "too_much_memory", mb=limits.mb("max_memory_bytes"))
            result = {"refused": {"reason": error.reason, "reason_da": error.reason_da}}
    except UnreadableDocument as error:
        result = {"refused": {"reason": error.reason, "reason_da": error.reason_da}}
    except Exception as error:  # a reader bug is a refusal naming it, never a traceback
        reason = f"cannot be read: {type(error).__name__}: {error}"[:300]
        result = {"refused": {"reason": reason, "reason_da": "filen kunne ikke læses"}}
    sys.stdout.write(_MARK + json.dumps(result, ensure_ascii=True) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(_child(sys.argv[1] if len(sys.argv) > 1 else "dokument"))
