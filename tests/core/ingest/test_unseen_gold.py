"""Made-up documents of the same kinds as the corpus (other holders, municipalities, years and
wordings), parsed and scored by the shared gold scorer with its default bars.

The documents and their gold files live in `unseen/`; the notes in each gold file say what
the document varies. Nothing here is corpus text.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from roedtraad.core.ingest.parse import parse_text

UNSEEN = Path(__file__).parent / "unseen"


def _gold(name: str) -> dict:
    return json.loads((UNSEEN / name).with_suffix(".json").read_text(encoding="utf-8"))


def _parse(name: str):
    return parse_text((UNSEEN / name).read_text(encoding="utf-8"), name)


def _texts() -> list[str]:
    return sorted(p.name for p in UNSEEN.glob("*.txt"))


def test_the_unseen_documents_meet_the_gold_bars(gold_dir, tmp_path):
    docs = [_parse(name) for name in _texts()]
    out = tmp_path / "out.json"
    out.write_text(json.dumps({"documents": [d.as_json() for d in docs]}, ensure_ascii=False))
    result = subprocess.run(
        [sys.executable, str(gold_dir / "score.py"), str(UNSEEN), str(out)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("name", _texts())
def test_header_shared_goals_and_stop_doing_agree_with_the_gold(name):
    gold, doc = _gold(name), _parse(name)
    assert (doc.kind, doc.layout, doc.holder, doc.year) == (gold["kind"], gold["layout"], gold["holder"], gold["year"])
    got = {g.title: g.shared_with for g in doc.goals}
    assert got == {g["title"]: g["shared_with"] for g in gold["goals"]}
    assert doc.stop_doing == gold["stop_doing"]
    assert doc.coverage >= 0.995, doc.unassigned[:3]


@pytest.mark.parametrize("name", _texts())
def test_indicator_scopes_and_years_agree_with_the_gold(name):
    gold, doc = _gold(name), _parse(name)
    want = [
        (k["baseline"], float(k["target"]), k["unit"], k["scope"], k["year"]) for g in gold["goals"] for k in g["kpis"]
    ]
    got = [(i.baseline, i.target, i.unit, i.scope, i.year) for g in doc.goals for i in g.indicators]
    assert sorted(got, key=repr) == sorted(want, key=repr)


def test_a_framework_with_other_wording_lists_its_requirements_tracks_and_focus_areas():
    name = next(n for n in _texts() if _gold(n)["kind"] == "dus")
    gold, doc = _gold(name), _parse(name)
    assert (doc.requirements, doc.tracks, doc.focus_areas) == (
        gold["requirements"],
        gold["tracks"],
        gold["focus_areas"],
    )


WORKING_KEYS = ("scope", "multi_year", "partners", "activities", "follow_ups", "references")


@pytest.mark.parametrize("name", [n for n in _texts() if "scope" in (_gold(n)["goals"] or [{}])[0]])
def test_the_parts_a_working_contract_needs_agree_with_the_gold_where_it_gives_them(name):
    """Scope and duration, partners, activities with due dates and owners, planned follow-ups
    and red-thread references — the keys the scorer does not read."""
    gold, doc = _gold(name), _parse(name).as_json()
    for want, got in zip(gold["goals"], doc["goals"], strict=True):
        got = got | {
            "partners": [p["name"] for p in got["partners"]],
            "follow_ups": [{k: f[k] for k in ("forum", "rhythm", "dates")} for f in got["follow_ups"]],
            "references": [[r["kind"], r["name"]] for r in got["references"]],
        }
        assert {k: got[k] for k in WORKING_KEYS} == {k: want[k] for k in WORKING_KEYS}, want["title"]
    assert doc["stop_doing_goals"] == gold["stop_doing_goals"]
