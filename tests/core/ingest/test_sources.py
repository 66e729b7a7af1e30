"""Source readers: text encodings, PDF text and forms, Word headings, lists and tables — and
every kind of bad input refused as `UnreadableDocument` naming the file."""

from __future__ import annotations

import io
import zipfile

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from roedtraad.core.ingest.api import import_bytes, import_path
from roedtraad.core.ingest.model import UnreadableDocument
from roedtraad.core.ingest.sources import read_source

DANISH = "Udviklingsmål 1: Lavt sygefravær\nSygefraværet på Plejehjemmet Solsikken nedbringes til 5,5 % – “på sigt”.\n"


def a_pdf(lines: list[str], *, password: str | None = None, text: bool = True) -> bytes:
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, encrypt=password)
    y = 800
    for line in lines:
        if text:
            pdf.drawString(40, y, line)
        else:
            pdf.rect(40, y, 400, 8, fill=1)  # a "scan": marks on the page, no text layer
        y -= 14
    pdf.save()
    return buffer.getvalue()


def a_word_document() -> bytes:
    from docx import Document

    document = Document()
    document.add_paragraph("Udviklingsaftale 2023", style="Title")
    document.add_paragraph("Lavt sygefravær", style="Heading 1")
    document.add_paragraph("Baggrund og formål", style="Heading 2")
    document.add_paragraph("Fraværet skal ned.")
    document.add_paragraph("Følge fraværet hver måned", style="List Bullet")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Måltal", "3,4 %"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def refused(filename: str, data: bytes, **kwargs) -> UnreadableDocument:
    with pytest.raises(UnreadableDocument) as caught:
        read_source(filename, data, **kwargs)
    assert caught.value.filename == filename and filename in str(caught.value)
    assert caught.value.reason and caught.value.reason_da
    return caught.value


def test_utf8_text_is_read_as_it_is():
    source = read_source("aftale.txt", DANISH.encode("utf-8"))
    assert (source.source_kind, source.text) == ("txt", DANISH)


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_a_windows_or_latin1_text_is_decoded_with_its_danish_letters(encoding):
    text = "Sølund år æble ØÆÅ\r\nfravær på 5 %\r\n" if encoding == "latin-1" else DANISH
    source = read_source("aftale.txt", text.encode(encoding))
    assert source.text == text.replace("\r\n", "\n")


def test_a_pdf_named_txt_is_read_as_a_pdf():
    source = read_source("aftale.txt", a_pdf(["Udviklingsaftale 2023 for Arbejdsmarked og Social"]))
    assert source.source_kind == "pdf" and "Arbejdsmarked og Social" in source.text and source.pages == 1


def test_word_headings_lists_and_tables_are_kept():
    source = read_source("aftale.docx", a_word_document())
    spans = [(source.text[h.start : h.end], h.level) for h in source.headings]
    assert spans == [("Udviklingsaftale 2023", 1), ("Lavt sygefravær", 1), ("Baggrund og formål", 2)]
    assert "• Følge fraværet hver måned" in source.text
    assert "Måltal\n\n3,4 %" in source.text


def test_import_bytes_and_import_path_parse_the_document(tmp_path):
    doc = import_bytes("aftale.txt", DANISH.encode())
    assert doc.file == "aftale.txt"
    path = tmp_path / "aftale.txt"
    path.write_text(DANISH, encoding="utf-8")
    assert import_path(path).as_json() == doc.as_json()
    with pytest.raises(UnreadableDocument, match="larger than"):
        import_path(path, max_bytes=10)
    with pytest.raises(UnreadableDocument, match="cannot be opened"):
        import_path(tmp_path / "findes-ikke.pdf")


