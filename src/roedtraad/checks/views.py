"""The checks pages: the year's matrix, a contract's report with overrides, the shared-goal
network and the overlap list. Every view checks the user's rights itself (`web.access`)."""

from __future__ import annotations

from datetime import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from roedtraad.checks import context as ctx
from roedtraad.checks import proposals
from roedtraad.checks.forms import OrgUnitForm, OverlapFilter, OverrideForm, YearFilter
from roedtraad.checks.network import Edge, svg
from roedtraad.checks.services import (
    contract_report,
    ensure_requirements,
    listed,
    override_requirement,
    requirement_specs,
    run_checks,
)
from roedtraad.core.rules.hints import what_would_meet
from roedtraad.frameworks.models import Framework
from roedtraad.org.models import OrgUnit
from roedtraad.web import access, pagecache
from roedtraad.web.contract_views import _partial, readers_only

OVERLAP_TOP = 200
PER_PAGE = 20


def _crumbs(label: str, *before) -> list[dict]:
    return [*before, {"label": label}]


def _matrix_rows(report: dict, visible: dict[int, int], units: ctx.Units, area, names: dict[str, str]) -> list[dict]:
    rows = []
    for item in report["contracts"]:
        holder_id = visible.get(item["contract"])
        if holder_id is None or (area and units.area_of(holder_id) != area.pk):
            continue
        url = reverse("checks:report", args=[item["contract"]])
        cells = [
            {
                **req,
                "name": names.get(req["slug"], req["slug"]),
                "label": ctx.STATUS_LABELS[req["status"]],
                "badge": ctx.STATUS_BADGES[req["status"]],
            }
            for req in item["requirements"]
        ]
        rows.append({"holder": item["holder"], "area": units.area_name(holder_id), "url": url, "cells": cells})
    return rows


@readers_only
@pagecache.per_user
def matrix(request):
    """Contracts × requirements for a year, with an area filter."""
    years = ctx.years()
    form = YearFilter(request.GET or None, years)
    year = ctx.chosen_year(form, years)
    report = run_checks(year, overlap_top=0) if year else {"contracts": []}
    framework = Framework.objects.filter(year=year).first() if year else None
    specs = [spec for _row, spec in requirement_specs(framework)] if year else []
    names = {spec.slug: spec.display_name for spec in specs}
    visible = ctx.visible_contracts(request.user, year) if year else {}
    rows = _matrix_rows(report, visible, ctx.Units(), form.value("area"), names)
    context = {
        "form": form,
        "year": year,
        "framework": framework,
        "specs": specs,
        "rows": rows,
        "crumbs": _crumbs(_("Tjek af kontrakter")),
    }
    return render(request, _partial(request, "checks/matrix.html", "results"), context)


def _framework_for(contract) -> Framework | None:
    return contract.framework or Framework.objects.filter(year=contract.year).first()


def _override(request, contract, slugs: list[str]):
    """Store a person's judgement, or return the bound form with its errors."""
    if not ctx.may_override(request.user, contract):
        raise PermissionDenied("override")
    form = OverrideForm(request.POST, slugs=slugs)
    framework = _framework_for(contract)
    if form.is_valid() and framework is None:
        form.add_error(None, _("Året har ingen DUS, så kravene kan ikke vurderes manuelt."))
    if not form.is_valid():
        return form
    assert framework is not None  # the error added above makes the form invalid
    requirement = {r.slug: r for r in ensure_requirements(framework)}[form.cleaned_data["requirement"]]
    override_requirement(
        contract, requirement, form.cleaned_data["status"], form.cleaned_data["justification"], request.user
    )
    messages.success(request, _("Din vurdering af kravet er gemt."))
    return None


def _report_items(data: dict, goal_links: dict, personal: bool) -> list[dict]:
    """Requirements with evidence links; without personal data the override's author is left out."""
    items = []
    for req in data["requirements"]:
        evidence = [
            {**e, "heading": ctx.heading(e["section"]), "url_goal": goal_links.get((data["holder"], e["goal"]))}
            for e in req["evidence"]
        ]
        override, reason = req["override"], req["reason"]
        if override:
            override = {**override, "date": datetime.fromisoformat(override["created_at"])}
            if not personal:
                override["author"] = ""
                reason = _("Vurderet manuelt: %(why)s") % {"why": override["justification"]}
        items.append(
            {
                **req,
                "reason": reason,
                "override": override,
                "evidence": evidence,
                "label": ctx.STATUS_LABELS[req["status"]],
                "badge": ctx.STATUS_BADGES[req["status"]],
            }
        )
    return items


