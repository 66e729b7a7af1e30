"""The five corpus texts as real PDF and DOCX files, read back through `read_source` +
`parse_source` and scored by the shared gold scorer with its default bars.

How the files are made (at test time, never stored):

* PDF (reportlab): each text line is drawn as one line of Helvetica; a blank line is a
  blank line's worth of vertical space; a new page starts after a "Side N af M" line or when
  the page is full. The form dump (004) becomes a real AcroForm: its text before the first
  "\\t<field name>: <value>" line is the page text, and every field line is a text field
  with that name and value, so it is read through the pdf_form path.
* DOCX (python-docx): each line is a paragraph and a blank line an empty paragraph (the
  corpus texts keep their authors' line breaks); a line starting with a bullet ("•", "o",
  "-", "▪") becomes a "List Bullet" paragraph without its bullet ("List Bullet 2" for "o",
  Word's second-level bullet), which the reader writes back as Word's bullet of that level.
  Headings are decided by one simple rule that
  does not look at what the parser finds: a short line (at most 70 characters, starting with
  a capital letter or a digit, not ending in punctuation) standing after a blank line, or
  glued to the line before as pdftotext writes such a heading (" Heading"), with text after it
  is a "Heading 2", the document's first such line its "Title".
"""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from roedtraad.core.ingest.model import ParsedDocument
from roedtraad.core.ingest.parse import parse_source
from roedtraad.core.ingest.sources import read_source

FIELD_LINE = re.compile(r"^\t(?P<name>[^\n]*?): (?P<value>[^\n]*)$")
PAGE_NUMBER = re.compile(r"^\s*Side \d+ af \d+\s*$")
BULLET = re.compile(r"^\s*(?:[•▪\-]|o(?=\s))\s+")
GLUED = re.compile(r"^ [A-ZÆØÅ]")  # pdftotext's shape of a heading glued to the line before
FONT, SIZE, LEADING, MARGIN = "Helvetica", 7.5, 10, 40


def split_form(text: str) -> tuple[str, list[tuple[str, str]]]:
    """The page text before a form dump's first field line, and the (name, value) fields."""
    lines = text.split("\n")
    first = next((i for i, line in enumerate(lines) if FIELD_LINE.match(line)), len(lines))
    fields = [(m["name"], m["value"]) for line in lines[first:] if (m := FIELD_LINE.match(line))]
    return "\n".join(lines[:first]), fields


