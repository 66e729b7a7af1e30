"""Pages for the rows of a draft contract: a new goal, the activities and partners of a goal,
and the contract's stop-doing items.

Rights as in the goal editor: objects are fetched through `access` (404 for strangers), a
reader or head of area gets 403, an entered contract answers with the reason as a message.
The decisions are `contracts.rows`'s. With htmx a block of the page (the activities, the
partners, the stop-doing list) is swapped in place; without JavaScript every form is a
plain POST followed by a redirect, and a form with errors is shown on a page of its own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from roedtraad.contracts import rows, workflow
from roedtraad.contracts.editing import Locked, locked_message
from roedtraad.contracts.models import LOCKED_STATUSES, Contract, Goal
from roedtraad.web import access
from roedtraad.web.forms import ActivityForm, NewGoalForm, PartnerForm, PartnerRoleForm, StopDoingForm


@dataclass
class Block:
    """A part of a page that holds rows: swapped in place by htmx, or the page to go back to."""

    template: str
    anchor: str
    page: str  # URL of the page the block is on
    context: Callable[[], dict]
    crumbs: list[dict] = field(default_factory=list)

    def url(self, request) -> str:
        return _next(request) or f"{self.page}#{self.anchor}"


def _next(request) -> str:
    """A safe `next` address (the editor sends one, so that a save returns there)."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return ""


def _data(request):
    """The posted data (bound even when empty, so an empty post shows the errors), or None."""
    return request.POST if request.method == "POST" else None


def _refusal(user, contract: Contract) -> workflow.WorkflowError | None:
    """Why the user cannot change the contract now: locked (a message) or no right (403)."""
    if contract.status in LOCKED_STATUSES:
        return Locked(locked_message(contract))
    if not access.can(user, "edit", contract):
        raise PermissionDenied("edit")
    return None


def _run(step: Callable, *args, **kwargs):
    try:
        return step(*args, **kwargs), None
    except workflow.NotAllowed as exc:
        raise PermissionDenied(exc.message) from exc
    except workflow.WorkflowError as exc:
        return None, exc


def _block(request, block: Block, **extra) -> HttpResponse:
    context = {**block.context(), "row_next": _next(request), **extra}
    return render(request, block.template, context)


def _answer(request, block: Block, message: str = "", error: workflow.WorkflowError | None = None) -> HttpResponse:
    """After a change (or a refusal): the block again for htmx, else a message and a redirect."""
    if request.htmx:
        return _block(request, block, row_message=message, row_error=str(error) if error else "")
    if error is not None:
        messages.error(request, str(error))
    else:
        messages.success(request, message)
    return redirect(block.url(request))


def _with_errors(form, error: workflow.WorkflowError):
    form.add_error(None, error.message)
    for problem in error.problems:
        form.add_error(None, problem)


def _show_form(request, block: Block, form, meta: dict, status: int | None = None) -> HttpResponse:
    """The form in its block (htmx) or on a page of its own; 400 when a post had errors, 409
    when someone changed the row meanwhile."""
    meta = {**meta, "cancel": block.url(request)}
    if request.htmx:
        first = form.visible_fields()[0].field
        first.widget.attrs["autofocus"] = True
        response = _block(request, block, row_form=form, row=meta)
        response.status_code = status or 200
        return response
    context = {
        "form": form,
        "row": meta,
        "row_next": _next(request),
        "crumbs": [*block.crumbs, {"label": meta["title"]}],
    }
    return render(request, "web/row_form.html", context, status=status or (400 if request.method == "POST" else 200))


def _form_view(request, contract: Contract, block: Block, form, save: Callable, meta: dict) -> HttpResponse:
    refused = _refusal(request.user, contract)
    if refused is not None:
        return _answer(request, block, error=refused)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        version = data.pop("version", None)
        _result, error = _run(save, **data) if version is None else _run(save, expected_version=version, **data)
        if error is None:
            return _answer(request, block, meta["done"])
        if isinstance(error, Locked):
            return _answer(request, block, error=error)
        _with_errors(form, error)
        if isinstance(error, rows.RowConflict):  # saving again now is a deliberate choice
            form.data = form.data.copy()
            form.data[form.add_prefix("version")] = str(error.stored_version)
            return _show_form(request, block, form, meta, status=409)
    return _show_form(request, block, form, meta)


