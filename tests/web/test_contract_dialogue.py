"""The contract dialogue: planned by the director or the head of area on an entered contract, an
agenda made from the contract, and minutes whose agreements become follow-up entries and
activities on the goals."""

from __future__ import annotations

import datetime as dt

import pytest
from tests.web.conftest import YEAR

from roedtraad.contracts.errors import ContractLocked
from roedtraad.contracts.models import Activity, Contract, StopDoingItem
from roedtraad.followup.models import ContractDialogue, FollowUpEntry, PlannedFollowUp
from roedtraad.org.models import Person

pytestmark = pytest.mark.django_db


@pytest.fixture
def entered(world):
    """The other holder's entered contract (area Omsorg), naming its director, head of area and holder."""
    users = world["users"]
    contract = world["entered"]
    Contract.objects.filter(pk=contract.pk).update(
        director=Person.objects.get(user=users["director"]),
        head_of_area=Person.objects.get(user=users["head_of_area"]),
        holder_person=Person.objects.get(user=users["other_holder"]),
    )
    contract.refresh_from_db()
    return contract


def _plan(login, contract, role="head_of_area"):
    return login(role).post(f"/contracts/{contract.pk}/dialogues/new/", {"date": f"{YEAR}-06-10"})


def test_the_head_of_area_plans_a_dialogue_with_the_director_the_head_of_area_and_the_holder(world, login, entered):
    response = _plan(login, entered)
    dialogue = ContractDialogue.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/dialogues/{dialogue.pk}/"
    assert sorted(p.user.username for p in dialogue.participants.all()) == ["direktoer", "fagchef", "holder2"]
    planned = dialogue.planned
    assert (planned.contract, planned.date, planned.kind) == (entered, dt.date(YEAR, 6, 10), "dialogue")


def test_a_holder_may_not_plan_their_own_contract_dialogue(world, login, entered):
    assert _plan(login, entered, role="other_holder").status_code == 403
    assert not ContractDialogue.objects.exists()


def test_a_dialogue_on_a_contract_not_yet_entered_is_refused(world, login):
    response = login("director").post(f"/contracts/{world['draft'].pk}/dialogues/new/", {"date": f"{YEAR}-06-10"})
    assert response.status_code == 403
    assert not ContractDialogue.objects.exists()


def test_the_agenda_holds_every_goals_status_the_unmet_requirements_and_the_stop_doing_proposals(world, login, entered):
    Contract.objects.filter(pk=entered.pk).update(status="draft")
    StopDoingItem.objects.create(contract=entered, text="Ugentlige statusmøder uden dagsorden")
    Contract.objects.filter(pk=entered.pk).update(status="entered")
    _plan(login, entered)
    dialogue = ContractDialogue.objects.get()
    page = login("other_holder").get(f"/dialogues/{dialogue.pk}/").content.decode()
    assert world["entered_goal"].title in page
    assert "Sygefravær" in page and "Prognose" in page  # the goal's indicator with its forecast
    assert "Ugentlige statusmøder uden dagsorden" in page
    assert "Krav i årets DUS, kontrakten ikke opfylder" in page
    assert "Person direktoer" in page  # the participants, to a user with a role


def test_the_minutes_agreements_become_an_entry_and_a_new_activity_on_the_entered_contracts_goal(world, login, entered):
    _plan(login, entered)
    dialogue = ContractDialogue.objects.get()
    goal = world["entered_goal"]
    activities_before = goal.activities.count()
    response = login("head_of_area").post(
        f"/dialogues/{dialogue.pk}/minutes/",
        {
            "held_on": f"{YEAR}-06-10",
            "minutes": "Sygefraværet falder, men for langsomt.",
            f"status_{goal.pk}": "amber",
            f"text_{goal.pk}": "Fraværssamtalerne fortsætter; status i september.",
            f"activity_{goal.pk}": "Temamøde om arbejdsmiljø i LMU",
            f"due_{goal.pk}": f"{YEAR}-09-30",
        },
    )
    assert response.status_code == 302
    entry = FollowUpEntry.objects.get(forum="Kontraktdialog")
    assert (entry.goal, entry.date, entry.status) == (goal, dt.date(YEAR, 6, 10), "amber")
    agreed = goal.activities.get(text="Temamøde om arbejdsmiljø i LMU")
    assert agreed.due_date == dt.date(YEAR, 9, 30)
    assert goal.activities.count() == activities_before + 1
    assert PlannedFollowUp.objects.get(pk=dialogue.planned_id).done
    page = login("other_holder").get(f"/dialogues/{dialogue.pk}/").content.decode()
    assert "Sygefraværet falder, men for langsomt." in page and "Temamøde om arbejdsmiljø i LMU" in page


