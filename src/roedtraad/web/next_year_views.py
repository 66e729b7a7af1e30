"""The director starts next year's round from this year's contracts (`contracts.next_year`): a
page saying what would be made for each holder, a button that makes it, and the new drafts with
what next year's DUS requirements find missing in them."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from roedtraad import rights
from roedtraad.checks.services import unmet_requirements
from roedtraad.contracts.next_year import plan_next_year, start_next_year
from roedtraad.contracts.workflow import WorkflowError
from roedtraad.frameworks.models import Framework
from roedtraad.web.contract_views import readers_only


@readers_only
def next_year(request, year: int):
    if not rights.can_start_next_year(request.user):
        raise PermissionDenied(_("Kun direktøren starter næste års kontrakter."))
    plans, started, status = plan_next_year(year), False, 200
    if request.method == "POST":
        try:
            plans = start_next_year(request.user, year)
            started = True
        except WorkflowError as refused:
            messages.error(request, refused.message)
            status = 400
    made = [(plan, unmet_requirements(plan.draft)) for plan in plans if plan.draft is not None]
    context = {
        "year": year,
        "next": year + 1,
        "plans": plans,
        "made": made,
        "started": started,
        "has_framework": Framework.objects.filter(year=year + 1).exists(),
        "crumbs": [
            {"label": _("Kontrakter"), "url": reverse("contract_list")},
            {"label": _("Start %(year)s") % {"year": year + 1}},
        ],
    }
    return render(request, "web/next_year.html", context, status=status)
