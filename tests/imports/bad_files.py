"""Bad input the importer must refuse with a one-line Danish reason, built in memory."""

from __future__ import annotations

import io
import zipfile


def pdf_with_text(text: str = "Udviklingskontrakt 2026 for Solsikken. Udviklingsmål 1: Lavt sygefravær.") -> bytes:
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.drawString(72, 720, text)
    page.save()
    return buffer.getvalue()


def scanned_pdf() -> bytes:
    """A page with a drawing and no text layer, like a scan."""
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.rect(72, 400, 300, 300, fill=1)
    page.save()
    return buffer.getvalue()


def encrypted_pdf() -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(pdf_with_text())).pages:
        writer.add_page(page)
    writer.encrypt(user_password="hemmelig", owner_password="hemmelig")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def corrupt_pdf() -> bytes:
    return pdf_with_text()[:300]


def corrupt_docx() -> bytes:
    return b"PK\x03\x04" + b"\x00garbage" * 50


def docx_zip_bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"<w:document>" + b"A" * (60 * 1024 * 1024) + b"</w:document>")
    return buffer.getvalue()


def binary_garbage() -> bytes:
    return bytes(range(256)) * 40


BAD_FILES = {
    "empty": ("tom.txt", lambda: b""),
    "binary garbage": ("affald.txt", binary_garbage),
    "encrypted PDF": ("hemmelig.pdf", encrypted_pdf),
    "corrupt PDF": ("itu.pdf", corrupt_pdf),
    "corrupt DOCX": ("itu.docx", corrupt_docx),
    "scanned PDF without text": ("scannet.pdf", scanned_pdf),
    "DOCX zip bomb": ("bombe.docx", docx_zip_bomb),
}
