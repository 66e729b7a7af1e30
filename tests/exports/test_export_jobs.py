"""Exports from the web: asked for on /eksport/, made by the task worker with "x af y kontrakter"
on the job page, downloaded by the job's owner only, with only what the owner may read."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from docx import Document

from roedtraad.exports import jobs, tasks
from roedtraad.exports.models import ExportJob, ExportStatus

pytestmark = pytest.mark.django_db
YEAR = 2026
SAFE_NAME = re.compile(r"^[0-9a-zæøå]+(-[0-9a-zæøå]+)*\.(docx|pdf|xlsx)$")


@pytest.fixture
def immediately(settings):
    """The task runs in the request, as a worker would run it right after."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def ask(client, **fields):
    body = {"year": YEAR, "format": "docx"} | fields
    return client.post(reverse("export_start"), body)


def download(client, job: ExportJob):
    response = client.get(reverse("export_download", args=[job.pk]))
    assert response.status_code == 200
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_the_request_only_queues_the_export_and_the_worker_makes_it(world, login):
    client = login("director")
    response = ask(client, format="xlsx")
    job = ExportJob.objects.get()
    assert response["Location"] == reverse("export_job", args=[job.pk])
    assert job.status == ExportStatus.QUEUED and job.result is None  # nothing built in the request
    waiting = client.get(response["Location"]).content.decode()
    assert "venter på at komme til" in waiting and 'hx-trigger="every 1s"' in waiting

    assert tasks.build_export.call(job.pk) == ExportStatus.DONE  # what the worker does
    job.refresh_from_db()
    assert (job.done, job.total) == (3, 3) and job.finished_at is not None
    assert job.result_name == f"kontrakter-{YEAR}-xlsx.xlsx"
    page = client.get(reverse("export_job", args=[job.pk])).content.decode()
    assert "Filen er klar" in page and "hx-trigger" not in page
    assert reverse("export_download", args=[job.pk]) in page
    assert download(client, job)[:2] == b"PK"  # an XLSX is a zip package
    # The poll after the worker finished reloads the whole page, with the link.
    polled = client.get(reverse("export_job", args=[job.pk]), headers={"HX-Request": "true"})
    assert polled.headers.get("HX-Refresh") == "true"


def test_the_zip_holds_one_safely_named_file_per_contract_the_owner_may_read(world, login, immediately):
    client = login("head_of_area")  # area Omsorg: Solsikken and Hjemmeplejen, not Nordskolen
    ask(client, format="docx", one_file_per_contract="on")
    job = ExportJob.objects.get()
    assert job.status == ExportStatus.DONE and job.result_name.endswith(".zip")
    archive = zipfile.ZipFile(io.BytesIO(download(client, job)))
    names = sorted(archive.namelist())
    assert names == [f"udviklingskontrakt-{YEAR}-hjemmeplejen.docx", f"udviklingskontrakt-{YEAR}-solsikken.docx"]
    assert all(SAFE_NAME.match(name) for name in names)
    holders = {Document(io.BytesIO(archive.read(name))).paragraphs[1].text for name in names}
    assert holders == {"for Hjemmeplejen", "for Solsikken"}


def test_a_holder_gets_only_their_own_contract_whatever_they_ask(world, login, immediately):
    client = login("holder")
    ask(client, format="xlsx", one_file_per_contract="on")
    job = ExportJob.objects.get()
    archive = zipfile.ZipFile(io.BytesIO(download(client, job)))
    assert archive.namelist() == [f"udviklingskontrakt-{YEAR}-solsikken.xlsx"]
    # Another holder's contract by name is refused in the form: not a holder the user may choose.
    refused = ask(client, format="docx", holder=world["other"].pk)
    assert refused.status_code == 400 and ExportJob.objects.count() == 1