def _delete_view(request, contract: Contract, block: Block, step: Callable, pk: int, done: str) -> HttpResponse:
    refused = _refusal(request.user, contract)
    if refused is not None:
        return _answer(request, block, error=refused)
    version = request.POST.get("version", "")
    _result, error = _run(step, pk, request.user, int(version) if version.isdigit() else None)
    return _answer(request, block, "" if error else done, error)


# Blocks ----------------------------------------------------------------------------------


def _crumbs(contract: Contract, goal: Goal | None = None) -> list[dict]:
    crumbs = [
        {"label": _("Kontrakter"), "url": reverse("contract_list")},
        {"label": str(contract), "url": reverse("contract_detail", args=[contract.pk])},
    ]
    if goal is not None:
        crumbs.append({"label": str(goal), "url": reverse("goal_detail", args=[goal.pk])})
    return crumbs


def _goal_block(request, goal: Goal, template: str, anchor: str) -> Block:
    def context() -> dict:
        fresh = (
            Goal.objects.select_related("contract__holder")
            .prefetch_related("activities__owner", "partners__unit")
            .get(pk=goal.pk)
        )
        return {"goal": fresh, "contract": fresh.contract, "actions": access.actions_for(request.user, fresh.contract)}

    page = reverse("goal_detail", args=[goal.pk])
    return Block(template, anchor, page, context, _crumbs(goal.contract, goal))


def _activities(request, goal: Goal) -> Block:
    return _goal_block(request, goal, "web/includes/activities.html", "aktiviteter")


def _partners(request, goal: Goal) -> Block:
    return _goal_block(request, goal, "web/includes/partners.html", "partnere")


def _stop_doing(request, contract: Contract) -> Block:
    def context() -> dict:
        return {
            "contract": contract,
            "stop_doing": rows.stop_doing_items(contract),
            "actions": access.actions_for(request.user, contract),
        }

    page = reverse("contract_detail", args=[contract.pk])
    return Block("web/includes/stop_doing.html", "hold-op-med", page, context, _crumbs(contract))


# A new goal ------------------------------------------------------------------------------


@login_required
def goal_add(request, pk):
    """A new goal in a draft contract; it opens in the editor."""
    contract = access.contract_for_user(request.user, pk)
    block = Block("", "udviklingsmaal", reverse("contract_detail", args=[contract.pk]), dict, _crumbs(contract))
    refused = _refusal(request.user, contract)
    if refused is not None:
        return _answer(request, block, error=refused)
    form = NewGoalForm(_data(request))
    if request.method == "POST" and form.is_valid():
        goal, error = _run(rows.add_goal, contract.pk, request.user, form.cleaned_data["title"])
        if error is None:
            messages.success(request, _("Målet er oprettet. Skriv afsnittene og gem."))
            return redirect("goal_edit", goal.pk)
        _with_errors(form, error)
    meta = {"title": _("Nyt udviklingsmål"), "legend": _("Nyt udviklingsmål"), "submit": _("Opret målet")}
    meta["action"] = reverse("contract_goal_add", args=[contract.pk])
    return _show_form(request, block, form, meta)


# Activities ------------------------------------------------------------------------------


def _activity_meta(title: str, action: str) -> dict:
    return {"title": title, "legend": title, "submit": _("Gem aktiviteten"), "action": action, "target": "aktiviteter"}


@login_required
def activity_add(request, pk):
    goal = access.goal_for_user(request.user, pk)
    form = ActivityForm(_data(request), contract=goal.contract)

    def save(**data):
        return rows.add_activity(goal.pk, request.user, **data)

    meta = _activity_meta(_("Ny aktivitet"), reverse("activity_add", args=[goal.pk]))
    meta["done"] = _("Aktiviteten er tilføjet.")
    return _form_view(request, goal.contract, _activities(request, goal), form, save, meta)


