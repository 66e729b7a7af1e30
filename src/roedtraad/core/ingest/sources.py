"""Source readers of the importer: bytes of a .txt, .pdf (with or without a filled form) or
.docx file → `SourceText` (pure Python, no Django).

The format is sniffed from the content (magic bytes) first and the file name second, so a
PDF named ".txt" is read as a PDF and a ".pdf" that is not one is refused. Every refusal is an
`UnreadableDocument` naming the file, with the reason in English and Danish; nothing else is
raised for bad input.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import PurePath
from typing import TYPE_CHECKING, cast

from .docxtext import docx_text
from .inflation import TooMuchInflated, inflated_sizes
from .limits import DEFAULT_LIMITS, ParseLimits
from .model import Heading, ParsedDocument, SourceText, UnreadableDocument
from .pdftext import PdfLine, drop_running, mark_headings, page_lines, page_text

if TYPE_CHECKING:
    from pypdf.generic import DictionaryObject

MAX_BYTES = DEFAULT_LIMITS.max_bytes
TEXT_SUFFIXES = {".txt", ".text", ""}
# Decoding candidates after UTF-8: Western encodings only (a short Danish text is otherwise
# easily taken for cp1250, turning "æøå" into "ćřĺ").
_ENCODINGS = ["cp1252", "latin_1", "iso8859_15", "utf_16", "utf_32"]
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufffd\ufffe\uffff]")
_LETTER = re.compile(r"[^\W\d_]")

REASONS: dict[str, tuple[str, str]] = {
    "empty": ("the file is empty", "filen er tom"),
    "too_large": ("the file is larger than {mb} MB", "filen er større end {mb} MB"),
    "unsupported": (
        "unsupported file type (use .pdf, .docx or .txt)",
        "filtypen understøttes ikke (brug .pdf, .docx eller .txt)",
    ),
    "binary": ("the file is not text (binary content)", "filen er ikke tekst (binært indhold)"),
    "pdf_corrupt": ("the PDF is damaged and cannot be opened", "PDF-filen er beskadiget og kan ikke åbnes"),
    "pdf_encrypted": (
        "the PDF is password-protected (encrypted)",
        "PDF-filen er beskyttet med adgangskode (krypteret)",
    ),
    "pdf_no_text": (
        "the PDF has no text layer (a scanned document?); run text recognition (OCR) first",
        "PDF-filen har ikke noget tekstlag (en scannet fil?); kør tekstgenkendelse (OCR) først",
    ),
    "docx_corrupt": ("the Word document is damaged and cannot be opened", "Word-filen er beskadiget og kan ikke åbnes"),
    "docx_protected": (
        "the Word document is password-protected or in the old .doc format; save it as .docx without a password",
        "Word-filen er beskyttet med adgangskode eller i det gamle .doc-format; gem den som .docx uden adgangskode",
    ),
    "docx_bomb": (
        "the Word document unpacks to more than {mb} MB of {what} (the limit; a zip bomb?)",
        "Word-filen pakkes ud til mere end {mb} MB {what_da} (grænsen; en zip-bombe?)",
    ),
    "docx_ratio": (
        "a part of the Word document unpacks to more than {ratio} times its size (the limit; a zip bomb?)",
        "en del af Word-filen pakkes ud til mere end {ratio} gange sin størrelse (grænsen; en zip-bombe?)",
    ),
    "pdf_bomb": (
        "the PDF's compressed content unpacks to more than {mb} MB (the limit; a decompression bomb?)",
        "PDF-filens komprimerede indhold pakkes ud til mere end {mb} MB (grænsen; en dekomprimeringsbombe?)",
    ),
    "too_slow": (
        "reading the document took longer than {seconds} seconds (the limit)",
        "det tog mere end {seconds} sekunder at læse dokumentet (grænsen)",
    ),
    "too_much_memory": (
        "reading the document needed more than {mb} MB of memory (the limit)",
        "det krævede mere end {mb} MB hukommelse at læse dokumentet (grænsen)",
    ),
    "no_text": ("the document contains no text", "dokumentet indeholder ingen tekst"),
}


def unreadable(filename: str, key: str, **params: object) -> UnreadableDocument:
    """The refusal `key` of `REASONS` for `filename`."""
    reason, reason_da = REASONS[key]
    return UnreadableDocument(filename, reason.format(**params), reason_da.format(**params))


def read_source(
    filename: str, data: bytes, *, max_bytes: int | None = None, limits: ParseLimits = DEFAULT_LIMITS
) -> SourceText:
    """Read one file's bytes into text; refuse what is not a readable contract document, or
    what would unpack to more than `limits` allow (before unpacking it)."""
    name = filename or "dokument"
    max_bytes = limits.max_bytes if max_bytes is None else max_bytes
    if len(data) > max_bytes:
        raise unreadable(name, "too_large", mb=_mb(max_bytes))
    if not data.strip():
        raise unreadable(name, "empty")
    kind = sniff(name, data)
    if kind == "pdf":
        check_pdf_streams(name, data, limits)
        return read_pdf(name, data)
    if kind == "docx":
        check_zip(name, data, limits)
        return read_docx(name, data)
    return read_text(name, data)


def check_pdf_streams(filename: str, data: bytes, limits: ParseLimits = DEFAULT_LIMITS) -> None:
    """Refuse a PDF whose compressed streams inflate past the limits, before pdfium sees it."""
    try:
        inflated_sizes(data, max_stream=limits.max_stream_bytes, max_total=limits.max_unpacked_bytes)
    except TooMuchInflated as error:
        name = "max_stream_bytes" if error.which == "stream" else "max_unpacked_bytes"
        raise unreadable(filename, "pdf_bomb", mb=limits.mb(name)) from error


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):g}"


def sniff(filename: str, data: bytes) -> str:
    """ "pdf", "docx" or "txt" from the content first, the suffix second; refuses the rest."""
    suffix = PurePath(filename).suffix.lower()
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        if suffix in {".docx", ".docm", ".dotx"} or b"word/" in data[:4096]:
            return "docx"
        raise unreadable(filename, "unsupported")
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):  # OLE2: .doc, or an encrypted .docx
        raise unreadable(filename, "docx_protected" if suffix in {".doc", ".docx"} else "unsupported")
    if suffix == ".pdf":
        raise unreadable(filename, "pdf_corrupt")
    if suffix == ".docx":
        raise unreadable(filename, "docx_corrupt")
    if suffix not in TEXT_SUFFIXES:
        raise unreadable(filename, "unsupported")
    return "txt"


def read_text(filename: str, data: bytes) -> SourceText:
    """A text file: UTF-8 (with or without BOM), else cp1252/latin-1 as detected."""
    text = normalise_newlines(decode_text(filename, data))
    if not text.strip():
        raise unreadable(filename, "empty")
    return SourceText(filename=filename, source_kind="txt", text=text)


def decode_text(filename: str, data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = _decode_or_none(data, "utf-16")
    elif b"\x00" in data:
        raise unreadable(filename, "binary")
    else:
        text = _decode_or_none(data, "utf-8-sig") or _detected(data)
    if text is None or _looks_binary(text):
        raise unreadable(filename, "binary")
    return text


def _decode_or_none(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _detected(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=_ENCODINGS).best()
    return None if best is None else str(best)


def _looks_binary(text: str) -> bool:
    """Control characters (beyond tab, newline, form feed) in more than 1 of 200 characters."""
    return len(_CONTROL.findall(text)) * 200 > max(len(text), 1)


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def has_text(text: str, minimum: int = 20) -> bool:
    """At least `minimum` letters: less is no text layer worth importing."""
    return any(count >= minimum for count, _ in enumerate(_LETTER.finditer(text), start=1))


def check_zip(filename: str, data: bytes, limits: ParseLimits = DEFAULT_LIMITS) -> None:
    """Refuse a DOCX whose members are damaged or unpack to more than the limits, before
    anything is extracted. The sizes in the zip directory bound what `zipfile` will inflate
    (it stops at the declared size), so checking them is enough."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError) as error:
        raise unreadable(filename, "docx_corrupt") from error
    for member in members:
        if member.file_size > 1024 * 1024 and member.file_size > limits.max_ratio * max(member.compress_size, 1):
            raise unreadable(filename, "docx_ratio", ratio=limits.max_ratio)
    total = sum(m.file_size for m in members)
    xml = sum(m.file_size for m in members if m.filename.endswith((".xml", ".rels")))
    if xml > limits.max_xml_bytes:
        raise unreadable(filename, "docx_bomb", mb=limits.mb("max_xml_bytes"), what="XML", what_da="XML")
    if total > limits.max_unpacked_bytes:
        raise unreadable(filename, "docx_bomb", mb=limits.mb("max_unpacked_bytes"), what="data", what_da="data")
    if not any(m.filename == "word/document.xml" for m in members):
        raise unreadable(filename, "docx_corrupt")


