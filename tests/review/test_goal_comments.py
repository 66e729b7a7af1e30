"""Comments on goals during review: who may write them, and resolving them."""

import pytest
from tests.factories import contract_with_goal, enter

from roedtraad.contracts.workflow import NotAllowed, WorkflowError
from roedtraad.review.models import GoalComment
from roedtraad.review.services import add_comment, open_comments, resolve_comment

pytestmark = pytest.mark.django_db


@pytest.fixture
def goal(units):
    return contract_with_goal(units["holder"]).goals.get()


@pytest.mark.parametrize("role", ["head_of_area", "director", "holder"])
def test_the_holder_the_head_of_area_and_the_director_comment_on_a_goal(goal, who, role):
    comment = add_comment(goal, who[role], "  Hvordan måles sygefraværet?  ")
    stored = GoalComment.objects.get(pk=comment.pk)
    assert (stored.goal, stored.author, stored.text) == (goal, who[role], "Hvordan måles sygefraværet?")
    assert stored.created_at is not None and not stored.is_resolved


def test_a_reader_cannot_comment(goal, who):
    with pytest.raises(NotAllowed) as error:
        add_comment(goal, who["reader"], "Godt mål")
    assert error.value.message == "Du kan læse kontrakten, men ikke kommentere den."
    assert not GoalComment.objects.exists()


def test_another_holder_cannot_see_let_alone_comment(goal, who):
    with pytest.raises(NotAllowed) as error:
        add_comment(goal, who["other_holder"], "Hej")
    assert error.value.message == "Du har ikke adgang til denne kontrakt."


def test_an_empty_comment_is_refused(goal, who):
    with pytest.raises(WorkflowError):
        add_comment(goal, who["head_of_area"], " \n ")


def test_a_deleted_goal_cannot_be_commented(goal, who):
    goal.soft_delete()
    with pytest.raises(WorkflowError):
        add_comment(goal, who["head_of_area"], "Hvorfor slettet?")


def test_an_entered_contracts_goals_may_still_be_commented_on(goal, who):
    enter(goal.contract)
    add_comment(goal, who["director"], "Godt fulgt op.")
    assert goal.comments.count() == 1


def test_the_holder_resolves_the_head_of_areas_comment(goal, who):
    comment = add_comment(goal, who["head_of_area"], "Tilføj et måltal.")
    resolve_comment(comment, who["holder"])
    stored = GoalComment.objects.get(pk=comment.pk)
    assert stored.is_resolved and stored.resolved_by == who["holder"]
    assert list(open_comments(goal)) == []


def test_a_comment_is_resolved_only_once(goal, who):
    comment = add_comment(goal, who["head_of_area"], "Tilføj et måltal.")
    resolve_comment(comment, who["holder"])
    with pytest.raises(WorkflowError):
        resolve_comment(comment, who["director"])


def test_a_reader_cannot_resolve_a_comment(goal, who):
    comment = add_comment(goal, who["head_of_area"], "Tilføj et måltal.")
    with pytest.raises(NotAllowed):
        resolve_comment(comment, who["reader"])
    assert list(open_comments(goal)) == [comment]
