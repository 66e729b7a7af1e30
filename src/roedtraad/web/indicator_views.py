"""The indicators across the organisation: the measures of a year, and one measure (e.g. sick
leave) for every unit that follows it, sortable, with status, forecast and roll-up, and small
units' figures suppressed (`followup.small_numbers`)."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from typing import Any

from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from roedtraad import rights
from roedtraad.core.followup import definitions
from roedtraad.core.followup.rollup import Rolled
from roedtraad.followup.indicator_status import IndicatorStatus, followed_in, status_of, units_rollup, with_series
from roedtraad.followup.small_numbers import hidden_indicators, min_count
from roedtraad.org.models import OrgUnit, OrgUnitKind
from roedtraad.web import access
from roedtraad.web.contract_views import readers_only

# How the overview's rows can be sorted: the query value → the row's sort key.
_STATUS_RANK = {"off_track": 0, "at_risk": 1, "stale": 2, "no_data": 3, "on_track": 4}
SORTS = {
    "unit": lambda row: (row["unit"].name.lower(),),
    "area": lambda row: (row["area"].lower(), row["unit"].name.lower()),
    "latest": lambda row: (row["latest"] is None, row["latest"] or 0.0, row["unit"].name.lower()),
    "forecast": lambda row: (row["forecast"] is None, row["forecast"] or 0.0, row["unit"].name.lower()),
    "status": lambda row: (_STATUS_RANK.get(row["status"], 9), row["unit"].name.lower()),
}


def in_year(indicators, year: int | None):
    """The indicators followed in the year: those of the year's goals, and those of a unit with
    no goal (a centre's or the municipality's figure) measured during the year."""
    if year is None:
        return indicators.none()
    return followed_in(indicators, dt.date(year, 1, 1), dt.date(year, 12, 31))


def _year(request, indicators) -> int | None:
    years = sorted({y for y in indicators.values_list("goal__contract__year", flat=True) if y}, reverse=True)
    wanted = request.GET.get("year", "")
    if wanted.isdigit() and int(wanted) in years:
        return int(wanted)
    return years[0] if years else None


@readers_only
def indicator_list(request):
    """The measures followed in a year, each with how many units follow it and how they fare."""
    visible = access.indicators_visible_to(request.user)
    year = _year(request, visible)
    years = sorted({y for y in visible.values_list("goal__contract__year", flat=True) if y}, reverse=True)
    indicators = with_series(in_year(visible, year))
    hidden = hidden_indicators(request.user, indicators)
    measures: dict[str, dict] = {}
    names: dict[str, Counter] = defaultdict(Counter)
    for indicator in indicators:
        names[indicator.key][indicator.name] += 1
        measure = measures.setdefault(indicator.key, {"key": indicator.key, "units": set(), "statuses": Counter()})
        measure["units"].add(indicator.org_unit_id)
        if indicator.pk not in hidden:
            measure["statuses"][status_of(indicator).status] += 1
    for key, measure in measures.items():
        measure["name"] = names[key].most_common(1)[0][0]
        measure["unit_count"] = len(measure["units"])
    context = {
        "measures": sorted(measures.values(), key=lambda m: (-m["unit_count"], m["name"].lower())),
        "year": year,
        "years": years,
        "imports": rights.imports_measurements(request.user),
        "crumbs": [{"label": _("Måltal")}],
    }
    return render(request, "web/indicators/list.html", context)


@readers_only
def indicator_across(request, key: str):
    """One measure for every unit that follows it in the year."""
    visible = access.indicators_visible_to(request.user).filter(key=key)
    year = _year(request, visible)
    if year is None:
        raise Http404
    indicators = list(with_series(in_year(visible, year)).select_related("org_unit__parent"))
    if not indicators:
        raise Http404
    hidden = hidden_indicators(request.user, indicators)
    rows = [_row(status_of(i), i.pk in hidden) for i in indicators]
    sort = request.GET.get("sort", "unit")
    sort = sort if sort in SORTS else "unit"
    descending = request.GET.get("dir") == "desc"
    rows.sort(key=SORTS[sort], reverse=descending)
    shown = [row for row in rows if not row["hidden"]]
    areas, rolled = area_rollups(shown)
    name = Counter(i.name for i in indicators).most_common(1)[0][0]
    context = {
        "name": name,
        "key": key,
        "year": year,
        "rows": rows,
        "rolled": rolled,
        "areas": areas,
        "sort": sort,
        "descending": descending,
        "columns": _columns(request, key, year, sort, descending),
        "definition_note": definitions.definition_note([i.definition for i in indicators]),
        "min_count": min_count(),
        "any_hidden": len(shown) < len(rows),
        "crumbs": [{"label": _("Måltal"), "url": reverse("indicator_list") + f"?year={year}"}, {"label": name}],
    }
    return render(request, "web/indicators/across.html", context)


def area_rollups(rows: list[dict]) -> tuple[list[dict], Rolled]:
    """Each area's status from its units' figures, and the municipality's from its areas'.

    An area counts the units listed under it that no other listed unit of the area covers (a
    holder, not also its centres: the holder's figure already holds theirs), weighted by
    headcount where every one of them has one; the municipality counts its areas the same way."""
    units = {u.pk: u for u in OrgUnit.objects.only("id", "parent_id", "kind", "name", "headcount")}
    listed = {row["unit"].pk: row for row in rows}

    def ancestors(unit_id: int) -> list[int]:
        chain, parent = [], units[unit_id].parent_id
        while parent is not None and parent not in chain:
            chain.append(parent)
            parent = units[parent].parent_id
        return chain

    by_area: dict[int, list[dict]] = defaultdict(list)
    for unit_id, row in listed.items():
        chain = ancestors(unit_id)
        area = next((a for a in chain if units[a].kind == OrgUnitKind.AREA), None)
        below_area = chain[: chain.index(area)] if area is not None else chain
        if area is not None and not any(a in listed for a in below_area):
            by_area[area].append(row)
    areas: list[dict[str, Any]] = []
    for area_id, members in sorted(by_area.items(), key=lambda item: units[item[0]].name):
        weights = [row["weight"] for row in members]
        weight = sum(w for w in weights if w) if all(weights) else None
        rolled = units_rollup([(row["unit"].name, row["status"], row["weight"]) for row in members])
        areas.append({"unit": units[area_id], "rolled": rolled, "weight": weight})
    whole = units_rollup([(a["unit"].name, a["rolled"].status, a["weight"]) for a in areas])
    return areas, whole


def _row(item: IndicatorStatus, hidden: bool) -> dict:
    indicator, forecast = item.indicator, item.forecast
    unit = indicator.org_unit
    latest = forecast.latest
    return {
        "indicator": indicator,
        "unit": unit,
        "area": unit.parent.name if unit.parent is not None else "",
        "holder": indicator.goal.contract.holder if indicator.goal is not None else None,
        "hidden": hidden,
        "latest": None if hidden or latest is None else latest.value,
        "latest_period": None if hidden or latest is None else latest.period,
        "target": None if hidden or item.target is None else float(item.target.value),
        "target_end": None if hidden or item.target is None else item.target.period_end,
        "forecast": None if hidden else forecast.value,
        "band": None if hidden else forecast.band,
        "status": "no_data" if hidden else forecast.status,
        "explanation": "" if hidden else forecast.explanation,
        "definition": definitions.label(indicator.definition),
        "weight": unit.headcount,
    }


def _columns(request, key: str, year, sort: str, descending: bool) -> list[dict]:
    """The sortable column headers: label, link (the other direction when sorted by it), aria-sort."""
    labels = [
        ("unit", _("Enhed")),
        ("area", _("Hører under")),
        ("latest", _("Seneste")),
        ("forecast", _("Prognose")),
        ("status", _("Status")),
    ]
    base = reverse("indicator_across", args=[key])
    columns = []
    for name, label in labels:
        active = name == sort
        direction = "asc" if active and descending else ("desc" if active else "asc")
        columns.append(
            {
                "name": name,
                "label": label,
                "url": f"{base}?year={year}&sort={name}&dir={direction}",
                "aria_sort": ("descending" if descending else "ascending") if active else "",
            }
        )
    return columns
