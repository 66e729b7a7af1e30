"""The public view: its own small set of read-only pages, for anyone, when switched on
(`ROEDTRAAD_PUBLIC_VIEW`). They show entered contracts, their goals and sections, and
indicators at holder level and above — never comments, history, people or the working pages
(those need a login whatever the setting). Names of known people in the text are masked.
"""

from __future__ import annotations

import json

from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from roedtraad import rights
from roedtraad.contracts.models import Goal, GoalSection
from roedtraad.core.redact import mask_names
from roedtraad.followup.models import Measurement, Target
from roedtraad.followup.small_numbers import hidden_indicators
from roedtraad.org.models import Person
from roedtraad.reports import open_data


def _require_public() -> None:
    if not rights.public_view():
        raise Http404


def public_index(request):
    _require_public()
    years = sorted(set(rights.public_contracts().values_list("year", flat=True)), reverse=True)
    return render(request, "web/public/index.html", {"years": years, "crumbs": [{"label": _("Offentlige kontrakter")}]})


def public_year(request, year: int):
    _require_public()
    contracts = open_data.year_contracts(year)  # the newest entered revision of each holder
    if not contracts:
        raise Http404
    names = list(Person.objects.values_list("name", flat=True))
    context = {
        "year": year,
        "contracts": [_public_contract(request.user, contract, names) for contract in contracts],
        "crumbs": [
            {"label": _("Offentlige kontrakter"), "url": reverse("public_index")},
            {"label": str(year)},
        ],
    }
    return render(request, "web/public/year.html", context)


def public_year_csv(request, year: int):
    """The year page's content as CSV for a Danish Excel (`reports.open_data`)."""
    _require_public()
    text = open_data.csv_text(year)
    if text is None:
        raise Http404
    response = HttpResponse(text.encode("utf-8"), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="udviklingskontrakter-{year}.csv"'
    return response


def public_year_json(request, year: int):
    """The year page's content as JSON; its keys are described in the file (`documentation`)."""
    _require_public()
    data = open_data.json_data(year)
    if data is None:
        raise Http404
    body = json.dumps(data, ensure_ascii=False, indent=1)
    response = HttpResponse(body.encode("utf-8"), content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="udviklingskontrakter-{year}.json"'
    return response


def _public_contract(user, contract, names: list[str]) -> dict:
    sections = Prefetch("sections", queryset=GoalSection.objects.order_by("order", "key"))
    goals = Goal.objects.filter(contract=contract, deleted_at__isnull=True).prefetch_related(sections)
    indicators = (
        rights.public_indicators(contract)
        .select_related("org_unit")
        .prefetch_related(
            Prefetch("targets", queryset=Target.objects.order_by("period_start")),
            Prefetch("measurements", queryset=Measurement.objects.order_by("-period")),
        )
    )
    found = list(indicators)
    hidden = hidden_indicators(user, found)  # a small unit's figures are never public
    by_goal: dict[int | None, list] = {}  # indicators without a goal under None
    for indicator in found:
        indicator.suppressed = indicator.pk in hidden  # type: ignore[attr-defined]  # for the template
        by_goal.setdefault(indicator.goal_id, []).append(indicator)
    return {
        "contract": contract,
        "introduction": mask_names(contract.introduction, names),
        "goals": [
            {
                "goal": goal,
                "sections": [(s.display_heading, mask_names(s.text, names)) for s in goal.sections.all()],
                "indicators": by_goal.get(goal.pk, []),
            }
            for goal in goals.order_by("number")
        ],
    }