def test_minutes_without_text_are_refused_with_the_reason_and_nothing_is_written(world, login, entered):
    _plan(login, entered)
    dialogue = ContractDialogue.objects.get()
    goal = world["entered_goal"]
    response = login("head_of_area").post(
        f"/dialogues/{dialogue.pk}/minutes/",
        {"held_on": f"{YEAR}-06-10", "minutes": "", f"status_{goal.pk}": "green", f"text_{goal.pk}": "Godt."},
    )
    assert response.status_code == 400
    assert "Skriv et referat af dialogen." in response.content.decode()
    assert not FollowUpEntry.objects.filter(forum="Kontraktdialog").exists()


def test_a_follow_up_status_without_its_text_is_refused_and_nothing_is_written(world, login, entered):
    _plan(login, entered)
    dialogue = ContractDialogue.objects.get()
    goal = world["entered_goal"]
    response = login("director").post(
        f"/dialogues/{dialogue.pk}/minutes/",
        {"held_on": f"{YEAR}-06-10", "minutes": "Kort møde.", f"status_{goal.pk}": "green", f"activity_{goal.pk}": "X"},
    )
    assert response.status_code == 400
    assert "skriv både status og tekst" in response.content.decode()
    assert not Activity.objects.filter(text="X").exists()
    assert not ContractDialogue.objects.get().held_on


def test_an_entered_contract_still_refuses_a_new_activity_no_dialogue_agreed(world):
    with pytest.raises(ContractLocked):
        Activity.objects.create(goal=world["entered_goal"], text="Ny aktivitet uden aftale")


def test_a_stranger_to_the_contract_does_not_find_its_dialogue(world, login, entered):
    _plan(login, entered)
    dialogue = ContractDialogue.objects.get()
    assert login("holder").get(f"/dialogues/{dialogue.pk}/").status_code == 404


def test_the_agenda_hides_a_small_units_figures_from_a_reader(world, login, entered):
    from roedtraad.org.models import OrgUnit

    indicator = world["entered_goal"].indicators.get()
    OrgUnit.objects.filter(pk=indicator.org_unit_id).update(headcount=2)
    _plan(login, entered)
    dialogue = ContractDialogue.objects.get()
    page = login("reader").get(f"/dialogues/{dialogue.pk}/").content.decode()
    assert "tallene vises ikke" in page
    assert "Prognose:" not in page


def test_no_dialogue_on_a_revision_no_longer_in_force(world, login, entered):
    from roedtraad.contracts.revision import copy_contract

    revision = copy_contract(entered)
    Contract.objects.filter(pk=revision.pk).update(status="entered")
    assert _plan(login, entered).status_code == 403


def test_correcting_the_minutes_does_not_write_the_agreements_twice(world, login, entered):
    _plan(login, entered)
    dialogue = ContractDialogue.objects.get()
    goal = world["entered_goal"]
    body = {
        "held_on": f"{YEAR}-06-10",
        "minutes": "Første udgave.",
        f"status_{goal.pk}": "green",
        f"text_{goal.pk}": "Godt på vej.",
    }
    client = login("head_of_area")
    assert client.post(f"/dialogues/{dialogue.pk}/minutes/", body).status_code == 302
    again = client.post(f"/dialogues/{dialogue.pk}/minutes/", {**body, "minutes": "Rettet udgave."})
    assert again.status_code == 400 and "har allerede en opfølgning fra denne dialog" in again.content.decode()
    corrected = {"held_on": f"{YEAR}-06-10", "minutes": "Rettet udgave."}
    assert client.post(f"/dialogues/{dialogue.pk}/minutes/", corrected).status_code == 302
    assert FollowUpEntry.objects.filter(forum="Kontraktdialog", goal=goal).count() == 1
    assert ContractDialogue.objects.get().minutes == "Rettet udgave."
