"""A report as a Word document (python-docx): a title, a subtitle and a few facts, then blocks
in order — headings with Word's own heading styles (so the navigation pane and a screen reader
see the structure), paragraphs, bullet lists and tables whose header row repeats on each page —
and "Side N af M" in the footer from Word's page fields. The dialogue pack, the committee report
and the year-end report are each a list of these blocks. Plain values in, bytes out; no Django."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass, field

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from roedtraad.core.reports.contract_document import _date, _field_char, _table

REPORT_MARK = "roedtraad-rapport"  # the document's keywords: made by Rødtråd as a report


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1  # 1–3: Word's Heading 1–3


@dataclass(frozen=True)
class Text:
    text: str
    bullet: bool = False  # an item of a bullet list


@dataclass(frozen=True)
class Grid:
    headers: Sequence[str]
    rows: Sequence[Sequence[str]]


Block = Heading | Text | Grid


@dataclass
class ReportDocument:
    title: str  # "Sygefravær, 1. kvartal 2026"
    subtitle: str = ""  # "Rapport til Økonomiudvalget"
    facts: Sequence[str] = ()  # short lines under the title
    blocks: list[Block] = field(default_factory=list)
    made_on: dt.date | None = None
    landscape: bool = False  # wide tables (the committee report's seven columns)


def _page_field(paragraph, name: str) -> None:
    """A PAGE or NUMPAGES field; Word shows the number (begin, instruction, separate, end)."""
    _field_char(paragraph.add_run(), "begin")
    instruction = OxmlElement("w:instrText")
    instruction.set(qn("xml:space"), "preserve")
    instruction.text = name
    paragraph.add_run()._r.append(instruction)
    _field_char(paragraph.add_run(), "separate")
    paragraph.add_run("1")
    _field_char(paragraph.add_run(), "end")


def _footer(document) -> None:
    paragraph = document.sections[0].footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run("Side ")
    _page_field(paragraph, "PAGE")
    paragraph.add_run(" af ")
    _page_field(paragraph, "NUMPAGES")


def _landscape(document) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width


def report_docx(doc: ReportDocument) -> bytes:
    document = Document()
    document.core_properties.title = doc.title
    document.core_properties.subject = doc.subtitle
    document.core_properties.keywords = REPORT_MARK
    document.core_properties.language = "da-DK"
    document.styles["Normal"].font.size = Pt(11)
    if doc.landscape:
        _landscape(document)
    _footer(document)
    document.add_paragraph(doc.title, style="Title")
    if doc.subtitle:
        document.add_paragraph(doc.subtitle, style="Subtitle")
    for fact in doc.facts:
        document.add_paragraph(fact)
    if doc.made_on:
        document.add_paragraph(f"Udskrevet fra Rødtråd {_date(doc.made_on)}")
    for block in doc.blocks:
        if isinstance(block, Heading):
            document.add_heading(block.text, level=min(max(block.level, 1), 3))
        elif isinstance(block, Grid):
            _table(document, block.headers, block.rows)
        elif block.bullet:
            document.add_paragraph(block.text, style="List Bullet")
        else:
            for line in (line.strip() for line in block.text.splitlines()):
                if line:
                    document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