def headings_in(text: str, titles: list[tuple[str, int]], start: int = 0) -> list[Heading]:
    """`Heading` spans for titles found in order in `text` (titles not found are skipped)."""
    found, pos = [], start
    for title, level in titles:
        title = " ".join(title.split())
        if not title:
            continue
        at = text.find(title, pos)
        if at < 0:
            continue
        found.append(Heading(at, at + len(title), max(level, 1)))
        pos = at + len(title)
    return found


# --- PDF -------------------------------------------------------------------------------------


def read_pdf(filename: str, data: bytes) -> SourceText:
    """The text layer through pdfium, shaped like `pdftotext` output (a form feed after each
    page); a filled AcroForm's fields follow as "\\t<field name>: <value>" lines."""
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        password = getattr(error, "err_code", None) == pdfium.raw.FPDF_ERR_PASSWORD
        raise unreadable(filename, "pdf_encrypted" if password else "pdf_corrupt") from error
    try:
        has_form = pdfium.raw.FPDF_GetFormType(pdf.raw) != pdfium.raw.FORMTYPE_NONE
        pages: list[list[PdfLine]] = []
        widgets: list[tuple[str, str]] | None = [] if has_form else None
        for i in range(len(pdf)):
            lines, on_page = _page_lines(pdf, i, widgets is not None)
            pages.append(lines)
            widgets = None if widgets is None or on_page is None else widgets + on_page
        outline = [(bm.get_title() or "", bm.level + 1) for bm in pdf.get_toc(max_depth=3)]
    except pdfium.PdfiumError as error:
        raise unreadable(filename, "pdf_corrupt") from error
    finally:
        pdf.close()
    text, headings, running = _pages_text(pages)
    marked = {h.start for h in headings}
    headings += [h for h in headings_in(text, outline) if h.start not in marked]
    headings.sort(key=lambda h: h.start)
    # The fields as the pages' widgets hold them; pypdf reads a field tree the widgets do not name.
    # Fields of one name are one field (as in the field tree: the first place, the last value).
    fields = list(dict(widgets).items()) if widgets is not None else (pdf_form_fields(data) if has_form else [])
    if fields:
        text += "".join(f"\t{name}: {value}\n" for name, value in fields)
        return SourceText(filename, "pdf_form", text, headings, form_fields=fields, pages=len(pages), running=running)
    if not has_text(text):
        raise unreadable(filename, "pdf_no_text")
    return SourceText(filename, "pdf", text, headings, pages=len(pages), running=running)


