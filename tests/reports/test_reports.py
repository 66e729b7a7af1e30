"""The reports: the contract dialogue's pack, the committee report and the year-end report, as
pages, PDF and Word, opened again with their own libraries; small units' figures never shown;
each user's report holds only what they may read; a saved layout made again for the next period."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from docx import Document
from pypdf import PdfReader

from roedtraad.contracts.models import Contract, StopDoingDecision, StopDoingItem
from roedtraad.followup.dialogues import plan_dialogue
from roedtraad.followup.models import Measurement
from roedtraad.org.models import OrgUnit, Person
from roedtraad.reports.models import ReportDefinition

pytestmark = pytest.mark.django_db
YEAR = 2026
SMALL_FIGURE = "9,37"  # the small unit's March figure, which must never be shown
COMMITTEE = f"/rapporter/udvalg/sygefravaer/{YEAR}Q1/"


def _pdf_text(data: bytes) -> tuple[str, PdfReader]:
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() for page in reader.pages), reader


def _docx(data: bytes):
    document = Document(io.BytesIO(data))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return document, "\n".join([p.text for p in document.paragraphs] + cells)


def _headings(document) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith(("Heading", "Title"))]


@pytest.fixture
def small_unit(world):
    """Hjemmeplejen's department (the entered contract's indicator) has three employees."""
    indicator = world["entered_goal"].indicators.get()
    OrgUnit.objects.filter(pk=indicator.org_unit_id).update(headcount=3)
    Measurement.objects.filter(indicator=indicator, period=dt.date(YEAR, 3, 1)).update(value=Decimal("9.37"))
    return indicator


@pytest.fixture
def dialogue(world):
    """A dialogue on Hjemmeplejen's entered contract, with its director, head of area and holder."""
    users, contract = world["users"], world["entered"]
    Contract.objects.filter(pk=contract.pk).update(
        director=Person.objects.get(user=users["director"]),
        head_of_area=Person.objects.get(user=users["head_of_area"]),
        holder_person=Person.objects.get(user=users["other_holder"]),
    )
    contract.refresh_from_db()
    return plan_dialogue(users["director"], contract, contract.planned_follow_ups.get().date)


# The committee report ------------------------------------------------------------------------


def test_the_committee_report_lists_every_units_figure_target_status_and_forecast(login, world):
    page = login("director").get(COMMITTEE).content.decode()
    assert "Sygefravær, 1. kvartal 2026" in page
    for holder in ("Solsikken", "Hjemmeplejen", "Nordskolen"):
        assert holder in page
    assert page.count("8 %") == 3  # each unit's March figure, the quarter's last
    assert "31. december 2026" in page and "Ikke på sporet" in page  # the target's deadline; 8 % is far from 5


def test_a_quarter_reads_the_figures_as_they_stood_at_its_end(login, world):
    indicator = world["entered_goal"].indicators.get()
    Measurement.objects.create(indicator=indicator, period=dt.date(YEAR, 4, 1), value=Decimal("12.5"))
    client = login("director")
    assert "12,5" not in client.get(COMMITTEE).content.decode()
    assert "12,5 %" in client.get(f"/rapporter/udvalg/sygefravaer/{YEAR}Q2/").content.decode()


def test_the_committee_report_as_word_has_real_headings_a_table_and_page_numbers(login, world):
    response = login("director").get(COMMITTEE + "docx/")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert response["Content-Disposition"] == "attachment; filename*=utf-8''sygefrav%C3%A6r-2026q1.docx"
    document, text = _docx(response.content)
    assert _headings(document)[:3] == [
        ("Title", "Sygefravær, 1. kvartal 2026"),
        ("Heading 1", "Sammenfatning"),
        ("Heading 1", "Enhedernes tal"),
    ]
    table = document.tables[0]
    assert [c.text for c in table.rows[0].cells] == [
        "Enhed", "Kontraktholder", "Område", "Seneste", "Mål", "Status", "Prognose"
    ]  # fmt: skip
    assert len(table.rows) == 4 and "Hjemmeplejen" in text
    footer = document.sections[0].footer.paragraphs[0]._p.xml
    assert "NUMPAGES" in footer and "Side " in document.sections[0].footer.paragraphs[0].text


