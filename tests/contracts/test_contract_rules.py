"""The rules of the contract model: numbering, shared goals, locking and revisions."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from tests.factories import contract_with_goal, enter, org_tree, shared_goal

from roedtraad.contracts.models import Contract, ContractLocked, Goal, GoalPartner, GoalSection

pytestmark = pytest.mark.django_db


def test_a_shared_goal_without_a_partner_is_invalid():
    units = org_tree()
    contract = contract_with_goal(units["holder"])
    goal = Goal.objects.create(contract=contract, number=2, title="Fælles mål uden partner", scope="shared")
    with pytest.raises(ValidationError) as error:
        goal.full_clean()
    assert "partner" in str(error.value)


def test_a_shared_goal_with_a_partner_is_valid():
    units = org_tree()
    goal = shared_goal(contract_with_goal(units["holder"]), units["other"])
    goal.full_clean()
    assert goal.partners.get().unit == units["other"]


def test_a_contracts_goals_are_numbered_uniquely():
    units = org_tree()
    contract = contract_with_goal(units["holder"])
    with pytest.raises(IntegrityError), transaction.atomic():
        Goal.objects.create(contract=contract, number=1, title="Samme nummer igen")


def test_two_contracts_may_each_have_a_goal_number_one():
    units = org_tree()
    contract_with_goal(units["holder"])
    contract_with_goal(units["other"])
    assert Goal.objects.filter(number=1).count() == 2


def test_the_next_goal_number_follows_the_highest():
    units = org_tree()
    contract = contract_with_goal(units["holder"])
    shared_goal(contract, units["other"], number=5)
    assert contract.next_goal_number() == 6


def test_an_entered_contract_cannot_be_edited():
    units = org_tree()
    contract = enter(contract_with_goal(units["holder"]))
    contract.title = "Ny titel"
    with pytest.raises(ContractLocked):
        contract.save()


def test_an_entered_contracts_goals_sections_and_partners_cannot_be_edited():
    units = org_tree()
    contract = enter(contract_with_goal(units["holder"]))
    goal = contract.goals.get()
    goal.title = "Ændret"
    with pytest.raises(ContractLocked):
        goal.save()
    section = GoalSection.objects.get(goal=goal)
    section.text = "Ændret"
    with pytest.raises(ContractLocked):
        section.save()
    with pytest.raises(ContractLocked):
        GoalPartner.objects.create(goal=goal, unit=units["other"])
    with pytest.raises(ContractLocked):
        Goal.objects.create(contract=contract, number=2, title="Nyt mål")
    with pytest.raises(ContractLocked):
        contract.delete()


def test_an_entered_contract_may_be_closed_at_the_end_of_the_year():
    units = org_tree()
    contract = enter(contract_with_goal(units["holder"]))
    contract.status = "closed"
    contract.save()
    assert Contract.objects.get(pk=contract.pk).status == "closed"


def test_a_change_to_an_entered_contract_is_a_new_draft_revision():
    units = org_tree()
    contract = contract_with_goal(units["holder"])
    shared_goal(contract, units["other"])
    enter(contract)
    revision = contract.new_revision()
    assert (revision.revision, revision.status, revision.previous_revision) == (2, "draft", contract)
    assert [g.title for g in revision.goals.order_by("number")] == ["Lavt sygefravær", "Fælles vikarkorps"]
    assert revision.goals.get(number=2).partners.get().unit == units["other"]
    goal = revision.goals.get(number=1)
    goal.title = "Lavere sygefravær"
    goal.save()
    assert contract.goals.get(number=1).title == "Lavt sygefravær", "the entered revision is unchanged"


def test_a_draft_has_no_revision_to_make():
    units = org_tree()
    with pytest.raises(ValidationError):
        contract_with_goal(units["holder"]).new_revision()


def test_an_activitys_status_moves_on_after_the_contract_is_entered_but_its_text_does_not():
    units = org_tree()
    contract = contract_with_goal(units["holder"])
    activity = contract.goals.get().activities.create(text="Fraværssamtaler")
    enter(contract)
    activity.status = "done"
    activity.save()
    activity.text = "Noget andet"
    with pytest.raises(ContractLocked):
        activity.save()


def test_a_soft_deleted_goal_can_be_restored():
    units = org_tree()
    contract = contract_with_goal(units["holder"])
    goal = contract.goals.get()
    goal.soft_delete()
    assert not contract.live_goals().exists()
    goal.restore()
    assert list(contract.live_goals()) == [goal]


def test_every_change_to_a_goal_is_kept_in_its_history():
    units = org_tree()
    goal = contract_with_goal(units["holder"]).goals.get()
    goal.title = "Lavere sygefravær"
    goal.save()
    assert [h.title for h in goal.history.order_by("history_date")] == ["Lavt sygefravær", "Lavere sygefravær"]
