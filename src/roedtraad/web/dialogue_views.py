"""The contract dialogue's pages: planning it (director, head of area), its agenda made from the
contract (a page that prints), and its minutes with what was agreed per goal. The rules and the
writes are `followup.dialogues`; the agenda is `reports.dialogue`."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from roedtraad import rights
from roedtraad.contracts.workflow import WorkflowError
from roedtraad.followup.dialogues import Agreed, plan_dialogue, record_minutes
from roedtraad.followup.models import ContractDialogue, RagStatus
from roedtraad.followup.small_numbers import hidden_indicators
from roedtraad.reports.dialogue import agenda
from roedtraad.web import access
from roedtraad.web.contract_views import readers_only
from roedtraad.web.forms import DATE_FORMATS


def _date_field(label, required: bool = True) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        input_formats=DATE_FORMATS,
        widget=forms.DateInput(attrs={"type": "date", "class": "form-input"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Skriv en dato, fx 7.12.2026."), "required": _("Skriv en dato.")},
    )


class PlanForm(forms.Form):
    date = _date_field(gettext_lazy("Dato"))
    description = forms.CharField(
        label=gettext_lazy("Sted eller bemærkning"),
        required=False,
        max_length=500,
        widget=forms.TextInput(attrs={"class": "form-input"}),
    )


class MinutesForm(forms.Form):
    held_on = _date_field(gettext_lazy("Holdt den"))
    minutes = forms.CharField(
        label=gettext_lazy("Referat"),
        widget=forms.Textarea(attrs={"class": "form-input", "rows": 8}),
        error_messages={"required": _("Skriv et referat af dialogen.")},
    )

    def __init__(self, *args, goals, **kwargs):
        super().__init__(*args, **kwargs)
        self.goals = goals
        statuses = [("", _("Ingen opfølgning")), *RagStatus.choices]
        for goal in goals:
            self.fields[f"status_{goal.pk}"] = forms.ChoiceField(
                label=_("Status"), choices=statuses, required=False, widget=forms.Select(attrs={"class": "form-select"})
            )
            self.fields[f"text_{goal.pk}"] = forms.CharField(
                label=_("Opfølgning"), required=False, widget=forms.Textarea(attrs={"class": "form-input", "rows": 2})
            )
            self.fields[f"activity_{goal.pk}"] = forms.CharField(
                label=_("Ny aktivitet aftalt"),
                required=False,
                widget=forms.TextInput(attrs={"class": "form-input"}),
            )
            self.fields[f"due_{goal.pk}"] = _date_field(_("Frist for aktiviteten"), required=False)

    def head_fields(self):
        return [self["held_on"]]

    def per_goal(self):
        return [
            (goal, [self[f"{name}_{goal.pk}"] for name in ("status", "text", "activity", "due")]) for goal in self.goals
        ]

    def agreed(self) -> list[Agreed]:
        data = self.cleaned_data
        return [
            Agreed(
                goal,
                status=data.get(f"status_{goal.pk}") or "",
                text=data.get(f"text_{goal.pk}") or "",
                activity=data.get(f"activity_{goal.pk}") or "",
                due=data.get(f"due_{goal.pk}"),
            )
            for goal in self.goals
        ]


def _dialogue(request, pk) -> ContractDialogue:
    dialogue = get_object_or_404(ContractDialogue.objects.select_related("planned__contract__holder"), pk=pk)
    access.contract_for_user(request.user, dialogue.planned.contract_id)  # 404 to a stranger
    return dialogue


def _crumbs(contract, label: str) -> list[dict]:
    return [
        {"label": _("Kontrakter"), "url": reverse("contract_list")},
        {"label": str(contract), "url": reverse("contract_detail", args=[contract.pk])},
        {"label": label},
    ]


@readers_only
def dialogue_new(request, pk):
    contract = access.contract_for_user(request.user, pk)
    if not rights.can_hold_dialogue(request.user, contract):
        raise PermissionDenied(_("Kun direktøren og fagchefen planlægger kontraktdialog om en indgået kontrakt."))
    form = PlanForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            dialogue = plan_dialogue(
                request.user, contract, form.cleaned_data["date"], form.cleaned_data["description"]
            )
        except WorkflowError as refused:
            form.add_error("date", refused.message)
        else:
            messages.success(request, _("Kontraktdialogen er planlagt."))
            return redirect("dialogue_detail", dialogue.pk)
    context = {"contract": contract, "form": form, "crumbs": _crumbs(contract, _("Planlæg kontraktdialog"))}
    return render(request, "web/dialogue/plan.html", context, status=400 if request.method == "POST" else 200)


@readers_only
def dialogue_detail(request, pk):
    dialogue = _dialogue(request, pk)
    contract = dialogue.contract
    made = agenda(dialogue)
    context = {
        "dialogue": dialogue,
        "agenda": made,
        # Small units' figures, hidden as on the contract page (`followup.small_numbers`).
        "hidden": hidden_indicators(request.user, [s.indicator for item in made.goals for s in item.indicators]),
        "contract": contract,
        "participants": dialogue.participants.all() if access.shows_personal_data(request.user) else None,
        "may_hold": rights.can_hold_dialogue(request.user, contract),
        "entries": dialogue.entries.select_related("goal").order_by("goal__number"),
        "activities": dialogue.activities.select_related("goal").order_by("goal__number"),
        "crumbs": _crumbs(
            contract, _("Kontraktdialog %(date)s") % {"date": date_format(dialogue.planned.date, "j. F Y")}
        ),
    }
    return render(request, "web/dialogue/agenda.html", context)


@readers_only
def dialogue_minutes(request, pk):
    dialogue = _dialogue(request, pk)
    contract = dialogue.contract
    if not rights.can_hold_dialogue(request.user, contract):
        raise PermissionDenied(_("Kun direktøren og fagchefen skriver referat af kontraktdialogen."))
    goals = list(contract.goals.filter(deleted_at__isnull=True).order_by("number"))
    initial = {"held_on": dialogue.held_on or dialogue.planned.date, "minutes": dialogue.minutes}
    form = MinutesForm(request.POST or None, goals=goals, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            record_minutes(
                request.user, dialogue, held_on=data["held_on"], minutes=data["minutes"], agreed=form.agreed()
            )
        except WorkflowError as refused:
            for problem in refused.problems or [refused.message]:
                form.add_error(None, problem)
        else:
            messages.success(request, _("Referatet er gemt, og det aftalte er skrevet på målene."))
            return redirect("dialogue_detail", dialogue.pk)
    context = {
        "dialogue": dialogue,
        "contract": contract,
        "form": form,
        "crumbs": _crumbs(contract, _("Referat")),
    }
    return render(request, "web/dialogue/minutes.html", context, status=400 if request.method == "POST" else 200)