def test_the_committee_report_as_pdf_is_its_page_printed_on_landscape_pages_with_page_numbers(login, world):
    response = login("director").get(COMMITTEE + "pdf/")
    assert response["Content-Type"] == "application/pdf"
    text, reader = _pdf_text(response.content)
    assert "Sygefravær, 1. kvartal 2026" in text and "Nordskolen" in text
    assert f"Side 1 af {len(reader.pages)}" in text
    box = reader.pages[0].mediabox
    assert box.width > box.height  # the seven columns get a landscape page
    assert "Gem rapportens valg" not in text and "Log ud" not in text  # the page's tools are not printed


def test_a_small_units_figure_is_never_in_the_committee_report_not_even_for_the_director(login, world, small_unit):
    client = login("director")
    page = client.get(COMMITTEE).content.decode()
    pdf, _reader = _pdf_text(client.get(COMMITTEE + "pdf/").content)
    _document, docx = _docx(client.get(COMMITTEE + "docx/").content)
    for text in (page, pdf, docx):
        assert SMALL_FIGURE not in text and "Skjult (små tal)" in text
        assert small_unit.org_unit.name in text  # the unit is listed, its figure is not
        assert "vises ikke i rapporten" in text  # and the reader is told why


def test_a_holders_committee_report_holds_only_their_own_units(login, world):
    page = login("holder").get(COMMITTEE).content.decode()
    assert "Solsikken" in page and "Hjemmeplejen" not in page and "Nordskolen" not in page
    _document, docx = _docx(login("holder").get(COMMITTEE + "docx/").content)
    assert "Hjemmeplejen" not in docx


def test_a_period_that_cannot_be_read_or_a_measure_the_user_cannot_see_is_not_found(login, world):
    client = login("director")
    assert client.get("/rapporter/udvalg/sygefravaer/2026Q7/").status_code == 404
    assert client.get(f"/rapporter/udvalg/trivsel/{YEAR}Q1/").status_code == 404
    assert client.get(COMMITTEE + "xlsx/").status_code == 404
    assert login("stranger").get(COMMITTEE).status_code == 404


def test_the_reports_page_says_what_was_wrong_with_a_period(login, world):
    response = login("director").get("/rapporter/", {"kind": "committee", "key": "sygefravaer", "period": "forår"})
    assert response.status_code == 400
    assert "«forår» er ikke en periode" in response.content.decode()
    chosen = login("director").get("/rapporter/", {"kind": "committee", "key": "sygefravaer", "period": "2026K1"})
    assert chosen.status_code == 302 and chosen["Location"] == COMMITTEE


# The dialogue pack ---------------------------------------------------------------------------


def test_the_dialogue_page_offers_its_pack_and_the_pack_as_pdf_is_the_agenda_printed(login, world, dialogue):
    client = login("head_of_area")
    page = client.get(f"/dialogues/{dialogue.pk}/").content.decode()
    assert f"/dialogues/{dialogue.pk}/pakke/pdf/" in page and f"/dialogues/{dialogue.pk}/pakke/docx/" in page
    response = client.get(f"/dialogues/{dialogue.pk}/pakke/pdf/")
    assert 'filename="kontraktdialog-2026-12-07-hjemmeplejen.pdf"' in response["Content-Disposition"]
    text, reader = _pdf_text(response.content)
    assert "Kontraktdialog" in text and world["entered_goal"].title in text
    assert "Målenes status og prognose" in text and "Forslag til, hvad vi holder op med" in text
    assert f"Side 1 af {len(reader.pages)}" in text
    assert "Hent dialogpakken" not in text  # the buttons are not printed


def test_the_dialogue_pack_as_word_has_the_agenda_as_headings(login, world, dialogue):
    document, text = _docx(login("director").get(f"/dialogues/{dialogue.pk}/pakke/docx/").content)
    headings = _headings(document)
    assert headings[0] == ("Title", "Kontraktdialog 7.12.2026")
    assert ("Heading 1", "Dagsorden") in headings
    assert ("Heading 1", "1. Målenes status og prognose") in headings
    assert ("Heading 2", f"1. {world['entered_goal'].title}") in headings
    assert ("Heading 1", "4. Aftaler") in headings
    assert "Sygefravær (Afdeling" in text and "Person direktoer" in text  # an indicator; the participants


def test_a_holder_cannot_get_another_holders_dialogue_pack(login, world, dialogue):
    for fmt in ("pdf", "docx"):
        assert login("holder").get(f"/dialogues/{dialogue.pk}/pakke/{fmt}/").status_code == 404
    assert login("other_holder").get(f"/dialogues/{dialogue.pk}/pakke/docx/").status_code == 200


