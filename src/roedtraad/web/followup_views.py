"""Adding a follow-up entry (opfølgning) to a goal of an entered contract, and its author changing it."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from roedtraad.contracts.rows import RowConflict
from roedtraad.contracts.workflow import NotAllowed, WorkflowError
from roedtraad.followup import entries
from roedtraad.followup.models import FollowUpEntry
from roedtraad.rights import can_change_follow_up
from roedtraad.web import access


class FollowUpForm(forms.ModelForm):
    version = forms.IntegerField(required=False, widget=forms.HiddenInput)

    class Meta:
        model = FollowUpEntry
        fields = ["date", "forum", "status", "text"]
        widgets = {
            # a date input takes only ISO dates: the value is written as 2026-12-02, never 02.12.2026
            "date": forms.DateInput(attrs={"type": "date", "class": "form-input"}, format="%Y-%m-%d"),
            "forum": forms.TextInput(attrs={"class": "form-input"}),
            "status": forms.Select(attrs={"class": "form-select"}),
            "text": forms.Textarea(attrs={"class": "form-input", "rows": 4}),
        }
        labels = {"text": gettext_lazy("Status og næste skridt")}


def _crumbs(goal, label: str) -> list[dict]:
    return [
        {"label": _("Kontrakter"), "url": reverse("contract_list")},
        {"label": str(goal.contract), "url": reverse("contract_detail", args=[goal.contract_id])},
        {"label": str(goal), "url": reverse("goal_detail", args=[goal.pk])},
        {"label": label},
    ]


def _saved(request, form, step, **kwargs):
    """Run the step with the form's values; a refusal is shown in the form, input kept."""
    data = {name: form.cleaned_data[name] for name in ("date", "forum", "status", "text")}
    try:
        step(**kwargs, **data)
    except NotAllowed as exc:
        raise PermissionDenied(exc.message) from exc
    except WorkflowError as exc:
        form.add_error(None, exc.message)
        for problem in exc.problems:
            form.add_error(None, problem)
        if isinstance(exc, RowConflict):
            form.data = form.data.copy()
            form.data["version"] = str(exc.stored_version)
            return 409
        return 400
    return None


@login_required
def add_follow_up(request, pk):
    goal = access.goal_for_user(request.user, pk, write="follow_up")
    form = FollowUpForm(request.POST or None, initial={"date": timezone.localdate()})
    status = 400 if request.method == "POST" else 200
    if request.method == "POST" and form.is_valid():
        status = _saved(request, form, entries.add_entry, goal=goal, user=request.user)
        if status is None:
            messages.success(request, _("Opfølgningen er gemt."))
            return redirect("goal_detail", goal.pk)
    context = {"goal": goal, "form": form, "crumbs": _crumbs(goal, _("Ny opfølgning")), "title": _("Ny opfølgning")}
    return render(request, "web/follow_up_form.html", context, status=status)


@login_required
def edit_follow_up(request, pk):
    entry = access.follow_up_for_user(request.user, pk)
    if not can_change_follow_up(request.user, entry):
        raise PermissionDenied("change follow-up")
    goal = entry.goal
    initial = {"date": entry.date, "forum": entry.forum, "status": entry.status, "text": entry.text}
    form = FollowUpForm(request.POST or None, initial={**initial, "version": entry.version})
    status = 400 if request.method == "POST" else 200
    if request.method == "POST" and form.is_valid():
        version = form.cleaned_data.get("version")
        status = _saved(
            request, form, entries.change_entry, entry_pk=entry.pk, user=request.user, expected_version=version
        )
        if status is None:
            messages.success(request, _("Opfølgningen er gemt."))
            return redirect("goal_detail", goal.pk)
    context = {
        "goal": goal,
        "form": form,
        "crumbs": _crumbs(goal, _("Redigér opfølgning")),
        "title": _("Redigér opfølgning"),
    }
    return render(request, "web/follow_up_form.html", context, status=status)
