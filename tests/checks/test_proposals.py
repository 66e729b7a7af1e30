"""Proposing a shared goal from two overlapping goals, and the two holders' answers.

Over the factories' tree: area Omsorg holds Plejehjemmet Solsikken ("holder") and
Hjemmeplejen Øst ("other_holder"); the head of area covers Omsorg.
"""

from __future__ import annotations

import pytest
from django.db import IntegrityError, transaction
from tests.factories import contract_with_goal, enter

from roedtraad.checks import proposals
from roedtraad.checks.models import ProposalStatus, SharedGoalProposal
from roedtraad.contracts.editing import Locked
from roedtraad.contracts.history import goal_history
from roedtraad.contracts.models import Contract, Goal, GoalPartner, GoalScope
from roedtraad.contracts.workflow import NotAllowed, WorkflowError
from roedtraad.org.models import OrgUnit, OrgUnitKind

pytestmark = pytest.mark.django_db


@pytest.fixture
def goals(units):
    """Two sick-leave goals of two holders in the same area, both drafts."""
    ours = contract_with_goal(units["holder"]).goals.get()
    theirs = contract_with_goal(units["other"], title="Færre sygedage").goals.get()
    return ours, theirs


def _partners(goal: Goal) -> set[int]:
    return set(GoalPartner.objects.filter(goal=goal).values_list("unit_id", flat=True))


def test_a_head_of_area_proposes_a_shared_goal_to_two_holders_in_their_area(goals, who):
    ours, theirs = goals
    proposal = proposals.propose(who["head_of_area"], theirs, ours, "  I arbejder med det samme.  ")
    assert (proposal.goal_a, proposal.goal_b) == tuple(sorted(goals, key=lambda g: g.pk))
    assert (proposal.status, proposal.note) == ("proposed", "I arbejder med det samme.")
    assert proposal.proposed_by == who["head_of_area"]
    assert proposals.open_for_holders({ours.contract.holder_id}) == [proposal]
    assert proposals.open_for_goal(theirs) == [proposal]


@pytest.mark.parametrize("role", ["reader", "holder", "other_holder"])
def test_a_reader_or_a_holder_cannot_propose(goals, who, role):
    with pytest.raises(NotAllowed):
        proposals.propose(who[role], *goals)
    assert not SharedGoalProposal.objects.exists()


def test_a_head_of_area_cannot_propose_for_a_holder_outside_their_area(goals, who, units):
    school = OrgUnit.objects.create(name="Skole", kind=OrgUnitKind.AREA, parent=units["top"])
    far = OrgUnit.objects.create(name="Nordskolen", kind=OrgUnitKind.HOLDER, parent=school)
    outside = contract_with_goal(far).goals.get()
    with pytest.raises(NotAllowed):
        proposals.propose(who["head_of_area"], goals[0], outside)
    assert proposals.propose(who["director"], goals[0], outside).is_open, "the director may"


def test_a_pair_has_one_open_proposal_whatever_its_order(goals, who):
    ours, theirs = goals
    proposals.propose(who["head_of_area"], ours, theirs)
    with pytest.raises(WorkflowError, match="allerede et åbent forslag"):
        proposals.propose(who["director"], theirs, ours)
    with pytest.raises(IntegrityError), transaction.atomic():  # the database says so too
        SharedGoalProposal.objects.create(goal_a=ours, goal_b=theirs, proposed_by=who["director"])


def test_two_goals_of_the_same_holder_are_not_proposed(goals, who):
    ours = goals[0]
    second = Goal.objects.create(contract=ours.contract, number=2, title="Fælles vikarer")
    with pytest.raises(WorkflowError) as error:
        proposals.propose(who["director"], ours, second)
    assert "samme kontraktholder" in str(error.value)


def test_accepting_makes_both_goals_shared_with_each_other_as_partners(goals, who):
    ours, theirs = goals
    proposal = proposals.propose(who["head_of_area"], ours, theirs)
    proposals.accept(proposal, ours, who["holder"], "Stiller en sygeplejerske til rådighed")
    ours.refresh_from_db()
    assert (ours.scope, _partners(ours)) == (GoalScope.SHARED, {theirs.contract.holder_id})
    assert SharedGoalProposal.objects.get().status == ProposalStatus.PROPOSED, "waiting for the other holder"
    assert Goal.objects.get(pk=theirs.pk).scope == GoalScope.LOCAL

    done = proposals.accept(
        SharedGoalProposal.objects.get(), theirs, who["other_holder"], "Stiller en sygeplejerske til rådighed"
    )
    theirs.refresh_from_db()
    assert (theirs.scope, _partners(theirs)) == (GoalScope.SHARED, {ours.contract.holder_id})
    assert (done.status, done.decided_by, done.decided_at is not None) == ("accepted", who["other_holder"], True)