@login_required
def activity_edit(request, pk):
    activity = access.activity_for_user(request.user, pk)
    goal = activity.goal
    initial = {"text": activity.text, "owner": activity.owner_id, "due_date": activity.due_date}
    initial["version"] = activity.version
    form = ActivityForm(_data(request), contract=goal.contract, initial={**initial, "status": activity.status})

    def save(**data):
        return rows.change_activity(activity.pk, request.user, **data)

    meta = _activity_meta(_("Redigér aktivitet"), reverse("activity_edit", args=[activity.pk]))
    meta["done"] = _("Aktiviteten er gemt.")
    return _form_view(request, goal.contract, _activities(request, goal), form, save, meta)


@login_required
@require_POST
def activity_delete(request, pk):
    activity = access.activity_for_user(request.user, pk)
    block = _activities(request, activity.goal)
    done = _("Aktiviteten er slettet.")
    return _delete_view(request, activity.goal.contract, block, rows.delete_activity, activity.pk, done)


# Partners --------------------------------------------------------------------------------


@login_required
def partner_add(request, pk):
    goal = access.goal_for_user(request.user, pk)
    form = PartnerForm(_data(request), goal=goal)

    def save(**data):
        return rows.add_partner(goal.pk, request.user, **data)

    title = _("Ny samarbejdspartner")
    meta = {"title": title, "legend": title, "submit": _("Tilføj partneren"), "target": "partnere"}
    meta.update(action=reverse("partner_add", args=[goal.pk]), done=_("Partneren er tilføjet."))
    return _form_view(request, goal.contract, _partners(request, goal), form, save, meta)


@login_required
def partner_edit(request, pk):
    """The partner's responsibility and role (versioned: two holders agreeing on it at once)."""
    partner = access.partner_for_user(request.user, pk)
    form = PartnerRoleForm(_data(request), initial={"role": partner.role, "version": partner.version})

    def save(**data):
        return rows.change_partner_role(partner.pk, request.user, **data)

    title = _("Partnerens ansvar og rolle: %(partner)s") % {"partner": partner}
    meta = {"title": title, "legend": title, "submit": _("Gem rollen"), "target": "partnere"}
    meta.update(action=reverse("partner_edit", args=[partner.pk]), done=_("Partnerens rolle er gemt."))
    return _form_view(request, partner.goal.contract, _partners(request, partner.goal), form, save, meta)


@login_required
@require_POST
def partner_delete(request, pk):
    partner = access.partner_for_user(request.user, pk)
    block = _partners(request, partner.goal)
    done = _("Partneren er fjernet.")
    return _delete_view(request, partner.goal.contract, block, rows.remove_partner, partner.pk, done)


# Stop-doing items ------------------------------------------------------------------------


def _stop_doing_meta(title: str, action: str, done: str) -> dict:
    return {"title": title, "legend": title, "submit": _("Gem punktet"), "action": action, "done": done}


@login_required
def stop_doing_add(request, pk):
    contract = access.contract_for_user(request.user, pk)
    form = StopDoingForm(_data(request), contract=contract)

    def save(**data):
        return rows.add_stop_doing(contract.pk, request.user, **data)

    url = reverse("stop_doing_add", args=[contract.pk])
    meta = _stop_doing_meta(_("Nyt punkt: det holder vi op med"), url, _("Punktet er tilføjet."))
    return _form_view(request, contract, _stop_doing(request, contract), form, save, {**meta, "target": "hold-op-med"})


@login_required
def stop_doing_edit(request, pk):
    item = access.stop_doing_for_user(request.user, pk)
    initial = {"text": item.text, "goals": list(item.goals.values_list("pk", flat=True)), "version": item.version}
    form = StopDoingForm(_data(request), contract=item.contract, initial=initial)

    def save(**data):
        return rows.change_stop_doing(item.pk, request.user, **data)

    url = reverse("stop_doing_edit", args=[item.pk])
    meta = _stop_doing_meta(_("Redigér punkt: det holder vi op med"), url, _("Punktet er gemt."))
    block = _stop_doing(request, item.contract)
    return _form_view(request, item.contract, block, form, save, {**meta, "target": "hold-op-med"})


@login_required
@require_POST
def stop_doing_delete(request, pk):
    item = access.stop_doing_for_user(request.user, pk)
    block = _stop_doing(request, item.contract)
    return _delete_view(request, item.contract, block, rows.delete_stop_doing, item.pk, _("Punktet er slettet."))
