"""The red thread (DUS track 1, "from policy to effect for the citizen") as pages: the year's
policies, DUS tracks and budget changes with the goals that serve them, what no goal serves,
the goals that refer to nothing; a page per policy and per DUS track down to each goal's
indicators, expected effect for the citizen and latest follow-up. The data comes from
`reports.redthread`, the same as `roedtraad redthread --json`."""

from __future__ import annotations

from collections import Counter

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _

from roedtraad import rights
from roedtraad.followup.small_numbers import hidden_indicators
from roedtraad.frameworks.models import BudgetChange, Framework, Policy, Track
from roedtraad.reports.redthread import (
    ThreadGoal,
    goals_in_force,
    links_of,
    serving,
    thread_goals,
    tracks_of,
    unserved_records,
)
from roedtraad.web.contract_views import readers_only

STATUS_ORDER = ("off_track", "at_risk", "stale", "no_data", "on_track")


def _years() -> list[int]:
    return list(Framework.objects.order_by("-year").values_list("year", flat=True))


def _year(request, years: list[int]) -> int:
    """The year asked for (?year=), else the latest year with a DUS."""
    asked = request.GET.get("year", "")
    if asked:
        if not asked.isdigit() or int(asked) not in years:
            raise Http404(_("Året findes ikke."))
        return int(asked)
    if not years:
        raise Http404(_("Der er ingen DUS endnu."))
    return years[0]


def _links_of(goals) -> dict[str, dict[int, int]]:
    """How many of the goals link to each policy, track (directly or by a focus area), focus
    area and budget change: key → {pk: count}."""
    counts: dict[str, dict[int, int]] = {"policies": {}, "tracks": {}, "focus_areas": {}, "budget_changes": {}}
    for goal in goals:
        links = links_of(goal)
        found = {
            "policies": links.policies,
            "tracks": tracks_of(goal),
            "focus_areas": links.focus_areas,
            "budget_changes": links.budget_changes,
        }
        for kind, pks in found.items():
            for pk in pks:
                counts[kind][pk] = counts[kind].get(pk, 0) + 1
    return counts


def _refers_to_nothing(goal) -> bool:
    return links_of(goal).refers_to_nothing


@readers_only
def redthread_year(request):
    years = _years()
    year = _year(request, years)
    framework = Framework.objects.get(year=year)
    goals = goals_in_force(year, request.user)
    counts = _links_of(goals)
    policies = [(p, counts["policies"].get(p.pk, 0)) for p in Policy.objects.prefetch_related("tracks")]
    tracks = [
        (t, counts["tracks"].get(t.pk, 0), [(a, counts["focus_areas"].get(a.pk, 0)) for a in t.focus_areas.all()])
        for t in framework.tracks.prefetch_related("focus_areas").order_by("number")
    ]
    budget = [(b, counts["budget_changes"].get(b.pk, 0)) for b in BudgetChange.objects.all()]
    context = {
        "year": year,
        "years": years,
        "policies": policies,
        "tracks": tracks,
        "budget_changes": budget,
        "unserved": unserved_records(year),
        "without_reference": [g for g in goals if _refers_to_nothing(g)],
        "without_policy": [g for g in goals if not g.policies.all() and not _refers_to_nothing(g)],
        "can_maintain": rights.can_maintain_red_thread(request.user),
        "crumbs": [{"label": _("Den røde tråd %(year)s") % {"year": year}}],
    }
    return render(request, "web/redthread/year.html", context)


def _by_holder(items: list[ThreadGoal]) -> list[tuple[str, list[ThreadGoal]]]:
    groups: dict[str, list[ThreadGoal]] = {}
    for item in items:
        groups.setdefault(item.goal.contract.holder.name, []).append(item)
    return list(groups.items())


def _summary(items: list[ThreadGoal]) -> list[tuple[str, int]]:
    """How many of the goals have each status, worst first (the page's first line)."""
    counts = Counter(item.rolled.status for item in items)
    return [(status, counts[status]) for status in STATUS_ORDER if counts[status]]


def _hidden(request, items: list[ThreadGoal]) -> set[int]:
    """The indicators whose figures the user may not see (small units: `followup.small_numbers`)."""
    return hidden_indicators(request.user, [s.indicator for item in items for s in item.indicators])


def _crumbs(year: int, label: str) -> list[dict]:
    year_page = {"label": _("Den røde tråd %(year)s") % {"year": year}, "url": f"{reverse('redthread')}?year={year}"}
    return [year_page, {"label": label}]


@readers_only
def policy_detail(request, pk):
    policy = get_object_or_404(Policy.objects.prefetch_related("tracks"), pk=pk)
    years = _years()
    year = _year(request, years)
    items = thread_goals(serving(goals_in_force(year, request.user), policy=policy))
    context = {
        "policy": policy,
        "year": year,
        "years": years,
        "holders": _by_holder(items),
        "hidden": _hidden(request, items),
        "summary": _summary(items),
        "crumbs": _crumbs(year, policy.name),
    }
    return render(request, "web/redthread/policy.html", context)


@readers_only
def track_detail(request, pk):
    track = get_object_or_404(Track.objects.select_related("framework").prefetch_related("focus_areas"), pk=pk)
    year = track.framework.year
    goals = serving(goals_in_force(year, request.user), track=track)
    items = thread_goals(goals)
    areas = [
        (area, _by_holder([i for i in items if any(a.pk == area.pk for a in i.goal.focus_areas.all())]))
        for area in track.focus_areas.all()
    ]
    on_track_only = [i for i in items if not any(a.track_id == track.pk for a in i.goal.focus_areas.all())]
    context = {
        "track": track,
        "year": year,
        "areas": areas,
        "direct": _by_holder(on_track_only),
        "hidden": _hidden(request, items),
        "summary": _summary(items),
        "count": len(items),
        "crumbs": _crumbs(year, str(track)),
    }
    return render(request, "web/redthread/track.html", context)
