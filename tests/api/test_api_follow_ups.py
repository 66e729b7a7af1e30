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
    change = {"date": "2026-04-02", "forum": "TRIO", "status": "amber", "text": "Ændret af en anden.", "version": 1}
    assert api.put("director", f"/follow-ups/{created['id']}", change).status_code == 403
    assert api.put("holder", f"/follow-ups/{created['id']}", change).status_code == 404  # a stranger to it


def test_a_change_must_say_which_version_it_builds_on(api, world):
    """Without the version read, a change could overwrite another's change unseen."""
    created = api.post("other_holder", "/follow-ups", _body(world["entered_goal"])).json()
    change = {"date": "2026-04-02", "forum": "TRIO", "status": "amber", "text": "Uden version."}
    response = api.put("other_holder", f"/follow-ups/{created['id']}", change)
    assert response.status_code == 422 and response.json()["field"] == "version"
    assert FollowUpEntry.objects.get(pk=created["id"]).text == "Fraværet falder."


def test_a_small_units_status_kept_with_an_entry_is_hidden_as_its_figures_are(api, world):
    goal = world["entered_goal"]
    indicator = goal.indicators.get()
    created = api.post("director", "/follow-ups", _body(goal)).json()
    assert [i["id"] for i in created["indicator_status"]] == [indicator.pk]
    indicator.org_unit.headcount = 3
    indicator.org_unit.save()

    def kept(role):
        entries = api.get(role, f"/follow-ups?goal={goal.pk}").json()["items"]
        return next(e for e in entries if e["id"] == created["id"])["indicator_status"]

    assert [i["id"] for i in kept("director")] == [indicator.pk]
    assert kept("reader") == []  # reads everything, but leads no unit: the status is the figure's
