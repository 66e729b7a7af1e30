"""Follow-up entries: added by those who follow the contract up, changed by their author only,
with the same refusal as every row when someone changed it meanwhile."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from roedtraad.followup import entries
from roedtraad.followup.models import FollowUpEntry


@pytest.fixture
def entry(world):
    return entries.add_entry(
        world["entered_goal"],
        world["users"]["other_holder"],
        date=dt.date(2026, 4, 1),
        forum="LMU",
        status="amber",
        text="Fraværet er steget i marts.",
    )


def _body(entry, **changes):
    return {
        "date": "2026-04-01",
        "forum": "LMU",
        "status": "green",
        "text": "Fraværet falder igen.",
        "version": entry.version,
        **changes,
    }


def test_the_author_changes_their_follow_up_entry(login, entry):
    response = login("other_holder").post(reverse("follow_up_edit", args=[entry.pk]), _body(entry))
    assert response.status_code == 302
    entry.refresh_from_db()
    assert (entry.status, entry.text) == ("green", "Fraværet falder igen.")
    assert entry.history.order_by("-history_date").first().history_change_reason == "Opfølgning ændret"


@pytest.mark.parametrize("role", ["director", "head_of_area"])
def test_someone_else_may_read_the_entry_but_not_change_it(login, entry, role):
    response = login(role).post(reverse("follow_up_edit", args=[entry.pk]), _body(entry))
    assert response.status_code == 403
    entry.refresh_from_db()
    assert entry.text == "Fraværet er steget i marts."


def test_an_entry_changed_meanwhile_is_refused_with_both_texts_and_the_input_kept(login, entry, world):
    opened = entry.version
    entries.change_entry(
        entry.pk,
        world["users"]["other_holder"],
        expected_version=opened,
        date=entry.date,
        forum="LMU",
        status="red",
        text="Den gemte udgave.",
    )
    response = login("other_holder").post(reverse("follow_up_edit", args=[entry.pk]), _body(entry, version=opened))
    page = response.content.decode()
    assert response.status_code == 409
    assert "Den gemte udgave." in page and "Fraværet falder igen." in page
    assert FollowUpEntry.objects.get(pk=entry.pk).text == "Den gemte udgave."


def test_the_new_follow_up_form_starts_with_todays_date_as_an_iso_date(login, world):
    from django.utils import timezone

    page = login("director").get(reverse("goal_follow_up", args=[world["entered_goal"].pk])).content.decode()
    assert f'value="{timezone.localdate():%Y-%m-%d}"' in page


def test_an_entry_keeps_what_the_goals_indicators_said_when_it_was_written(login, entry, world):
    indicator = world["entered_goal"].indicators.get()
    assert entry.indicator_status == [
        {"id": indicator.pk, "name": "Sygefravær", "unit": indicator.org_unit.name, "status": "stale"}
    ]
    page = login("other_holder").get(reverse("goal_detail", args=[world["entered_goal"].pk])).content.decode()
    assert "Måltallene da" in page


def test_a_goal_not_followed_up_in_the_contracts_rhythm_is_on_its_holders_start_page(login, world):
    from roedtraad.contracts.models import Contract

    Contract.objects.filter(pk=world["entered"].pk).update(entered_on=dt.date(2026, 1, 20))
    page = login("other_holder").get(reverse("home")).content.decode()
    assert "Mål der mangler opfølgning" in page
    assert world["entered_goal"].title in page.split("Mål der mangler opfølgning")[1]
    # The holder of another contract does not get it on their page.
    other = login("holder").get(reverse("home")).content.decode()
    assert world["entered_goal"].title not in other.split("Mål der mangler opfølgning")[1]
