"""The red thread as pages: from the council's policies and the DUS tracks to the goals that serve
them, their indicators, their expected effect for the citizen and their latest follow-up."""

from __future__ import annotations

import pytest
from tests.web.conftest import YEAR

from roedtraad.contracts.editing import save_goal
from roedtraad.contracts.models import Contract, Goal, GoalSection
from roedtraad.contracts.workflow import WorkflowError
from roedtraad.frameworks.models import FocusArea, Framework, Policy, Track

pytestmark = pytest.mark.django_db


def _link(goal: Goal, **links) -> None:
    """Links written before the contract was entered or submitted (locked contracts refuse it)."""
    contract = Contract.objects.filter(pk=goal.contract_id)
    status = goal.contract.status
    contract.update(status="draft")
    for kind, records in links.items():
        getattr(goal, kind).add(*records)
    contract.update(status=status)


def test_a_policy_no_goal_refers_to_is_listed_as_unserved(world, login):
    served = Policy.objects.create(name="Personalepolitikken")
    Policy.objects.create(name="Erhvervspolitikken")
    _link(world["entered_goal"], policies=[served])
    page = login("director").get("/roed-traad/").content.decode()
    unserved = page.split("Det, intet mål arbejder med")[1].split("Direktionens udviklingsspor")[0]
    assert "Erhvervspolitikken" in unserved
    assert "Personalepolitikken" not in unserved


def test_the_policy_page_shows_each_goal_with_its_effect_for_the_citizen_indicators_and_latest_follow_up(world, login):
    policy = Policy.objects.create(name="Personalepolitikken")
    goal = world["entered_goal"]
    _link(goal, policies=[policy])
    Contract.objects.filter(pk=goal.contract_id).update(status="draft")
    GoalSection.objects.create(goal=goal, key="virkning_borger", text="Borgerne møder de samme medarbejdere.")
    Contract.objects.filter(pk=goal.contract_id).update(status="entered")
    page = login("director").get(f"/roed-traad/politik/{policy.pk}/?year={YEAR}").content.decode()
    assert goal.title in page
    assert "Borgerne møder de samme medarbejdere." in page
    assert "Sygefravær" in page  # the goal's indicator, with its status
    assert "Følger planen." in page  # its latest follow-up entry
    assert world["draft_goal"].title not in page  # a goal that does not refer to the policy


def test_a_holder_sees_on_the_policy_page_only_the_goals_of_contracts_they_may_read(world, login):
    policy = Policy.objects.create(name="Personalepolitikken")
    _link(world["entered_goal"], policies=[policy])
    _link(world["submitted_goal"], policies=[policy])
    page = login("other_holder").get(f"/roed-traad/politik/{policy.pk}/").content.decode()
    assert world["entered_goal"].title in page
    assert world["submitted_goal"].title not in page


def test_a_goal_on_a_focus_area_serves_its_track_and_shows_under_the_focus_area(world, login):
    second = Track.objects.create(framework=world["track"].framework, number=2, title="God modtagelse")
    area = FocusArea.objects.create(framework=second.framework, track=second, title="Onboarding af nye")
    _link(world["entered_goal"], focus_areas=[area])
    page = login("director").get(f"/roed-traad/spor/{second.pk}/").content.decode()
    under_area = page.split("Onboarding af nye")[1]
    assert world["entered_goal"].title in under_area
    overview = login("director").get("/roed-traad/").content.decode()
    unserved = overview.split("Det, intet mål arbejder med")[1].split("Direktionens udviklingsspor")[0]
    assert "God modtagelse" not in unserved


def test_a_goal_that_refers_to_nothing_is_listed_without_reference(world, login):
    goal = world["entered_goal"]
    goal.tracks.clear()  # the through table is not locked content
    page = login("director").get("/roed-traad/").content.decode()
    without = page.split("Mål uden henvisning")[1].split("Mål uden en politik")[0]
    assert goal.title in without
    assert world["draft_goal"].title not in without


