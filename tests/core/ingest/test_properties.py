"""For any text the parser returns, and its accounting adds up."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from roedtraad.core.ingest.coverage import non_ws
from roedtraad.core.ingest.parse import parse_text

WORDS = st.sampled_from(
    [
        "Udviklingskontrakt 2024 for X",
        "Udviklingsaftale 2023 for",
        "Baggrund og formål",
        "Udviklingsmål",
        "Udviklingsmål 2:",
        "Aktiviteter:",
        "Opfølgning",
        "Lokalt i X vil vi:",
        "• Arbejde med:",
        "o Arbejde hen imod:",
        "• Samarbejde med:",
        "X vil sammen med Y:",
        "\tIndsæt overskrift til udviklingsmål nr 3: 2) Titel",
        "\tBaggrund og formål 3: tekst",
        "\tHold op med 3: • a. • b:",
        "\tIndhold: 1. a2. b",
        "Følgende skal fremgå af kontrakter og aftaler for 2024:",
        "= 3,4 %",
        "fra 8,22 % til 7 %1",
        "nedbringes med 10%",
        "Side 1 af 3",
        "7",
        " Titel",
        "[indsæt]",
        "\f",
        "",
        " ",
    ]
)
DOCS = st.lists(st.one_of(WORDS, st.text(max_size=40)), max_size=40).map("\n".join)


def _check(text: str) -> None:
    doc = parse_text(text, "x.txt")
    total = non_ws(doc.text)
    unassigned = sum(non_ws(f.text) for f in doc.unassigned)
    assert 0.0 <= doc.coverage <= 1.0
    if total:
        assert abs(doc.coverage - (total - unassigned) / total) < 1e-3
    for frag in doc.unassigned:
        assert doc.text[frag.start : frag.end] == frag.text
    assert doc.as_json()["file"] == "x.txt"


@settings(max_examples=300, deadline=None)
@given(DOCS)
def test_any_line_soup_of_contract_vocabulary_parses_and_accounts_for_every_character(text):
    _check(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_text_parses_and_accounts_for_every_character(text):
    _check(text)