def test_the_job_page_shows_x_of_y_contracts_while_the_worker_goes(world, login, monkeypatch):
    from roedtraad.reports import contract_document

    client = login("director")
    ask(client, format="docx", one_file_per_contract="on")
    job = ExportJob.objects.get()
    seen: list[str] = []
    real = contract_document.contract_docx_bytes

    def watched(contract, viewer=None):
        page = client.get(reverse("export_job", args=[job.pk]), headers={"HX-Request": "true"})
        seen.append(re.search(r"\d+ af \d+ kontrakter", page.content.decode()).group(0))
        return real(contract, viewer)

    monkeypatch.setattr(contract_document, "contract_docx_bytes", watched)
    tasks.build_export.call(job.pk)
    assert seen == ["0 af 3 kontrakter", "1 af 3 kontrakter", "2 af 3 kontrakter"]
    job.refresh_from_db()
    assert job.status == ExportStatus.DONE and job.done == 3


def test_a_failed_export_says_so_in_danish_without_a_traceback(world, login, immediately, monkeypatch, caplog):
    from roedtraad.reports import contract_document

    def broken(contract, viewer=None):
        raise RuntimeError("ValueError in docx internals")

    monkeypatch.setattr(contract_document, "contract_document", broken)
    client = login("director")
    response = ask(client, format="docx")
    job = ExportJob.objects.get()
    assert job.status == ExportStatus.FAILED and job.result is None
    page = client.get(response["Location"]).content.decode()
    assert "Eksporten mislykkedes" in page and "fejl i Rødtråd" in page
    assert "Traceback" not in page and "RuntimeError" not in page and "ValueError" not in page
    assert client.get(reverse("export_download", args=[job.pk])).status_code == 404
    assert "export job" in caplog.text  # the cause is in the log for whoever runs the system


def test_an_export_the_task_queue_refuses_is_failed_at_once_and_the_owner_is_told(world, login, monkeypatch, caplog):
    """The queue's database or broker is down: the job is not left "I kø" for hours."""

    class RefusingQueue:
        def enqueue(self, job_id):
            raise ConnectionError("the task queue is down")

    monkeypatch.setattr(tasks, "build_export", RefusingQueue())
    client = login("director")
    response = ask(client, format="xlsx")
    job = ExportJob.objects.get()
    assert response["Location"] == reverse("export_job", args=[job.pk])
    assert job.status == ExportStatus.FAILED and job.finished_at is not None and not job.task_id
    page = client.get(response["Location"]).content.decode()
    assert "Eksporten kunne ikke sættes i gang" in page and "venter på at komme til" not in page
    assert "ConnectionError" not in page and "could not be queued" in caplog.text


def test_only_the_owner_sees_and_downloads_a_job(world, login, client, immediately):
    ask(login("director"), format="xlsx")
    job = ExportJob.objects.get()
    for role in ("head_of_area", "reader"):
        other = login(role)
        assert other.get(reverse("export_job", args=[job.pk])).status_code == 404
        assert other.get(reverse("export_download", args=[job.pk])).status_code == 404


def test_a_small_units_figures_are_hidden_in_a_readers_word_file(world, login, immediately):
    unit = world["entered_goal"].indicators.get().org_unit
    unit.headcount = 3
    unit.save()

    def latest_cell(role):
        client = login(role)
        ask(client, format="docx", holder=world["other"].pk)
        job = ExportJob.objects.filter(owner=world["users"][role]).get()
        document = Document(io.BytesIO(download(client, job)))
        table = next(t for t in document.tables if t.rows[0].cells[0].text == "Måltal")
        return table.rows[1].cells[4].text, table.rows[1].cells[5].text

    assert latest_cell("director")[0].startswith("8 %")
    latest, status = latest_cell("reader")  # reads everything, but leads no unit
    assert latest == "–" and status == "Skjult (små tal)"