def test_accepting_is_recorded_in_the_goals_history_and_an_open_edit_form_conflicts(goals, who):
    ours, theirs = goals
    proposal = proposals.propose(who["head_of_area"], ours, theirs)
    proposals.accept(proposal, ours, who["holder"], "Stiller en sygeplejerske til rådighed")
    changes = goal_history(ours)
    assert {c.reason for c in changes[:2]} == {"Fælles mål med Hjemmeplejen Øst efter forslag"}
    assert any(f.after == "Fælles mål" for c in changes for f in c.fields)
    assert Goal.objects.get(pk=ours.pk).version == 2


def test_a_holder_answers_only_for_their_own_goal(goals, who):
    ours, theirs = goals
    proposal = proposals.propose(who["head_of_area"], ours, theirs)
    for role in ("other_holder", "head_of_area", "reader"):
        with pytest.raises(NotAllowed):
            proposals.accept(proposal, ours, who[role])
        with pytest.raises(NotAllowed):
            proposals.decline(proposal, ours, who[role])
    assert Goal.objects.get(pk=ours.pk).scope == GoalScope.LOCAL


def test_declining_closes_the_proposal_for_both(goals, who):
    ours, theirs = goals
    proposal = proposals.propose(who["head_of_area"], ours, theirs)
    proposals.decline(proposal, theirs, who["other_holder"])
    proposal.refresh_from_db()
    assert (proposal.status, proposal.decided_by) == ("declined", who["other_holder"])
    assert proposals.open_for_goal(ours) == []
    with pytest.raises(WorkflowError, match="allerede afgjort"):
        proposals.accept(proposal, ours, who["holder"], "Stiller en sygeplejerske til rådighed")
    assert proposals.propose(who["head_of_area"], ours, theirs).is_open, "it may be proposed again later"


def test_an_entered_contract_is_not_changed_by_accepting(goals, who):
    ours, theirs = goals
    proposal = proposals.propose(who["head_of_area"], ours, theirs)
    enter(ours.contract)
    with pytest.raises(Locked):
        proposals.accept(proposal, ours, who["holder"], "Stiller en sygeplejerske til rådighed")
    ours.refresh_from_db()
    assert (ours.scope, _partners(ours), ours.version) == (GoalScope.LOCAL, set(), 1)
    proposal.refresh_from_db()
    assert proposal.accepted_a_at is None and proposal.accepted_b_at is None


def test_a_named_partner_without_a_unit_is_linked_rather_than_repeated(goals, who):
    ours, theirs = goals
    GoalPartner.objects.create(goal=ours, name="hjemmeplejen øst", role="Tovholder")
    proposals.accept(
        proposals.propose(who["director"], ours, theirs), ours, who["holder"], "Stiller en sygeplejerske til rådighed"
    )
    partner = GoalPartner.objects.get(goal=ours)
    assert (partner.unit_id, partner.role) == (theirs.contract.holder_id, "Tovholder")


def test_proposals_of_a_deleted_goal_are_not_open(goals, who):
    ours, theirs = goals
    proposals.propose(who["head_of_area"], ours, theirs)
    Goal.objects.filter(pk=theirs.pk).update(deleted_at="2026-03-01T10:00:00Z")
    assert proposals.open_for_goal(ours) == []
    assert proposals.open_for_holders({ours.contract.holder_id}) == []


def test_accepting_a_proposal_for_a_goal_of_a_submitted_contract_changes_nothing(goals, who):
    ours, theirs = goals
    proposal = proposals.propose(who["head_of_area"], ours, theirs)
    Contract.objects.filter(pk=ours.contract_id).update(status="submitted")
    with pytest.raises(WorkflowError, match="indsendt til gennemsyn"):
        proposals.accept(proposal, ours, who["holder"], "Stiller en sygeplejerske til rådighed")
    ours.refresh_from_db()
    assert ours.scope == "local" and not ours.partners.exists()


def test_accepting_needs_the_partners_role_which_the_shared_goal_then_has(goals, who):
    ours, theirs = goals
    proposal = proposals.propose(who["head_of_area"], ours, theirs)
    with pytest.raises(WorkflowError, match="står for i det fælles mål"):
        proposals.accept(proposal, ours, who["holder"], "  ")
    proposals.accept(proposal, ours, who["holder"], "Stiller en sygeplejerske til rådighed")
    ours.refresh_from_db()
    assert ours.meets_partner_rule() and ours.partners.get().role == "Stiller en sygeplejerske til rådighed"
