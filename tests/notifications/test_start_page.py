"""Issue 12, "who must act": the holder's start page shows a contract sent back with its reason
and its open comments, each linking to its goal; a reader is not told that anything waits."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone

from roedtraad.contracts import workflow
from roedtraad.review.models import GoalComment
from roedtraad.review.services import add_comment


def home(login, role: str) -> str:
    return login(role).get(reverse("home")).content.decode()


def sent_back(world, people):
    contract, goal = world["draft"], world["draft_goal"]
    workflow.submit(contract, people["holder"])
    second = world.add_goals(contract, 1)[0]
    add_comment(goal, people["head_of_area"], "Hvordan måles fraværet?")
    add_comment(second, people["head_of_area"], "Hvem er ansvarlig?")
    resolved = add_comment(goal, people["head_of_area"], "Løst allerede.")
    GoalComment.objects.filter(pk=resolved.pk).update(resolved_at=timezone.now())
    workflow.request_changes(contract, people["head_of_area"], "Tilføj et måltal for sygefraværet.")
    return goal, second


def test_the_holder_sees_the_contract_sent_back_with_its_reason_and_open_comments(world, login):
    goal, second = sent_back(world, world["users"])
    page = home(login, "holder")
    today = timezone.localdate()
    months = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober"]
    months += ["november", "december"]
    date = f"{today.day}. {months[today.month - 1]} {today.year}"
    assert f"Sendt tilbage af Person fagchef den {date}: Tilføj et måltal for sygefraværet." in page
    assert "2 åbne kommentarer" in page
    assert f'href="/goals/{goal.pk}/#comments"' in page and "Hvordan måles fraværet?" in page
    assert f'href="/goals/{second.pk}/#comments"' in page and "Hvem er ansvarlig?" in page
    assert "Løst allerede." not in page


def test_one_open_comment_is_counted_in_the_singular(world, login):
    people = world["users"]
    workflow.submit(world["draft"], people["holder"])
    add_comment(world["draft_goal"], people["head_of_area"], "Et spørgsmål.")
    workflow.request_changes(world["draft"], people["head_of_area"], "Se kommentaren.")
    assert "1 åben kommentar" in home(login, "holder")


def test_a_draft_never_sent_back_is_listed_as_a_draft_and_not_as_sent_back(world, login):
    page = home(login, "holder")
    assert "Sendt tilbage" not in page and "Solsikken" in page


def test_a_contract_submitted_again_is_no_longer_shown_as_sent_back(world, login):
    people = world["users"]
    sent_back(world, people)
    workflow.submit(world["draft"], people["holder"])
    assert "Sendt tilbage af" not in home(login, "holder")


def test_the_head_of_area_is_not_shown_the_holders_sent_back_draft(world, login):
    sent_back(world, world["users"])
    assert "Sendt tilbage af" not in home(login, "head_of_area")


def test_a_reader_is_not_told_that_something_waits(world, login):
    page = home(login, "reader")
    assert "Det venter på dig" not in page
    assert "Overblik" in page and "Der venter ingen opgaver på dig." in page


def test_a_holder_is_still_told_what_waits(world, login):
    assert "Det venter på dig" in home(login, "holder")
