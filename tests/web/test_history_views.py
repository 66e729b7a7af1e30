"""The history pages of a goal and a contract, and restoring an earlier version."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from roedtraad.contracts.editing import save_goal
from roedtraad.contracts.models import Goal, GoalSection

STATEMENT = "udviklingsmaal"


def _rewrite_statement(world, goal: Goal, text: str, role: str = "holder") -> Goal:
    goal.refresh_from_db()
    return save_goal(
        goal.pk, world["users"][role], expected_version=goal.version, sections={STATEMENT: text}, reason="Nyt måltal"
    )


def _statement(goal: Goal) -> str:
    return GoalSection.objects.get(goal=goal, key=STATEMENT).text


def _restore_url(goal: Goal, kind: str, record) -> str:
    return reverse("goal_restore", args=[goal.pk, kind, record.history_id])


def _first_statement_version(goal: Goal):
    return GoalSection.history.filter(goal_id=goal.pk, key=STATEMENT).order_by("history_id").first()


def test_goal_history_shows_who_when_why_and_a_word_diff_newest_first(login, world):
    goal = world["draft_goal"]
    _rewrite_statement(world, goal, "Sygefraværet blandt medarbejderne skal ned på 5 procent.")
    save_goal(goal.pk, world["users"]["holder"], expected_version=goal.version + 1, title="Lavere sygefravær")
    response = login("reader").get(reverse("goal_history", args=[goal.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Person holder" in html and "Nyt måltal" in html
    assert "fjernet: </span>nedbringes" in html and "tilføjet: </span>ned på 5 procent" in html
    assert html.index("Lavere sygefravær") < html.index("Nyt måltal")  # the title change came last: shown first
    assert "Gendan denne version" not in html  # a reader may not restore


def test_goal_history_offers_restore_of_earlier_versions_to_the_holder_of_the_draft(login, world):
    url = reverse("goal_history", args=[world["draft_goal"].pk])
    assert "Gendan denne version" not in login("holder").get(url).content.decode()  # all versions are current
    _rewrite_statement(world, world["draft_goal"], "Et nyt mål.")
    html = login("holder").get(url).content.decode()
    assert html.count("Gendan denne version") == 1  # the statement as first written
    assert reverse("goal_detail", args=[world["draft_goal"].pk]) in html


def test_contract_history_lists_the_changes_of_its_goals(login, world):
    _rewrite_statement(world, world["draft_goal"], "Fraværet skal halveres.", role="director")
    response = login("head_of_area").get(reverse("contract_history", args=[world["draft"].pk]))
    assert response.status_code == 200
    assert "halveres" in response.content.decode()
    assert "Gendan denne version" not in response.content.decode()  # the head of area reviews, does not edit


@pytest.mark.parametrize("name", ["goal_history", "contract_history"])
def test_the_other_holder_does_not_see_the_history_of_a_draft_not_theirs(login, world, name):
    pk = world["draft_goal"].pk if name == "goal_history" else world["draft"].pk
    assert login("other_holder").get(reverse(name, args=[pk])).status_code == 404


def test_goal_and_contract_pages_link_to_their_history(login, world):
    client = login("reader")
    goal_page = client.get(reverse("goal_detail", args=[world["draft_goal"].pk])).content.decode()
    contract_page = client.get(reverse("contract_detail", args=[world["draft"].pk])).content.decode()
    assert reverse("goal_history", args=[world["draft_goal"].pk]) in goal_page
    assert reverse("contract_history", args=[world["draft"].pk]) in contract_page


def test_restore_makes_the_earlier_text_current_as_a_new_history_entry(login, world):
    goal = world["draft_goal"]
    original = _statement(goal)
    _rewrite_statement(world, goal, "En helt anden tekst.")
    entries = GoalSection.history.filter(goal_id=goal.pk).count()
    response = login("holder").post(_restore_url(goal, "section", _first_statement_version(goal)))
    assert response.status_code == 302
    assert _statement(goal) == original
    assert GoalSection.history.filter(goal_id=goal.pk).count() == entries + 1
    newest = GoalSection.history.filter(goal_id=goal.pk).order_by("-history_id").first()
    assert newest.history_change_reason.startswith("Gendannet til versionen fra")
    assert newest.history_user == world["users"]["holder"]
    page = login("holder").get(reverse("goal_history", args=[goal.pk]))
    assert "Gendannet til versionen fra" in page.content.decode()


def test_restore_of_the_goal_brings_back_the_earlier_title(login, world):
    goal = world["draft_goal"]
    first = goal.history.order_by("history_id").first()
    save_goal(goal.pk, world["users"]["holder"], expected_version=goal.version, title="Ny titel")
    login("director").post(_restore_url(goal, "goal", first))
    goal.refresh_from_db()
    assert goal.title == first.title


def test_restore_on_an_entered_contract_is_refused_with_a_message(login, world):
    goal = world["entered_goal"]
    record = _first_statement_version(goal)
    GoalSection.objects.filter(goal=goal, key=STATEMENT).update(text="Den indgåede tekst.")
    client = login("other_holder")
    response = client.post(_restore_url(goal, "section", record), follow=True)
    assert response.status_code == 200
    assert "er indgået og låst" in response.content.decode()
    assert _statement(goal) == "Den indgåede tekst."


def test_a_reader_may_not_restore(login, world):
    goal = world["draft_goal"]
    _rewrite_statement(world, goal, "Ny tekst.")
    response = login("reader").post(_restore_url(goal, "section", _first_statement_version(goal)))
    assert response.status_code == 403
    assert _statement(goal) == "Ny tekst."


def test_restore_of_a_version_of_another_goal_is_not_found(login, world):
    other = _first_statement_version(world["submitted_goal"])
    url = reverse("goal_restore", args=[world["draft_goal"].pk, "section", other.history_id])
    assert login("director").post(url).status_code == 404
    bad_kind = reverse("goal_restore", args=[world["draft_goal"].pk, "partner", other.history_id])
    assert login("director").post(bad_kind).status_code == 404


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("name", ["goal_history", "contract_history"])
def test_history_pages_query_count_does_not_grow_with_the_changes(login, world, name):
    goal = world["draft_goal"]
    url = reverse(name, args=[goal.pk if name == "goal_history" else world["draft"].pk])
    client = login("holder")
    client.get(url)
    small = _queries(client, url)
    for i in range(6):
        _rewrite_statement(world, goal, f"Version {i} af målet.", role="holder" if i % 2 else "director")
        goal.refresh_from_db()
        save_goal(goal.pk, world["users"]["holder"], expected_version=goal.version, title=f"Titel {i}")
    world.add_goals(world["draft"], 2)
    large = _queries(client, url)
    assert large == small, f"{name}: {small} queries with few changes, {large} with many"


def test_a_section_of_a_deleted_goal_is_not_restored_and_the_holder_is_told_why(login, world):
    goal = world["draft_goal"]
    _rewrite_statement(world, goal, "Ny tekst.")
    record = _first_statement_version(goal)
    client = login("holder")
    client.post(reverse("goal_delete", args=[goal.pk]), {"confirmed": "yes"})
    history_page = client.get(reverse("contract_history", args=[goal.contract_id])).content.decode()
    assert _restore_url(goal, "section", record) not in history_page
    assert "Fortryd sletningen af målet for at kunne gendanne" in history_page
    response = client.post(_restore_url(goal, "section", record), follow=True)
    assert "Fortryd sletningen af målet, før du gendanner afsnittet" in response.content.decode()
    assert _statement(goal) == "Ny tekst."
    assert Goal.objects.get(pk=goal.pk).deleted_at is not None
