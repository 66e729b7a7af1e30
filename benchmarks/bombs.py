"""Hostile-file benchmark (issue "Trust", bounded parsing): seconds and peak memory to refuse
each decompression bomb, next to `pdftotext` on the same PDF and to a contained parse of an
ordinary document (the cost of the child process).

usage: .venv/bin/python benchmarks/bombs.py [--repeat N]
Each case runs in a fresh process that starts the contained parser, so the peak resident
size measured (RUSAGE_CHILDREN) is that parse's alone. Target: every bomb refused in seconds
under 300 MB.
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
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from tests.imports.bad_files import docx_xml_bomb, pdf_stream_bomb, pdf_with_text  # noqa: E402

MEASURE = """
import json, resource, subprocess, sys, time
data = sys.stdin.buffer.read()
start = time.monotonic()
reason = None
if sys.argv[1] == "pdftotext":
    subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, timeout=120)
else:
    from roedtraad.core.ingest.contained import parse_contained
    try:
        parse_contained(sys.argv[1], data)
    except Exception as error:
        reason = getattr(error, "reason", repr(error))
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(json.dumps({"reason": reason, "seconds": time.monotonic() - start, "peak_mb": peak}))
"""


def measure(name: str, data: bytes, repeat: int) -> dict:
    runs = []
    for _ in range(repeat):
        done = subprocess.run([sys.executable, "-c", MEASURE, name], input=data, capture_output=True, cwd=ROOT)
        runs.append(json.loads(done.stdout))
    return {
        "seconds": statistics.median(r["seconds"] for r in runs),
        "peak_mb": statistics.median(r["peak_mb"] for r in runs),
        "reason": runs[0]["reason"],
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    repeat = parser.parse_args().repeat
    pdf_bomb, docx_bomb = pdf_stream_bomb(300), docx_xml_bomb(150)
    ordinary = pdf_with_text("Udviklingskontrakt 2026 for Solsikken. Udviklingsmål 1: Lavt sygefravær i hele huset.")
    cases = [
        ("PDF, one stream inflating to 300 MB", "bombe.pdf", pdf_bomb),
        ("DOCX, 150 MB of XML", "stor-xml.docx", docx_bomb),
        ("ordinary one-page PDF", "kontrakt.pdf", ordinary),
    ]
    print(f"{platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}")
    print("| file | size | contained parse: s / peak MB | refusal | pdftotext: s / peak MB |")
    print("| --- | --- | --- | --- | --- |")
    for label, name, data in cases:
        ours = measure(name, data, repeat)
        baseline = "–"
        if name.endswith(".pdf") and shutil.which("pdftotext"):
            theirs = measure("pdftotext", data, repeat)
            baseline = f"{theirs['seconds']:.2f} / {theirs['peak_mb']:.0f}"
        size = f"{len(data) / (1024 * 1024):.1f} MB"
        reason = ours["reason"] or "(parsed)"
        print(f"| {label} | {size} | {ours['seconds']:.2f} / {ours['peak_mb']:.0f} | {reason} | {baseline} |")


if __name__ == "__main__":
    main()