def test_the_goal_page_links_upwards_to_its_policy_and_track(world, login):
    policy = Policy.objects.create(name="Personalepolitikken")
    goal = world["draft_goal"]
    goal.policies.add(policy)
    page = login("holder").get(f"/goals/{goal.pk}/").content.decode()
    assert f"/roed-traad/politik/{policy.pk}/?year={YEAR}" in page
    assert f"/roed-traad/spor/{world['track'].pk}/" in page


def test_a_holder_links_their_own_draft_goal_to_a_policy_in_the_editor(world, login):
    policy = Policy.objects.create(name="Personalepolitikken")
    goal = world["draft_goal"]
    client = login("holder")
    form = client.get(f"/goals/{goal.pk}/edit/").context["form"]
    data = {name: value for name, value in form.initial.items() if not name.startswith("link_") and value is not None}
    data["multi_year"] = "on" if data.pop("multi_year") else ""
    data["link_policies"] = [policy.pk]
    data["link_tracks"] = [world["track"].pk]
    response = client.post(f"/goals/{goal.pk}/edit/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert list(goal.policies.all()) == [policy]
    assert list(goal.tracks.all()) == [world["track"]]


def test_a_track_of_another_years_dus_cannot_be_linked(world):
    other_year = Framework.objects.create(year=YEAR + 1, title=f"DUS {YEAR + 1}")
    foreign = Track.objects.create(framework=other_year, number=1, title="Næste års spor")
    goal = world["draft_goal"]
    with pytest.raises(WorkflowError):
        save_goal(goal.pk, world["users"]["holder"], expected_version=goal.version, links={"tracks": [foreign.pk]})
    assert list(goal.tracks.all()) == [world["track"]]


def test_the_director_adds_a_policy_in_the_app(world, login):
    response = login("director").post(
        "/roed-traad/vedligehold/politik/ny/", {"name": "Værdighedspolitikken", "adopted_year": "2022"}
    )
    assert response.status_code == 302
    assert Policy.objects.get(name="Værdighedspolitikken").adopted_year == 2022


def test_a_policy_goals_refer_to_is_not_deleted(world, login):
    policy = Policy.objects.create(name="Personalepolitikken")
    _link(world["entered_goal"], policies=[policy])
    response = login("director").post(f"/roed-traad/vedligehold/politik/{policy.pk}/slet/", follow=True)
    assert Policy.objects.filter(pk=policy.pk).exists()
    assert "kan ikke slettes" in response.content.decode()


def test_a_second_track_with_the_same_number_in_the_year_is_refused_with_a_message(world, login):
    response = login("director").post(
        f"/roed-traad/vedligehold/spor/ny/?year={YEAR}", {"number": "1", "title": "Et spor mere"}
    )
    assert response.status_code == 400
    assert "har allerede et spor 1" in response.content.decode()
    assert Track.objects.filter(framework__year=YEAR).count() == 1


def test_a_goal_on_a_track_but_no_policy_is_listed_as_without_a_policy(world, login):
    policy = Policy.objects.create(name="Personalepolitikken")
    _link(world["entered_goal"], policies=[policy])
    page = login("director").get("/roed-traad/").content.decode()
    without_policy = page.split("Mål uden en politik")[1]
    assert world["draft_goal"].title in without_policy  # on track 1, no policy
    assert world["entered_goal"].title not in without_policy


def test_a_track_goals_reach_through_a_focus_area_is_not_deleted(world, login):
    second = Track.objects.create(framework=world["track"].framework, number=2, title="God modtagelse")
    area = FocusArea.objects.create(framework=second.framework, track=second, title="Onboarding af nye")
    _link(world["entered_goal"], focus_areas=[area])
    login("director").post(f"/roed-traad/vedligehold/spor/{second.pk}/slet/")
    assert Track.objects.filter(pk=second.pk).exists()
