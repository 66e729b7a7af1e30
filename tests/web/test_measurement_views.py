"""Measurements uploaded in the browser: a preview that says what will be saved, columns and
unknown units chosen by the user, one save for the whole file, large files in the background."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from roedtraad.followup.models import Aggregation, Indicator, Measurement, MeasurementUpload, Target
from roedtraad.org.models import OrgUnitAlias

FILE = (
    "Enhed;Nøgletal;Måned;Fravær %\n"
    "Solsikken;Sygefravær;jan. 26;8,22 %\n"
    "Solsikken;Sygefravær;feb. 26;8,10 %\n"
    "Plejehjem Solsikken (gl. navn);Sygefravær;mar. 26;7,9 %\n"
    "Solsikken;Sygefravær;april 2026;ikke et tal\n"
)


def sick_leave(goal, unit) -> Indicator:
    indicator = Indicator.objects.create(
        key="sygefravaer",
        name="Sygefravær",
        org_unit=unit,
        goal=goal,
        aggregation=Aggregation.MONTH,
        valid_from=dt.date(2025, 1, 1),
    )
    Target.objects.create(
        indicator=indicator, period_start=dt.date(2026, 1, 1), period_end=dt.date(2026, 12, 31), value=Decimal("7")
    )
    return indicator


def upload(client, text: str = FILE, name: str = "fravaer.csv"):
    return client.post(reverse("measurement_upload"), {"file": SimpleUploadedFile(name, text.encode("utf-8"))})


def test_the_preview_says_what_will_be_saved_and_lists_the_row_it_will_not_take(world, login):
    indicator = sick_leave(world["draft_goal"], world["own"])
    client = login("holder")
    response = upload(client)
    made = MeasurementUpload.objects.get()
    assert response["Location"] == reverse("measurement_preview", args=[made.pk])
    page = client.get(response["Location"]).content.decode()
    assert "2 nye værdier, 0 rettede, 0 uændrede; 2 rækker tages ikke." in page
    assert "Værdien «ikke et tal» er ikke et tal." in page
    assert "Plejehjem Solsikken (gl. navn)" in page  # the unknown unit is a question
    assert not Measurement.objects.filter(indicator=indicator).exists()  # nothing saved by the preview


def test_an_unknown_unit_mapped_in_the_preview_is_saved_and_remembered_as_an_alias(world, login):
    indicator = sick_leave(world["draft_goal"], world["own"])
    client = login("holder")
    upload(client)
    made = MeasurementUpload.objects.get()
    page = client.get(reverse("measurement_preview", args=[made.pk])).content.decode()
    assert 'name="unit_0"' in page
    columns = {f"column_{i}": field for i, field in enumerate(["unit", "key_figure", "period", "value"])}
    client.post(reverse("measurement_preview", args=[made.pk]), {"unit_0": world["own"].pk} | columns)
    page = client.get(reverse("measurement_preview", args=[made.pk])).content.decode()
    assert "3 nye værdier" in page
    response = client.post(reverse("measurement_save", args=[made.pk]))
    assert response.status_code == 302
    assert Measurement.objects.filter(indicator=indicator).count() == 3
    assert OrgUnitAlias.objects.get(alias="Plejehjem Solsikken (gl. navn)").unit == world["own"]
    made.refresh_from_db()
    assert made.status == "saved" and made.data is None  # the file is not kept once saved
    assert "Tallene er gemt" in client.get(reverse("measurement_preview", args=[made.pk])).content.decode()


def test_saving_twice_saves_once_and_the_same_file_again_changes_nothing(world, login):
    indicator = sick_leave(world["draft_goal"], world["own"])
    client = login("holder")
    upload(client)
    made = MeasurementUpload.objects.get()
    client.post(reverse("measurement_save", args=[made.pk]))
    client.post(reverse("measurement_save", args=[made.pk]))
    assert Measurement.objects.filter(indicator=indicator).count() == 2
    upload(client)
    again = MeasurementUpload.objects.exclude(pk=made.pk).get()
    page = client.get(reverse("measurement_preview", args=[again.pk])).content.decode()
    assert "0 nye værdier, 0 rettede, 2 uændrede" in page and "Der er intet nyt at gemme." in page


def test_a_unit_the_holder_does_not_lead_cannot_be_chosen_for_an_unknown_name(world, login):
    sick_leave(world["draft_goal"], world["own"])
    client = login("holder")
    upload(client)
    made = MeasurementUpload.objects.get()
    response = client.post(reverse("measurement_preview", args=[made.pk]), {"unit_0": world["far"].pk})
    assert response.status_code == 400
    assert "Du kan ikke vælge den enhed" in response.content.decode()
    assert not OrgUnitAlias.objects.exists()


def test_a_column_chosen_for_two_fields_is_named_and_a_missing_column_is_a_problem_not_an_error(world, login):
    sick_leave(world["draft_goal"], world["own"])
    client = login("holder")
    upload(client)
    made = MeasurementUpload.objects.get()
    both = {"column_0": "unit", "column_1": "unit", "column_2": "period", "column_3": "value"}
    response = client.post(reverse("measurement_preview", args=[made.pk]), both)
    assert (
        response.status_code == 400 and "Feltet «enhed» er valgt for mere end én kolonne." in response.content.decode()
    )
    client.post(reverse("measurement_preview", args=[made.pk]), {"column_2": "period", "column_3": "value"})
    page = client.get(reverse("measurement_preview", args=[made.pk])).content.decode()
    assert "Kolonnerne passer ikke endnu" in page and "Gem tallene" not in page


def test_a_person_level_file_is_refused_and_not_kept(world, login):
    client = login("holder")
    people = "CPR-nr.;Navn;Enhed;Måned;Sygedage\n" + "".join(
        f"01019{n}1234;Medarbejder {n};Solsikken;2026-01;{n}\n" for n in range(10)
    )
    response = upload(client, people)
    made = MeasurementUpload.objects.get()
    page = client.get(response["Location"]).content.decode()
    assert made.status == "failed" and made.data is None
    assert "Filen blev afvist, og intet er gemt" in page


def test_another_users_upload_is_not_found_and_a_reader_cannot_upload(world, login):
    sick_leave(world["draft_goal"], world["own"])
    upload(login("holder"))
    made = MeasurementUpload.objects.get()
    other = login("other_holder")
    assert other.get(reverse("measurement_preview", args=[made.pk])).status_code == 404
    assert other.post(reverse("measurement_save", args=[made.pk])).status_code == 404
    assert login("reader").get(reverse("measurement_upload")).status_code == 403


def test_a_large_file_is_read_and_saved_by_the_worker_and_the_page_shows_its_progress(world, login, settings):
    settings.ROEDTRAAD_MEASUREMENT_IN_REQUEST_BYTES = 10
    indicator = sick_leave(world["draft_goal"], world["own"])
    client = login("holder")
    upload(client)
    made = MeasurementUpload.objects.get()
    assert made.status == "reading"  # waiting for the worker: the task is queued, nothing read yet
    page = client.get(reverse("measurement_preview", args=[made.pk])).content.decode()
    assert "<progress" in page and 'hx-trigger="every 1s"' in page

    from roedtraad.followup import tasks

    tasks.read_upload.call(made.pk)  # what the worker does
    response = client.get(reverse("measurement_preview", args=[made.pk]), HTTP_HX_REQUEST="true")
    assert response.headers.get("HX-Refresh") == "true"  # done: the page reloads with the preview
    client.post(reverse("measurement_save", args=[made.pk]))
    made.refresh_from_db()
    assert made.status == "saving" and not Measurement.objects.filter(indicator=indicator).exists()
    tasks.save_upload.call(made.pk)
    made.refresh_from_db()
    assert made.status == "saved" and Measurement.objects.filter(indicator=indicator).count() == 2
    # Saved by the worker, the values' history still names who uploaded the file.
    saved = Measurement.objects.filter(indicator=indicator).first()
    assert saved.history.get().history_user == world["users"]["holder"]


def test_a_file_left_in_its_preview_for_a_day_is_dropped_when_the_next_file_comes(world, login):
    sick_leave(world["draft_goal"], world["own"])
    client = login("holder")
    upload(client)
    old = MeasurementUpload.objects.get()
    MeasurementUpload.objects.filter(pk=old.pk).update(created_at=old.created_at - dt.timedelta(days=2))
    upload(client)
    old.refresh_from_db()
    assert old.data is None and old.status == "failed" and "slettet" in old.error
