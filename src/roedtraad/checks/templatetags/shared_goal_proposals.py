"""Open proposals of shared goals where the holders answer them: `{% proposals_for_me %}` on the
start page and `{% proposals_for_goal goal %}` on a goal page. Self-contained, so the pages'
views need no change; one query each (none for a user who holds no contract)."""

from __future__ import annotations

from django import template

from roedtraad import rights as access
from roedtraad.checks import proposals
from roedtraad.checks.models import SharedGoalProposal
from roedtraad.contracts.models import LOCKED_STATUSES, Goal

register = template.Library()
TEMPLATE = "checks/includes_proposals.html"


def _proposer(proposal: SharedGoalProposal, personal: bool) -> str:
    user = proposal.proposed_by
    person = getattr(user, "person", None)
    if not personal:
        return ""
    if person is not None and not person.is_erased:
        return person.name
    return user.get_full_name() or user.get_username()


def _item(user, proposal: SharedGoalProposal, goal: Goal, personal: bool) -> dict:
    other = proposal.other_goal(goal.pk)
    return {
        "proposal": proposal,
        "goal": goal,
        "other": other,
        "other_readable": access.can_read(user, other.contract),
        "accepted": proposal.accepted_for(goal.pk),
        "other_accepted": proposal.accepted_for(other.pk),
        "locked": goal.contract.status in LOCKED_STATUSES,
        "submitted": goal.contract.status == "submitted",
        "proposer": _proposer(proposal, personal),
    }


def _context(context, items: list[dict], on_goal_page: bool) -> dict:
    return {
        "items": items,
        "on_goal_page": on_goal_page,
        "request": context.get("request"),
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag(TEMPLATE, takes_context=True)
def proposals_for_me(context) -> dict:
    """The open proposals for the goals of the contracts the user holds."""
    user = context["request"].user
    rights = access.rights_for(user)
    personal = access.shows_personal_data(user)
    items = []
    for proposal in proposals.open_for_holders(rights.holders):
        for goal in (proposal.goal_a, proposal.goal_b):
            if goal.contract.holder_id in rights.holders and proposals.may_decide(user, goal):
                items.append(_item(user, proposal, goal, personal))
    return _context(context, items, on_goal_page=False)


@register.inclusion_tag(TEMPLATE, takes_context=True)
def proposals_for_goal(context, goal: Goal) -> dict:
    """The open proposals for this goal, for those who answer for it (its holder, the director)."""
    user = context["request"].user
    if not proposals.may_decide(user, goal):
        return _context(context, [], on_goal_page=True)
    personal = access.shows_personal_data(user)
    items = [_item(user, p, goal, personal) for p in proposals.open_for_goal(goal)]
    return _context(context, items, on_goal_page=True)
