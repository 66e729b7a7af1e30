"""History pages of a goal and a contract, restoring an earlier version, and deleting a goal
so that it can be brought back.

The changes come from `contracts.history` (who, when, why, each field before and after,
with a word-level diff); the decisions from `contracts.editing`. A goal on an entered
contract cannot be restored or deleted: the person gets the reason as a message, never 500.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from roedtraad.contracts import editing, history, workflow
from roedtraad.contracts.models import LOCKED_STATUSES, Goal, GoalSection
from roedtraad.web import access
from roedtraad.web.contract_views import _contract_crumbs, readers_only

RESTORABLE = {"goal": Goal, "section": GoalSection}


def _any_goal(user, pk) -> Goal:
    """The goal, deleted or not, if the user may read its contract (404 otherwise)."""
    goal = Goal.objects.select_related("contract", "contract__holder", "contract__holder__parent").filter(pk=pk).first()
    if goal is None or not access.can_read(user, goal.contract):
        raise Http404
    return goal


def _with_restore_targets(changes: list[history.Change], deleted_goals: set[int]) -> list[history.Change]:
    """Mark each restorable change with the URL kind and its goal; the newest (current) version is not,
    nor any version of a deleted goal or its sections (`goal_deleted`: undo the deletion first)."""
    # `restore_kind`, `goal_pk` and `goal_deleted` are attributes for the template only, not fields of `Change`.
    current = set()
    for change in changes:
        model = change.record.instance_type
        change.restore_kind = "goal" if model is Goal else "section"  # type: ignore[attr-defined]
        change.goal_pk = change.record.id if model is Goal else getattr(change.record, "goal_id", None)  # type: ignore[attr-defined]
        if (model, change.record.id) not in current:
            current.add((model, change.record.id))
            change.restorable = False
        change.goal_deleted = change.restorable and change.goal_pk in deleted_goals  # type: ignore[attr-defined]
        if change.goal_deleted:  # type: ignore[attr-defined]
            change.restorable = False
    return changes


def _history_context(user, contract, changes) -> dict:
    actions = access.actions_for(user, contract)
    deleted = set(contract.goals.filter(deleted_at__isnull=False).values_list("pk", flat=True))
    return {
        "contract": contract,
        "changes": _with_restore_targets(changes, deleted),
        "may_restore": "edit" in actions,
        "locked": contract.status in LOCKED_STATUSES,
    }


@readers_only
def goal_history(request, pk):
    goal = access.goal_for_user(request.user, pk)
    context = _history_context(request.user, goal.contract, history.goal_history(goal))
    context["goal"] = goal
    context["crumbs"] = _contract_crumbs(goal.contract) + [
        {"label": str(goal), "url": reverse("goal_detail", args=[goal.pk])},
        {"label": _("Historik")},
    ]
    return render(request, "web/history.html", context)


@readers_only
def contract_history(request, pk):
    contract = access.contract_for_user(request.user, pk)
    context = _history_context(request.user, contract, history.contract_history(contract))
    context["crumbs"] = _contract_crumbs(contract) + [{"label": _("Historik")}]
    return render(request, "web/history.html", context)


def _back(request, fallback: str):
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return redirect(target)
    return redirect(fallback)


def _run(request, step, *args):
    """A refused step answers 403; a locked contract or another problem becomes a message."""
    try:
        return step(*args)
    except workflow.NotAllowed as exc:
        raise PermissionDenied(exc.message) from exc
    except workflow.WorkflowError as exc:
        messages.error(request, str(exc))
        return None


def _refuse_locked(request, goal: Goal) -> bool:
    if goal.contract.status in LOCKED_STATUSES:
        messages.error(request, editing.locked_message(goal.contract))
        return True
    if not access.can(request.user, "edit", goal.contract):
        raise PermissionDenied("edit")
    return False


@login_required
@require_POST
def restore(request, pk, kind, history_id):
    goal = _any_goal(request.user, pk)
    fallback = (
        reverse("goal_history", args=[pk])
        if goal.deleted_at is None
        else reverse("contract_history", args=[goal.contract_id])
    )
    model = RESTORABLE.get(kind)
    if model is None:
        raise Http404
    owner = {"id": pk} if model is Goal else {"goal_id": pk}
    record = model.history.filter(history_id=history_id, **owner).first()
    if record is None:
        raise Http404
    if not _refuse_locked(request, goal) and _run(request, history.restore, record, request.user) is not None:
        messages.success(request, _("Den tidligere version er gendannet. Gendannelsen står øverst i historikken."))
    return _back(request, fallback)


@login_required
@require_POST
def delete_goal(request, pk):
    goal = _any_goal(request.user, pk)
    if request.POST.get("confirmed") != "yes" and access.can(request.user, "edit", goal.contract):
        from roedtraad.web.workflow_views import confirmation_page

        return confirmation_page(request, goal.contract, "delete_goal", goal=goal)
    if not _refuse_locked(request, goal) and _run(request, editing.soft_delete_goal, goal.pk, request.user):
        return redirect(reverse("contract_detail", args=[goal.contract_id]) + f"?slettet={goal.pk}#slettede-maal")
    return redirect("goal_detail", goal.pk)


@login_required
@require_POST
def undo_delete_goal(request, pk):
    goal = _any_goal(request.user, pk)
    if not _refuse_locked(request, goal) and _run(request, editing.undo_delete_goal, goal.pk, request.user):
        messages.success(request, _("Sletningen er fortrudt. Målet er tilbage i kontrakten."))
        return redirect("goal_detail", goal.pk)
    return redirect("contract_detail", goal.contract_id)
