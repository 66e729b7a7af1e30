"""Reading measurement exports (CSV and XLSX) into a table of text cells."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest
from tests.core.measurements.workbooks import workbook_bytes

from roedtraad.core.measurements.table import Row, TableError, read_table


def csv(text: str, encoding: str = "utf-8") -> bytes:
    return text.encode(encoding)


def test_a_targit_export_with_a_title_line_and_semicolons_is_read():
    data = csv(
        "Sygefravær – udtræk 03.02.2023\n\nEnhed;Periode;Værdi\nCenter Nord;jan. 23;8,22\nCenter Syd;jan. 23;5,1\n"
    )
    table = read_table(data, "sygefravaer.csv")
    assert table.headers == ["Enhed", "Periode", "Værdi"]
    assert table.rows == [Row(4, ["Center Nord", "jan. 23", "8,22"]), Row(5, ["Center Syd", "jan. 23", "5,1"])]
    assert not table.dot_decimal


def test_semicolons_win_over_the_decimal_commas_in_the_values():
    table = read_table(csv("Enhed;Periode;Værdi\nA;jan. 23;8,22"), "x.csv")
    assert table.rows[0].cells == ["A", "jan. 23", "8,22"]


@pytest.mark.parametrize("delimiter", [",", "\t", "|"])
def test_other_delimiters_are_sniffed(delimiter):
    lines = ["Enhed", "Periode", "Værdi"], ["Center Nord", "2023-01", '"8,22"' if delimiter == "," else "8,22"]
    table = read_table(csv("\n".join(delimiter.join(line) for line in lines)), "x.txt")
    assert table.headers == ["Enhed", "Periode", "Værdi"]
    assert table.rows[0].cells == ["Center Nord", "2023-01", "8,22"]


def test_a_utf8_file_with_a_byte_order_mark_has_a_clean_first_header():
    table = read_table("Enhed;Værdi\nA;1\n".encode("utf-8-sig"), "x.csv")
    assert table.headers == ["Enhed", "Værdi"]


def test_a_cp1252_file_from_an_old_export_keeps_its_danish_letters():
    text = "Område;Periode;Værdi\nSundhed & Omsorg;maj 23;7,4\nBørn og Unge – Ålykke;maj 23;6,0\n"
    table = read_table(text.encode("cp1252"), "export.csv")
    assert table.headers == ["Område", "Periode", "Værdi"]
    assert [row.cells[0] for row in table.rows] == ["Sundhed & Omsorg", "Børn og Unge – Ålykke"]


def test_an_excel_unicode_text_file_is_read():
    table = read_table("Enhed\tVærdi\nÆblehaven\t3,2\n".encode("utf-16"), "x.txt")
    assert table.rows[0].cells == ["Æblehaven", "3,2"]


def test_cells_are_stripped_and_empty_rows_dropped_but_line_numbers_kept():
    table = read_table(csv("Enhed ; Værdi \n\n  A ;  1,5\n;\nB;2\n"), "x.csv")
    assert table.headers == ["Enhed", "Værdi"]
    assert table.rows == [Row(3, ["A", "1,5"]), Row(5, ["B", "2"])]


def test_a_quoted_cell_over_two_lines_keeps_the_line_it_starts_on():
    table = read_table(csv('Enhed;Værdi\n"Center\nNord";1\nB;2\n'), "x.csv")
    assert table.rows == [Row(2, ["Center\nNord", "1"]), Row(4, ["B", "2"])]


def test_short_rows_are_padded_to_the_header_width():
    table = read_table(csv("Enhed;Periode;Værdi\nA;jan. 23\nB;jan. 23;4\n"), "x.csv")
    assert table.rows[0].cells == ["A", "jan. 23", ""]


def test_a_two_cell_title_line_before_a_wider_header_is_skipped():
    table = read_table(csv("Udtræk;03.02.2023\nEnhed;Periode;Værdi\nA;jan. 23;8\nB;jan. 23;9\n"), "x.csv")
    assert table.headers == ["Enhed", "Periode", "Værdi"]


def test_a_binary_file_is_neither_csv_nor_excel():
    with pytest.raises(TableError, match=r"hverken CSV eller Excel \(xlsx\)"):
        read_table(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "billede.csv")


def test_an_old_xls_file_is_refused_with_advice():
    with pytest.raises(TableError, match="gamle Excel-format"):
        read_table(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "gammel.xls")


def test_an_empty_file_has_no_rows_with_data():
    with pytest.raises(TableError, match="ingen rækker med data"):
        read_table(b"", "tom.csv")


def test_a_header_without_rows_has_no_rows_with_data():
    with pytest.raises(TableError, match="ingen rækker med data"):
        read_table(csv("Sygefravær\n\nEnhed;Periode;Værdi\n"), "x.csv")


def test_a_file_over_the_row_limit_is_refused():
    data = csv("Enhed;Værdi\n" + "".join(f"E{i};{i}\n" for i in range(11)))
    with pytest.raises(TableError, match=r"over 10 rækker"):
        read_table(data, "x.csv", max_rows=10)
    assert len(read_table(data, "x.csv", max_rows=11).rows) == 11


def test_the_row_limit_is_written_with_a_danish_thousands_dot():
    with pytest.raises(TableError, match=r"^Filen har over 1\.000 rækker\.$"):
        read_table(csv("Enhed;Værdi\n" + "A;1\n" * 1001), "x.csv", max_rows=1000)


def test_an_xlsx_export_with_numeric_and_date_cells_is_read_as_text():
    data = workbook_bytes(
        [
            ["Sygefravær pr. måned"],
            [],
            ["Enhed", "Måned", "Fravær %", "Medarbejdere", "Udtrukket"],
            ["Center Nord", dt.date(2023, 1, 31), 8.22, 12.0, dt.datetime(2023, 2, 3, 14, 5)],
            ["Center Syd", dt.datetime(2023, 2, 28), 0.5, 7, None],
        ]
    )
    table = read_table(data, "udtraek.xlsx")
    assert table.headers == ["Enhed", "Måned", "Fravær %", "Medarbejdere", "Udtrukket"]
    assert table.rows == [
        Row(4, ["Center Nord", "2023-01-31", "8.22", "12", "2023-02-03"]),
        Row(5, ["Center Syd", "2023-02-28", "0.5", "7", ""]),
    ]
    assert table.dot_decimal


def test_an_xlsx_file_is_known_by_its_content_whatever_its_name():
    data = workbook_bytes([["Enhed", "Værdi"], ["A", 1.25]])
    assert read_table(data, "download").rows == [Row(2, ["A", "1.25"])]


def test_the_first_sheet_with_data_is_read_and_empty_rows_keep_their_row_numbers():
    data = workbook_bytes([], [["Enhed", "Værdi"], ["A", 1], [None, None], ["B", 2]], titles=("Forside", "Data"))
    table = read_table(data, "x.xlsx")
    assert table.rows == [Row(2, ["A", "1"]), Row(4, ["B", "2"])]


def test_a_broken_xlsx_file_is_refused():
    with pytest.raises(TableError, match="Excel"):
        read_table(b"PK\x03\x04 not really a zip", "x.xlsx")


def zip_bytes(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def test_a_zip_bomb_dressed_as_xlsx_is_refused_before_it_is_opened():
    # 50 MB of zeros packs to some 50 kB: a ratio of about 1000.
    data = zip_bytes({"[Content_Types].xml": b"<Types/>", "xl/worksheets/sheet1.xml": b"\x00" * 50_000_000})
    assert len(data) < 200_000
    with pytest.raises(TableError, match="mistænkeligt"):
        read_table(data, "sygefravaer.xlsx")


def test_an_xlsx_that_unpacks_to_over_200_mb_is_refused(monkeypatch):
    # Three members of 80 MB each, packed normally (ratio 1): only the sizes in the directory count.
    members = [zipfile.ZipInfo(f"xl/media/image{index}.png") for index in range(3)]
    for member in members:
        member.file_size = member.compress_size = 80_000_000
    monkeypatch.setattr(zipfile.ZipFile, "infolist", lambda self: members)
    with pytest.raises(TableError, match="over 200 MB"):
        read_table(zip_bytes({"[Content_Types].xml": b"<Types/>"}), "stor.xlsx")


def test_a_small_well_packed_member_is_no_bomb():
    # An empty sheet's XML packs very well, but 100 kB cannot hurt.
    data = workbook_bytes([["Enhed", "Værdi"], ["A", 1]])
    padded = zip_bytes({**_members(data), "xl/padding.xml": b" " * 100_000})
    assert read_table(padded, "x.xlsx").rows == [Row(2, ["A", "1"])]


def _members(data: bytes) -> dict[str, bytes]:
    archive = zipfile.ZipFile(io.BytesIO(data))
    return {name: archive.read(name) for name in archive.namelist()}
