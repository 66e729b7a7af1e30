"""The public view: its own small set of read-only pages, for anyone, when switched on
(`ROEDTRAAD_PUBLIC_VIEW`). They show entered contracts, their goals and sections, and
indicators at holder level and above — never comments, history, people or the working pages
(those need a login whatever the setting). What is public and how it is masked (names of known
people, a small unit's figures) is `reports.open_data.public_year`, which the open data reads too.
"""

from __future__ import annotations

import json

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from roedtraad import rights
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
    contracts = open_data.public_year(year)  # the same selection and masking as the open data
    if not contracts:
        raise Http404
    context = {
        "year": year,
        "contracts": contracts,
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
