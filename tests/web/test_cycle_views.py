"""The annual cycle's pages: the director's milestones, the calendar page with the feed address, and
the start page's late, waiting and due lists."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from tests.frameworks.conftest import today_is  # noqa: F401  (a fixture used here)
from tests.web.conftest import YEAR

from roedtraad.contracts.models import Contract
from roedtraad.followup.models import PlannedFollowUp
from roedtraad.frameworks.cycle import ensure_milestones
from roedtraad.frameworks.models import CalendarFeed, Milestone


@pytest.fixture
def framework(world):
    return world["track"].framework


def _post_milestone(client, url, **fields):
    data = {"milestone-title": "Temadag om sygefravær", "milestone-date": f"{YEAR}-03-12", "milestone-kind": "other"}
    data.update({f"milestone-{k}": v for k, v in fields.items()})
    return client.post(url, data)


def test_the_director_sees_the_years_milestones_and_can_make_the_defaults(login, framework):
    client = login("director")
    page = client.get(reverse("milestones", args=[YEAR])).content.decode()
    assert "ingen milepæle endnu" in page
    response = client.post(reverse("milestone_defaults", args=[YEAR]))
    assert response.status_code == 302 and framework.milestones.count() == 8
    page = client.get(reverse("milestones", args=[YEAR])).content.decode()
    assert "Kontraktholderseminar (uge 43)" in page and "Frist for indgåelse" in page
    client.post(reverse("milestone_defaults", args=[YEAR]))
    assert framework.milestones.count() == 8  # not twice


@pytest.mark.parametrize("role", ["head_of_area", "holder", "other_holder", "reader", "stranger"])
def test_everyone_but_the_director_is_refused_the_milestone_pages(login, framework, role):
    milestone = ensure_milestones(framework)[0]
    client = login(role)
    assert client.get(reverse("milestones", args=[YEAR])).status_code == 403
    assert _post_milestone(client, reverse("milestone_add", args=[YEAR])).status_code == 403
    assert _post_milestone(client, reverse("milestone_edit", args=[milestone.pk])).status_code == 403
    assert client.post(reverse("milestone_delete", args=[milestone.pk])).status_code == 403
    assert client.post(reverse("milestone_defaults", args=[YEAR])).status_code == 403
    assert Milestone.objects.filter(framework=framework).count() == 8
    assert Milestone.objects.get(pk=milestone.pk).title == milestone.title


def test_the_director_adds_edits_and_deletes_a_milestone(login, framework):
    client = login("director")
    response = _post_milestone(client, reverse("milestone_add", args=[YEAR]), description="Alle ledere deltager.")
    assert response.status_code == 302
    added = Milestone.objects.get(framework=framework)
    assert (added.title, added.date, added.kind) == ("Temadag om sygefravær", dt.date(YEAR, 3, 12), "other")
    response = _post_milestone(
        client,
        reverse("milestone_edit", args=[added.pk]),
        title="Frist for indsendelse",
        date="16.01.2026",
        kind="submission",
    )
    assert response.status_code == 302
    added.refresh_from_db()
    assert (added.title, added.date, added.kind) == ("Frist for indsendelse", dt.date(YEAR, 1, 16), "submission")
    assert client.post(reverse("milestone_delete", args=[added.pk])).status_code == 302
    assert not Milestone.objects.filter(pk=added.pk).exists()


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"title": "  "}, "Skriv milepælens titel."),
        ({"date": ""}, "Vælg milepælens dato."),
        ({"date": "31. februar"}, "Datoen skal være en dato"),
        ({"date": "2031-01-01"}, "Datoen skal ligge mellem 1.1.2025 og 31.12.2027"),
        ({"kind": "party"}, "Vælg en type fra listen."),
    ],
)
def test_bad_input_is_refused_with_a_danish_message_naming_the_field(login, framework, fields, message):
    response = _post_milestone(login("director"), reverse("milestone_add", args=[YEAR]), **fields)
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page and "Der er fejl i formularen" in page
    field = {"title": "Titel", "date": "Dato", "kind": "Type"}[next(iter(fields))]
    assert f">{field}</a>: " in page
    assert not Milestone.objects.filter(framework=framework).exists()


def test_an_unknown_year_or_milestone_is_404_for_the_director(login, world):
    client = login("director")
    assert client.get(reverse("milestones", args=[1999])).status_code == 404
    assert client.get(reverse("milestone_edit", args=[999999])).status_code == 404


def test_the_calendar_page_shows_a_new_address_once_and_revokes_it(login, framework):
    ensure_milestones(framework)
    client = login("holder")
    page = client.get(reverse("calendar_settings") + f"?year={YEAR}").content.decode()
    assert "Du har ingen kalenderadresse" in page and "Kontraktholderseminar (uge 43)" in page
    assert client.post(reverse("calendar_feed_create")).status_code == 302
    page = client.get(reverse("calendar_settings")).content.decode()
    address = page.split('id="feed-url" type="text" readonly value="', 1)[1].split('"', 1)[0]
    assert "/kalender/" in address and address.endswith(".ics")
    token = address.rsplit("/", 1)[1].removesuffix(".ics")
    assert client.get(reverse("calendar_feed", args=[token])).status_code == 200
    again = client.get(reverse("calendar_settings")).content.decode()
    assert token not in again and "Du har en kalenderadresse" in again
    assert client.post(reverse("calendar_feed_revoke")).status_code == 302
    assert client.get(reverse("calendar_feed", args=[token])).status_code == 404
    assert not CalendarFeed.objects.filter(revoked_at__isnull=True).exists()


def test_a_planned_dialogue_next_week_is_due_on_the_holders_start_page(login, world):
    next_week = timezone.localdate() + dt.timedelta(days=7)
    PlannedFollowUp.objects.create(
        contract=world["entered"], date=next_week, kind="dialogue", forum="Direktionsmøde", description="Halvårsdialog"
    )
    page = login("other_holder").get(reverse("home")).content.decode()
    section = page.split('id="my-due-heading"', 1)[1].split("</section>", 1)[0]
    assert "Halvårsdialog" in section and "om 7 dage" in section and "Kontraktdialog (Direktionsmøde)" in section
    assert page.count("Halvårsdialog") == 1  # not again under the follow-ups of the coming weeks
    other = login("holder").get(reverse("home")).content.decode()
    assert "Halvårsdialog" not in other


def test_the_head_of_areas_start_page_lists_the_areas_late_contracts_and_the_days_a_review_waits(
    login,
    world,
    framework,
    today_is,  # noqa: F811
):
    ensure_milestones(framework)
    today_is(dt.date(YEAR, 2, 15))
    contract = world["draft"]
    contract.status = "submitted"
    contract.save()
    Contract.history.filter(id=contract.pk, status="submitted").update(
        history_date=dt.datetime(YEAR, 1, 5, tzinfo=dt.UTC)
    )
    page = login("head_of_area").get(reverse("home")).content.decode()
    late = page.split('id="late-heading"', 1)[1].split("</section>", 1)[0]
    assert "Solsikken" in late and "Indgåelse" in late and "16 dage over" in late
    assert "Nordskolen" not in late and "Hjemmeplejen" not in late
    review = page.split('id="review-heading"', 1)[1].split("</section>", 1)[0]
    assert "Solsikken" in review and "venter 41 dage" in review


def test_the_directors_start_page_reminds_of_a_year_without_milestones(login, world, today_is):  # noqa: F811
    today_is(dt.date(YEAR, 10, 1))
    page = login("director").get(reverse("home")).content.decode()
    assert f"Årshjulet for {YEAR} har ingen milepæle endnu" in page
    assert reverse("milestones", args=[YEAR]) in page