def test_a_small_units_figure_is_not_in_the_pack_of_a_reader_who_does_not_lead_it(login, world, dialogue, small_unit):
    client = login("reader")
    _document, docx = _docx(client.get(f"/dialogues/{dialogue.pk}/pakke/docx/").content)
    pdf, _reader = _pdf_text(client.get(f"/dialogues/{dialogue.pk}/pakke/pdf/").content)
    for text in (docx, pdf):
        assert SMALL_FIGURE not in text and "9,4" not in text and "tallene vises ikke (en lille enhed)" in text
    # The unit's own holder sees it (the forecast sentence names the latest figure).
    _document, own = _docx(login("other_holder").get(f"/dialogues/{dialogue.pk}/pakke/docx/").content)
    assert "tallene vises ikke" not in own and "9,4 %" in own


# The year-end report -------------------------------------------------------------------------


def _stopped(world) -> StopDoingItem:
    contract = Contract.objects.filter(pk=world["entered"].pk)
    contract.update(status="draft")  # written before the contract was entered
    item = StopDoingItem.objects.create(contract=world["entered"], text="Dobbeltregistrering af fravær")
    contract.update(status="entered")
    StopDoingDecision.objects.create(
        item=item, decision="stoppet", reason="Ingen bruger regnearket.", decided_on=dt.date(YEAR, 9, 1)
    )
    return item


def test_the_year_end_report_holds_each_goals_status_what_was_done_and_what_was_stopped(login, world):
    _stopped(world)
    page = login("director").get(f"/rapporter/aarsafslutning/{YEAR}/").content.decode()
    assert "Årsafslutning 2026" in page
    for holder in ("Solsikken", "Hjemmeplejen", "Nordskolen"):
        assert f"Lavt sygefravær i {holder}" in page
    assert "Fraværssamtaler efter fast model" in page and "Planlagt" in page  # an activity and its state
    assert "Følger planen." in page  # a follow-up entry
    assert "Dobbeltregistrering af fravær" in page and "Stoppet" in page and "Ingen bruger regnearket." in page


def test_one_holders_year_end_report_as_word_and_pdf(login, world):
    _stopped(world)
    client = login("other_holder")
    query = f"?kontraktholder={world['other'].pk}"
    document, text = _docx(client.get(f"/rapporter/aarsafslutning/{YEAR}/docx/{query}").content)
    headings = _headings(document)
    assert headings[0] == ("Title", "Årsafslutning 2026 for Hjemmeplejen")
    assert ("Heading 1", "Målene") in headings and ("Heading 1", "Det holder vi op med") in headings
    assert ("Heading 2", "1. Lavt sygefravær i Hjemmeplejen") in headings
    assert "1 af 1 forslag er stoppet." in text and "Solsikken" not in text
    pdf, reader = _pdf_text(client.get(f"/rapporter/aarsafslutning/{YEAR}/pdf/{query}").content)
    assert "Lavt sygefravær i Hjemmeplejen" in pdf and "Ingen bruger regnearket." in pdf
    assert f"Side 1 af {len(reader.pages)}" in pdf


def test_a_holders_year_end_report_of_the_municipality_holds_only_their_own_contract(login, world):
    client = login("holder")
    page = client.get(f"/rapporter/aarsafslutning/{YEAR}/").content.decode()
    assert "Lavt sygefravær i Solsikken" in page and "Hjemmeplejen" not in page
    other = f"/rapporter/aarsafslutning/{YEAR}/?kontraktholder={world['other'].pk}"
    assert client.get(other).status_code == 404
    assert client.get(other.replace(f"{YEAR}/?", f"{YEAR}/docx/?")).status_code == 404


def test_a_small_units_figure_is_not_in_the_year_end_report_of_a_reader(login, world, small_unit):
    client = login("reader")
    page = client.get(f"/rapporter/aarsafslutning/{YEAR}/").content.decode()
    _document, docx = _docx(client.get(f"/rapporter/aarsafslutning/{YEAR}/docx/").content)
    for text in (page, docx):
        assert "9,4" not in text and SMALL_FIGURE not in text and "Skjult (små tal)" in text


# Saved layouts -------------------------------------------------------------------------------


