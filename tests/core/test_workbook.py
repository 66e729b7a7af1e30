"""A workbook a spreadsheet user can sort and filter: real types, frozen header, filters."""

import datetime as dt
import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from roedtraad.core.reports.workbook import Column, Table, workbook_bytes


def book(*tables):
    return load_workbook(io.BytesIO(workbook_bytes(tables)))


def test_numbers_are_numbers_dates_are_dates_and_the_header_is_frozen_with_filters():
    table = Table("Indikatorer", [Column("Enhed"), Column("Værdi", "number"), Column("Periode", "date")])
    table.rows = [("Solsikken", Decimal("5.25"), dt.date(2026, 3, 1)), ("Hjemmeplejen", None, None)]
    sheet = book(table)["Indikatorer"]
    assert [c.value for c in sheet[1]] == ["Enhed", "Værdi", "Periode"]
    assert sheet["B2"].value == 5.25 and sheet["B2"].data_type == "n"
    assert sheet["C2"].is_date and sheet["C2"].value.date() == dt.date(2026, 3, 1)
    assert sheet["B3"].value is None
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:C3"


def test_a_date_column_refuses_text():
    with pytest.raises(TypeError):
        workbook_bytes([Table("T", [Column("Dato", "date")], [("2026-03-01",)])])


def test_sheets_keep_their_order_and_long_names_are_cut_to_excels_limit():
    names = book(Table("Kontrakter", [Column("A")]), Table("M" * 40, [Column("A")])).sheetnames
    assert names == ["Kontrakter", "M" * 31]
