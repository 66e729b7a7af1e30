"""Planned follow-ups made by hand on the contract page: planned, marked held, removed."""

from __future__ import annotations

import datetime as dt

import pytest
from tests.web.conftest import YEAR

from roedtraad.followup.models import PlannedFollowUp

pytestmark = pytest.mark.django_db


def test_the_holder_plans_a_meeting_in_lmu_on_their_draft_for_one_goal(world, login):
    goal = world["draft_goal"]
    response = login("holder").post(
        f"/contracts/{world['draft'].pk}/planned/new/",
        {"date": f"{YEAR}-05-04", "kind": "meeting", "forum": "LMU", "goal": goal.pk},
    )
    assert response.status_code == 302
    planned = PlannedFollowUp.objects.get(forum="LMU")
    assert (planned.contract, planned.goal, planned.date) == (world["draft"], goal, dt.date(YEAR, 5, 4))
    page = login("holder").get(f"/contracts/{world['draft'].pk}/").content.decode()
    assert "Møde i forum (LMU)" in page


def test_a_date_outside_the_contracts_year_is_refused_with_the_reason(world, login):
    response = login("holder").post(
        f"/contracts/{world['draft'].pk}/planned/new/", {"date": f"{YEAR - 3}-05-04", "kind": "meeting"}
    )
    assert response.status_code == 400
    assert f"Datoen skal ligge i {YEAR} eller {YEAR + 1}" in response.content.decode()
    assert not PlannedFollowUp.objects.filter(date__year=YEAR - 3).exists()


def test_another_goals_goal_cannot_be_chosen(world, login):
    response = login("holder").post(
        f"/contracts/{world['draft'].pk}/planned/new/",
        {"date": f"{YEAR}-05-04", "kind": "meeting", "goal": world["entered_goal"].pk},
    )
    assert response.status_code == 400
    assert PlannedFollowUp.objects.filter(goal=world["entered_goal"]).count() == 0


def test_the_head_of_area_plans_follow_up_on_an_entered_contract_in_the_area_but_a_reader_may_not(world, login):
    url = f"/contracts/{world['entered'].pk}/planned/new/"
    assert login("head_of_area").post(url, {"date": f"{YEAR}-09-01", "kind": "indicators"}).status_code == 302
    assert login("reader").post(url, {"date": f"{YEAR}-09-02", "kind": "indicators"}).status_code == 403
    assert list(PlannedFollowUp.objects.filter(kind="indicators").values_list("date", flat=True)) == [
        dt.date(YEAR, 9, 1)
    ]


def test_a_planned_follow_up_is_marked_held_and_another_removed(world, login):
    planned = world["draft"].planned_follow_ups.get()
    client = login("holder")
    assert client.post(f"/planned/{planned.pk}/held/").status_code == 302
    assert PlannedFollowUp.objects.get(pk=planned.pk).done
    assert client.post(f"/planned/{planned.pk}/delete/").status_code == 302
    assert not PlannedFollowUp.objects.filter(pk=planned.pk).exists()


def _dialogue_on_entered(world):
    from roedtraad.followup.dialogues import plan_dialogue

    return plan_dialogue(world["users"]["director"], world["entered"], dt.date(YEAR, 6, 10))


def test_a_holder_may_neither_remove_nor_mark_held_a_contract_dialogue_of_their_contract(world, login):
    dialogue = _dialogue_on_entered(world)
    client = login("other_holder")  # the entered contract's own holder
    assert client.post(f"/planned/{dialogue.planned_id}/delete/").status_code == 403
    assert client.post(f"/planned/{dialogue.planned_id}/held/").status_code == 403
    planned = PlannedFollowUp.objects.get(pk=dialogue.planned_id)
    assert not planned.done


def test_a_contract_dialogue_is_not_planned_by_hand(world, login):
    response = login("other_holder").post(
        f"/contracts/{world['entered'].pk}/planned/new/", {"date": f"{YEAR}-06-10", "kind": "dialogue"}
    )
    assert response.status_code == 400
    assert not PlannedFollowUp.objects.filter(contract=world["entered"], date=dt.date(YEAR, 6, 10)).exists()


def test_the_contract_page_shows_a_follow_up_held_at_once(world, login):
    planned = world["draft"].planned_follow_ups.get()
    client = login("holder")
    assert "Markér som holdt" in client.get(f"/contracts/{world['draft'].pk}/").content.decode()
    client.post(f"/planned/{planned.pk}/held/")
    assert "Markér som holdt" not in client.get(f"/contracts/{world['draft'].pk}/").content.decode()
