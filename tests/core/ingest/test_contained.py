"""Hostile files cost a bounded amount of time and memory: each is refused in seconds with a
one-line reason naming the limit."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from tests.imports.bad_files import docx_xml_bomb, pdf_stream_bomb, pdf_with_text

from roedtraad.core.ingest.contained import parse_contained
from roedtraad.core.ingest.limits import MB, ParseLimits
from roedtraad.core.ingest.model import UnreadableDocument

ROOT = Path(__file__).resolve().parents[2]
# Runs one contained parse in a fresh process and prints the refusal, the seconds it took and
# the largest resident size of any process it started (the child parser), in MB.
MEASURE = """
import json, resource, sys, time
from roedtraad.core.ingest.contained import parse_contained
from roedtraad.core.ingest.limits import ParseLimits
data = sys.stdin.buffer.read()
limits = ParseLimits(**json.loads(sys.argv[2]))
start = time.monotonic()
try:
    parse_contained(sys.argv[1], data, limits)
    reason = None
except Exception as error:
    reason = getattr(error, "reason", repr(error))
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(json.dumps({"reason": reason, "seconds": time.monotonic() - start, "peak_mb": peak}))
"""


def measured(filename: str, data: bytes, **limits) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", MEASURE, filename, json.dumps(limits)],
        input=data,
        capture_output=True,
        check=True,
        cwd=ROOT,
    )
    return json.loads(done.stdout)


def test_a_pdf_whose_one_stream_inflates_to_300_mb_is_refused_in_seconds_under_300_mb():
    bomb = pdf_stream_bomb(300)
    assert len(bomb) < 2 * MB
    result = measured("bombe.pdf", bomb)
    assert result["reason"] == (
        "the PDF's compressed content unpacks to more than 60 MB (the limit; a decompression bomb?)"
    )
    assert result["seconds"] < 10 and result["peak_mb"] < 300


def test_a_word_document_with_150_mb_of_xml_is_refused_in_seconds_under_300_mb():
    bomb = docx_xml_bomb(150)
    assert len(bomb) < 25 * MB
    result = measured("stor-xml.docx", bomb)
    assert result["reason"] == "the Word document unpacks to more than 40 MB of XML (the limit; a zip bomb?)"
    assert result["seconds"] < 10 and result["peak_mb"] < 300


def test_a_bomb_past_the_format_checks_meets_the_memory_limit_of_the_child():
    bomb = pdf_stream_bomb(300)
    unchecked = {"max_stream_bytes": 1000 * MB, "max_unpacked_bytes": 1000 * MB, "max_memory_bytes": 400 * MB}
    result = measured("bombe.pdf", bomb, **unchecked)
    assert result["reason"] == "reading the document needed more than 400 MB of memory (the limit)"
    assert result["peak_mb"] < 400


def test_a_parse_that_takes_longer_than_the_limit_is_stopped_with_the_limit_named():
    started = time.monotonic()
    with pytest.raises(UnreadableDocument) as refused:
        parse_contained("kontrakt.pdf", pdf_with_text(), ParseLimits(max_seconds=0.01))
    assert refused.value.reason_da == "det tog mere end 0.01 sekunder at læse dokumentet (grænsen)"
    assert time.monotonic() - started < 5


def test_a_contained_parse_gives_the_same_document_as_one_in_process():
    from roedtraad.core.ingest.api import import_bytes

    text = (
        "Udviklingskontrakt 2026 for Solsikken\n\nUdviklingsmål 1: Lavt sygefravær\n\nBaggrund og formål\nFor højt.\n"
    )
    data = text.encode()
    assert parse_contained("k.txt", data) == import_bytes("k.txt", data)
