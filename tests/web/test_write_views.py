"""Workflow buttons, comments and the goal editor, with success and refusal by role."""

from __future__ import annotations

from django.urls import reverse

from roedtraad.contracts.models import Contract, Goal
from roedtraad.review.models import ChangeRequest, GoalComment

# The director's written reason for entering a contract that does not meet every requirement.
WHY = "Kravene om sygefravær følges op i årets første kontraktdialog."


def post(client, name, pk, **data):
    return client.post(reverse(name, args=[pk]), data)


def status_of(contract) -> str:
    return Contract.objects.get(pk=contract.pk).status


# Workflow -------------------------------------------------------------------------------


def test_holder_submits_own_draft(login, world):
    assert post(login("holder"), "contract_submit", world["draft"].pk).status_code == 302
    assert status_of(world["draft"]) == "submitted"


def test_reader_cannot_submit(login, world):
    assert post(login("reader"), "contract_submit", world["draft"].pk).status_code == 403
    assert status_of(world["draft"]) == "draft"


def test_submit_of_empty_contract_shows_the_problems(login, world):
    world["draft_goal"].soft_delete()
    response = login("holder").post(reverse("contract_submit", args=[world["draft"].pk]), follow=True)
    assert "ingen udviklingsmål" in response.content.decode()
    assert status_of(world["draft"]) == "draft"


def test_head_of_area_requests_changes_with_a_comment(login, world):
    Contract.objects.filter(pk=world["draft"].pk).update(status="submitted")
    response = post(login("head_of_area"), "contract_request_changes", world["draft"].pk, comment="Tilføj måltal.")
    assert response.status_code == 302
    assert status_of(world["draft"]) == "draft"
    assert ChangeRequest.objects.get().text == "Tilføj måltal."
    page = login("holder").get(reverse("contract_detail", args=[world["draft"].pk])).content.decode()
    assert "Tilføj måltal." in page


def test_holder_cannot_request_changes_on_own_contract(login, world):
    Contract.objects.filter(pk=world["draft"].pk).update(status="submitted")
    assert post(login("holder"), "contract_request_changes", world["draft"].pk, comment="x").status_code == 403


def test_director_enters_a_submitted_contract(login, world):
    assert (
        post(login("director"), "contract_enter", world["submitted"].pk, confirmed="yes", justification=WHY).status_code
        == 302
    )
    assert status_of(world["submitted"]) == "entered"


def test_head_of_area_cannot_enter(login, world):
    Contract.objects.filter(pk=world["draft"].pk).update(status="submitted")
    assert (
        post(login("head_of_area"), "contract_enter", world["draft"].pk, confirmed="yes", justification=WHY).status_code
        == 403
    )


def test_other_holder_starts_a_new_revision_of_their_entered_contract(login, world):
    response = post(login("other_holder"), "contract_new_revision", world["entered"].pk, confirmed="yes")
    revision = Contract.objects.get(previous_revision=world["entered"])
    assert response.url == reverse("contract_detail", args=[revision.pk])
    assert revision.status == "draft" and revision.revision == 2


def test_holder_gets_404_for_a_new_revision_of_another_holders_contract(login, world):
    assert post(login("holder"), "contract_new_revision", world["entered"].pk, confirmed="yes").status_code == 404


def test_buttons_shown_match_the_rights(login, world):
    director_page = login("director").get(reverse("contract_detail", args=[world["submitted"].pk])).content.decode()
    assert "Indgå kontrakten" in director_page
    reader_page = login("reader").get(reverse("contract_detail", args=[world["submitted"].pk])).content.decode()
    assert "Indgå kontrakten" not in reader_page and "Send tilbage" not in reader_page


# Comments -------------------------------------------------------------------------------