def corpus_pdf(text: str) -> bytes:
    """A PDF of the text, with an AcroForm when the text is a form dump."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    body, fields = split_form(text)
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, pageCompression=1)
    top = A4[1] - MARGIN
    y = top
    pdf.setFont(FONT, SIZE)
    for line in body.split("\n"):
        if y < MARGIN:
            pdf.showPage()
            pdf.setFont(FONT, SIZE)
            y = top
        if line.strip():
            pdf.drawString(36, y, line.replace("\f", ""))
        y -= LEADING
        if PAGE_NUMBER.match(line):
            pdf.showPage()
            pdf.setFont(FONT, SIZE)
            y = top
    _field_pages(pdf, len(fields), top)
    pdf.save()
    return _fill_fields(buffer.getvalue(), fields) if fields else buffer.getvalue()


def _field_pages(pdf, count: int, top: float) -> None:
    """Empty text fields, one under the other; the values are set by `_fill_fields` (reportlab
    draws appearances only for Latin-1 text, and the values hold quotes and dashes)."""
    y = 0.0
    for i in range(count):
        if i == 0 or y < 60:
            pdf.showPage()
            y = top
        pdf.line(30, y - 15, 560, y - 15)  # a page with only fields would not be written
        pdf.acroForm.textfield(name=f"f{i}", value="", x=36, y=y - 14, width=520, height=14, borderWidth=0)
        y -= 18


def _fill_fields(data: bytes, fields: list[tuple[str, str]]) -> bytes:
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import BooleanObject, NameObject, TextStringObject

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    form = writer._root_object["/AcroForm"]
    for ref, (name, value) in zip(form["/Fields"], fields, strict=True):
        field = ref.get_object()
        field[NameObject("/T")] = TextStringObject(name)
        field[NameObject("/V")] = TextStringObject(value)
    form[NameObject("/NeedAppearances")] = BooleanObject(True)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def is_heading_line(lines: list[str], i: int) -> bool:
    line = lines[i].strip()
    before = lines[i - 1].strip() if i else ""
    after = next((rest for rest in lines[i + 1 :] if rest.strip()), "")
    glued = bool(GLUED.match(lines[i]))
    shaped = 0 < len(line) <= 70 and (line[0].isupper() or line[0].isdigit()) and line[-1] not in ".,;:"
    alone = not before or glued
    return shaped and alone and bool(after) and not BULLET.match(line) and not FIELD_LINE.match(lines[i])


def docx_paragraphs(text: str) -> list[tuple[str, str]]:
    """(style, text) paragraphs of the text by the rules in the module's docstring."""
    lines = text.replace("\f", "").split("\n")
    paragraphs: list[tuple[str, str]] = []
    titled = False
    for i, line in enumerate(lines):
        if is_heading_line(lines, i):
            paragraphs.append(("Heading 2" if titled else "Title", line.strip()))
            titled = True
        elif BULLET.match(line):
            style = "List Bullet 2" if line.lstrip().startswith("o") else "List Bullet"
            paragraphs.append((style, BULLET.sub("", line).strip()))
        else:
            paragraphs.append(("Normal", line.rstrip() if FIELD_LINE.match(line) else line.strip()))
    return paragraphs


def corpus_docx(text: str) -> bytes:
    from docx import Document

    document = Document()
    for style, body in docx_paragraphs(text):
        document.add_paragraph(body, style=style)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def import_file(name: str, data: bytes) -> ParsedDocument:
    return parse_source(read_source(name, data))


def score(gold_dir: Path, docs: list[ParsedDocument], tmp_path: Path) -> subprocess.CompletedProcess:
    out = tmp_path / "out.json"
    out.write_text(json.dumps({"documents": [d.as_json() for d in docs]}, ensure_ascii=False), encoding="utf-8")
    return subprocess.run(
        [sys.executable, str(gold_dir / "score.py"), str(gold_dir), str(out)], capture_output=True, text=True
    )


@pytest.fixture(scope="module")
def corpus_texts(corpus_dir) -> list[tuple[str, str]]:
    return [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(corpus_dir.glob("*.txt"))]


def test_the_corpus_as_pdf_files_meets_the_gold_bars(corpus_texts, gold_dir, tmp_path):
    docs = [import_file(f"{stem}.pdf", corpus_pdf(text)) for stem, text in corpus_texts]
    result = score(gold_dir, docs, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_corpus_as_word_files_meets_the_gold_bars(corpus_texts, gold_dir, tmp_path):
    docs = [import_file(f"{stem}.docx", corpus_docx(text)) for stem, text in corpus_texts]
    result = score(gold_dir, docs, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_form_dump_as_a_filled_pdf_form_is_read_through_its_fields(corpus_texts):
    stem, text = next((s, t) for s, t in corpus_texts if split_form(t)[1])
    source = read_source(f"{stem}.pdf", corpus_pdf(text))
    assert source.source_kind == "pdf_form"
    assert source.form_fields == split_form(text)[1]
    assert source.pages and source.pages > 1


def test_word_headings_are_recorded_where_the_text_has_them(corpus_texts):
    stem, text = corpus_texts[0]
    source = read_source(f"{stem}.docx", corpus_docx(text))
    headings = [source.text[h.start : h.end] for h in source.headings]
    expected = [body for style, body in docx_paragraphs(text) if style in {"Title", "Heading 2"}]
    assert headings == expected
    assert {h.level for h in source.headings} == {1, 2}
