"""Planning a contract's follow-up by hand, and marking a planned follow-up held or removing it
(`followup.planning` decides who may and what is valid)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from roedtraad import rights
from roedtraad.contracts.models import Goal
from roedtraad.contracts.workflow import WorkflowError
from roedtraad.followup.models import PlannedFollowUp
from roedtraad.followup.planning import PLANNED_BY_HAND, REFUSED, add_planned, mark_held, remove_planned
from roedtraad.web import access
from roedtraad.web.contract_views import readers_only
from roedtraad.web.forms import DATE_FORMATS


class PlannedForm(forms.Form):
    date = forms.DateField(
        label=gettext_lazy("Dato"),
        input_formats=DATE_FORMATS,
        widget=forms.DateInput(attrs={"type": "date", "class": "form-input"}, format="%Y-%m-%d"),
        error_messages={
            "required": gettext_lazy("Skriv datoen for opfølgningen."),
            "invalid": gettext_lazy("Skriv en dato, fx 7.12.2026."),
        },
    )
    kind = forms.ChoiceField(
        label=gettext_lazy("Slags"),
        choices=[(k, label) for k, label in PlannedFollowUp.Kind.choices if k in PLANNED_BY_HAND],
        initial=PlannedFollowUp.Kind.MEETING,
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    forum = forms.CharField(
        label=gettext_lazy("Forum"),
        required=False,
        max_length=200,
        help_text=gettext_lazy("Fx ledergruppen, LMU, TRIO"),
        widget=forms.TextInput(attrs={"class": "form-input"}),
    )
    goal = forms.ModelChoiceField(
        label=gettext_lazy("Mål"),
        queryset=Goal.objects.none(),
        required=False,
        empty_label=gettext_lazy("Hele kontrakten"),
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    description = forms.CharField(
        label=gettext_lazy("Beskrivelse"),
        required=False,
        max_length=500,
        widget=forms.TextInput(attrs={"class": "form-input"}),
    )

    def __init__(self, *args, contract, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["goal"].queryset = contract.goals.filter(deleted_at__isnull=True).order_by("number")


def _back(contract) -> str:
    return reverse("contract_detail", args=[contract.pk]) + "#planlagt-opfoelgning"


@readers_only
def planned_new(request, pk):
    contract = access.contract_for_user(request.user, pk)
    if not rights.can_plan_follow_up(request.user, contract):
        raise PermissionDenied(REFUSED)
    form = PlannedForm(request.POST or None, contract=contract)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            add_planned(
                request.user,
                contract,
                date=data["date"],
                kind=data["kind"],
                forum=data["forum"],
                description=data["description"],
                goal=data["goal"],
            )
        except WorkflowError as refused:
            for problem in refused.problems or [refused.message]:
                form.add_error(None, problem)
        else:
            messages.success(request, _("Opfølgningen er planlagt."))
            return redirect(_back(contract))
    context = {
        "contract": contract,
        "form": form,
        "crumbs": [
            {"label": _("Kontrakter"), "url": reverse("contract_list")},
            {"label": str(contract), "url": reverse("contract_detail", args=[contract.pk])},
            {"label": _("Planlæg opfølgning")},
        ],
    }
    return render(request, "web/planned_form.html", context, status=400 if request.method == "POST" else 200)


def _planned(request, pk) -> PlannedFollowUp:
    return access.planned_follow_up_for_user(request.user, pk)  # 404 to a stranger; the service decides the rest


@readers_only
@require_POST
def planned_held(request, pk):
    planned = _planned(request, pk)
    mark_held(request.user, planned)
    messages.success(request, _("Opfølgningen er markeret som holdt."))
    return redirect(_back(planned.contract))


@readers_only
@require_POST
def planned_delete(request, pk):
    planned = _planned(request, pk)
    try:
        remove_planned(request.user, planned)
    except WorkflowError as refused:
        messages.error(request, refused.message)
    else:
        messages.success(request, _("Opfølgningen er slettet."))
    return redirect(_back(planned.contract))