@pytest.mark.parametrize(
    ("filename", "data", "words"),
    [
        ("tom.txt", b"", "empty"),
        ("tom.pdf", b"  \n ", "empty"),
        ("garbage.txt", bytes(range(256)) * 8, "not text"),
        ("garbage.bin", b"\x89PNG\r\n\x1a\n" + bytes(200), "unsupported"),
        ("regneark.xlsx", b"PK\x03\x04" + bytes(100), "unsupported"),
        ("aftale.pdf", b"this is not a pdf", "damaged"),
        ("aftale.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog", "damaged"),
        ("aftale.docx", b"neither a zip nor a document", "damaged"),
        ("aftale.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500), "password"),
    ],
)
def test_bad_input_is_refused_naming_the_file_and_the_reason(filename, data, words):
    assert words in refused(filename, data).reason


def test_an_encrypted_pdf_is_refused():
    assert "password" in refused("hemmelig.pdf", a_pdf(["Fortroligt"], password="hemmeligt")).reason


def test_a_scanned_pdf_without_a_text_layer_is_refused():
    assert "no text layer" in refused("scannet.pdf", a_pdf(["x"] * 20, text=False)).reason


def test_a_file_over_the_size_limit_is_refused_before_it_is_read():
    assert "larger than" in refused("stor.txt", DANISH.encode() * 100, max_bytes=1000).reason


def test_a_word_zip_bomb_is_refused_before_it_is_unpacked():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"\x00" * (20 * 1024 * 1024))
    assert "zip bomb" in refused("bombe.docx", buffer.getvalue()).reason


def test_a_zip_without_a_word_document_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/other.xml", "<x/>")
    assert "damaged" in refused("aftale.docx", buffer.getvalue()).reason


def test_word_numbered_lists_keep_their_numbers_and_bold_paragraphs_are_headings():
    import io

    from docx import Document

    document = Document()
    document.add_paragraph().add_run("Lavt sygefravær").bold = True
    for text in ["Første punkt", "Andet punkt"]:
        document.add_paragraph(text, style="List Number")
    document.add_paragraph("Brødtekst.")
    document.add_paragraph("Et punkt", style="List Bullet")
    buffer = io.BytesIO()
    document.save(buffer)
    source = read_source("liste.docx", buffer.getvalue())
    assert "1. Første punkt\n2. Andet punkt" in source.text
    assert "• Et punkt" in source.text
    assert [source.text[h.start : h.end] for h in source.headings] == ["Lavt sygefravær"]


FIELD_TEXT = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")) | st.just("\n"), max_size=80
)


@settings(max_examples=25, deadline=None)
@given(
    st.lists(
        st.tuples(st.from_regex(r"[A-Za-zæøå][\w .æøå]{0,20}", fullmatch=True), FIELD_TEXT), min_size=1, max_size=5
    )
)
def test_a_forms_fields_read_from_its_widgets_are_those_of_its_field_tree(fields):
    """The fields are read from each page's widgets while the page is open; pypdf's reading of
    the whole field tree is the reference (and the fallback for trees the widgets do not name)."""
    from tests.core.ingest.pdfgen import line_pdf

    from roedtraad.core.ingest.sources import pdf_form_fields, read_pdf

    page = "Udviklingsaftale 2026 for Kultur og Fritid\nSkabelon til udviklingsmål med felter\n"
    dump = page + "".join(f"\t{name}: {value}\n" for name, value in fields)
    data = line_pdf(dump)
    assert read_pdf("form.pdf", data).form_fields == pdf_form_fields(data)


def test_a_form_with_a_check_box_is_read_through_its_field_tree():
    import io

    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject
    from tests.core.ingest.pdfgen import line_pdf

    from roedtraad.core.ingest.sources import read_pdf

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(line_pdf("Aftale\n\tEnhed: Solsikken\n\tGodkendt: x\n"))))
    writer._root_object["/AcroForm"]["/Fields"][1].get_object()[NameObject("/V")] = NameObject("/Yes")
    out = io.BytesIO()
    writer.write(out)
    assert read_pdf("form.pdf", out.getvalue()).form_fields == [("Enhed", "Solsikken"), ("Godkendt", "Yes")]