def test_a_saved_committee_report_is_made_again_for_the_next_period_with_one_click(login, world):
    client = login("head_of_area")
    body = {"kind": "committee", "name": "Sygefravær til Økonomiudvalget", "key": "sygefravaer", "period": "2026K1"}
    saved = client.post("/rapporter/gemte/ny/", body)
    definition = ReportDefinition.objects.get()
    assert (definition.created_by, definition.period, definition.period_kind) == (
        world["users"]["head_of_area"],
        "2026Q1",
        "quarter",
    )
    assert saved["Location"] == f"{COMMITTEE}?gemt={definition.pk}"
    page = client.get(saved["Location"]).content.decode()
    assert "Lav igen for næste periode" in page and "Sygefravær til Økonomiudvalget" in page
    again = client.post(f"/rapporter/gemte/{definition.pk}/naeste/")
    assert again["Location"] == f"/rapporter/udvalg/sygefravaer/{YEAR}Q2/?gemt={definition.pk}"
    assert "Sygefravær, 2. kvartal 2026" in client.get(again["Location"]).content.decode()
    definition.refresh_from_db()
    assert definition.period == "2026Q2"
    assert "Lav for 3. kvartal 2026" in client.get("/rapporter/").content.decode()


def test_a_saved_year_end_report_remembers_its_holder_and_goes_on_to_next_year(login, world):
    client = login("other_holder")
    body = {"kind": "year_end", "name": "Årsafslutning", "period": str(YEAR), "holder": str(world["other"].pk)}
    saved = client.post("/rapporter/gemte/ny/", body)
    definition = ReportDefinition.objects.get()
    assert definition.parameters == {"holder": world["other"].pk}
    assert (
        saved["Location"]
        == f"/rapporter/aarsafslutning/{YEAR}/?kontraktholder={world['other'].pk}&gemt={definition.pk}"
    )
    client.post(f"/rapporter/gemte/{definition.pk}/naeste/")
    definition.refresh_from_db()
    assert definition.period == str(YEAR + 1)


def test_a_layout_without_a_name_or_for_a_holder_out_of_sight_is_refused_and_nothing_is_saved(login, world):
    nameless = login("director").post(
        "/rapporter/gemte/ny/", {"kind": "committee", "name": " ", "key": "sygefravaer", "period": "2026Q1"}
    )
    assert nameless.status_code == 400 and "Giv rapporten et navn" in nameless.content.decode()
    hidden = login("holder").post(
        "/rapporter/gemte/ny/",
        {"kind": "year_end", "name": "Andres år", "period": "2026", "holder": str(world["other"].pk)},
    )
    assert hidden.status_code == 400 and "Vælg en kontraktholder" in hidden.content.decode()
    assert not ReportDefinition.objects.exists()


def test_a_saved_layout_is_its_makers_own(login, world):
    definition = ReportDefinition.objects.create(
        kind="committee", name="Min", indicator_key="sygefravaer", period_kind="quarter", period="2026Q1",
        created_by=world["users"]["holder"],
    )  # fmt: skip
    assert login("director").post(f"/rapporter/gemte/{definition.pk}/naeste/").status_code == 404
    assert login("director").post(f"/rapporter/gemte/{definition.pk}/slet/").status_code == 404
    definition.refresh_from_db()
    assert definition.period == "2026Q1"
    assert "Min" not in login("director").get("/rapporter/").content.decode().split("Gemte rapporter")[1][:400]


def test_a_saved_report_for_the_last_supported_year_is_not_made_for_the_year_after(login, world):
    client = login("director")
    definition = ReportDefinition.objects.create(
        kind="year_end", name="Sidste år", period_kind="year", period="2100", created_by=world["users"]["director"]
    )
    refused = client.post(f"/rapporter/gemte/{definition.pk}/naeste/")
    assert refused.status_code == 400 and "Rødtråd kender kun årene 2000–2100" in refused.content.decode()
    definition.refresh_from_db()
    assert definition.period == "2100"  # nothing saved
    assert "Lav for" not in client.get("/rapporter/").content.decode().split("Gemte rapporter")[1][:1500]


def test_the_reports_page_still_opens_when_a_saved_report_holds_a_year_past_the_supported_ones(login, world):
    """A layout stepped past 2100 before that was refused: its maker's reports page opens."""
    ReportDefinition.objects.create(
        kind="year_end", name="For langt", period_kind="year", period="2101", created_by=world["users"]["director"]
    )
    page = login("director").get("/rapporter/")
    assert page.status_code == 200 and "For langt" in page.content.decode()


