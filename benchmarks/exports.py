"""Export benchmark (issue "Reports, open data and the API"): DOCX, PDF and XLSX of a 25-goal
contract and of a year of 40 contracts, each next to its library's floor in the same run.

usage: .venv/bin/python benchmarks/exports.py [--repeat N]

The data: the demo municipality in a fresh SQLite database under a temporary
ROEDTRAAD_DATA_DIR; the 40 contracts of the year 2030 are the demo contracts exported as Word
and imported again under 40 new holder names (the round trip of issue 14 makes the data), the
25-goal contract the goals of five demo contracts under one holder (2031). Baselines, the same
content written plainly by the same library: python-docx with every text as a plain paragraph
and every table cell in a plain table; WeasyPrint on the text as bare paragraphs; openpyxl's
write-only workbook with the same cell values. Times are medians of `--repeat` runs.
"""

from __future__ import annotations

import argparse
import io
import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _machine() -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if "model name" in line
        ),
        platform.processor() or "?",
    )
    return f"{cpu}, {os.cpu_count()} CPUs (nproc), Python {platform.python_version()}, load {os.getloadavg()[0]:.1f}"


def _setup() -> None:
    os.environ.pop("DATABASE_URL", None)
    os.environ["ROEDTRAAD_DATA_DIR"] = tempfile.mkdtemp(prefix="roedtraad-exports-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "roedtraad.settings")
    sys.path.insert(0, str(ROOT / "src"))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from roedtraad.demo.build import build

    build()


def _make_data() -> tuple[object, int]:
    """(the 25-goal contract, the year of 40 contracts)."""
    from roedtraad.contracts.importing import save_parsed_document
    from roedtraad.contracts.models import Contract
    from roedtraad.core.ingest.api import import_bytes
    from roedtraad.reports.contract_document import contract_docx_bytes

    demo = [c for c in Contract.objects.order_by("pk") if not hasattr(c, "next_revision")]
    parsed = [import_bytes("k.docx", contract_docx_bytes(c)) for c in demo]
    for i in range(40):
        document = import_bytes("k.docx", contract_docx_bytes(demo[i % len(demo)]))
        document.holder, document.year = f"Enhed {i + 1:02d}", 2030
        for indicator in (ind for goal in document.goals for ind in goal.indicators):
            indicator.scope = document.holder
        save_parsed_document(document)
    big = parsed[0]
    big.goals = [goal for document in parsed[:6] for goal in document.goals][:25]
    for number, goal in enumerate(big.goals, start=1):
        goal.number = number
        for indicator in goal.indicators:
            indicator.scope = "Stor enhed"
    big.holder, big.year, big.stop_doing, big.stop_doing_goals = "Stor enhed", 2031, big.stop_doing, {}
    contract = save_parsed_document(big)
    assert contract.live_goals().count() == 25
    return contract, 2030


def _median_ms(work: Callable[[], object], repeat: int) -> tuple[float, object]:
    result = work()  # warm: templates, fonts, imports
    runs = []
    for _ in range(repeat):
        started = time.perf_counter()
        result = work()
        runs.append((time.perf_counter() - started) * 1000)
    return statistics.median(runs), result


def _plain_docx(texts: list[str]) -> bytes:
    from docx import Document

    document = Document()
    for text in texts:
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _plain_pdf(texts: list[str]) -> bytes:
    from html import escape

    from weasyprint import HTML

    body = "".join(f"<p>{escape(t)}</p>" for t in texts)
    return HTML(string=f"<html lang='da'><body>{body}</body></html>").write_pdf()


def _plain_xlsx(rows: list[list[object]]) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _docx_texts(data: bytes) -> list[str]:
    """Every paragraph and table cell of a Word file (what the baseline writes plainly)."""
    from docx import Document

    document = Document(io.BytesIO(data))
    texts = [p.text for p in document.paragraphs]
    texts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return texts


def _xlsx_rows(data: bytes) -> list[list[object]]:
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(data), read_only=True)
    return [list(row) for sheet in workbook.worksheets for row in sheet.iter_rows(values_only=True)]


def _zip_texts(data: bytes) -> list[str]:
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [text for name in archive.namelist() for text in _docx_texts(archive.read(name))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    _setup()
    from django.contrib.auth import get_user_model

    from roedtraad.reports.contract_document import contract_docx_bytes, year_docx
    from roedtraad.reports.contract_pdf import contract_pdf, year_pdf
    from roedtraad.reports.overview import year_overview

    big, year = _make_data()
    director = get_user_model().objects.get(username="direktoer")
    cases = [
        ("DOCX, 25-goal contract", lambda: contract_docx_bytes(big), _docx_texts, _plain_docx),
        ("PDF, 25-goal contract", lambda: contract_pdf(big, director), None, _plain_pdf),
        ("XLSX, year of 40 contracts", lambda: year_overview(year), _xlsx_rows, _plain_xlsx),
        ("DOCX, year of 40 contracts (ZIP)", lambda: year_docx(year)[0], _zip_texts, _plain_docx),
        ("PDF, year of 40 contracts (ZIP)", lambda: year_pdf(year, director)[0], None, _plain_pdf),
    ]
    print(f"# {_machine()}; median of {args.repeat} runs")
    print("| export | Rødtråd | bytes | baseline (same content, plain) | ratio |")
    print("| --- | --- | --- | --- | --- |")
    docx_texts = _docx_texts(contract_docx_bytes(big))
    year_texts = _zip_texts(year_docx(year)[0])
    for name, work, content, plain in cases:
        ours, data = _median_ms(work, args.repeat)
        # a PDF's content: the Word file's texts of the same contracts
        pdf_texts = docx_texts if "25-goal" in name else year_texts
        same = content(data) if content is not None else pdf_texts
        floor, _ = _median_ms(lambda same=same, plain=plain: plain(same), args.repeat)
        size = len(data) if isinstance(data, bytes) else 0
        print(f"| {name} | {ours / 1000:.2f} s | {size / 1000:.0f} kB | {floor / 1000:.2f} s | {ours / floor:.1f}× |")


if __name__ == "__main__":
    main()
