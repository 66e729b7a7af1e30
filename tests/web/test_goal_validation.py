"""Validation as you type in the goal editor: one field's errors from the server (htmx); saving decides."""

from __future__ import annotations

from django.urls import reverse

from roedtraad.contracts.models import GoalPartner
from roedtraad.web.editor import initial_for


def _validate(client, goal, field: str, **changes):
    data = {**initial_for(goal), **changes, "_field": field}
    data["multi_year"] = "on" if data["multi_year"] else ""
    return client.post(reverse("goal_validate", args=[goal.pk]), data, HTTP_HX_REQUEST="true")


def test_an_empty_goal_statement_gets_its_error_at_once(login, world):
    response = _validate(login("holder"), world["draft_goal"], "section_udviklingsmaal", section_udviklingsmaal="  ")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Skriv selve målet" in html
    assert "<html" not in html  # only the partial


def test_a_written_goal_statement_has_no_error(login, world):
    response = _validate(login("holder"), world["draft_goal"], "section_udviklingsmaal")
    assert response.status_code == 200
    assert "form-error-message" not in response.content.decode()


def test_an_empty_title_and_a_too_long_title_are_errors(login, world):
    client = login("holder")
    assert "form-error-message" in _validate(client, world["draft_goal"], "title", title="").content.decode()
    too_long = _validate(client, world["draft_goal"], "title", title="x" * 301).content.decode()
    assert "300" in too_long


def test_a_shared_goal_needs_a_partner_with_a_role(login, world):
    goal = world["draft_goal"]
    GoalPartner.objects.filter(goal=goal).update(role="")
    response = _validate(login("holder"), goal, "scope", scope="shared")
    assert "Et fælles mål skal have mindst én partner med ansvar og rolle" in response.content.decode()
    GoalPartner.objects.filter(goal=goal).update(role="Bidrager med viden")
    response = _validate(login("holder"), goal, "scope", scope="shared")
    assert "form-error-message" not in response.content.decode()


def test_only_editors_may_validate(login, world):
    assert _validate(login("reader"), world["draft_goal"], "title").status_code == 403
    assert _validate(login("other_holder"), world["draft_goal"], "title").status_code == 404


def test_an_unknown_field_is_a_bad_request(login, world):
    assert _validate(login("holder"), world["draft_goal"], "version").status_code == 400


def test_the_editor_validates_each_field_on_change(login, world):
    html = login("holder").get(reverse("goal_edit", args=[world["draft_goal"].pk])).content.decode()
    assert f'hx-post="{reverse("goal_validate", args=[world["draft_goal"].pk])}"' in html
    assert 'hx-target="#id_section_udviklingsmaal-errors"' in html


def test_without_javascript_the_save_still_refuses_an_empty_goal_statement(login, world):
    goal = world["draft_goal"]
    data = {**initial_for(goal), "section_udviklingsmaal": ""}
    data["multi_year"] = ""
    response = login("holder").post(reverse("goal_edit", args=[goal.pk]), data)
    assert response.status_code == 400
    assert "Skriv selve målet" in response.content.decode()
