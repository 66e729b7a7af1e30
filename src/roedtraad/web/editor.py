"""The goal editor: the sections of the contract's template in order, with help from the
year's DUS requirements, validation, and optimistic locking on `Goal.version`.

Two people editing the same goal: the second save is based on an older version and is
refused with both versions shown, so nothing is overwritten silently.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from roedtraad.contracts.editing import SECTION_MAX, EditConflict, link_choices, save_goal, section_too_long
from roedtraad.contracts.models import SHARED_NEEDS_PARTNER, Goal, GoalLayout, GoalScope
from roedtraad.contracts.workflow import WorkflowError
from roedtraad.core.sections import SECTION_LAYOUT, WORKPLAN_LAYOUT
from roedtraad.web import access

SECTION_HELP = {
    "baggrund_formaal": gettext_lazy("Hvorfor arbejder I med målet? Beskriv udfordringen og formålet."),
    "politisk_afsaet": gettext_lazy("Hvilke politikker, budgetforandringer og spor i DUS bygger målet på?"),
    "udviklingsmaal": gettext_lazy("Selve målet: hvad vil I opnå? Skriv et måltal, hvis målet kan måles."),
    "virkning_borger": gettext_lazy("Hvilken forskel gør målet for borgeren?"),
    "tidsperspektiv": gettext_lazy("Hvornår skal målet være nået? Er det et- eller flerårigt?"),
    "aktiviteter": gettext_lazy("Hvad gør I konkret for at nå målet? Én aktivitet pr. linje."),
    "opfoelgning": gettext_lazy(
        "Hvordan og hvor følger I op (fx ledergruppen, LMU, TRIO, kontraktdialog), og hvem er ansvarlig?"
    ),
    "arbejde_med": gettext_lazy("Det, I konkret arbejder med i år."),
    "arbejde_hen_imod": gettext_lazy("Det, I arbejder hen imod: målet, gerne med et måltal."),
    "samarbejde_med": gettext_lazy("Hvem samarbejder I med, og hvem har hvilken rolle?"),
}
LIMIT_HINT = gettext_lazy("Højst 20.000 tegn.")
# The red thread a holder sets by hand (`contracts.editing.LINK_KINDS`), in the order shown.
LINK_LABELS = {
    "policies": gettext_lazy("Politikker"),
    "tracks": gettext_lazy("Spor i årets DUS"),
    "focus_areas": gettext_lazy("Indsatsområder i årets DUS"),
    "budget_changes": gettext_lazy("Budgetforandringer"),
}
GOAL_STATEMENT = {GoalLayout.SECTIONS: "udviklingsmaal", GoalLayout.WORKPLAN: "arbejde_hen_imod"}


def layout_keys(goal: Goal) -> dict[str, str]:
    return WORKPLAN_LAYOUT if goal.contract.layout == GoalLayout.WORKPLAN else SECTION_LAYOUT


def requirement_help(goal: Goal) -> dict[str, list[str]]:
    """The DUS requirements that are judged from each section, as help for the writer."""
    found: dict[str, list[str]] = {}
    if goal.contract.framework_id is None:
        return found
    assert goal.contract.framework is not None
    for req in goal.contract.framework.requirements.filter(retired_at__isnull=True):
        for key in (req.judged_by or {}).get("sections", []) or []:
            found.setdefault(key, []).append(req.help_text or req.text)
    return found


class GoalForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    title = forms.CharField(label=gettext_lazy("Titel"), max_length=300)
    scope = forms.ChoiceField(label=gettext_lazy("Type"), choices=GoalScope.choices)
    multi_year = forms.BooleanField(label=gettext_lazy("Flerårigt mål"), required=False)

    def __init__(self, *args, goal: Goal, **kwargs):
        super().__init__(*args, **kwargs)
        self.goal = goal
        extra = requirement_help(goal)
        for key, heading in layout_keys(goal).items():
            self.fields[f"section_{key}"] = forms.CharField(
                label=heading,
                required=False,
                widget=forms.Textarea(attrs={"rows": 5}),
                help_text=" ".join([str(SECTION_HELP.get(key, "")), *extra.get(key, []), str(LIMIT_HINT)]).strip(),
            )
        for kind, label in LINK_LABELS.items():
            choices = link_choices(goal, kind)
            if choices.exists():
                self.fields[f"link_{kind}"] = forms.ModelMultipleChoiceField(
                    label=label,
                    queryset=choices,
                    required=False,
                    widget=forms.CheckboxSelectMultiple(attrs={"class": "form-checkbox"}),
                )
        self.fields["multi_year"].widget.attrs["class"] = "form-checkbox"
        self.fields["title"].widget.attrs["class"] = "form-input"
        self.fields["scope"].widget.attrs["class"] = "form-select"
        for name, field in self.fields.items():
            if name.startswith("section_"):
                field.widget.attrs["class"] = "form-input"
                if field.help_text:
                    field.widget.attrs["aria-describedby"] = f"id_{name}-hint"

    def clean(self):
        data = super().clean()
        statement = GOAL_STATEMENT[self.goal.contract.layout]
        if not (data.get(f"section_{statement}") or "").strip():
            self.add_error(f"section_{statement}", _("Skriv selve målet – det skal fremgå af kontrakten."))
        for name in self.fields:
            text = data.get(name) or ""
            if name.startswith("section_") and len(text) > SECTION_MAX:
                self.add_error(name, section_too_long(name.removeprefix("section_"), len(text)))
        as_saved = Goal(pk=self.goal.pk, scope=data.get("scope") or self.goal.scope)
        if not as_saved.meets_partner_rule(list(self.goal.partners.all())):
            self.add_error("scope", SHARED_NEEDS_PARTNER)
        return data

    def section_fields(self):
        return [self[name] for name in self.fields if name.startswith("section_")]

    def main_fields(self):
        return [self[name] for name in self.fields if not name.startswith("link_")]

    def link_fields(self):
        return [self[name] for name in self.fields if name.startswith("link_")]


def initial_for(goal: Goal) -> dict:
    texts = {s.key: s.text for s in goal.sections.all()}
    data = {"version": goal.version, "title": goal.title, "scope": goal.scope, "multi_year": goal.multi_year}
    data.update({f"section_{key}": texts.get(key, "") for key in layout_keys(goal)})
    data.update({f"link_{kind}": [r.pk for r in getattr(goal, kind).all()] for kind in LINK_LABELS})
    return data


def save(goal: Goal, data: dict, user) -> Goal:
    """The editor's fields through the one save path of a goal (`contracts.editing.save_goal`:
    rights, optimistic locking, a history reason on every changed row)."""
    existing = set(goal.sections.values_list("key", flat=True))
    sections = {}
    for key in layout_keys(goal):
        text = (data.get(f"section_{key}") or "").strip()
        if text or key in existing:
            sections[key] = text
    return save_goal(
        goal.pk,
        user,
        expected_version=data["version"],
        title=data["title"],
        scope=data["scope"],
        multi_year=data["multi_year"],
        sections=sections,
        links={kind: [r.pk for r in data[f"link_{kind}"]] for kind in LINK_LABELS if f"link_{kind}" in data},
        reason=_("Redigeret i editoren"),
    )


def _conflict_rows(form: GoalForm, stored: Goal) -> list[dict]:
    theirs = initial_for(stored)
    rows = []
    for name, field in form.fields.items():
        if name == "version":
            continue
        mine = form.cleaned_data.get(name)
        if name.startswith("link_"):  # records chosen: compared as their ids, shown as their names
            if sorted(r.pk for r in mine or []) != sorted(theirs.get(name) or []):
                names = field.queryset.filter(pk__in=theirs.get(name) or [])  # type: ignore[attr-defined]
                rows.append(
                    {
                        "label": field.label,
                        "mine": ", ".join(map(str, mine or [])),
                        "theirs": ", ".join(map(str, names)),
                    }
                )
            continue
        if str(mine or "").strip() != str(theirs.get(name) or "").strip():
            rows.append({"label": field.label, "mine": mine, "theirs": theirs.get(name)})
    return rows


@login_required
def goal_edit(request, pk):
    goal = access.goal_for_user(request.user, pk, write=True)
    goal = (
        Goal.objects.select_related("contract__framework", "contract__holder")
        .prefetch_related("activities__owner", "partners__unit")
        .get(pk=goal.pk)
    )
    form = GoalForm(request.POST or None, goal=goal, initial=initial_for(goal))
    actions = access.actions_for(request.user, goal.contract)
    context = {"goal": goal, "contract": goal.contract, "form": form, "conflict": None, "actions": actions}
    if request.method == "POST" and form.is_valid():
        try:
            save(goal, form.cleaned_data, request.user)
        except EditConflict as conflict:
            stored = Goal.objects.select_related("contract").get(pk=goal.pk)
            context["conflict"] = {
                "mine": form.cleaned_data["version"],
                "theirs": conflict.stored_version,
                "rows": _conflict_rows(form, stored),
            }
            form = GoalForm(initial=None, data={**request.POST.dict(), "version": conflict.stored_version}, goal=goal)
            form.is_valid()
            context["form"] = form
            return render(request, "web/goal_edit.html", context, status=409)
        except WorkflowError as refused:  # entered meanwhile, or a rule of the goal
            messages.error(request, str(refused))
            return render(request, "web/goal_edit.html", context, status=409)
        messages.success(request, _("Målet er gemt."))
        return redirect("goal_detail", goal.pk)
    context["crumbs"] = [
        {"label": _("Kontrakter"), "url": reverse("contract_list")},
        {"label": str(goal.contract), "url": reverse("contract_detail", args=[goal.contract_id])},
        {"label": str(goal), "url": reverse("goal_detail", args=[goal.pk])},
        {"label": _("Redigér")},
    ]
    return render(request, "web/goal_edit.html", context, status=400 if request.method == "POST" else 200)


@login_required
@require_POST
def goal_validate(request, pk):
    """Validation as you type: the error partial of one field (htmx). Saving stays the authority."""
    goal = access.goal_for_user(request.user, pk, write=True)
    goal = Goal.objects.select_related("contract__framework", "contract__holder").get(pk=goal.pk)
    form = GoalForm(request.POST, goal=goal)
    name = request.POST.get("_field") or (request.htmx.trigger_name if request.htmx else None)
    if name not in form.fields or name == "version":
        return HttpResponseBadRequest(_("Ukendt felt."))
    form.is_valid()
    return render(request, "web/goal_edit.html#field_errors", {"field": form[name]})
