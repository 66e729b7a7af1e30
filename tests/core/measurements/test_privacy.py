"""Person-level files are refused: Rødtråd takes figures for units only."""

from __future__ import annotations

import pytest

from roedtraad.core.measurements.privacy import person_level_reason
from roedtraad.core.measurements.table import Row, Table


def table(headers: list[str], *rows: list[str]) -> Table:
    return Table(headers, [Row(index + 2, cells) for index, cells in enumerate(rows)])


def test_a_file_with_a_cpr_column_is_refused():
    data = table(["CPR-nr.", "Enhed", "Periode", "Fraværsdage"], ["", "Center Nord", "jan. 23", "3"])
    assert person_level_reason(data, {"unit": 1, "period": 2, "numerator": 3}) == (
        "Filen indeholder oplysninger om enkelte medarbejdere (kolonnen «CPR-nr.»). "
        "Rødtråd tager kun tal for enheder imod – lav udtrækket pr. enhed."
    )


@pytest.mark.parametrize(
    "header", ["Personnummer", "Medarbejdernr.", "Lønnummer", "MA-nr.", "Initialer", "Fornavn", "Efternavn", "Navn"]
)
def test_a_column_that_names_employees_is_refused(header):
    data = table([header, "Enhed", "Værdi"], ["x", "A", "1"])
    assert f"«{header}»" in (person_level_reason(data, {"unit": 1, "value": 2}) or "")


def test_a_column_of_cpr_numbers_is_refused_whatever_it_is_called():
    data = table(["Id", "Enhed", "Værdi"], ["010203-1234", "A", "1"], ["2512851234", "A", "2"], ["", "B", "3"])
    assert "«Id» ligner CPR-numre" in (person_level_reason(data, {"unit": 1, "value": 2}) or "")


def test_a_headcount_of_one_on_most_rows_means_one_row_per_employee():
    data = table(["Enhed", "Værdi", "Antal medarbejdere"], *[["A", str(i), "1"] for i in range(4)], ["B", "2", "14"])
    assert "er 1 på de fleste rækker" in (person_level_reason(data, {"unit": 0, "value": 1, "headcount": 2}) or "")


def test_a_file_of_units_is_accepted():
    data = table(
        ["Enhed", "Periode", "Værdi", "Medarbejdere", "P-nummer"],
        ["Center Nord", "jan. 23", "8,2", "23", "1003388394"],
        ["Center Syd", "jan. 23", "5,1", "1", "1017263542"],
        ["Ålykke", "jan. 23", "6,0", "31", "1012345678"],
    )
    assert person_level_reason(data, {"unit": 0, "period": 1, "value": 2, "headcount": 3}) is None


def test_a_unit_column_called_navn_is_the_unit_not_a_person():
    data = table(["Navn", "Periode", "Værdi"], ["Center Nord", "jan. 23", "8,2"])
    assert person_level_reason(data, {"unit": 0, "period": 1, "value": 2}) is None
