"""Real-shaped PDF files made from a text dump and its gold annotation (test helper, also
used by benchmarks/import.py); the paragraphs are `docgen.blocks`.

* `real_pdf` (reportlab platypus): paragraphs wrapped at another width than the dump, titles
  and headings in bold and larger, bullets as `ListFlowable`s, a page number in the footer;
  with `table=True` each goal's sections are a two-column table (heading | text). A form dump
  becomes a filled AcroForm (`line_pdf`'s form path).
* `line_pdf`: each line of the dump drawn as a line, as `pdftotext` prints it.
"""

from __future__ import annotations

import io
import re
from xml.sax.saxutils import escape

from tests.core.ingest.docgen import Block, blocks, split_form

FONT, SIZE, LEADING, MARGIN = "Helvetica", 7.5, 10, 40


def real_pdf(text: str, titles: list[str], *, width_mm: float = 150, table: bool = False, running: str = "") -> bytes:
    """Reflowed paragraphs (a form dump: a filled AcroForm, see `line_pdf`); `running`: a running
    header on every page, and "Side N" in the footer instead of a bare page number."""
    if split_form(text)[1]:
        return line_pdf(text)
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate

    buffer = io.BytesIO()
    side = (A4[0] - width_mm * mm) / 2
    doc = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=side, rightMargin=side, topMargin=50, bottomMargin=50)
    parts = blocks(text, titles)
    story = _tabled(parts, width_mm * mm) if table else _flowables(parts)
    decorate = _running(running) if running else _footer
    doc.build(story, onFirstPage=decorate, onLaterPages=decorate)
    return buffer.getvalue()


def _running(header: str):
    def decorate(canvas, doc) -> None:
        canvas.setFont("Helvetica", 8)
        canvas.drawString(doc.leftMargin, doc.pagesize[1] - 30, header)
        canvas.drawRightString(doc.pagesize[0] - doc.rightMargin, 25, f"Side {doc.page}")

    return decorate


def _footer(canvas, doc) -> None:
    canvas.setFont("Helvetica", 8)
    canvas.drawCentredString(doc.pagesize[0] / 2, 25, str(doc.page))


def _paragraph_styles() -> dict:
    from reportlab.lib.styles import ParagraphStyle

    body = ParagraphStyle("body", fontName="Helvetica", fontSize=10, leading=12.5, spaceAfter=7)
    title = ParagraphStyle("title", parent=body, fontName="Helvetica-Bold", fontSize=15, leading=18, spaceBefore=12)
    return {
        "text": body,
        "label": title,
        "item": ParagraphStyle("item", parent=body, spaceAfter=2),
        "title": title,
        "heading": ParagraphStyle("heading", parent=body, fontName="Helvetica-Bold", fontSize=11.5, leading=14),
    }


def _flowables(parts: list[Block]) -> list:
    from reportlab.platypus import ListFlowable, Paragraph

    styles = _paragraph_styles()
    out: list = []
    i = 0
    while i < len(parts):
        if parts[i].kind not in {"item", "number"}:
            out.append(Paragraph(escape(parts[i].text), styles.get(parts[i].kind, styles["text"])))
            i += 1
            continue
        end = next((j for j in range(i, len(parts)) if parts[j].kind not in {"item", "number"}), len(parts))
        items = [_list_item(b, styles["item"]) for b in parts[i:end]]
        numbered = parts[i].kind == "number"
        out.append(
            ListFlowable(
                items,
                bulletType="1" if numbered else "bullet",
                start=None if numbered else "•",
                bulletFontName="Helvetica",
                bulletFontSize=10,
                spaceAfter=7,
            )
        )
        i = end
    return out


def _tabled(parts: list[Block], width: float) -> list:
    """Each goal's section headings and their text as rows of a two-column table."""
    from reportlab.platypus import Table

    out: list = []
    i = 0
    while i < len(parts):
        in_goal = any(b.kind == "title" for b in parts[:i])
        if not (in_goal and parts[i].kind == "heading"):
            out += _flowables(parts[i : i + 1])
            i += 1
            continue
        end = next((j for j in range(i, len(parts)) if parts[j].kind in {"title", "label", "field"}), len(parts))
        rows, row_start = [], i
        for j in range(i, end + 1):
            if j == end or (parts[j].kind == "heading" and j > row_start):
                rows.append([_flowables(parts[row_start : row_start + 1]), _flowables(parts[row_start + 1 : j])])
                row_start = j
        out.append(Table(rows, colWidths=[0.3 * width, 0.7 * width], splitInRow=1, style=_GRID))
        i = end
    return out


_GRID = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("GRID", (0, 0), (-1, -1), 0.5, "black")]


def _list_item(block: Block, style):
    from reportlab.platypus import ListItem, Paragraph

    bullet = {"value": "o"} if block.kind == "item" and block.level == 2 else {}
    return ListItem(Paragraph(escape(block.text), style), leftIndent=18 * block.level, **bullet)


def line_pdf(text: str) -> bytes:
    """Each line of the dump drawn as a line; a new page after "Side N af M" or when full. A
    form dump's field lines become a filled AcroForm after its page text."""
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
        if re.match(r"^\s*Side \d+ af \d+\s*$", line):
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