def test_several_contracts_as_one_pdf_each_with_its_own_page_numbers(world, login, immediately):
    from pypdf import PdfReader

    client = login("head_of_area")
    ask(client, format="pdf")
    job = ExportJob.objects.get()
    assert job.result_name == f"kontrakter-{YEAR}-pdf.pdf"
    reader = PdfReader(io.BytesIO(download(client, job)))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert world["draft_goal"].title in text and world["entered_goal"].title in text
    assert world["submitted_goal"].title not in text  # Nordskolen is not the head of area's
    assert text.count("Side 1 af") == 2
    assert reader.trailer["/Root"]["/MarkInfo"]["/Marked"]  # still a tagged PDF


def test_several_contracts_as_one_word_document_under_one_table_of_contents(world, login, immediately):
    client = login("head_of_area")
    ask(client, format="docx")
    job = ExportJob.objects.get()
    assert job.result_name.endswith(".docx") and job.done == job.total == 2
    document = Document(io.BytesIO(download(client, job)))
    contracts = [p.text for p in document.paragraphs if p.style.name == "Heading 1" and "for" in p.text]
    assert len(contracts) == 2 and all(p.startswith("Udviklingskontrakt 2026 for") for p in contracts)
    goals = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert f"Udviklingsmål 1: {world['draft_goal'].title}" in goals
    assert 'TOC \\o "1-2"' in document.element.xml
    assert document.core_properties.keywords == "roedtraad-kontrakter"  # a report, not the import template


def test_old_exports_are_dropped_and_lost_ones_marked_failed(world, login):
    owner = world["users"]["holder"]
    now = timezone.now()
    old = ExportJob.objects.create(owner=owner, format="xlsx", year=YEAR, status="done", result=b"x")
    lost = ExportJob.objects.create(owner=owner, format="xlsx", year=YEAR, status="running")
    fresh = ExportJob.objects.create(owner=owner, format="xlsx", year=YEAR, status="done", result=b"y")
    ExportJob.objects.filter(pk=old.pk).update(created_at=now - jobs.KEEP - dt.timedelta(hours=1))
    ExportJob.objects.filter(pk=lost.pk).update(created_at=now - jobs.STUCK - dt.timedelta(minutes=1))
    out = io.StringIO()
    call_command("forget_exports", stdout=out)
    assert "1 gamle eksporter slettet" in out.getvalue()
    assert not ExportJob.objects.filter(pk=old.pk).exists()
    lost.refresh_from_db()
    assert lost.status == ExportStatus.FAILED and "Start den igen" in lost.error
    assert ExportJob.objects.get(pk=fresh.pk).result == b"y"
    assert tasks.build_export.call(lost.pk) == "gone"  # a late worker does not take it up
    assert ExportJob.objects.get(pk=lost.pk).status == ExportStatus.FAILED


def test_the_export_page_offers_the_years_and_holders_the_user_may_read(world, login):
    page = login("holder").get(reverse("export_start")).content.decode()
    assert f'<option value="{YEAR}"' in page and "Solsikken" in page
    assert "Hjemmeplejen" not in page and "Nordskolen" not in page
    stranger = login("stranger").get(reverse("export_start")).content.decode()
    assert "intet at eksportere" in stranger
    bad = ask(login("holder"), year=1999)
    assert bad.status_code == 400 and "År" in bad.content.decode()


def test_the_contract_list_links_to_the_export_page(world, login):
    assert reverse("export_start") in login("reader").get(reverse("contract_list")).content.decode()


def test_one_contract_downloads_as_word_and_pdf_from_its_page(world, login):
    client = login("holder")
    page = client.get(reverse("contract_detail", args=[world["draft"].pk])).content.decode()
    assert reverse("contract_docx", args=[world["draft"].pk]) in page
    word = client.get(reverse("contract_docx", args=[world["draft"].pk]))
    assert word["Content-Disposition"].startswith('attachment; filename="udviklingskontrakt-2026-solsikken.docx"')
    assert Document(io.BytesIO(word.content)).paragraphs[1].text == "for Solsikken"
    pdf = client.get(reverse("contract_pdf", args=[world["draft"].pk]))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    assert client.get(reverse("contract_pdf", args=[world["entered"].pk])).status_code == 404  # not the holder's
