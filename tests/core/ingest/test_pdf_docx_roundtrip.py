"""The five corpus texts and the unseen documents as real-shaped Word and PDF files (made
at test time by `docgen`, never stored), read back through `read_source` + `parse_source` and
scored by the shared gold scorer with its default bars.

Shapes: "docx" (paragraphs reflowed, heading styles, list paragraphs), "docx_table" (the same
with each goal's sections as a two-column table), "docx_plain" (headings as bold "Normal"
paragraphs, the sections in a table), "pdf" (reflowed at another width, bold
headings, bullet lists; a form dump as a filled AcroForm), "pdf_table" (the same with the
sections as a two-column table, so a heading cell and its text share a baseline), "pdf_running"
(a running header and "Side N" footer on every page) and "line_pdf" (a drawn line per line
of the dump, as `pdftotext` would print it).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from tests.core.ingest import docgen, pdfgen

from roedtraad.core.ingest.model import ParsedDocument
from roedtraad.core.ingest.parse import parse_source
from roedtraad.core.ingest.sources import read_source

UNSEEN = Path(__file__).parent / "unseen"
RUNNING = "Udviklingsaftale 2024 – Eksempelområdet"
SHAPES = {
    "docx": ("docx", lambda text, titles: docgen.real_docx(text, titles)),
    "docx_table": ("docx", lambda text, titles: docgen.real_docx(text, titles, table=True)),
    "docx_plain": ("docx", lambda text, titles: docgen.real_docx(text, titles, table=True, styled=False)),
    "pdf": ("pdf", lambda text, titles: pdfgen.real_pdf(text, titles)),
    "pdf_table": ("pdf", lambda text, titles: pdfgen.real_pdf(text, titles, table=True)),
    "pdf_running": ("pdf", lambda text, titles: pdfgen.real_pdf(text, titles, running=RUNNING)),
    "line_pdf": ("pdf", lambda text, titles: pdfgen.line_pdf(text)),
}


def documents(text_dir: Path, gold_dir: Path) -> list[tuple[str, str, list[str]]]:
    """(stem, text, gold titles) of every text with a gold file."""
    out = []
    for path in sorted(text_dir.glob("*.txt")):
        gold = json.loads((gold_dir / f"{path.stem}.json").read_text(encoding="utf-8"))
        out.append((path.stem, path.read_text(encoding="utf-8"), [g["title"] for g in gold["goals"]]))
    return out


def import_file(name: str, data: bytes) -> ParsedDocument:
    return parse_source(read_source(name, data))


@pytest.fixture(scope="module", params=["corpus", "unseen"])
def document_set(request, corpus_dir, gold_dir):
    if request.param == "corpus":
        return gold_dir, documents(corpus_dir, gold_dir)
    return UNSEEN, documents(UNSEEN, UNSEEN)


@pytest.mark.parametrize("shape", list(SHAPES))
def test_real_shaped_files_meet_the_gold_bars(shape, document_set, gold_dir, tmp_path):
    scored_dir, docs = document_set
    suffix, make = SHAPES[shape]
    parsed = [import_file(f"{stem}.{suffix}", make(text, titles)) for stem, text, titles in docs]
    result = subprocess.run(
        [sys.executable, str(gold_dir / "score.py"), str(scored_dir), str(_dump(parsed, tmp_path))],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def _dump(docs: list[ParsedDocument], tmp_path: Path) -> Path:
    out = tmp_path / "out.json"
    out.write_text(json.dumps({"documents": [d.as_json() for d in docs]}, ensure_ascii=False), encoding="utf-8")
    return out


def test_the_form_dump_as_a_filled_pdf_form_is_read_through_its_fields(corpus_dir, gold_dir):
    stem, text, titles = next(d for d in documents(corpus_dir, gold_dir) if docgen.split_form(d[1])[1])
    source = read_source(f"{stem}.pdf", pdfgen.real_pdf(text, titles))
    assert source.source_kind == "pdf_form"
    assert source.form_fields == docgen.split_form(text)[1]
    assert source.pages and source.pages > 1


def test_word_heading_styles_are_recorded_as_headings(corpus_dir, gold_dir):
    stem, text, titles = documents(corpus_dir, gold_dir)[0]
    source = read_source(f"{stem}.docx", docgen.real_docx(text, titles))
    headings = [(source.text[h.start : h.end], h.level) for h in source.headings]
    levels = {"title": 1, "label": 1, "heading": 2}
    expected = [(b.text, levels[b.kind]) for b in docgen.blocks(text, titles) if b.kind in levels]
    assert headings == expected


def test_reflowed_paragraphs_join_lines_and_undo_hyphenation():
    text = (
        "Vi vil arbejde med sam-\narbejdet og Sundheds-\nog Omsorgsområdet i det kommende\n\når.\n\n"
        "• Et punkt der\nfortsætter\no Et underpunkt\n"
    )
    parts = docgen.blocks(text, [])
    assert [(b.kind, b.text, b.level) for b in parts] == [
        ("text", "Vi vil arbejde med samarbejdet og Sundheds- og Omsorgsområdet i det kommende år.", 1),
        ("item", "Et punkt der fortsætter", 1),
        ("item", "Et underpunkt", 2),
    ]


def test_pdf_headings_are_read_from_the_fonts_and_wrapped_titles_joined(corpus_dir, gold_dir):
    stem, text, titles = next(d for d in documents(corpus_dir, gold_dir) if max(map(len, d[2]), default=0) > 80)
    source = read_source(f"{stem}.pdf", pdfgen.real_pdf(text, titles))
    headings = [source.text[h.start : h.end] for h in source.headings]
    assert set(titles) <= set(headings)
    assert {h.level for h in source.headings} == {1, 2}


def test_a_running_header_and_footer_are_dropped_from_pdf_text(corpus_dir, gold_dir):
    stem, text, titles = documents(corpus_dir, gold_dir)[3]
    source = read_source(f"{stem}.pdf", pdfgen.real_pdf(text, titles, running=RUNNING))
    assert source.pages and source.pages > 3
    assert RUNNING not in source.text
    assert "Side 2" not in source.text


@pytest.mark.parametrize("shape", ["docx", "docx_plain", "pdf"])
def test_frameworks_as_real_files_give_the_same_requirements_tracks_and_focus_areas(shape, corpus_dir, gold_dir):
    from roedtraad.core.ingest.parse import parse_text

    suffix, make = SHAPES[shape]
    frameworks = [(corpus_dir, gold_dir), (UNSEEN, UNSEEN)]
    for text_dir, golds in frameworks:
        for stem, text, titles in documents(text_dir, golds):
            expected = parse_text(text, f"{stem}.txt")
            if expected.layout != "framework":
                continue
            doc = import_file(f"{stem}.{suffix}", make(text, titles))
            got = (doc.layout, doc.requirements, doc.tracks, doc.focus_areas)
            assert got == ("framework", expected.requirements, expected.tracks, expected.focus_areas), stem


@pytest.mark.parametrize("shape", list(SHAPES))
def test_the_parts_a_working_contract_needs_survive_every_file_shape(shape):
    """Scope, partners, activities (due dates, owners), follow-ups and references of the unseen
    documents whose gold gives them, read from each Word and PDF shape as from the text."""
    from tests.core.ingest.test_unseen_gold import WORKING_KEYS

    suffix, make = SHAPES[shape]
    for stem, text, titles in documents(UNSEEN, UNSEEN):
        gold = json.loads((UNSEEN / f"{stem}.json").read_text(encoding="utf-8"))
        if "scope" not in (gold["goals"] or [{}])[0]:
            continue
        doc = import_file(f"{stem}.{suffix}", make(text, titles)).as_json()
        for want, got in zip(gold["goals"], doc["goals"], strict=True):
            got = got | {
                "partners": [p["name"] for p in got["partners"]],
                "follow_ups": [{k: f[k] for k in ("forum", "rhythm", "dates")} for f in got["follow_ups"]],
                "references": [[r["kind"], r["name"]] for r in got["references"]],
            }
            assert {k: got[k] for k in WORKING_KEYS} == {k: want[k] for k in WORKING_KEYS}, (stem, want["title"])
