"""Follow-up entries through the API: written by `followup.entries` with the pages' rights."""

from __future__ import annotations

import pytest

from roedtraad.followup.models import FollowUpEntry


def _body(goal, **changes) -> dict:
    return {
        "goal": goal.pk,
        "date": "2026-04-01",
        "forum": "LMU",
        "status": "green",
        "text": "Fraværet falder.",
        **changes,
    }


@pytest.mark.parametrize(
    ("role", "status"),
    [("director", 201), ("head_of_area", 201), ("other_holder", 201), ("reader", 403), ("holder", 404)],
)
def test_an_entry_is_added_by_those_who_follow_the_contract_up(api, world, role, status):
    goal = world["entered_goal"]
    before = FollowUpEntry.objects.filter(goal=goal).count()
    response = api.post(role, "/follow-ups", _body(goal))
    assert response.status_code == status, response.content
    assert FollowUpEntry.objects.filter(goal=goal).count() == before + (status == 201)
    if status == 201:
        entry = response.json()
        assert entry["goal"] == goal.pk and entry["author"] == f"Person {world['users'][role].username}"


def test_a_draft_is_not_followed_up(api, world):
    response = api.post("holder", "/follow-ups", _body(world["draft_goal"]))
    assert response.status_code == 403
    assert response.json()["detail"]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"forum": "   "}, "forum"),
        ({"status": "purple"}, "status"),
        ({"date": "1. april"}, "date"),
        ({"text": ""}, "text"),
    ],
)
def test_a_bad_entry_is_refused_naming_the_field(api, world, changes, field):
    response = api.post("other_holder", "/follow-ups", _body(world["entered_goal"], **changes))
    assert response.status_code == 422
    assert response.json()["field"] == field


def test_the_author_changes_the_entry_and_an_old_version_is_a_conflict(api, world):
    created = api.post("other_holder", "/follow-ups", _body(world["entered_goal"])).json()
    change = {
        "date": "2026-04-02",
        "forum": "TRIO",
        "status": "amber",
        "text": "Lidt op igen.",
        "version": created["version"],
    }
    changed = api.put("other_holder", f"/follow-ups/{created['id']}", change)
    assert changed.status_code == 200 and changed.json()["forum"] == "TRIO"
    stale = api.put("other_holder", f"/follow-ups/{created['id']}", {**change, "text": "Noget andet."})
    assert stale.status_code == 409
    assert stale.json()["stored_version"] == changed.json()["version"]
    assert FollowUpEntry.objects.get(pk=created["id"]).text == "Lidt op igen."


def test_only_the_author_changes_an_entry(api, world):
    created = api.post("other_holder", "/follow-ups", _body(world["entered_goal"])).json()
    change = {"date": "2026-04-02", "forum": "TRIO", "status": "amber", "text": "Ændret af en anden."}
    assert api.put("director", f"/follow-ups/{created['id']}", change).status_code == 403
    assert api.put("holder", f"/follow-ups/{created['id']}", change).status_code == 404  # a stranger to it