def _shared_items(data: dict, goal_links: dict) -> list[dict]:
    out = []
    for goal in data["shared_goals"]:
        partners = []
        for p in goal["partners"]:
            link = goal_links.get((p["unit"], p["partner_goal"])) if p["unit"] else None
            label, badge = ctx.PARTNER_LABELS[p["status"]], ctx.PARTNER_BADGES[p["status"]]
            partners.append({**p, "label": label, "badge": badge, "goal_id": link})
        out.append({**goal, "goal_id": goal_links.get((data["holder"], goal["goal"])), "partners": partners})
    return out


@readers_only
@pagecache.per_user
def report(request, pk):
    """One contract's check: requirements with evidence and overrides, shared goals, overlaps."""
    contract = access.contract_for_user(request.user, pk)
    data = contract_report(contract)
    slugs = [r["slug"] for r in data["requirements"]]
    form, status = None, 200
    if request.method == "POST":
        form = _override(request, contract, slugs)
        if form is None:
            return redirect(reverse("checks:report", args=[pk]) + f"#krav-{request.POST['requirement']}")
        status = 400
    links = ctx.goal_links(request.user, contract.year)
    may_override = ctx.may_override(request.user, contract)
    items = _report_items(data, links, access.shows_personal_data(request.user))
    specs = {spec.slug: spec for _row, spec in requirement_specs(_framework_for(contract))}
    for item in items:
        spec = specs.get(item["slug"])
        item["text"] = spec.text if spec else ""
        item["name"] = spec.display_name if spec else item["slug"]
        item["hint"] = what_would_meet(spec) if spec else ""
    context = {
        "contract": contract,
        "data": data,
        "items": items,
        "overridden": [item for item in items if item["override"]],
        "shared": _shared_items(data, links),
        "overlaps": ctx.visible_overlaps(data["overlaps"], links),
        "goal_links": links,
        "form": form,
        "may_override": may_override,
        "status_choices": OverrideForm(slugs=slugs).fields["status"].choices,
        "is_director": ctx.is_director(request.user),
        "crumbs": _crumbs(
            str(contract),
            {"label": _("Tjek af kontrakter"), "url": reverse("checks:matrix") + f"?year={contract.year}"},
        ),
    }
    return render(request, "checks/report.html", context, status=status)


@readers_only
def unit_create(request, pk):
    """A partner named in the contract is not a known unit: the director creates it."""
    contract = access.contract_for_user(request.user, pk)
    ctx.require_director(request.user)
    name = request.GET.get("name", "")[:200]
    form = OrgUnitForm(request.POST or None, initial={"name": name, "alias": name, "kind": "holder"})
    if request.method == "POST" and form.is_valid():
        unit = form.save()
        messages.success(request, _("Enheden «%(name)s» er oprettet.") % {"name": unit.name})
        return redirect(reverse("checks:report", args=[pk]) + "#faelles-maal")
    context = {
        "contract": contract,
        "form": form,
        "crumbs": _crumbs(_("Opret enhed"), {"label": str(contract), "url": reverse("checks:report", args=[pk])}),
    }
    return render(request, "checks/unit_form.html", context, status=400 if form.is_bound else 200)


def _edges(report: dict, visible: dict[int, int], links: dict) -> list[Edge]:
    edges = []
    for item in report["contracts"]:
        if item["contract"] not in visible:
            continue
        for goal in item["shared_goals"]:
            for p in goal["partners"]:
                edge = Edge(item["holder"], p["unit"] or p["name"], goal["goal"], goal["title"], p["status"])
                edge.status_label = str(ctx.PARTNER_LABELS[p["status"]])
                edge.badge = ctx.PARTNER_BADGES[p["status"]]
                goal_id = links.get((item["holder"], goal["goal"]))
                edge.goal_url = reverse("goal_detail", args=[goal_id]) if goal_id else ""
                edges.append(edge)
    return edges


@readers_only
@pagecache.per_user
def network(request):
    """Who works with whom: shared goals as a drawing and as a table."""
    years = ctx.years()
    form = YearFilter(request.GET or None, years)
    year = ctx.chosen_year(form, years)
    report = run_checks(year, overlap_top=0) if year else {"contracts": []}
    visible = ctx.visible_contracts(request.user, year) if year else {}
    units = ctx.Units()
    area = form.value("area")
    by_name = {name: pk for pk, name in units.name.items()}
    edges = [
        e
        for e in _edges(report, visible, ctx.goal_links(request.user, year) if year else {})
        if not area or area.pk in (units.area_of(by_name.get(e.holder)), units.area_of(by_name.get(e.partner)))
    ]
    names = {e.holder for e in edges} | {e.partner for e in edges}
    nodes = sorted((units.area_name(by_name.get(n)), n) for n in names)
    title = _("Fælles mål %(year)s: hvem arbejder sammen med hvem") % {"year": year}
    context = {
        "form": form,
        "year": year,
        "edges": sorted(edges, key=lambda e: (e.holder, e.goal, e.partner)),
        "drawing": svg(nodes, edges, title) if edges else "",
        "statuses": [(k, ctx.PARTNER_LABELS[k], ctx.PARTNER_BADGES[k]) for k in ctx.PARTNER_LABELS],
        "crumbs": _crumbs(_("Netværk af fælles mål")),
    }
    return render(request, "checks/network.html", context)


