"""Proposing a shared goal from the overlap list; the holders answer on their start page and goal page.

In the web world the head of area covers Omsorg: Solsikken ("holder", a draft) and
Hjemmeplejen ("other_holder", entered); Nordskolen is in another area.
"""

from __future__ import annotations

import pytest
from django.urls import reverse
from tests.web.conftest import add_night_cover_goals

from roedtraad.checks.models import SharedGoalProposal
from roedtraad.contracts.models import Contract, Goal, GoalScope

ROLE = "Stiller en sygeplejerske til rådighed en dag om ugen"


def _propose_url(a: Goal, b: Goal) -> str:
    return reverse("checks:proposal_new", args=[a.pk, b.pk])


def _open(world) -> SharedGoalProposal:
    a, b = sorted((world["draft_goal"], world["entered_goal"]), key=lambda g: g.pk)
    return SharedGoalProposal.objects.create(
        goal_a=a, goal_b=b, proposed_by=world["users"]["head_of_area"], note="Et fælles forløb om fravær."
    )


def _answer_url(proposal, goal: Goal, step: str) -> str:
    return reverse(f"checks:proposal_{step}", args=[proposal.pk, goal.pk])


@pytest.fixture
def both_drafts(world):
    """The other holder's contract is a draft too, so both holders may accept."""
    Contract.objects.filter(pk=world["entered"].pk).update(status="draft")
    return world


def test_a_head_of_area_proposes_a_shared_goal_from_an_overlap_pair(login, world):
    client = login("head_of_area")
    form = client.get(_propose_url(world["draft_goal"], world["entered_goal"]))
    assert form.status_code == 200
    assert 'name="csrfmiddlewaretoken"' in form.content.decode()
    response = client.post(
        _propose_url(world["draft_goal"], world["entered_goal"]), {"note": "I arbejder begge med fravær."}
    )
    assert response.status_code == 302 and "/checks/overlaps/" in response["Location"]
    proposal = SharedGoalProposal.objects.get()
    assert (proposal.note, proposal.proposed_by) == ("I arbejder begge med fravær.", world["users"]["head_of_area"])
    again = client.get(_propose_url(world["entered_goal"], world["draft_goal"])).content.decode()
    assert "allerede et åbent forslag" in again and "Send forslaget" not in again


def test_a_reader_cannot_propose(login, world):
    response = login("reader").post(_propose_url(world["draft_goal"], world["entered_goal"]), {"note": "Forslag"})
    assert response.status_code == 403
    assert not SharedGoalProposal.objects.exists()


def test_a_head_of_area_cannot_propose_with_a_holder_outside_their_area(login, world):
    url = _propose_url(world["draft_goal"], world["submitted_goal"])
    assert login("head_of_area").post(url, {"note": ""}).status_code == 404  # Nordskolen is not theirs to read
    assert login("director").post(url, {"note": ""}).status_code == 302


def test_a_too_long_note_is_refused_with_the_form_again(login, world):
    response = login("director").post(_propose_url(world["draft_goal"], world["entered_goal"]), {"note": "x" * 1001})
    assert response.status_code == 400
    assert not SharedGoalProposal.objects.exists()


def test_both_holders_see_the_open_proposal_on_their_start_page_and_goal_page(login, world):
    _open(world)
    for role, goal in (("holder", world["draft_goal"]), ("other_holder", world["entered_goal"])):
        client = login(role)
        home = client.get(reverse("home")).content.decode()
        assert "Forslag om fælles mål" in home and "Et fælles forløb om fravær." in home
        page = client.get(reverse("goal_detail", args=[goal.pk])).content.decode()
        assert "Forslag om fælles mål" in page
    entered = login("other_holder").get(reverse("home")).content.decode()
    assert "Start en ny revision for at gøre målet fælles" in entered, "an entered contract is not changed"
    for role in ("reader", "head_of_area"):
        assert "Forslag om fælles mål" not in login(role).get(reverse("home")).content.decode()


