"""Import benchmark (issue "Importer"): median ms per document and per MB for text, PDF and
DOCX imports of the five corpus documents, next to `pdftotext` on the same PDFs.

usage: .venv/bin/python benchmarks/import.py [--repeat N]
The PDF and DOCX files are made by tests/core/ingest/docgen.py (real-shaped: reflowed
paragraphs, heading styles, lists; the form as a filled AcroForm) into a temporary
directory. Goals: the five text documents together < 0.5 s; PDF import within 3x of pdftotext.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "roedtraad.settings")

from tests.core.ingest import docgen, pdfgen  # noqa: E402

from roedtraad.core.ingest.api import import_path  # noqa: E402


def _titles(path: Path) -> list[str]:
    gold = json.loads((CORPUS / "gold" / f"{path.stem}.json").read_text(encoding="utf-8"))
    return [goal["title"] for goal in gold["goals"]]


def _median_ms(func, paths: list[Path], repeat: int) -> float:
    """Median over the runs of the time to process all files, in ms."""
    runs = []
    for _ in range(repeat):
        started = time.perf_counter()
        for path in paths:
            func(path)
        runs.append((time.perf_counter() - started) * 1000)
    return statistics.median(runs)


def _pdftotext(path: Path) -> None:
    subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True)


def _machine() -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if "model name" in line
        ),
        platform.processor(),
    )
    return f"{os.cpu_count()} CPUs (nproc), {cpu}, Python {platform.python_version()}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    texts = sorted(CORPUS.glob("*.txt"))
    with tempfile.TemporaryDirectory() as tmp:
        sets: dict[str, list[Path]] = {"text": texts, "pdf": [], "docx": []}
        for path in texts:
            text = path.read_text(encoding="utf-8")
            for kind, make in (("pdf", pdfgen.real_pdf), ("docx", docgen.real_docx)):
                out = Path(tmp) / f"{path.stem}.{kind}"
                out.write_bytes(make(text, _titles(path)))
                sets[kind].append(out)
        import_path(texts[0])  # imports and caches outside the measurement
        size = lambda paths: sum(p.stat().st_size for p in paths) / 1e6  # noqa: E731
        rows = [(kind, paths, size(paths), _median_ms(import_path, paths, args.repeat)) for kind, paths in sets.items()]
        if shutil.which("pdftotext"):
            ms = _median_ms(_pdftotext, sets["pdf"], args.repeat)
            rows.append(("pdftotext (poppler)", sets["pdf"], size(sets["pdf"]), ms))
    print(f"machine: {_machine()}; median of {args.repeat} runs over the 5 corpus documents")
    print(f"{'import':<22}{'all 5 (ms)':>12}{'ms/doc':>10}{'ms/MB':>10}{'MB':>8}")
    for kind, paths, mb, ms in rows:
        print(f"{kind:<22}{ms:>12.1f}{ms / len(paths):>10.1f}{ms / mb:>10.0f}{mb:>8.2f}")
    times = {kind: ms for kind, _, _, ms in rows}
    print(f"text < 500 ms: {'yes' if times['text'] < 500 else 'no'}", end="")
    if "pdftotext (poppler)" in times:
        ratio = times["pdf"] / times["pdftotext (poppler)"]
        print(f"; PDF import / pdftotext = {ratio:.1f}x ({'within' if ratio <= 3 else 'over'} 3x)")
    else:
        print("; pdftotext not installed (apt-get install poppler-utils)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