def test_a_layout_name_with_a_nul_character_is_refused_and_nothing_is_saved(login, world):
    body = {"kind": "committee", "name": "Syge\x00fravær", "key": "sygefravaer", "period": "2026Q1"}
    refused = login("director").post("/rapporter/gemte/ny/", body)
    assert refused.status_code == 400 and "ugyldigt tegn (NUL)" in refused.content.decode()
    assert not ReportDefinition.objects.exists()


# Addresses typed or changed by hand ----------------------------------------------------------


@pytest.mark.parametrize("year", ["²", "٢٠٢٦", "9" * 5000, "-1"])
def test_a_year_end_year_that_is_no_plain_number_says_what_was_wrong(login, world, year):
    response = login("director").get("/rapporter/", {"kind": "year_end", "year": year})
    assert response.status_code == 400 and "Vælg et år, der har kontrakter." in response.content.decode()


def test_a_holder_that_is_no_plain_number_is_not_found_and_not_passed_on(login, world):
    client = login("director")
    assert client.get(f"/rapporter/aarsafslutning/{YEAR}/", {"kontraktholder": "²"}).status_code == 404
    assert client.get(f"/rapporter/aarsafslutning/{YEAR}/docx/", {"kontraktholder": "9" * 30}).status_code == 404
    chosen = client.get("/rapporter/", {"kind": "year_end", "year": str(YEAR), "kontraktholder": "²"})
    assert chosen.status_code == 302 and chosen["Location"] == f"/rapporter/aarsafslutning/{YEAR}/"
    saved = client.post("/rapporter/gemte/ny/", {"kind": "year_end", "name": "År", "period": "2026", "holder": "²"})
    assert saved.status_code == 400 and "Vælg en kontraktholder" in saved.content.decode()
    assert not ReportDefinition.objects.exists()


def test_a_saved_report_number_that_is_no_plain_number_only_leaves_out_the_next_period_offer(login, world):
    for gemt in ("²", "9" * 30):
        page = login("director").get(COMMITTEE, {"gemt": gemt})
        assert page.status_code == 200 and "Lav igen for næste periode" not in page.content.decode()


@pytest.mark.parametrize("year", [0, 1999, 99999])
@pytest.mark.parametrize("suffix", ["", "pdf/", "docx/"])
def test_a_year_end_report_for_a_year_without_contracts_is_not_found(login, world, year, suffix):
    assert login("director").get(f"/rapporter/aarsafslutning/{year}/{suffix}").status_code == 404


# The command ---------------------------------------------------------------------------------


def test_the_command_writes_the_committee_report_as_pdf_or_word_suppressed_for_the_committee(
    tmp_path, world, small_unit
):
    pdf, docx = tmp_path / "udvalg.pdf", tmp_path / "udvalg.docx"
    call_command("export", "committee", "--indicator", "sygefravaer", "--period", "2026Q1", "-o", str(pdf))
    call_command("export", "committee", "--indicator", "sygefravaer", "--period", "2026K1", "-o", str(docx))
    text, reader = _pdf_text(pdf.read_bytes())
    assert "Sygefravær, 1. kvartal 2026" in text and f"Side 1 af {len(reader.pages)}" in text
    _document, words = _docx(docx.read_bytes())
    for found in (text, words):
        assert SMALL_FIGURE not in found and "Skjult (små tal)" in found


def test_the_command_writes_a_holders_year_end_report(tmp_path, world):
    path = tmp_path / "aar.docx"
    call_command("export", "year-end", "--year", str(YEAR), "--holder", "Hjemmeplejen", "-o", str(path))
    document, _text = _docx(path.read_bytes())
    assert document.paragraphs[0].text == "Årsafslutning 2026 for Hjemmeplejen"


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["committee", "--indicator", "sygefravaer", "--period", "forår", "-o", "x.pdf"], "--period"),
        (["committee", "--period", "2026Q1", "-o", "x.pdf"], "--indicator"),
        (["committee", "--indicator", "sygefravaer", "--period", "2026Q1", "-o", "x.xlsx"], ".docx"),
        (["year-end", "--year", "2026", "--holder", "Ukendt", "-o", "x.pdf"], "Ukendt har ingen kontrakt"),
    ],
)
def test_the_command_says_what_was_wrong(world, tmp_path, arguments, message):
    arguments[-1] = str(tmp_path / arguments[-1])
    with pytest.raises(CommandError, match=message):
        call_command("export", *arguments)
    assert not list(tmp_path.iterdir())
