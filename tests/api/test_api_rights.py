"""A token sees exactly what its user may see (roedtraad.rights), and nothing without a valid,
unrevoked token of an active user."""

from __future__ import annotations

import pytest

from roedtraad.api.tokens import revoke_token

VISIBLE_CONTRACTS = {
    "director": {"draft", "entered", "submitted"},
    "reader": {"draft", "entered", "submitted"},
    "head_of_area": {"draft", "entered"},  # area Omsorg only
    "holder": {"draft"},
    "other_holder": {"entered"},
    "stranger": set(),
}


@pytest.mark.parametrize("role", sorted(VISIBLE_CONTRACTS))
def test_a_token_lists_exactly_the_contracts_its_user_may_read(api, world, role):
    ids = {item["id"] for item in api.items(role, "/contracts")}
    assert ids == {world[key].pk for key in VISIBLE_CONTRACTS[role]}


def test_a_holders_token_does_not_list_another_holders_draft_but_a_directors_does(api, world):
    draft = world["draft"].pk
    assert draft not in {c["id"] for c in api.items("other_holder", "/contracts")}
    assert api.get("other_holder", f"/contracts/{draft}").status_code == 404
    assert draft in {c["id"] for c in api.items("director", "/contracts")}
    assert api.get("director", f"/contracts/{draft}").json()["status"] == "draft"


def _indicator(goal) -> int:
    return goal.indicators.get().pk


# path -> (the field naming the row's goal or indicator, how the world's goal is named there)
LISTS = {
    "/goals": ("id", lambda goal: goal.pk),
    "/indicators": ("goal", lambda goal: goal.pk),
    "/measurements": ("indicator", _indicator),
    "/follow-ups": ("goal", lambda goal: goal.pk),
}


@pytest.mark.parametrize("path", sorted(LISTS))
def test_every_list_keeps_to_the_contracts_the_user_may_read(api, world, path):
    """The other holder sees the rows of their own entered contract, never those of the holder's draft."""
    field, name = LISTS[path]
    seen = {row[field] for row in api.items("other_holder", path, limit=500)}
    assert name(world["entered_goal"]) in seen
    assert name(world["draft_goal"]) not in seen
    assert name(world["draft_goal"]) in {row[field] for row in api.items("director", path, limit=500)}


def test_the_checks_list_only_the_contracts_the_user_may_read(api, world):
    from roedtraad.contracts.models import Contract

    Contract.objects.filter(pk=world["draft"].pk).update(status="entered")  # the checks judge contracts in force
    director = {row["contract"] for row in api.items("director", "/checks", year=2026)}
    holder = {row["contract"] for row in api.items("holder", "/checks", year=2026)}
    assert world["draft"].pk in director and world["entered"].pk in director
    assert holder == {world["draft"].pk}
    requirement = api.items("holder", "/checks", year=2026)[0]["requirements"][0]
    assert requirement["status"] in ("met", "partial", "missing") and requirement["reason"]


def test_without_a_token_or_with_a_wrong_one_the_api_answers_401_as_json(api, client, world):
    for headers in ({}, {"HTTP_AUTHORIZATION": "Bearer rt_nope_nope"}, {"HTTP_AUTHORIZATION": "Basic eDp5"}):
        response = client.get("/api/contracts", **headers)
        assert response.status_code == 401
        assert response["Content-Type"] == "application/json; charset=utf-8"
        assert response.json()["field"] == "Authorization"
        assert response["WWW-Authenticate"].startswith("Bearer")


def test_a_revoked_token_is_refused(api, world):
    token = api.token("director")
    assert api.get("director", "/contracts").status_code == 200
    row = world["users"]["director"].api_tokens.get()
    assert revoke_token(world["users"]["director"], row.pk)
    response = api.client.get("/api/contracts", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code == 401


def test_a_token_of_a_deactivated_user_is_refused(api, world):
    api.token("holder")
    user = world["users"]["holder"]
    user.is_active = False
    user.save()
    assert api.get("holder", "/contracts").status_code == 401


def test_a_login_session_does_not_open_the_api(api, client, world):
    """Only tokens: a browser's session cookie (and so a forged cross-site request) does nothing."""
    client.force_login(world["users"]["director"])
    assert client.get("/api/contracts").status_code == 401


def test_a_token_call_needs_no_csrf_token(world):
    from django.test import Client

    from roedtraad.api.tokens import create_token

    client = Client(enforce_csrf_checks=True)
    token = create_token(world["users"]["other_holder"], "BI")[1]
    body = {"goal": world["entered_goal"].pk, "date": "2026-04-01", "forum": "LMU", "status": "green", "text": "Godt"}
    response = client.post(
        "/api/follow-ups", body, content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {token}"
    )
    assert response.status_code == 201


def test_the_last_use_of_a_token_is_recorded(api, world):
    api.get("reader", "/contracts")
    assert world["users"]["reader"].api_tokens.get().last_used_at is not None


def test_small_units_figures_are_hidden_from_those_who_may_not_see_them(api, world):
    """A department of two people: its leader (the other holder) and the director see its
    figures; a reader of everything sees that they are suppressed, and no measurements."""
    indicator = world["entered_goal"].indicators.get()
    unit = indicator.org_unit
    unit.headcount = 2
    unit.save()
    for role in ("director", "other_holder"):
        shown = next(i for i in api.items(role, "/indicators", limit=500) if i["id"] == indicator.pk)
        assert shown["suppressed"] is False
        assert len(api.items(role, "/measurements", indicator=indicator.pk)) == 3
    hidden = next(i for i in api.items("reader", "/indicators", limit=500) if i["id"] == indicator.pk)
    assert hidden["suppressed"] is True and hidden["baseline_value"] is None
    assert api.items("reader", "/measurements", indicator=indicator.pk) == []


def test_the_authors_name_is_shown_to_users_with_a_role(api, world):
    from roedtraad.followup.models import FollowUpEntry

    FollowUpEntry.objects.filter(goal=world["entered_goal"]).update(author=world["users"]["other_holder"].person)
    mine = api.items("other_holder", "/follow-ups", goal=world["entered_goal"].pk)
    assert mine[0]["author"] == "Person holder2"
