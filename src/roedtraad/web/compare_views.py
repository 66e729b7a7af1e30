"""A revision against the entered one it was copied from: goals added, removed and changed,
each changed section as a word diff, indicators and targets (contracts.compare)."""

from __future__ import annotations

from django.shortcuts import render
from django.utils.translation import gettext as _

from roedtraad.web import access
from roedtraad.web.contract_views import _contract_crumbs, comparison_for, readers_only


@readers_only
def contract_compare(request, pk):
    contract = access.contract_for_user(request.user, pk)
    context = {
        "contract": contract,
        "compared": comparison_for(request.user, contract),
        "crumbs": _contract_crumbs(contract) + [{"label": _("Ændringer")}],
    }
    return render(request, "web/compare.html", context)
