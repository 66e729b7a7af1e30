"""Adding a follow-up entry (opfølgning) to a goal of an entered contract."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from roedtraad.followup.models import FollowUpEntry
from roedtraad.org.models import Person
from roedtraad.web import access


class FollowUpForm(forms.ModelForm):
    class Meta:
        model = FollowUpEntry
        fields = ["date", "forum", "status", "text"]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date", "class": "form-input"}),
            "forum": forms.TextInput(attrs={"class": "form-input"}),
            "status": forms.Select(attrs={"class": "form-select"}),
            "text": forms.Textarea(attrs={"class": "form-input", "rows": 4}),
        }
        labels = {"text": gettext_lazy("Status og næste skridt")}


@login_required
def add_follow_up(request, pk):
    goal = access.goal_for_user(request.user, pk, write="follow_up")
    form = FollowUpForm(request.POST or None, initial={"date": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        entry = form.save(commit=False)
        entry.goal = goal
        entry.author = Person.objects.filter(user=request.user).first()
        entry._history_user = request.user
        entry.save()
        messages.success(request, _("Opfølgningen er gemt."))
        return redirect("goal_detail", goal.pk)
    crumbs = [
        {"label": _("Kontrakter"), "url": reverse("contract_list")},
        {"label": str(goal.contract), "url": reverse("contract_detail", args=[goal.contract_id])},
        {"label": str(goal), "url": reverse("goal_detail", args=[goal.pk])},
        {"label": _("Ny opfølgning")},
    ]
    status = 400 if request.method == "POST" else 200
    return render(request, "web/follow_up_form.html", {"goal": goal, "form": form, "crumbs": crumbs}, status=status)
