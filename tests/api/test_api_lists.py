"""Pagination, the year / area / holder filters, the red thread, the docs, and errors as JSON."""

from __future__ import annotations

import pytest
from tests.web.conftest import add_goal


def test_a_list_is_paginated_with_a_count(api, world):
    world.add_goals(world["draft"], 4)  # 5 goals in the holder's draft, 7 in all
    first = api.get("director", "/goals", limit=2, offset=0).json()
    second = api.get("director", "/goals", limit=2, offset=2).json()
    assert first["count"] == 7 and len(first["items"]) == 2
    assert not {g["id"] for g in first["items"]} & {g["id"] for g in second["items"]}
    everything = api.items("director", "/goals", limit=500)
    assert [g["id"] for g in everything[:4]] == [g["id"] for g in first["items"] + second["items"]]


def test_a_limit_past_the_largest_page_is_refused(api, world):
    response = api.get("director", "/goals", limit=5000)
    assert response.status_code == 422 and response.json()["field"] == "limit"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"area": "Omsorg"}, {"draft", "entered"}),
        ({"area": "skole"}, {"submitted"}),
        ({"holder": "Hjemmeplejen"}, {"entered"}),
        ({"year": 2026}, {"draft", "entered", "submitted"}),
        ({"year": 2025}, set()),
        ({"area": "Omsorg", "holder": "Nordskolen"}, set()),
    ],
)
def test_the_filters_narrow_the_contracts(api, world, query, expected):
    ids = {c["id"] for c in api.items("director", "/contracts", **query)}
    assert ids == {world[key].pk for key in expected}


def test_a_unit_is_named_by_its_id_too(api, world):
    by_id = api.items("director", "/goals", area=str(world["school"].pk))
    assert {g["id"] for g in by_id} == {world["submitted_goal"].pk}


def test_a_filter_never_widens_what_the_user_sees(api, world):
    assert api.items("holder", "/contracts", area="Skole") == []


def test_an_unknown_unit_is_refused_naming_the_filter(api, world):
    response = api.get("director", "/contracts", area="Atlantis")
    assert response.status_code == 422
    assert response.json()["field"] == "area" and "Atlantis" in response.json()["detail"]


def test_the_red_thread_shows_the_goals_in_force_the_user_may_read(api, world):
    from roedtraad.contracts.models import Contract

    Contract.objects.filter(pk=world["draft"].pk).update(status="entered")
    thread = api.get("holder", "/redthread", year=2026).json()
    track = next(t for t in thread["tracks"] if t["id"] == world["track"].pk)
    assert track["goals"] == [world["draft_goal"].pk]  # not the other holder's goal on the same track
    everything = api.get("director", "/redthread", year=2026).json()
    track = next(t for t in everything["tracks"] if t["id"] == world["track"].pk)
    assert {world["draft_goal"].pk, world["entered_goal"].pk} <= set(track["goals"])
    school = api.get("director", "/redthread", year=2026, area="Skole").json()["tracks"][0]["goals"]
    assert world["entered_goal"].pk not in school and world["draft_goal"].pk not in school


def test_a_year_without_a_dus_has_no_red_thread(api, world):
    response = api.get("director", "/redthread", year=2030)
    assert response.status_code == 404 and response.json()["field"] == "year"


def test_something_not_there_is_a_json_404(api, world):
    for path in ("/contracts/987654", "/no-such-thing", "/contracts/1/extra"):
        response = api.get("director", path)
        assert response.status_code == 404, path
        assert response["Content-Type"].startswith("application/json") and response.json()["detail"]


def test_an_id_too_large_for_the_database_is_a_422(api, world):
    response = api.get("director", f"/contracts/{2**70}")
    assert response.status_code == 422 and response.json()["field"] == "contract_id"


def test_the_openapi_document_and_the_docs_are_served_without_a_cdn(client, world):
    document = client.get("/api/openapi.json").json()
    assert "/api/measurements" in document["paths"]
    assert document["components"]["securitySchemes"]["TokenAuth"]["scheme"] == "bearer"
    docs = client.get("/api/docs").content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in docs
    assert "cdn" not in docs.lower()
    assert client.get("/static/ninja/swagger-ui-bundle.js").status_code == 200
    assert client.get("/api/").json()["openapi"] == "/api/openapi.json"


def test_an_extra_goal_shows_in_the_holders_list(api, world):
    goal = add_goal(world["draft"], 2, world["track"], title="God modtagelse")
    titles = {g["title"] for g in api.items("holder", "/goals", contract=world["draft"].pk)}
    assert titles == {world["draft_goal"].title, goal.title}