def _page_lines(pdf, index: int, widgets: bool = False) -> tuple[list[PdfLine], list[tuple[str, str]] | None]:
    """The page's lines, and with `widgets` its form fields (`_widget_fields`)."""
    page = pdf[index]
    textpage = page.get_textpage()
    try:
        return page_lines(textpage), (_widget_fields(page) if widgets else [])
    finally:
        textpage.close()
        page.close()


def _widget_fields(page) -> list[tuple[str, str]] | None:
    """(name, value) of the page's form widgets that are whole fields (their own name and a text
    value, no parent), read while the page is open; None when a widget is anything else (a
    check box, a field under a parent), for pypdf to read the form's field tree instead."""
    import pypdfium2.raw as raw

    out = []
    for i in range(raw.FPDFPage_GetAnnotCount(page.raw)):
        annot = raw.FPDFPage_GetAnnot(page.raw, i)
        try:
            if raw.FPDFAnnot_GetSubtype(annot) != raw.FPDF_ANNOT_WIDGET:
                continue
            if raw.FPDFAnnot_HasKey(annot, b"Parent") or raw.FPDFAnnot_HasKey(annot, b"Kids"):
                return None
            kinds = [raw.FPDFAnnot_GetValueType(annot, key) for key in (b"T", b"V")]
            if kinds[0] != raw.FPDF_OBJECT_STRING or kinds[1] not in (raw.FPDF_OBJECT_STRING, raw.FPDF_OBJECT_UNKNOWN):
                return None
            if kinds[1] == raw.FPDF_OBJECT_STRING:
                value = _annot_string(annot, b"V")
                out.append((_annot_string(annot, b"T"), " ".join(normalise_newlines(value).split("\n"))))
        finally:
            raw.FPDFPage_CloseAnnot(annot)
    return out


