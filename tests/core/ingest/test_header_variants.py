"""The holder wherever a document gives it, and never the municipality beside it."""

from __future__ import annotations

import pytest

from roedtraad.core.ingest.parse import parse_text

BODY = """
Udviklingsmål 1: Lavt sygefravær

Baggrund og formål
Sygefraværet er for højt.

Udviklingsmål 2: God modtagelse

Baggrund og formål
Nye skal føle sig velkomne.
"""


@pytest.mark.parametrize(
    "head",
    [
        "Udviklingskontrakt 2027\nDagcenter Lærken",
        "Udviklingskontrakt 2027 for Dagcenter Lærken",
        "Fjordby Kommune\nUdviklingskontrakt 2027\nDagcenter Lærken",
        "Udviklingskontrakt 2027\nFjordby Kommune – Dagcenter Lærken",
        "Udviklingskontrakt 2027\nDagcenter Lærken, Fjordby Kommune",
        "Dagcenter Lærken\n\nUdviklingskontrakt 2027",
        "Udviklingskontrakt 2027\n\nKontraktholder: Dagcenter Lærken",
    ],
)
def test_the_holder_is_found_wherever_the_first_lines_give_it(head):
    doc = parse_text(f"{head}\n{BODY}", "kontrakt.txt")
    assert (doc.holder, doc.year) == ("Dagcenter Lærken", 2027)


def test_a_municipality_alone_is_never_taken_for_the_holder_and_the_preview_asks():
    doc = parse_text(f"Fjordby Kommune\nUdviklingskontrakt 2027\n{BODY}", "kontrakt.txt")
    assert doc.holder == ""
    assert {"kind": "holder", "text": "Hvem er kontraktholder?"} in doc.as_json()["questions"]
