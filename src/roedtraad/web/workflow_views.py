"""Workflow buttons (submit, request changes, enter, close, new revision) and goal comments.

The pages fetch objects through `access` (404 for strangers) and leave the decision to the
services in `contracts.workflow` and `review.services`: a refused step answers 403, a step
the contract's state does not allow comes back as a message on the contract page.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from roedtraad.contracts import workflow
from roedtraad.review import services as review
from roedtraad.review.models import GoalComment
from roedtraad.web import access
from roedtraad.web.contract_views import goal_context


def _run(request, step, *args):
    """Run a workflow step; a refusal becomes 403, any other problem a message."""
    try:
        return step(*args), None
    except workflow.NotAllowed as exc:
        raise PermissionDenied(exc.message) from exc
    except workflow.WorkflowError as exc:
        messages.error(request, str(exc))
        return None, exc


def _contract_step(step, done_message):
    @login_required
    @require_POST
    def view(request, pk):
        contract = access.contract_for_user(request.user, pk)
        result, error = _run(request, step, contract, request.user)
        if error is None:
            messages.success(request, done_message())
            if step is workflow.start_revision:
                return redirect("contract_detail", result.pk)
        return redirect("contract_detail", contract.pk)

    view.__name__ = f"{step.__name__}_view"
    return view


submit = _contract_step(workflow.submit, lambda: _("Kontrakten er indsendt til fagchefen."))
enter = _contract_step(workflow.enter, lambda: _("Kontrakten er indgået og låst."))
close = _contract_step(workflow.close, lambda: _("Kontrakten er afsluttet."))
new_revision = _contract_step(workflow.start_revision, lambda: _("En ny revision er oprettet som kladde."))


@login_required
@require_POST
def request_changes(request, pk):
    contract = access.contract_for_user(request.user, pk)
    _result, error = _run(request, workflow.request_changes, contract, request.user, request.POST.get("comment", ""))
    if error is None:
        messages.success(request, _("Kontrakten er sendt tilbage til kontraktholderen."))
    return redirect("contract_detail", contract.pk)


def _comments_response(request, goal, status: int = 200, **refused):
    context = {
        "goal": goal,
        "comments": goal.comments.select_related("author").order_by("created_at"),
        "actions": access.actions_for(request.user, goal.contract),
        "comment_max": review.MAX_COMMENT_LENGTH,
        **refused,
    }
    if request.htmx:
        return render(request, "web/includes/comments.html", context, status=status)
    return redirect("goal_detail", goal.pk)


@login_required
@require_POST
def add_comment(request, pk):
    """A refused comment comes back in place with its error and its text, never emptied."""
    goal = access.goal_for_user(request.user, pk)
    text = request.POST.get("text", "")
    try:
        review.add_comment(goal, request.user, text)
    except workflow.NotAllowed as exc:
        raise PermissionDenied(exc.message) from exc
    except workflow.WorkflowError as exc:
        refused = {"comment_error": str(exc), "comment_text": text}
        if request.htmx:
            return _comments_response(request, goal, status=400, **refused)
        return render(request, "web/goal_detail.html", goal_context(request, goal.pk, **refused), status=400)
    if not request.htmx:
        messages.success(request, _("Kommentaren er gemt."))
    return _comments_response(request, goal)


@login_required
@require_POST
def resolve_comment(request, pk):
    comment = get_object_or_404(GoalComment.objects.select_related("goal"), pk=pk)
    goal = access.goal_for_user(request.user, comment.goal_id)
    _run(request, review.resolve_comment, comment, request.user)
    return _comments_response(request, goal)
