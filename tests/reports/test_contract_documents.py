"""`roedtraad export docx`: a contract as a Word document, a year's contracts as a ZIP of one
document each or as one document (`--one-file`), opened again and read."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core.management import call_command
from docx import Document

pytestmark = pytest.mark.django_db
YEAR = 2026


def test_one_holders_contract_is_one_document_with_its_goal_sections_and_figures(tmp_path, world):
    path = tmp_path / "kontrakt.docx"
    call_command("export", "docx", "--year", str(YEAR), "--holder", "Hjemmeplejen", "-o", str(path))
    document = Document(io.BytesIO(path.read_bytes()))
    texts = [p.text for p in document.paragraphs]
    goal = world["entered_goal"]
    assert f"Udviklingsmål 1: {goal.title}" in texts
    assert "Sygefraværet blandt medarbejderne skal nedbringes." in texts  # a section's text
    indicator_table = next(t for t in document.tables if t.rows[0].cells[0].text == "Måltal")
    assert indicator_table.rows[1].cells[0].text == "Sygefravær"
    assert indicator_table.rows[1].cells[4].text.startswith("8 %")  # March's 8, the latest value


def test_a_years_contracts_are_a_zip_of_one_document_each(tmp_path, world):
    path = tmp_path / "kontrakter.docx"
    call_command("export", "docx", "--year", str(YEAR), "-o", str(path))
    archive = zipfile.ZipFile(tmp_path / "kontrakter.zip")
    names = sorted(archive.namelist())
    assert names == [
        f"udviklingskontrakt-{YEAR}-hjemmeplejen.docx",
        f"udviklingskontrakt-{YEAR}-nordskolen.docx",
        f"udviklingskontrakt-{YEAR}-solsikken.docx",
    ]
    for name in names:
        assert Document(io.BytesIO(archive.read(name))).paragraphs[0].text == f"Udviklingskontrakt {YEAR}"


def test_a_years_contracts_in_one_file_are_one_document_or_one_pdf(tmp_path, world):
    from pypdf import PdfReader

    call_command("export", "docx", "--year", str(YEAR), "--one-file", "-o", str(tmp_path / "alle.docx"))
    document = Document(str(tmp_path / "alle.docx"))
    holders = [p.text for p in document.paragraphs if p.style.name == "Heading 1" and " for " in p.text]
    assert holders == [f"Udviklingskontrakt {YEAR} for {name}" for name in ("Hjemmeplejen", "Nordskolen", "Solsikken")]
    call_command("export", "pdf", "--year", str(YEAR), "--one-file", "-o", str(tmp_path / "alle.pdf"))
    text = "\n".join(page.extract_text() for page in PdfReader(tmp_path / "alle.pdf").pages)
    assert text.count("Side 1 af") == 3 and not (tmp_path / "alle.zip").exists()


def test_a_contract_as_pdf_is_its_page_printed_with_page_numbers_and_bookmarks(tmp_path, world):
    from pypdf import PdfReader

    path = tmp_path / "kontrakt.pdf"
    call_command("export", "pdf", "--year", str(YEAR), "--holder", "Hjemmeplejen", "-o", str(path))
    reader = PdfReader(path)
    text = "\n".join(page.extract_text() for page in reader.pages)
    goal = world["entered_goal"]
    assert goal.title in text and "Sygefraværet blandt medarbejderne skal nedbringes." in text
    assert f"Side 1 af {len(reader.pages)}" in text
    assert "Log ud" not in text and "Søg" not in text.split()  # the menu and search are not printed
    bookmarks = [item.title for item in reader.outline if not isinstance(item, list)]
    assert any(goal.title in title for title in bookmarks) or any(
        goal.title in child.title for item in reader.outline if isinstance(item, list) for child in item
    )
    assert reader.trailer["/Root"]["/MarkInfo"]["/Marked"]  # a tagged PDF
