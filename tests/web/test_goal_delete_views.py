"""Deleting a goal so that it can be brought back: the goal page's "Slet mål" and the contract's undo."""

from __future__ import annotations

from django.urls import reverse

from roedtraad.contracts.models import Goal
from roedtraad.followup.models import Indicator


def _delete(client, goal: Goal):
    return client.post(reverse("goal_delete", args=[goal.pk]), {"confirmed": "yes"})


def _deleted(goal: Goal) -> bool:
    return Goal.objects.get(pk=goal.pk).deleted_at is not None


def test_the_holder_deletes_a_goal_and_the_contract_page_offers_undo(login, world):
    goal = world["draft_goal"]
    client = login("holder")
    response = _delete(client, goal)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("contract_detail", args=[world["draft"].pk]))
    assert _deleted(goal)
    page = client.get(response["Location"]).content.decode()
    assert "Målet er slettet" in page and "Fortryd" in page
    assert reverse("goal_undo_delete", args=[goal.pk]) in page
    assert f'href="{reverse("goal_detail", args=[goal.pk])}"' not in page  # gone from the list of goals


def test_delete_and_undo_round_trip(login, world):
    goal = world["draft_goal"]
    client = login("holder")
    _delete(client, goal)
    assert client.get(reverse("goal_detail", args=[goal.pk])).status_code == 404
    response = client.post(reverse("goal_undo_delete", args=[goal.pk]))
    assert response.status_code == 302 and response["Location"] == reverse("goal_detail", args=[goal.pk])
    assert not _deleted(goal)
    assert client.get(reverse("goal_detail", args=[goal.pk])).status_code == 200
    reasons = list(goal.history.order_by("-history_id").values_list("history_change_reason", flat=True)[:2])
    assert reasons == ["Sletningen af målet er fortrudt", "Målet er slettet"]


def test_the_goal_page_shows_the_delete_button_only_to_those_who_may_edit(login, world):
    url = reverse("goal_detail", args=[world["draft_goal"].pk])
    delete_url = reverse("goal_delete", args=[world["draft_goal"].pk])
    assert delete_url in login("holder").get(url).content.decode()
    assert delete_url not in login("reader").get(url).content.decode()


def test_a_reader_may_not_delete_a_goal(login, world):
    assert _delete(login("reader"), world["draft_goal"]).status_code == 403
    assert not _deleted(world["draft_goal"])


def test_a_goal_of_an_entered_contract_is_not_deleted(login, world):
    response = _delete(login("other_holder"), world["entered_goal"])
    assert response.status_code == 302
    assert not _deleted(world["entered_goal"])
    page = login("other_holder").get(response["Location"]).content.decode()
    assert "er indgået og låst" in page


def test_a_deleted_goal_disappears_from_search_and_from_its_indicators(login, world):
    goal = world["draft_goal"]
    client = login("director")
    indicator = Indicator.objects.get(goal=goal)
    assert goal.title in client.get(reverse("search") + "?q=sygefravær Solsikken").content.decode()
    _delete(client, goal)
    assert goal.title not in client.get(reverse("search") + "?q=sygefravær Solsikken").content.decode()
    assert client.get(reverse("indicator_detail", args=[indicator.pk])).status_code == 404


def test_a_deleted_goal_is_left_out_of_the_contract_check(login, world):
    goal = world["draft_goal"]
    client = login("director")
    url = reverse("checks:report", args=[world["draft"].pk])
    assert goal.title in client.get(url).content.decode()
    _delete(client, goal)
    assert goal.title not in client.get(url).content.decode()


def test_the_contract_page_lists_deleted_goals_only_for_those_who_may_edit(login, world):
    _delete(login("holder"), world["draft_goal"])
    url = reverse("contract_detail", args=[world["draft"].pk])
    undo_url = reverse("goal_undo_delete", args=[world["draft_goal"].pk])
    assert undo_url in login("holder").get(url).content.decode()
    assert undo_url not in login("reader").get(url).content.decode()
