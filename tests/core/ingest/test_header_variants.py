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
        "Udviklingskontrakt for Dagcenter Lærken 2027",
        "Udviklingsaftale for Dagcenter Lærken (2027)",
        "Udviklingskontrakt 2027: Dagcenter Lærken",
        "Udviklingskontrakt 2027 for: Dagcenter Lærken",
        "Udviklingskontrakt for Dagcenter Lærken – 2027-2028\nFjordby Kommune i samarbejde med Vesterby Kommune",
    ],
)
def test_the_holder_is_found_wherever_the_first_lines_give_it(head):
    doc = parse_text(f"{head}\n{BODY}", "kontrakt.txt")
    assert (doc.holder, doc.year) == ("Dagcenter Lærken", 2027)


def test_a_municipality_alone_is_never_taken_for_the_holder_and_the_preview_asks():
    doc = parse_text(f"Fjordby Kommune\nUdviklingskontrakt 2027\n{BODY}", "kontrakt.txt")
    assert doc.holder == ""
    assert {"kind": "holder", "text": "Hvem er kontraktholder?"} in doc.as_json()["questions"]


@pytest.mark.parametrize(
    "head",
    [
        "Fjordby Kommune\n\nUDVIKLINGSKONTRAKT\n\nDagcenter Lærken\n\n2027\n\f\n",
        "UDVIKLINGSKONTRAKT\n\nFjordby Kommune\n\nfor Dagcenter Lærken\n\n2027\n\f\n",
        "Dagcenter Lærken · Udviklingskontrakt 2027\n",
        "Udviklingskontrakt 2027 | Dagcenter Lærken | Side 1\n",
        "Fjordby Kommune – Udviklingskontrakt 2027 – Dagcenter Lærken\n",
        "Udviklingskontrakt 2027-2028\nDagcenter Lærken\n",
    ],
)
def test_the_holder_is_found_on_a_front_page_and_in_a_title_line_with_separators(head):
    doc = parse_text(f"{head}\n{BODY}", "kontrakt.txt")
    assert (doc.kind, doc.holder, doc.year) == ("kontrakt", "Dagcenter Lærken", 2027)


def test_a_running_footer_of_a_text_dump_names_the_holder_and_is_no_goal_text():
    footer = "Dagcenter Lærken – Udviklingsaftale 2027 – Side {}"
    pages = BODY.split("\nUdviklingsmål 2")
    text = (
        "Indledning\nVi har skrevet aftalen sammen.\n"
        + f"{pages[0]}\n{footer.format(1)}\n\f\nUdviklingsmål 2{pages[1]}\n{footer.format(2)}\n\f\n"
        + f"Hold op med\n• Vi holder op med at skrive referater i hånden.\n{footer.format(3)}\n\f\n"
    )
    doc = parse_text(text, "aftale.txt")
    assert (doc.kind, doc.holder, doc.year) == ("aftale", "Dagcenter Lærken", 2027)
    assert [a.kind for a in doc.artefacts].count("running") == 3
    assert not any("Side" in text for goal in doc.goals for text in goal.sections.values())
    assert doc.stop_doing == ["Vi holder op med at skrive referater i hånden."]


def test_a_holder_only_in_a_word_files_header_or_a_pdfs_running_header_is_found():
    from tests.core.ingest import pdfgen

    from roedtraad.core.ingest.parse import parse_source
    from roedtraad.core.ingest.sources import read_source

    text = f"Udviklingskontrakt 2027\n\nIndledning\nVi har skrevet kontrakten sammen.\n{BODY}" * 1
    titles = ["Udviklingsmål 1: Lavt sygefravær", "Udviklingsmål 2: God modtagelse"]
    long_text = text + "".join(f"\nEt afsnit mere om arbejdet i året, nummer {n}.\n" for n in range(120))
    pdf = pdfgen.real_pdf(long_text, titles, running="Udviklingskontrakt 2027 | Dagcenter Lærken")
    source = read_source("kontrakt.pdf", pdf)
    assert "Dagcenter Lærken" not in source.text and source.running
    assert parse_source(source).holder == "Dagcenter Lærken"

    docx = _docx_with_header(text, "Dagcenter Lærken · Udviklingskontrakt 2027")
    source = read_source("kontrakt.docx", docx)
    assert source.running == ["Dagcenter Lærken · Udviklingskontrakt 2027"]
    assert parse_source(source).holder == "Dagcenter Lærken"


def _docx_with_header(text: str, header: str) -> bytes:
    import io

    from docx import Document

    document = Document()
    document.sections[0].header.paragraphs[0].text = header
    for line in text.split("\n"):
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
