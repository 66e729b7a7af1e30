"""Pages for proposing a shared goal from an overlap pair, and for answering a proposal.

Rights are checked here for every goal and proposal (`checks.proposals`, which follows
`web.access`): a goal the user may not read is 404, a step the user may not take is 403.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from roedtraad.checks import proposals
from roedtraad.checks.forms import ProposalForm
from roedtraad.contracts.workflow import NotAllowed, WorkflowError


def _overlaps_url(year: int) -> str:
    return reverse("checks:overlaps") + f"?year={year}"


@login_required
def propose(request, a, b):
    """A form with a short note; posting it sends the proposal to both holders."""
    goal_a, goal_b = proposals.readable_goal(request.user, a), proposals.readable_goal(request.user, b)
    if not proposals.may_propose(request.user, goal_a, goal_b):
        raise PermissionDenied("propose")
    form = ProposalForm(request.POST or None)
    existing = proposals.open_pairs({goal_a.pk, goal_b.pk})
    if request.method == "POST" and form.is_valid():
        try:
            proposals.propose(request.user, goal_a, goal_b, form.cleaned_data["note"])
        except NotAllowed as exc:
            raise PermissionDenied(exc.message) from exc
        except WorkflowError as exc:
            form.add_error(None, " ".join([exc.message, *exc.problems]))
        else:
            messages.success(request, _("Forslaget om et fælles mål er sendt til de to kontraktholdere."))
            return redirect(_overlaps_url(goal_a.contract.year))
    context = {
        "goals": [goal_a, goal_b],
        "form": form,
        "existing": bool(existing),
        "back": _overlaps_url(goal_a.contract.year),
        "crumbs": [
            {"label": _("Overlappende mål"), "url": _overlaps_url(goal_a.contract.year)},
            {"label": _("Foreslå fælles mål")},
        ],
    }
    return render(request, "checks/proposal_form.html", context, status=400 if form.errors else 200)


def _back(request, fallback: str):
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return redirect(target)
    return redirect(fallback)


def _answer(request, pk, goal_pk, step, done_message: str):
    proposal, goal = proposals.proposal_for_user(request.user, pk, goal_pk)
    try:
        step(proposal, goal, request.user)
    except NotAllowed as exc:
        raise PermissionDenied(exc.message) from exc
    except WorkflowError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, done_message)
    return _back(request, reverse("goal_detail", args=[goal.pk]))


@login_required
@require_POST
def accept(request, pk, goal_pk):
    message = _("Du har accepteret forslaget. Dit mål er nu et fælles mål med den anden kontraktholder som partner.")
    role = request.POST.get("role", "")
    return _answer(request, pk, goal_pk, lambda p, g, u: proposals.accept(p, g, u, role), message)


@login_required
@require_POST
def decline(request, pk, goal_pk):
    return _answer(request, pk, goal_pk, proposals.decline, _("Du har afvist forslaget om et fælles mål."))
