"""Bad input the importer must refuse with a one-line Danish reason, built in memory."""

from __future__ import annotations

import io
import random
import zipfile
import zlib

MB = 1024 * 1024


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


def pdf_stream_bomb(inflated_mb: int = 300) -> bytes:
    """A one-page PDF of about 1 MB whose one content stream inflates to `inflated_mb` MB of
    drawing operators (made in chunks, so the test never holds the inflated stream)."""
    packer = zlib.compressobj(9)
    chunk = b"0 0 m 1 1 l S\n" * (MB // 14)
    stream = b"".join(packer.compress(chunk) for _ in range(inflated_mb)) + packer.flush()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    return _pdf_file(objects)


def _pdf_file(objects: list[bytes]) -> bytes:
    out, offsets = bytearray(b"%PDF-1.7\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def docx_xml_bomb(xml_mb: int = 150) -> bytes:
    """A DOCX well under the upload limit whose document.xml is `xml_mb` MB of
    paragraphs of varied words, so it does not look like a zip bomb by its ratio."""
    words = [f"ord{n}" for n in range(5000)]
    rng = random.Random(9)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w") as xml:
            xml.write(b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>')
            paragraph = " ".join(rng.choice(words) for _ in range(2000)).encode()
            block = b"<w:p><w:r><w:t>" + paragraph + b"</w:t></w:r></w:p>"
            for _ in range(xml_mb * MB // len(block)):
                xml.write(block)
            xml.write(b"</w:body></w:document>")
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
    "DOCX with 150 MB of XML": ("stor-xml.docx", docx_xml_bomb),
    "PDF whose stream inflates to 300 MB": ("bombe.pdf", pdf_stream_bomb),
}
