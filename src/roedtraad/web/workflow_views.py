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
from django.urls import reverse
from django.utils import timezone
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


def _contract_step(step, done_message, confirm: str = ""):
    """A view for a workflow step. `confirm` names the action of a decision: a user who may take
    it is shown its confirmation page first (a user who may not gets the step's own refusal)."""

    @login_required
    @require_POST
    def view(request, pk):
        contract = access.contract_for_user(request.user, pk)
        if confirm and access.can(request.user, confirm, contract) and not confirmed(request):
            return confirmation_page(request, contract, confirm)
        result, error = _run(request, step, contract, request.user)
        if error is None:
            messages.success(request, done_message())
            if step is workflow.start_revision:
                return redirect("contract_detail", result.pk)
        return redirect("contract_detail", contract.pk)

    view.__name__ = f"{step.__name__}_view"
    return view


submit = _contract_step(workflow.submit, lambda: _("Kontrakten er indsendt til fagchefen."))
recommend = _contract_step(workflow.recommend, lambda: _("Kontrakten er anbefalet til indgåelse hos direktøren."))


def confirmed(request) -> bool:
    """A decision is taken only from its confirmation page (its form sends `confirmed`)."""
    return request.POST.get("confirmed") == "yes"


def confirmation_page(request, contract, step: str, status: int = 200, **extra):
    """The page that says what the step will do, with the button that does it and a way back."""
    context = {"contract": contract, "step": step, "crumbs": _crumbs(contract), "today": timezone.localdate(), **extra}
    return render(request, "web/confirm_step.html", context, status=status)


def _crumbs(contract) -> list[dict]:
    return [
        {"label": _("Kontrakter"), "url": reverse("contract_list")},
        {"label": str(contract), "url": reverse("contract_detail", args=[contract.pk])},
        {"label": _("Bekræft")},
    ]


@login_required
@require_POST
def enter(request, pk):
    """Entering locks the contract for the year: the director confirms it, and a contract that
    does not meet every requirement is entered only with a written justification."""
    contract = access.contract_for_user(request.user, pk)
    justification = request.POST.get("justification", "")
    may = access.can(request.user, "enter", contract)  # otherwise the step itself says why not
    blocking, unmet = workflow.problems_before_entry(contract) if may else ([], [])
    if may and (not confirmed(request) or blocking or (unmet and not justification.strip())):
        error = (
            _("Skriv begrundelsen for at indgå kontrakten, selv om kravene ikke er opfyldt.")
            if (confirmed(request) and unmet and not blocking)
            else ""
        )
        extra = {"blocking": blocking, "unmet": unmet, "justification": justification, "error": error}
        return confirmation_page(request, contract, "enter", status=400 if error else 200, **extra)
    _result, problem = _run(request, workflow.enter, contract, request.user, None, justification)
    if problem is None:
        messages.success(request, _("Kontrakten er indgået og låst."))
    return redirect("contract_detail", contract.pk)


close = _contract_step(workflow.close, lambda: _("Kontrakten er afsluttet."), confirm="close")
new_revision = _contract_step(
    workflow.start_revision, lambda: _("En ny revision er oprettet som kladde."), confirm="new_revision"
)


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
