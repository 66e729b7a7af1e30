"""The annual cycle as iCalendar: a user's secret feed and `roedtraad calendar` (`frameworks.calendar`)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from icalendar import Calendar
from tests.frameworks.conftest import YEAR

from roedtraad.contracts.models import Activity, Contract
from roedtraad.followup.models import PlannedFollowUp
from roedtraad.frameworks import calendar
from roedtraad.frameworks.models import CalendarFeed, Milestone

pytestmark = pytest.mark.django_db

BASE_URL = "https://roedtraad.testby.dk"


@pytest.fixture
def feeds(cycle_world, settings, today_is):
    """The world on 4 May of its year, with links to BASE_URL, a dialogue planned for each contract
    and a due date on the other holder's activity (Hjemmeplejen's entered contract)."""
    settings.ROEDTRAAD_BASE_URL = BASE_URL
    today_is(dt.date(YEAR, 5, 4))
    Activity.objects.filter(goal=cycle_world["entered_goal"]).update(due_date=dt.date(YEAR, 6, 1))
    return cycle_world


def fetch(client, token: str):
    return client.get(reverse("calendar_feed", args=[token]))


def parsed(data: bytes) -> tuple[Calendar, dict[str, object]]:
    cal = Calendar.from_ical(data)
    return cal, {str(event["UID"]): event for event in cal.walk("VEVENT")}


def planned_of(world, key) -> PlannedFollowUp:
    return PlannedFollowUp.objects.get(contract=world[key])


def test_the_feed_parses_with_icalendar_and_holds_the_years_milestones_and_the_users_planned_follow_ups(client, feeds):
    _feed, token = calendar.create_feed(feeds["users"]["other_holder"])
    response = fetch(client, token)  # no login: Outlook cannot log in
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    cal, events = parsed(response.content)
    assert str(cal["X-WR-CALNAME"]).endswith("årshjul")
    milestones = Milestone.objects.filter(framework__year=YEAR)
    for milestone in milestones:
        event = events[f"milestone-{milestone.pk}@roedtraad.testby.dk"]
        assert event.decoded("DTSTART") == milestone.date and type(event.decoded("DTSTART")) is dt.date
        assert "VALUE=DATE" in event.to_ical().decode().replace("\r\n ", "")
        assert event.decoded("DTEND") == milestone.date + dt.timedelta(days=1)
        assert event.get("DTSTAMP") is not None
        assert milestone.title in str(event["SUMMARY"])
        assert str(event["URL"]).startswith(BASE_URL + reverse("calendar_settings"))
    own = planned_of(feeds, "entered")
    event = events[f"followup-{own.pk}@roedtraad.testby.dk"]
    assert str(event["SUMMARY"]) == "Kontraktdialog: Hjemmeplejen"
    assert str(event["URL"]) == BASE_URL + reverse("contract_detail", args=[feeds["entered"].pk])
    activity = Activity.objects.get(goal=feeds["entered_goal"])
    assert events[f"activity-{activity.pk}@roedtraad.testby.dk"].decoded("DTSTART") == dt.date(YEAR, 6, 1)
    assert len(events) == milestones.count() + 2


def test_the_same_uids_on_a_second_export(client, feeds):
    _feed, token = calendar.create_feed(feeds["users"]["director"])
    first = set(parsed(fetch(client, token).content)[1])
    PlannedFollowUp.objects.filter(contract=feeds["draft"]).update(description="Flyttet til eftermiddagen")
    second = parsed(fetch(client, token).content)[1]
    assert set(second) == first
    assert len(first) == Milestone.objects.count() + PlannedFollowUp.objects.count()  # the director reads all
    assert calendar.CalendarFeed.objects.get(user=feeds["users"]["director"]).last_used_at is not None


def test_a_revoked_feed_url_answers_404(client, feeds):
    user = feeds["users"]["holder"]
    _feed, token = calendar.create_feed(user)
    assert fetch(client, token).status_code == 200
    calendar.revoke_feeds(user)
    assert fetch(client, token).status_code == 404
    assert fetch(client, "not-a-token").status_code == 404


def test_a_new_feed_url_replaces_the_old_one_and_only_the_tokens_hash_is_stored(client, feeds):
    user = feeds["users"]["holder"]
    _old, first = calendar.create_feed(user)
    feed, second = calendar.create_feed(user)
    assert fetch(client, first).status_code == 404 and fetch(client, second).status_code == 200
    assert CalendarFeed.objects.filter(user=user, revoked_at__isnull=True).get() == feed
    assert second not in feed.token_hash and feed.token_hash == calendar.token_hash(second)
    assert len(second) >= 43  # 32 random bytes


def test_a_deactivated_users_feed_answers_404(client, feeds):
    user = feeds["users"]["holder"]
    _feed, token = calendar.create_feed(user)
    user.is_active = False
    user.save()
    assert fetch(client, token).status_code == 404


def test_a_holders_feed_has_no_other_holders_follow_ups(client, feeds):
    _feed, token = calendar.create_feed(feeds["users"]["holder"])
    uids = set(parsed(fetch(client, token).content)[1])
    assert f"followup-{planned_of(feeds, 'draft').pk}@roedtraad.testby.dk" in uids
    for key in ("entered", "submitted"):  # the other holder's, and another area's
        assert f"followup-{planned_of(feeds, key).pk}@roedtraad.testby.dk" not in uids
    other_activity = Activity.objects.get(goal=feeds["entered_goal"])
    assert f"activity-{other_activity.pk}@roedtraad.testby.dk" not in uids


def test_a_head_of_areas_feed_has_the_areas_follow_ups_and_no_activities(feeds):
    uids = {e.uid for e in calendar.events_for_user(feeds["users"]["head_of_area"], [YEAR])}
    followups = {uid for uid in uids if uid.startswith("followup-")}
    expected = {f"followup-{planned_of(feeds, key).pk}@roedtraad.testby.dk" for key in ("draft", "entered")}
    assert followups == expected
    assert not any(uid.startswith("activity-") for uid in uids)


def test_the_activities_of_a_revision_being_written_are_not_doubled(feeds):
    revision = feeds["entered"].new_revision()
    assert Contract.objects.get(pk=revision.pk).status == "draft"
    events = calendar.events_for_user(feeds["users"]["other_holder"], [YEAR])
    activities = [e for e in events if e.uid.startswith("activity-")]
    assert [e.uid for e in activities] == [
        f"activity-{Activity.objects.get(goal=feeds['entered_goal']).pk}@roedtraad.testby.dk"
    ]


def test_the_command_writes_an_ics_for_one_holder(feeds, tmp_path, capsys):
    path = tmp_path / "hjemmeplejen.ics"
    call_command("calendar", "--holder", "hjemmeplejen", "--year", str(YEAR), "-o", str(path))
    cal, events = parsed(path.read_bytes())
    assert str(cal["X-WR-CALNAME"]).endswith("årshjul for Hjemmeplejen")
    followups = {uid for uid in events if uid.startswith("followup-")}
    assert followups == {f"followup-{planned_of(feeds, 'entered').pk}@roedtraad.testby.dk"}
    assert sum(uid.startswith("milestone-") for uid in events) == 8
    assert sum(uid.startswith("activity-") for uid in events) == 1
    assert f"{len(events)} begivenheder" in capsys.readouterr().out
    again = tmp_path / "again.ics"
    call_command("calendar", "--holder", "Hjemmeplejen", "--year", str(YEAR), "-o", str(again))
    assert set(parsed(again.read_bytes())[1]) == set(events)


def test_the_command_refuses_an_unknown_holder_or_year_in_danish(feeds, tmp_path):
    with pytest.raises(CommandError, match="ingen kontraktholder"):
        call_command("calendar", "--holder", "Omsorg", "--year", str(YEAR), "-o", str(tmp_path / "x.ics"))
    with pytest.raises(CommandError, match="ingen DUS for 1999"):
        call_command("calendar", "--year", "1999", "-o", str(tmp_path / "x.ics"))
