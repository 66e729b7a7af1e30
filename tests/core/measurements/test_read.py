"""Measurement files read into rows, and the rows that cannot be used rejected with their line."""

from __future__ import annotations

import datetime as dt

import pytest
from tests.core.measurements.workbooks import workbook_bytes

from roedtraad.core.measurements.errors import MappingError, PersonalDataError
from roedtraad.core.measurements.periods import Period
from roedtraad.core.measurements.read import MeasurementRow, Rejected, read_measurements
from roedtraad.core.measurements.table import read_table

JAN, FEB, MAR = Period.month(2023, 1), Period.month(2023, 2), Period.month(2023, 3)


def read_csv(text: str, mapping: dict[str, int] | None = None):
    return read_measurements(read_table(text.encode("utf-8"), "export.csv"), mapping)


def test_a_targit_export_of_sick_leave_is_read_into_rows():
    reading = read_csv("Sygefravær – udtræk 03.02.2023\n\nEnhed;Periode;Værdi\nCenter Nord;jan. 23;8,22\n")
    assert reading.rows == [MeasurementRow(4, "Center Nord", "", JAN, 8.22, None, None, None)]
    assert reading.rejected == []
    assert reading.mapping == {"unit": 0, "period": 1, "value": 2}
    assert not reading.wide


def test_one_bad_row_among_good_ones_is_rejected_with_its_line_and_the_others_are_read():
    reading = read_csv(
        "Enhed;Periode;Værdi\n"
        "Center Nord;jan. 23;8,22\n"
        "Center Syd;januar 2023;syg\n"
        "Center Øst;13. måned;4,0\n"
        ";jan. 23;4,0\n"
        "Center Vest;jan. 23;5,5\n"
    )
    assert [row.unit_name for row in reading.rows] == ["Center Nord", "Center Vest"]
    assert reading.rejected == [
        Rejected(3, "Værdien «syg» er ikke et tal."),
        Rejected(4, "Perioden «13. måned» kan ikke læses."),
        Rejected(5, "Enheden mangler."),
    ]


def test_a_suppressed_value_and_a_total_row_are_rejected_with_a_reason():
    reading = read_csv("Enhed;Periode;Værdi\nCenter Nord;jan. 23;*\nI alt;jan. 23;6,1\nCenter Syd;jan. 23;\n")
    assert reading.rows == []
    assert reading.rejected == [
        Rejected(2, "Værdien mangler («*»)."),
        Rejected(3, "Rækken er en total («I alt») og er sprunget over."),
        Rejected(4, "Værdien mangler."),
    ]


def test_a_row_found_twice_keeps_the_first():
    reading = read_csv("Enhed;Periode;Værdi\nCenter Nord;jan. 23;8,2\ncenter  nord;2023-01;9,9\n")
    assert [row.value for row in reading.rows] == [8.2]
    assert reading.rejected == [
        Rejected(3, "Rækken findes to gange (enhed, nøgletal, periode) – den første (linje 2) er taget.")
    ]


def test_the_same_unit_and_month_for_two_key_figures_is_no_duplicate():
    reading = read_csv("Enhed;Nøgletal;Periode;Værdi\nA;Sygefravær;jan. 23;8\nA;Langtidsfravær;jan. 23;3\n")
    assert [(row.key_figure, row.value) for row in reading.rows] == [("Sygefravær", 8), ("Langtidsfravær", 3)]


def test_the_value_is_computed_from_absence_days_and_possible_days_when_missing():
    # 12 absence days of 150 possible days = 8 %.
    reading = read_csv("Enhed;Måned;Fravær %;Fraværsdage;Mulige dage\nA;jan. 23;;12;150\nB;jan. 23;5,0;3;60\n")
    assert [(row.value, row.numerator, row.denominator) for row in reading.rows] == [(8.0, 12, 150), (5.0, 3, 60)]


def test_a_file_with_only_days_has_its_values_computed():
    reading = read_csv("Enhed;Måned;Sygedage;Arbejdsdage\nA;jan. 23;3;200\nB;jan. 23;1;0\n")
    assert reading.rows[0].value == pytest.approx(1.5)
    assert reading.rejected == [Rejected(3, "Værdien kan ikke regnes ud af tæller og nævner, for nævneren er 0.")]


def test_a_wide_table_with_one_column_per_month_is_read():
    reading = read_csv("Enhed;jan. 23;feb. 23;mar. 23\nCenter Nord;8,2;7,9;\nCenter Syd;5,0;x;4,8\n")
    assert reading.wide
    assert [(row.line, row.unit_name, row.period, row.value) for row in reading.rows] == [
        (2, "Center Nord", JAN, 8.2),
        (2, "Center Nord", FEB, 7.9),
        (3, "Center Syd", JAN, 5.0),
        (3, "Center Syd", MAR, 4.8),
    ]
    assert reading.rejected == [Rejected(3, "Værdien mangler («x»).")]
    assert reading.mapping == {"unit": 0}


def test_an_xlsx_export_reads_excel_numbers_with_a_decimal_point():
    data = workbook_bytes(
        [["Enhed", "Måned", "Fravær %", "Medarbejdere"], ["Sundhed & Omsorg", dt.date(2023, 1, 31), 1.234, 40]]
    )
    reading = read_measurements(read_table(data, "x.xlsx"))
    assert reading.rows == [MeasurementRow(2, "Sundhed & Omsorg", "", JAN, 1.234, None, None, 40)]


def test_a_given_mapping_overrides_the_guess():
    reading = read_csv("Navn;Tidspunkt;Tal\nA;jan. 23;3\n", {"unit": 0, "period": 1, "value": 2})
    assert reading.rows[0].unit_name == "A"


def test_a_file_without_a_unit_column_names_what_is_missing_in_danish():
    with pytest.raises(MappingError, match="^Filen mangler en kolonne for enhed og værdi. Filens kolonner er"):
        read_csv("Navn;Periode;Tal\nA;jan. 23;3\n")


def test_a_file_with_a_cpr_column_is_refused():
    with pytest.raises(PersonalDataError, match="enkelte medarbejdere"):
        read_csv("CPR-nr.;Enhed;Periode;Værdi\n010203-1234;A;jan. 23;3\n")


def test_a_mapping_to_a_column_that_does_not_exist_is_an_error():
    with pytest.raises(MappingError, match="Kolonne 9 findes ikke"):
        read_csv("Enhed;Periode;Værdi\nA;jan. 23;3\n", {"unit": 0, "period": 1, "value": 8})
