"""`roedtraad export xlsx`: the year's overview opened with openpyxl, its cells checked."""

import datetime as dt
import io

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

pytestmark = pytest.mark.django_db
YEAR = 2026


def exported(tmp_path, *args):
    path = tmp_path / "aar.xlsx"
    call_command("export", "xlsx", "--year", str(YEAR), "-o", str(path), *args)
    return load_workbook(io.BytesIO(path.read_bytes()))


def rows(sheet):
    header = [c.value for c in sheet[1]]
    return [dict(zip(header, (c.value for c in row), strict=True)) for row in sheet.iter_rows(min_row=2)]


def test_the_overview_has_a_sheet_each_for_contracts_goals_indicators_and_findings(tmp_path, world):
    book = exported(tmp_path)
    assert book.sheetnames == ["Kontrakter", "Mål", "Indikatorer", "Krav"]
    contracts = rows(book["Kontrakter"])
    assert sorted(c["Kontraktholder"] for c in contracts) == ["Hjemmeplejen", "Nordskolen", "Solsikken"]
    assert {c["År"] for c in contracts} == {YEAR} and all(isinstance(c["Antal mål"], int) for c in contracts)
    assert all(book[name].freeze_panes == "A2" and book[name].auto_filter.ref for name in book.sheetnames)


def test_indicator_figures_are_numbers_and_their_periods_dates(tmp_path, world):
    (indicator, *_rest) = [r for r in rows(exported(tmp_path)["Indikatorer"]) if r["Kontraktholder"] == "Solsikken"]
    assert indicator["Måltal"] == 5 and indicator["Seneste værdi"] == 8
    assert isinstance(indicator["Seneste periode"], dt.datetime) and indicator["Seneste periode"].month == 3
    assert indicator["Måltallets frist"].date() == dt.date(YEAR, 12, 31)
    assert indicator["Status"] in {"På sporet", "I risiko", "Ikke på sporet", "Forældede tal", "Ingen data"}


def test_findings_name_the_requirements(tmp_path, world):
    findings = rows(exported(tmp_path)["Krav"])
    assert {"Sygefravær", "Holde op med"} <= {f["Krav"] for f in findings}
    assert {f["Status"] for f in findings} <= {"Opfyldt", "Delvist", "Mangler"}


def test_one_holders_overview_holds_only_that_contract(tmp_path, world):
    goals = rows(exported(tmp_path, "--holder", "solsikken")["Mål"])
    assert {g["Kontraktholder"] for g in goals} == {"Solsikken"} and goals[0]["Nr."] == 1


def test_an_unknown_holder_and_a_year_without_contracts_are_clear_errors(tmp_path, world):
    with pytest.raises(CommandError, match="Ukendt har ingen kontrakt"):
        exported(tmp_path, "--holder", "Ukendt")
    with pytest.raises(CommandError, match="ingen kontrakter for 1999"):
        call_command("export", "xlsx", "--year", "1999", "-o", str(tmp_path / "x.xlsx"))
