"""Each main page runs the same number of SQL queries for 1 goal per contract and for 8."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

PAGES = {
    "home": lambda w: reverse("home"),
    "contract_list": lambda w: reverse("contract_list"),
    "contract_detail": lambda w: reverse("contract_detail", args=[w["draft"].pk]),
    "goal_detail": lambda w: reverse("goal_detail", args=[w["draft_goal"].pk]),
    "indicator_detail": lambda w: reverse("indicator_detail", args=[w["draft_goal"].indicators.get().pk]),
    "search": lambda w: reverse("search") + "?q=sygefravær",
}


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("role", ["director", "head_of_area", "holder"])
def test_query_count_does_not_grow_with_goals(login, world, page, role):
    client = login(role)
    url = PAGES[page](world)
    client.get(url)  # warm caches (sessions, content types)
    small = count_queries(client, url)
    for key in ("draft", "submitted"):  # the entered one is locked
        world.add_goals(world[key], 7)
    # More indicators, measurements and follow-ups on the goal shown on the goal page, too.
    world.add_goals(world["draft"], 1)[0].indicators.update(goal=world["draft_goal"])
    large = count_queries(client, url)
    print(f"{page} as {role}: {small} queries with 1 goal per contract, {large} with 8")
    assert large == small, f"{page} as {role}: {small} queries with 1 goal, {large} with 8"
    assert small <= 25, f"{page}: {small} queries"
