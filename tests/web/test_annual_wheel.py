"""The annual wheel page: the year's milestones, dialogues and planned follow-ups as a wheel and
as a table of the same events, filtered by area and holder."""

from __future__ import annotations

import datetime as dt

import pytest
from tests.web.conftest import YEAR

from roedtraad.followup.models import PlannedFollowUp
from roedtraad.frameworks.models import Framework, Milestone

pytestmark = pytest.mark.django_db


def _rows(page: str) -> str:
    return page.split("<tbody>")[1]


def test_the_wheel_and_its_table_hold_the_milestones_and_the_planned_follow_ups_the_user_may_see(world, login):
    Milestone.objects.create(
        framework=Framework.objects.get(year=YEAR), kind="entry", date=dt.date(YEAR, 1, 31), title="Frist for indgåelse"
    )
    page = login("holder").get(f"/aarshjul/{YEAR}/").content.decode()
    assert page.count("Frist for indgåelse") >= 2  # in the wheel's mark and in the table
    rows = _rows(page)
    assert "Solsikken" in rows  # the holder's own contract dialogue
    assert "Hjemmeplejen" not in rows  # another holder's is not theirs to see
    assert 'role="img"' in page and "<desc" in page


def test_the_filter_by_holder_shows_only_that_holders_follow_ups(world, login):
    PlannedFollowUp.objects.create(contract=world["submitted"], date=dt.date(YEAR, 4, 2), kind="meeting", forum="LMU")
    page = login("director").get(f"/aarshjul/{YEAR}/?holder={world['far'].pk}").content.decode()
    rows = _rows(page)
    assert "Nordskolen" in rows and "Solsikken" not in rows


def test_the_filter_by_area_shows_the_areas_holders(world, login):
    page = login("director").get(f"/aarshjul/{YEAR}/?area={world['care'].pk}").content.decode()
    rows = _rows(page)
    assert "Solsikken" in rows and "Hjemmeplejen" in rows and "Nordskolen" not in rows


def test_the_wheel_of_now_is_this_years(world, login):
    response = login("reader").get("/aarshjul/")
    assert response.status_code == 302 and response["Location"].startswith("/aarshjul/")


def test_a_mistyped_year_is_not_found(world, login):
    assert login("director").get("/aarshjul/0/").status_code == 404