def test_head_of_area_comments_on_a_goal_with_htmx(login, world):
    client = login("head_of_area")
    response = client.post(
        reverse("goal_comment", args=[world["draft_goal"].pk]), {"text": "Godt mål."}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    assert response.content.decode().startswith('<div id="comments">') and "Godt mål." in response.content.decode()


def test_holder_resolves_a_comment(login, world):
    comment = GoalComment.objects.create(goal=world["draft_goal"], text="Husk måltal.")
    assert post(login("holder"), "comment_resolve", comment.pk).status_code == 302
    assert GoalComment.objects.get(pk=comment.pk).is_resolved


def test_reader_cannot_comment(login, world):
    assert post(login("reader"), "goal_comment", world["draft_goal"].pk, text="Hej").status_code == 403
    assert not GoalComment.objects.exists()


# Editor ----------------------------------------------------------------------------------


def edit_data(goal: Goal, **changes) -> dict:
    data = {
        "version": goal.version,
        "title": goal.title,
        "scope": goal.scope,
        "section_udviklingsmaal": "Sygefraværet nedbringes til 5 %.",
        "section_baggrund_formaal": "Baggrund.",
    }
    data.update(changes)
    return data


def test_holder_edits_own_goal_sections_in_template_order(login, world):
    client = login("holder")
    page = client.get(reverse("goal_edit", args=[world["draft_goal"].pk])).content.decode()
    assert page.index("Baggrund og formål") < page.index("Forventede virkninger for borgeren")
    response = client.post(
        reverse("goal_edit", args=[world["draft_goal"].pk]),
        edit_data(
            world["draft_goal"], title="Lavere sygefravær", section_virkning_borger="Færre vikarer hos borgeren."
        ),
    )
    assert response.status_code == 302
    goal = Goal.objects.get(pk=world["draft_goal"].pk)
    assert goal.title == "Lavere sygefravær" and goal.version == 2
    assert goal.sections.get(key="virkning_borger").text == "Færre vikarer hos borgeren."


def test_editor_requires_the_goal_statement(login, world):
    goal = world["draft_goal"]
    response = login("holder").post(reverse("goal_edit", args=[goal.pk]), edit_data(goal, section_udviklingsmaal=""))
    assert response.status_code == 400
    assert "Skriv selve målet" in response.content.decode()


def test_second_save_on_an_older_version_is_refused_showing_both_versions(login, world):
    goal = world["draft_goal"]
    client = login("holder")
    first = edit_data(goal, title="Første udgave")
    second = edit_data(goal, title="Anden udgave")  # based on the same version 1
    assert client.post(reverse("goal_edit", args=[goal.pk]), first).status_code == 302
    response = client.post(reverse("goal_edit", args=[goal.pk]), second)
    page = response.content.decode()
    assert response.status_code == 409
    assert "version 1" in page and "version 2" in page
    assert "Første udgave" in page and "Anden udgave" in page
    assert Goal.objects.get(pk=goal.pk).title == "Første udgave"


def test_head_of_area_cannot_edit(login, world):
    assert login("head_of_area").get(reverse("goal_edit", args=[world["draft_goal"].pk])).status_code == 403


def test_holder_cannot_edit_an_entered_goal(login, world):
    assert login("other_holder").get(reverse("goal_edit", args=[world["entered_goal"].pk])).status_code == 403


# Follow-up --------------------------------------------------------------------------------


def test_other_holder_adds_a_follow_up_to_their_entered_goal(login, world):
    goal = world["entered_goal"]
    data = {"date": "2026-11-20", "forum": "LMU", "status": "green", "text": "Fraværet falder."}
    response = post(login("other_holder"), "goal_follow_up", goal.pk, **data)
    assert response.status_code == 302
    entry = goal.follow_ups.get(forum="LMU", date="2026-11-20")
    assert entry.author.name == "Person holder2"


def test_follow_up_form_refuses_an_empty_text(login, world):
    data = {"date": "2026-11-20", "forum": "LMU", "status": "green", "text": ""}
    assert post(login("other_holder"), "goal_follow_up", world["entered_goal"].pk, **data).status_code == 400


def test_reader_cannot_add_a_follow_up(login, world):
    assert login("reader").get(reverse("goal_follow_up", args=[world["entered_goal"].pk])).status_code == 403


def test_holder_cannot_follow_up_on_a_draft(login, world):
    assert login("holder").get(reverse("goal_follow_up", args=[world["draft_goal"].pk])).status_code == 403


def test_a_comment_over_5000_characters_is_refused_in_place_with_its_text_kept(login, world):
    text = "Langt forslag. " * 400  # 6,000 characters
    client = login("head_of_area")
    url = reverse("goal_comment", args=[world["draft_goal"].pk])
    for headers in ({}, {"HTTP_HX_REQUEST": "true"}):
        response = client.post(url, {"text": text}, **headers)
        page = response.content.decode()
        assert response.status_code == 400
        assert "Kommentaren er for lang (højst 5000 tegn)." in page
        assert text.strip() in page, "the text is still in the field"
    assert not world["draft_goal"].comments.exists()


def test_a_section_over_the_limit_is_refused_in_the_editor_with_the_text_kept(login, world):
    goal = world["draft_goal"]
    text = "Et meget langt afsnit. " * 1000  # 23,000 characters
    data = {"version": goal.version, "title": goal.title, "scope": goal.scope, "section_udviklingsmaal": text}
    response = login("holder").post(reverse("goal_edit", args=[goal.pk]), data)
    page = response.content.decode()
    assert response.status_code == 400
    assert f"må højst have 20.000 tegn (det har {len(text.strip()):,})".replace(",", ".") in page
    assert text.strip()[:200] in page
    goal.refresh_from_db()
    assert goal.version == world["draft_goal"].version
