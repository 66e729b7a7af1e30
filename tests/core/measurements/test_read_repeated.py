"""The same text on many rows is decided once (`RowReader`), and every row still gets its own
line and reason."""

from __future__ import annotations

import gc

from roedtraad.core.measurements.periods import Period
from roedtraad.core.measurements.read import MeasurementRow, Rejected, gc_paused, measurement, read_measurements
from roedtraad.core.measurements.table import Row, read_table


def read_csv(text: str):
    return read_measurements(read_table(text.encode("utf-8"), "export.csv"))


def test_a_repeated_bad_text_is_rejected_on_every_line_it_is_on():
    reading = read_csv(
        "Enhed;Periode;Værdi\n"
        "Center Nord;jan. 23;syg\n"
        "Center Nord;13. måned;4,0\n"
        "I alt;jan. 23;6,1\n"
        "Center Syd;jan. 23;syg\n"
        "Center Syd;13. måned;4,0\n"
        "I alt;feb. 23;6,1\n"
        "Center Syd;feb. 23;*\n"
        "Center Nord;feb. 23;*\n"
        "Center Øst;jan. 23;4,0\n"
    )
    assert reading.rows == [MeasurementRow(10, "Center Øst", "", Period.month(2023, 1), 4.0, None, None, None)]
    assert reading.rejected == [
        Rejected(2, "Værdien «syg» er ikke et tal."),
        Rejected(3, "Perioden «13. måned» kan ikke læses."),
        Rejected(4, "Rækken er en total («I alt») og er sprunget over."),
        Rejected(5, "Værdien «syg» er ikke et tal."),
        Rejected(6, "Perioden «13. måned» kan ikke læses."),
        Rejected(7, "Rækken er en total («I alt») og er sprunget over."),
        Rejected(8, "Værdien mangler («*»)."),
        Rejected(9, "Værdien mangler («*»)."),
    ]


def test_the_same_text_in_two_number_columns_is_named_by_its_column():
    reading = read_csv("Enhed;Periode;Fraværsdage;Mulige dage\nA;jan. 23;12;syg\nB;jan. 23;syg;150\n")
    assert reading.rejected == [
        Rejected(2, "Nævneren «syg» er ikke et tal."),
        Rejected(3, "Tælleren «syg» er ikke et tal."),
    ]


def test_duplicates_are_found_across_spellings_of_the_same_name_and_period():
    reading = read_csv("Enhed;Periode;Værdi\nCenter Nord;jan. 23;8\nCENTER  NORD;2023-01;9\ncenter nord;jan. 23;7\n")
    assert [row.value for row in reading.rows] == [8]
    assert [r.line for r in reading.rejected] == [3, 4]
    assert all("den første (linje 2)" in r.reason for r in reading.rejected)


def test_a_short_hand_made_row_is_read_as_with_empty_cells():
    assert measurement(Row(7, ["Center Nord", "jan. 23"]), {"unit": 0, "period": 1, "value": 2}) == Rejected(
        7, "Værdien mangler."
    )


def test_the_collector_is_paused_only_inside_and_left_as_it_was():
    assert gc.isenabled()
    with gc_paused():
        assert not gc.isenabled()
        with gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