def _annot_string(annot, key: bytes) -> str:
    import ctypes

    import pypdfium2.raw as raw

    size = raw.FPDFAnnot_GetStringValue(annot, key, None, 0)
    buffer = ctypes.create_string_buffer(size)
    raw.FPDFAnnot_GetStringValue(annot, key, ctypes.cast(buffer, ctypes.POINTER(raw.FPDF_WCHAR)), size)
    return buffer.raw[: max(size - 2, 0)].decode("utf-16-le", errors="replace")


def _pages_text(pages: list[list[PdfLine]]) -> tuple[str, list[Heading], list[str]]:
    """The pages' text with a form feed after each page, as `pdftotext` writes it, the
    headings their fonts show and the running headers and footers left out."""
    running = drop_running(pages)
    mark_headings(pages)
    parts: list[str] = []
    headings: list[Heading] = []
    pos = 0
    for lines in pages:
        text, found = page_text(lines, pos)
        parts.append(text)
        headings += found
        pos += len(text) + 3  # "\n\f\n"
    return "\n\f\n".join(parts) + "\n", headings, running


def pdf_form_fields(data: bytes) -> list[tuple[str, str]]:
    """(name, value) of the AcroForm's filled fields in form order; [] when there is no form.
    A form pypdf cannot read is treated as no form (pdfium has the page text already)."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            reader.decrypt("")
        root = cast("DictionaryObject", reader.trailer["/Root"].get_object())  # else TypeError below
        if "/AcroForm" not in root:
            return []
        fields = reader.get_fields() or {}
    except (PyPdfError, KeyError, ValueError, TypeError, AttributeError, RecursionError):
        return []
    out = []
    for name, field in fields.items():
        value = _field_value(field.get("/V"))
        if value is not None and "/Kids" not in field:
            out.append((str(name), value))
    return out


def _field_value(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, list | tuple):
        return ", ".join(filter(None, (_field_value(v) for v in value)))
    from pypdf.generic import NameObject

    text = str(value)
    if isinstance(value, NameObject):  # a check box or radio button's state name ("/Yes", "/Off")
        text = "" if text == "/Off" else text[1:]
    return " ".join(normalise_newlines(text).split("\n"))


# --- DOCX ------------------------------------------------------------------------------------


def read_docx(filename: str, data: bytes) -> SourceText:
    """The Word document's text and heading spans (see `docxtext.docx_text`); a document in
    Rødtråd's own template is read by its structure as well (`own_template`)."""
    try:
        text, headings, running = docx_text(data)
        own = _own_template(filename, data)
    except Exception as error:  # python-docx and lxml raise many types for a damaged package
        raise unreadable(filename, "docx_corrupt") from error
    if not has_text(text, minimum=1):
        raise unreadable(filename, "no_text")
    return SourceText(filename, "docx", text, headings, running=running, own=own)


def _own_template(filename: str, data: bytes) -> ParsedDocument | None:
    from .own_template import is_own_template, read_own

    if not is_own_template(data):
        return None
    from docx import Document

    return read_own(filename, Document(io.BytesIO(data)))