def test_accepting_makes_both_goals_shared_with_each_other_as_partners(login, both_drafts):
    world = both_drafts
    proposal = _open(world)
    home = reverse("home")
    response = login("holder").post(_answer_url(proposal, world["draft_goal"], "accept"), {"next": home, "role": ROLE})
    assert response.status_code == 302 and response["Location"] == home
    login("other_holder").post(_answer_url(proposal, world["entered_goal"], "accept"), {"role": ROLE})
    own, other = (Goal.objects.get(pk=world[k].pk) for k in ("draft_goal", "entered_goal"))
    assert own.scope == other.scope == GoalScope.SHARED
    assert own.partners.filter(unit=world["other"]).exists()
    assert other.partners.filter(unit=world["own"]).exists()
    assert SharedGoalProposal.objects.get().status == "accepted"
    assert "Forslag om fælles mål" not in login("holder").get(home).content.decode()


def test_a_holder_may_not_answer_for_the_other_holders_goal(login, both_drafts):
    world = both_drafts
    proposal = _open(world)
    assert login("holder").post(_answer_url(proposal, world["entered_goal"], "accept")).status_code == 404
    assert login("head_of_area").post(_answer_url(proposal, world["draft_goal"], "accept")).status_code == 403
    assert login("reader").post(_answer_url(proposal, world["draft_goal"], "decline")).status_code == 403
    assert Goal.objects.get(pk=world["draft_goal"].pk).scope == GoalScope.LOCAL
    assert SharedGoalProposal.objects.get().status == "proposed"


def test_declining_closes_it_and_the_overlap_list_no_longer_marks_it(login, world):
    proposal = _open(world)
    client = login("holder")
    response = client.post(_answer_url(proposal, world["draft_goal"], "decline"), follow=True)
    assert "Du har afvist forslaget" in response.content.decode()
    assert SharedGoalProposal.objects.get().status == "declined"
    second = client.post(_answer_url(proposal, world["draft_goal"], "accept"), follow=True)
    assert "allerede afgjort" in second.content.decode()


def test_accepting_on_an_entered_contract_is_refused_with_a_message(login, world):
    proposal = _open(world)
    response = login("other_holder").post(_answer_url(proposal, world["entered_goal"], "accept"), follow=True)
    assert "er indgået og låst" in response.content.decode()
    assert Goal.objects.get(pk=world["entered_goal"].pk).scope == GoalScope.LOCAL


def test_the_overlap_list_marks_a_pair_with_an_open_proposal(login, world):
    from roedtraad.checks import views

    rows = [
        {
            "a": {"holder": "Solsikken", "goal": 1, "goal_id": world["draft_goal"].pk},
            "b": {"holder": "Hjemmeplejen", "goal": 1, "goal_id": world["entered_goal"].pk},
            "shared": False,
        }
    ]
    holders = {"Solsikken": world["own"].pk, "Hjemmeplejen": world["other"].pk}
    views._mark_proposals(rows, world["users"]["head_of_area"], holders)
    assert (rows[0]["proposal_open"], rows[0]["may_propose"]) == (False, True)
    views._mark_proposals(rows, world["users"]["reader"], holders)
    assert rows[0]["may_propose"] is False
    _open(world)
    views._mark_proposals(rows, world["users"]["head_of_area"], holders)
    assert (rows[0]["proposal_open"], rows[0]["may_propose"]) == (True, False)


def test_the_overlap_page_offers_the_proposal_and_then_marks_the_pair(login, world):
    night = add_night_cover_goals(world)
    url = reverse("checks:overlaps") + f"?year={world['draft'].year}"
    a, b = sorted((night["draft"], night["entered"]), key=lambda g: g.pk)
    page = login("head_of_area").get(url).content.decode()
    assert _propose_url(a, b) in page or _propose_url(b, a) in page
    assert "Foreslået som fælles mål" not in page
    assert "Foreslå fælles mål" not in login("reader").get(url).content.decode()
    SharedGoalProposal.objects.create(goal_a=a, goal_b=b, proposed_by=world["users"]["head_of_area"], note="Ét korps.")
    page = login("head_of_area").get(url).content.decode()
    assert "Foreslået som fælles mål" in page and _propose_url(a, b) not in page


def test_goals_on_a_topic_the_dus_asks_of_everybody_are_one_row_without_a_proposal(login, world):
    url = reverse("checks:overlaps") + f"?year={world['draft'].year}"
    page = login("director").get(url).content.decode()
    topics = page.split("Emner som DUS'en beder alle kontrakter om")[1]
    assert "<strong>Sygefravær</strong>: 3 kontrakter har mål om det" in topics
    assert _propose_url(world["draft_goal"], world["entered_goal"]) not in page
    assert _propose_url(world["entered_goal"], world["draft_goal"]) not in page