def _overlap_rows(overlaps, form, visible_holders: dict[str, int], units: ctx.Units, links: dict) -> list[dict]:
    area, holder = form.value("area"), form.value("holder")
    min_score, hide = float(form.value("min_score") or 0), form.value("hide_shared")
    rows = []
    for o in overlaps:
        ids = [visible_holders.get(o["a"]["holder"]), visible_holders.get(o["b"]["holder"])]
        if None in ids or o["score"] < min_score or (hide and o["shared"]):
            continue
        if area and area.pk not in {units.area_of(i) for i in ids}:
            continue
        if holder and holder.pk not in ids:
            continue
        for side in ("a", "b"):
            ref = o[side]
            ref["goal_id"] = links.get((ref["holder"], ref["goal"]))
        rows.append(o)
    return rows


def _topic_rows(topics, form, visible_holders: dict[str, int], units: ctx.Units, links: dict) -> list[dict]:
    """One row per DUS topic, with the goals on it the user may see (filtered like the pairs)."""
    area, holder = form.value("area"), form.value("holder")
    rows = []
    for topic in topics:
        goals = [
            {**g, "goal_id": links.get((g["holder"], g["goal"]))}
            for g in topic["goals"]
            if g["holder"] in visible_holders and (not area or units.area_of(visible_holders[g["holder"]]) == area.pk)
        ]
        holders = sorted({g["holder"] for g in goals})
        if len(holders) < 2 or (holder and holder.name not in holders):
            continue
        rows.append({**topic, "goals": goals, "holders": holders})
    return rows


def _mark_proposals(rows: list[dict], user, holder_ids: dict[str, int]) -> None:
    """Mark the pairs with an open proposal of a shared goal, and those the user may propose."""
    rights = access.rights_for(user)
    goal_ids = {o[side]["goal_id"] for o in rows for side in ("a", "b") if o[side]["goal_id"]}
    open_pairs = proposals.open_pairs(goal_ids)
    for o in rows:
        ids = {o["a"]["goal_id"], o["b"]["goal_id"]}
        holders = {holder_ids.get(o["a"]["holder"]), holder_ids.get(o["b"]["holder"])}
        o["proposal_open"] = frozenset(ids) in open_pairs
        o["may_propose"] = (
            None not in ids
            and not o["shared"]
            and not o["proposal_open"]
            and (rights.director or holders <= rights.areas)
        )


@readers_only
@pagecache.per_user
def overlaps(request):
    """Goals of different holders that are about the same, for proposing shared goals."""
    years = ctx.years()
    visible_all = access.contracts_visible_to(request.user)
    holders = OrgUnit.objects.filter(pk__in=visible_all.values("holder_id")).order_by("name")
    form = OverlapFilter(request.GET or None, years, holders)
    year = ctx.chosen_year(form, years)
    report = run_checks(year, overlap_top=OVERLAP_TOP) if year else {"overlaps": [], "overlap_topics": []}
    units = ctx.Units()
    visible = ctx.visible_contracts(request.user, year) if year else {}
    holder_ids = {units.name[h]: h for h in visible.values()}
    links = ctx.goal_links(request.user, year) if year else {}
    pairs = [o for o in report["overlaps"] if listed(o)]
    rows = _overlap_rows(pairs, form, holder_ids, units, links)
    topics = _topic_rows(report["overlap_topics"], form, holder_ids, units, links)
    page = Paginator(rows, PER_PAGE).get_page(request.GET.get("page"))
    _mark_proposals(page.object_list, request.user, holder_ids)
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "year": year,
        "rows": page.object_list,
        "topics": topics if page.number == 1 else [],
        "topic_count": len(topics),
        "page": page,
        "total": len(rows),
        "query": query.urlencode(),
        "crumbs": _crumbs(_("Overlappende mål")),
    }
    return render(request, _partial(request, "checks/overlaps.html", "results"), context)
