"""A contract's way through the year: submit, review, enter, close, revise — and who may do it."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from tests.contracts.conftest import WHY
from tests.factories import contract_with_goal, enter

from roedtraad.contracts import workflow
from roedtraad.contracts.models import Contract, ContractLocked, Goal, GoalPartner
from roedtraad.contracts.workflow import NotAllowed, WorkflowError
from roedtraad.review.models import ChangeRequest

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("dus_2026")]


@pytest.fixture
def draft(units):
    return contract_with_goal(units["holder"])


def submitted(contract, who):
    return workflow.submit(contract, who["holder"])


def test_a_holder_submits_their_own_draft(draft, who):
    workflow.submit(draft, who["holder"])
    assert Contract.objects.get(pk=draft.pk).status == "submitted"
    assert draft.status == "submitted", "the caller's object follows"


def test_a_holder_cannot_submit_another_holders_draft(draft, who):
    with pytest.raises(NotAllowed):
        workflow.submit(draft, who["other_holder"])
    assert Contract.objects.get(pk=draft.pk).status == "draft"


def test_a_reader_cannot_submit(draft, who):
    with pytest.raises(NotAllowed) as error:
        workflow.submit(draft, who["reader"])
    assert "kontraktholderen" in error.value.message


def test_a_stranger_is_told_they_have_no_access(draft, who):
    with pytest.raises(NotAllowed) as error:
        workflow.submit(draft, who["stranger"])
    assert error.value.message == "Du har ikke adgang til denne kontrakt."


def test_refusals_are_permission_denied_for_views_that_do_not_catch_them(draft, who):
    with pytest.raises(PermissionDenied):
        workflow.submit(draft, who["other_holder"])


def test_a_shared_goal_without_a_partners_role_stops_the_submission(draft, units, who):
    goal = Goal.objects.create(contract=draft, number=2, title="Fælles vikarkorps", scope="shared")
    GoalPartner.objects.create(goal=goal, unit=units["other"], role="")
    with pytest.raises(WorkflowError) as error:
        workflow.submit(draft, who["holder"])
    assert error.value.message == "Kontrakten kan ikke indsendes endnu:"
    assert error.value.problems == [
        "Mål 2 “Fælles vikarkorps” er et fælles mål, men ingen partner har fået beskrevet sit ansvar og sin rolle."
    ]
    assert "- Mål 2" in str(error.value)
    assert Contract.objects.get(pk=draft.pk).status == "draft"


def test_a_shared_goal_with_a_partners_role_may_be_submitted(draft, units, who):
    goal = Goal.objects.create(contract=draft, number=2, title="Fælles vikarkorps", scope="shared")
    GoalPartner.objects.create(goal=goal, unit=units["other"], role="Tovholder på vagtplanen")
    workflow.submit(draft, who["holder"])
    assert draft.status == "submitted"


def test_a_contract_without_goals_cannot_be_submitted(units, who):
    empty = Contract.objects.create(holder=units["holder"], year=2026)
    with pytest.raises(WorkflowError) as error:
        workflow.submit(empty, who["holder"])
    assert error.value.problems == ["Kontrakten har ingen udviklingsmål."]


def test_a_deleted_goal_does_not_count_against_the_submission(draft, units, who):
    goal = Goal.objects.create(contract=draft, number=2, title="Fælles uden rolle", scope="shared")
    goal.soft_delete()
    workflow.submit(draft, who["holder"])
    assert draft.status == "submitted"


def test_a_submitted_contract_cannot_be_submitted_again(draft, who):
    submitted(draft, who)
    with pytest.raises(WorkflowError) as error:
        workflow.submit(draft, who["holder"])
    assert error.value.message == "Kontrakten er indsendt; det kan kun gøres, når den er en kladde."


def test_the_head_of_area_sends_a_submitted_contract_back_with_a_comment(draft, who):
    submitted(draft, who)
    workflow.request_changes(draft, who["head_of_area"], "Mål 1 mangler et måltal.")
    assert Contract.objects.get(pk=draft.pk).status == "draft"
    request = ChangeRequest.objects.get(contract=draft)
    assert (request.author, request.text) == (who["head_of_area"], "Mål 1 mangler et måltal.")
    latest = draft.history.latest("history_date")
    assert latest.history_user == who["head_of_area"]
    assert latest.history_change_reason == "Ændringer ønsket: Mål 1 mangler et måltal."


def test_changes_cannot_be_requested_without_saying_what(draft, who):
    submitted(draft, who)
    with pytest.raises(WorkflowError):
        workflow.request_changes(draft, who["head_of_area"], "   ")
    assert Contract.objects.get(pk=draft.pk).status == "submitted"


def test_a_head_of_another_area_cannot_review(draft, units, who):
    from tests.contracts.people import user_with_role

    from roedtraad.org.models import OrgUnit

    school = OrgUnit.objects.create(name="Skole", kind="area", parent=units["top"])
    other_head = user_with_role("fagchef2", "head_of_area", school)
    submitted(draft, who)
    with pytest.raises(NotAllowed):
        workflow.request_changes(draft, other_head, "Nej")


def test_a_holder_cannot_review_their_own_contract(draft, who):
    submitted(draft, who)
    with pytest.raises(NotAllowed):
        workflow.request_changes(draft, who["holder"], "Jeg ombestemte mig")


def test_the_director_enters_a_submitted_contract_on_a_date(draft, who):
    submitted(draft, who)
    workflow.enter(draft, who["director"], on=dt.date(2026, 1, 28), justification=WHY)
    stored = Contract.objects.get(pk=draft.pk)
    assert (stored.status, stored.entered_on) == ("entered", dt.date(2026, 1, 28))
    latest = draft.history.latest("history_date")
    assert (latest.status, latest.history_user) == ("entered", who["director"])
    assert latest.history_change_reason == "Indgået den 28.01.2026"


def test_entering_without_a_date_uses_today(draft, who):
    submitted(draft, who)
    workflow.enter(draft, who["director"], justification=WHY)
    assert draft.entered_on is not None


def test_a_holder_cannot_enter_their_own_contract(draft, who):
    submitted(draft, who)
    with pytest.raises(NotAllowed) as error:
        workflow.enter(draft, who["holder"])
    assert error.value.message == "Kun direktøren kan indgå en kontrakt."


def test_a_head_of_area_cannot_enter_a_contract(draft, who):
    submitted(draft, who)
    with pytest.raises(NotAllowed):
        workflow.enter(draft, who["head_of_area"])


def test_a_draft_cannot_be_entered_before_it_is_submitted(draft, who):
    with pytest.raises(WorkflowError) as error:
        workflow.enter(draft, who["director"], justification=WHY)
    assert "en kladde" in error.value.message


def test_an_entered_contract_is_locked(draft, who):
    submitted(draft, who)
    workflow.enter(draft, who["director"], justification=WHY)
    goal = Goal.objects.get(contract=draft)
    goal.title = "Ændret efter indgåelse"
    with pytest.raises(ContractLocked):
        goal.save()


def test_the_director_closes_an_entered_contract(draft, who):
    enter(draft)
    workflow.close(draft, who["director"])
    assert Contract.objects.get(pk=draft.pk).status == "closed"
    assert draft.history.latest("history_date").history_change_reason == "Afsluttet"


def test_a_holder_cannot_close_their_contract(draft, who):
    enter(draft)
    with pytest.raises(NotAllowed):
        workflow.close(draft, who["holder"])


def test_a_draft_cannot_be_closed(draft, who):
    with pytest.raises(WorkflowError):
        workflow.close(draft, who["director"])


def test_a_change_to_an_entered_contract_starts_a_revision_to_be_entered_again(draft, who):
    enter(draft)
    revision = workflow.start_revision(draft, who["holder"])
    assert (revision.revision, revision.status, revision.previous_revision) == (2, "draft", draft)
    record = revision.history.get()
    assert record.history_user == who["holder"]
    assert record.history_change_reason == "Revision 2 oprettet fra revision 1"
    workflow.submit(revision, who["holder"])
    workflow.enter(revision, who["director"], on=dt.date(2026, 6, 1), justification=WHY)
    assert Contract.objects.get(pk=revision.pk).status == "entered"
    assert Contract.objects.get(pk=draft.pk).entered_on == dt.date(2026, 1, 28), "the old revision is kept"


def test_a_revision_can_be_started_only_once(draft, who):
    enter(draft)
    workflow.start_revision(draft, who["holder"])
    with pytest.raises(WorkflowError) as error:
        workflow.start_revision(draft, who["holder"])
    assert "revision 2" in error.value.message


def test_a_draft_needs_no_revision(draft, who):
    with pytest.raises(WorkflowError):
        workflow.start_revision(draft, who["holder"])


def test_a_reader_cannot_start_a_revision(draft, who):
    enter(draft)
    with pytest.raises(NotAllowed):
        workflow.start_revision(draft, who["reader"])


def test_every_step_of_the_year_is_in_the_contracts_history(draft, who):
    workflow.submit(draft, who["holder"])
    workflow.request_changes(draft, who["head_of_area"], "Uddyb målet.")
    workflow.submit(draft, who["holder"])
    workflow.enter(draft, who["director"], on=dt.date(2026, 1, 30), justification=WHY)
    workflow.close(draft, who["director"])
    steps = [(h.status, h.history_user and h.history_user.username) for h in draft.history.order_by("history_date")]
    assert steps == [
        ("draft", None),
        ("submitted", "holder"),
        ("draft", "fagchef"),
        ("submitted", "holder"),
        ("entered", "direktoer"),
        ("closed", "direktoer"),
    ]


def test_a_contract_of_a_year_without_a_dus_cannot_be_entered(units, who):
    from roedtraad.frameworks.models import Framework

    Framework.objects.filter(year=2026).delete()
    contract = contract_with_goal(units["holder"])
    submitted(contract, who)
    with pytest.raises(workflow.WorkflowError, match="Der er ingen DUS for 2026"):
        workflow.enter(contract, who["director"], justification=WHY)
    assert Contract.objects.get(pk=contract.pk).status == "submitted"


def test_a_contract_that_misses_requirements_is_entered_only_with_the_directors_justification(draft, who):
    submitted(draft, who)
    with pytest.raises(workflow.WorkflowError, match="Skriv en begrundelse"):
        workflow.enter(draft, who["director"])
    assert Contract.objects.get(pk=draft.pk).status == "submitted"
    workflow.enter(draft, who["director"], justification=WHY)
    stored = Contract.objects.get(pk=draft.pk)
    assert stored.status == "entered" and stored.entry_justification == WHY and stored.entry_unmet


def test_the_head_of_area_recommends_a_submitted_contract_and_sending_it_back_clears_that(draft, who):
    submitted(draft, who)
    workflow.recommend(draft, who["head_of_area"])
    assert Contract.objects.get(pk=draft.pk).recommended_by == who["head_of_area"]
    workflow.request_changes(draft, who["head_of_area"], "Tilføj et måltal.")
    assert Contract.objects.get(pk=draft.pk).recommended_on is None
