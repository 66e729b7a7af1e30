"""`roedtraad import`: the dry-run JSON the gold scorer reads, saving, and bad files reported
in one line each with a non-zero exit code, never a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from io import StringIO

import pytest
from django.core.management import call_command

from roedtraad.contracts.models import Contract, Goal
from roedtraad.core.ingest.parse import parse_text

pytestmark = pytest.mark.django_db

WORKPLAN_DOC = "000_d3024c2f26f0e94b.txt"
SECTIONS_DOC = "003_32fa8561ff7d9387.txt"


def run(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("import", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_a_dry_run_prints_the_parsed_documents_as_json_and_writes_nothing(corpus_dir):
    paths = [corpus_dir / WORKPLAN_DOC, corpus_dir / SECTIONS_DOC]
    out, _ = run("--dry-run", "--json", *map(str, paths))
    data = json.loads(out)
    assert list(data) == ["documents"]
    expected = [parse_text(p.read_text(encoding="utf-8"), p.name).as_json() for p in paths]
    assert data["documents"] == expected
    assert "Sølund" in out, "Danish letters are printed as they are (ensure_ascii=False)"
    assert not Contract.objects.exists() and not Goal.objects.exists()


def test_importing_saves_each_document_and_importing_again_updates_it(corpus_dir):
    paths = [str(corpus_dir / WORKPLAN_DOC), str(corpus_dir / SECTIONS_DOC)]
    out, err = run("--create-holder", *paths)
    assert err == ""
    assert Contract.objects.count() == 2 and WORKPLAN_DOC in out
    goals = Goal.objects.count()
    run(paths[0], "--year", "2023")  # the holder is known now
    assert (Contract.objects.count(), Goal.objects.count()) == (2, goals)


def test_the_year_option_overrides_the_documents_year(corpus_dir):
    run("--year", "2024", "--create-holder", str(corpus_dir / WORKPLAN_DOC))
    assert Contract.objects.get().year == 2024


def test_a_bad_file_is_one_line_on_stderr_the_others_are_imported_and_the_exit_code_is_not_zero(corpus_dir, tmp_path):
    bad = tmp_path / "kontrakt.pdf"
    bad.write_bytes(b"\x00\x01 not a pdf")
    out, err = StringIO(), StringIO()
    with pytest.raises(SystemExit) as exited:
        call_command("import", "--create-holder", str(bad), str(corpus_dir / WORKPLAN_DOC), stdout=out, stderr=err)
    assert exited.value.code == 1
    lines = err.getvalue().strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(str(bad)) and "PDF" in lines[0]
    assert Contract.objects.count() == 1


def test_the_console_script_reports_a_bad_file_without_a_traceback(corpus_dir, tmp_path):
    empty = tmp_path / "tom.docx"
    empty.write_bytes(b"")
    # A dry run needs no real database: a fresh SQLite file in a temporary data directory.
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"} | {"ROEDTRAAD_DATA_DIR": str(tmp_path / "data")}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "roedtraad",
            "import",
            "--dry-run",
            "--json",
            str(empty),
            str(corpus_dir / WORKPLAN_DOC),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines() == [f"{empty}: the file is empty"]
    assert [d["file"] for d in json.loads(result.stdout)["documents"]] == [WORKPLAN_DOC]


def test_a_dry_run_reads_files_without_a_database_or_the_app_registry(corpus_dir, tmp_path):
    """A dry run writes nothing, so an unreachable database does not stop it, and it does not
    load Django's apps (most of the time a small file took)."""
    env = os.environ | {"DATABASE_URL": "postgres://nobody@127.0.0.1:1/none"}
    probe = (
        "import sys, django.apps; from roedtraad.cli import main; code = main(sys.argv[1:]); "
        "assert not django.apps.apps.ready, 'the app registry was loaded'; sys.exit(code)"
    )
    args = [sys.executable, "-c", probe, "import", "--dry-run", "--json", str(corpus_dir / WORKPLAN_DOC)]
    result = subprocess.run(args, capture_output=True, text=True, env=env, timeout=120)
    assert (result.returncode, result.stderr) == (0, "")
    assert [d["file"] for d in json.loads(result.stdout)["documents"]] == [WORKPLAN_DOC]


THREE_GOALS = """Udviklingskontrakt 2026 for Solsikken

Udviklingsmål 1: Lavt sygefravær

Baggrund og formål
Fraværet er for højt.

Udviklingsmål 2: Fleksible arbejdsformer

Baggrund og formål
Hjemmearbejde skal være muligt.

Udviklingsmål 3: God modtagelse

Baggrund og formål
Nye medarbejdere skal føle sig velkomne.
"""


def test_a_re_import_that_would_remove_goals_is_refused_without_replace_and_soft_deletes_with_it(tmp_path):
    path = tmp_path / "solsikken.txt"
    path.write_text(THREE_GOALS, encoding="utf-8")
    run("--create-holder", str(path))
    path.write_text(THREE_GOALS.split("Udviklingsmål 3")[0], encoding="utf-8")
    out, err = StringIO(), StringIO()
    with pytest.raises(SystemExit) as exited:
        call_command("import", str(path), stdout=out, stderr=err)
    assert exited.value.code == 1
    assert "God modtagelse" in err.getvalue() and "Traceback" not in err.getvalue()
    assert Goal.objects.filter(deleted_at__isnull=True).count() == 3

    run("--replace", str(path))
    assert Goal.objects.filter(deleted_at__isnull=True).count() == 2
    assert Goal.objects.get(title="God modtagelse").deleted_at is not None


def test_a_holder_rodtraad_does_not_know_is_refused_by_name_and_nothing_is_saved(tmp_path):
    """No org unit as a side effect: an unknown holder is named, and the way on is said."""
    from roedtraad.org.models import OrgUnit

    path = tmp_path / "solsikken.txt"
    path.write_text(THREE_GOALS, encoding="utf-8")
    out, err = StringIO(), StringIO()
    with pytest.raises(SystemExit) as exited:
        call_command("import", str(path), stdout=out, stderr=err)
    assert exited.value.code == 1
    assert "»Solsikken«" in err.getvalue() and "--holder" in err.getvalue() and "--create-holder" in err.getvalue()
    assert not OrgUnit.objects.exists() and not Contract.objects.exists()


def test_the_holder_option_saves_the_document_as_a_known_units_contract(tmp_path):
    from roedtraad.org.models import OrgUnit, OrgUnitKind

    unit = OrgUnit.objects.create(name="Børnehuset Solsikken", kind=OrgUnitKind.HOLDER)
    path = tmp_path / "solsikken.txt"
    path.write_text(THREE_GOALS, encoding="utf-8")
    run("--holder", "Børnehuset Solsikken", str(path))
    assert Contract.objects.get().holder == unit and OrgUnit.objects.count() == 1
    with pytest.raises(Exception, match="»Ukendt enhed«"):
        run("--holder", "Ukendt enhed", str(path))
