"""Read pages: the overview of contracts, a contract, a goal, an indicator, the search."""

from __future__ import annotations

from django.contrib.auth.views import redirect_to_login
from django.db.models import Count, Prefetch, Q
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from roedtraad import rights
from roedtraad.contracts import lineage
from roedtraad.contracts.compare import compare_revisions, compared_revision
from roedtraad.contracts.models import Contract, Goal
from roedtraad.core.followup.rollup import Rolled
from roedtraad.core.sections import section_order
from roedtraad.followup.indicator_status import (
    contract_rollup,
    goal_rollup,
    goal_rollup_of,
    lineage_statuses,
    status_of,
)
from roedtraad.followup.models import FollowUpEntry, Indicator, Measurement, Target
from roedtraad.followup.small_numbers import hidden_indicators, min_count, without_hidden_statuses
from roedtraad.review.services import MAX_COMMENT_LENGTH
from roedtraad.web import access, charts, pagecache
from roedtraad.web import search as fulltext
from roedtraad.web.filters import ContractFilter, SearchFilter


def readers_only(view):
    """Anonymous visitors go to the login page: the working pages are never public (the public
    view has its own pages, `public_views`)."""

    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


def _partial(request, template: str, partial: str) -> str:
    return f"{template}#{partial}" if request.htmx and not request.htmx.boosted else template


@readers_only
@pagecache.per_user
def contract_list(request):
    visible = access.contracts_visible_to(request.user)
    data = request.GET.copy()
    if "year" not in data:
        latest = visible.order_by("-year").values_list("year", flat=True).first()
        data["year"] = str(latest or "")
    form = ContractFilter(data, visible)
    contracts = (
        form.apply(visible)
        .select_related("holder", "holder__parent")
        .annotate(goal_count=Count("goals", filter=Q(goals__deleted_at__isnull=True)))
        .order_by("-year", "holder__parent__name", "holder__name", "-revision")
    )
    context = {"form": form, "contracts": contracts, "crumbs": [{"label": _("Kontrakter")}]}
    latest = Contract.objects.order_by("-year").values_list("year", flat=True).first()
    context["start_year"] = latest if latest and rights.can_start_next_year(request.user) else None
    return render(request, _partial(request, "web/contract_list.html", "results"), context)


def _indicator_items(indicators, user) -> list[dict]:
    """Each indicator with its figures, status and chart, or, for a small unit the user may not
    see the figures of, only the reason they are hidden (`followup.small_numbers`)."""
    indicators = list(indicators)
    hidden = hidden_indicators(user, indicators)
    items = []
    for indicator in indicators:
        if indicator.pk in hidden:
            items.append({"indicator": indicator, "hidden": True, "min_count": min_count()})
            continue
        data = charts.rows(indicator)
        status = status_of(indicator)
        items.append(
            {
                "indicator": indicator,
                "rows": data,
                "latest": data[-1] if data else None,
                "status": status,
                "chart": charts.svg_chart(indicator, data, _ahead(status)),
            }
        )
    return items


def _goal_statuses(goals) -> dict[int, Rolled]:
    """Each goal's status from its indicators (of its lineage) and its latest follow-up entry."""
    statuses, latest = lineage_statuses(goals)
    return {goal.pk: goal_rollup(statuses[goal.pk], latest.get(goal.pk)) for goal in goals}


def _ahead(status) -> charts.Ahead | None:
    forecast = status.forecast
    if status.target is None or forecast.value is None:
        return None
    return charts.Ahead(status.target.period_end, forecast.value, forecast.band)


def _measurements():
    return Prefetch("measurements", queryset=Measurement.objects.order_by("period"))


@readers_only
@pagecache.per_user
def contract_detail(request, pk):
    contract = access.contract_for_user(request.user, pk)
    goals = (
        contract.goals.filter(deleted_at__isnull=True)
        .prefetch_related(
            "tracks",
            "focus_areas",
            "partners__unit",
            "sections",  # printed in full (the print style sheet), not shown on screen
            "activities",
            Prefetch("follow_ups", queryset=FollowUpEntry.objects.order_by("-date")),
        )
        .order_by("number")
    )
    goals = list(goals)
    statuses = _goal_statuses(goals)
    for goal in goals:
        goal.rolled = statuses[goal.pk]
    context = {
        "contract": contract,
        "goals": goals,
        "contract_status": contract_rollup([(f"mål {g.number}", statuses[g.pk]) for g in goals]),
        "actions": access.actions_for(request.user, contract),
        "stop_doing": contract.stop_doing_items.all(),
        "planned": contract.planned_follow_ups.select_related("goal", "dialogue").order_by("date"),
        "may_hold_dialogue": rights.can_hold_dialogue(request.user, contract),
        "may_plan": rights.can_plan_follow_up(request.user, contract),
        "change_requests": contract.change_requests.select_related("author__person"),
        "people": _people(request.user, contract),
        "deleted_goals": _deleted_goals(request, contract),
        "compared": comparison_for(request.user, contract),
        "crumbs": [{"label": _("Kontrakter"), "url": reverse("contract_list")}, {"label": str(contract)}],
    }
    return render(request, "web/contract_detail.html", context)


def comparison_for(user, contract) -> dict | None:
    """The comparison of a revision with the revision before it, if the user may read both."""
    before = compared_revision(contract)
    if before is None or not access.can_read(user, before):
        return None
    return {"before": before, "comparison": compare_revisions(before, contract)}


def _deleted_goals(request, contract) -> dict:
    """Deleted goals with undo, for those who may edit; the one just deleted (`?slettet=`) first."""
    if not access.can(request.user, "edit", contract):
        return {"goals": [], "just_deleted": None}
    goals = list(contract.goals.filter(deleted_at__isnull=False).order_by("-deleted_at"))
    just = request.GET.get("slettet", "")
    return {"goals": goals, "just_deleted": next((g for g in goals if str(g.pk) == just), None)}


def _contract_crumbs(contract) -> list[dict]:
    return [
        {"label": _("Kontrakter"), "url": reverse("contract_list")},
        {"label": str(contract), "url": reverse("contract_detail", args=[contract.pk])},
    ]


def _people(user, contract):
    if not access.shows_personal_data(user):
        return None
    from roedtraad.org.models import Person

    ids = [contract.holder_person_id, contract.head_of_area_id, contract.director_id]
    by_id = Person.objects.in_bulk([i for i in ids if i])
    return {
        "holder": by_id.get(contract.holder_person_id),
        "head_of_area": by_id.get(contract.head_of_area_id),
        "director": by_id.get(contract.director_id),
    }


@readers_only
@pagecache.per_user
def goal_detail(request, pk):
    return render(request, "web/goal_detail.html", goal_context(request, pk))


def goal_context(request, pk, **extra) -> dict:
    """The goal page's context; `extra` carries a refused form's error and text back to it."""
    goal = access.goal_for_user(request.user, pk)
    goal = (
        Goal.objects.filter(pk=goal.pk)
        .select_related("contract", "contract__holder", "contract__holder__parent", "carried_over_from__contract")
        .prefetch_related(
            "sections",
            "activities__owner",
            "partners__unit",
            "tracks",
            "focus_areas",
            "policies",
            "budget_changes",
            "stop_doing_items",
        )
        .get()
    )
    # A revision's goal shows the year's figures and follow-up of its lineage (contracts.lineage).
    indicators = list(
        lineage.indicators_of(goal).select_related("org_unit").prefetch_related("targets", _measurements())
    )
    follow_ups = list(lineage.follow_ups_of(goal).select_related("author").order_by("-date", "-pk"))
    without_hidden_statuses(request.user, follow_ups)
    planned = lineage.planned_follow_ups_of(goal).order_by("date")
    sections = sorted(goal.sections.all(), key=lambda s: (section_order(s.key), s.order))
    context = {
        "goal": goal,
        "goal_status": goal_rollup_of(indicators, follow_ups[0].status if follow_ups else None),
        "contract": goal.contract,
        "sections": sections,
        "indicators": _indicator_items(indicators, request.user),
        "follow_ups": follow_ups,
        "planned": planned,
        "comments": goal.comments.select_related("author__person").order_by("created_at"),
        "actions": access.actions_for(request.user, goal.contract),
        "crumbs": _contract_crumbs(goal.contract) + [{"label": str(goal)}],
        "comment_max": MAX_COMMENT_LENGTH,
        **extra,
    }
    return context


def _indicator_changes(indicator, limit: int = 10) -> list[dict]:
    """The latest changes of the indicator's measurements and targets (two queries)."""
    kinds = {"+": _("tilføjet"), "~": _("ændret"), "-": _("slettet")}
    rows = []
    for model, label in ((Measurement, _("Måling")), (Target, _("Måltal"))):
        for rec in model.history.filter(indicator_id=indicator.pk).select_related("history_user__person")[:limit]:
            period = getattr(rec, "period", None) or rec.period_start
            rows.append(
                {
                    "when": rec.history_date,
                    "what": label,
                    "period": period,
                    "value": rec.value,
                    "kind": kinds[rec.history_type],
                    "who": rec.history_user,
                    "reason": rec.history_change_reason,
                }
            )
    return sorted(rows, key=lambda r: r["when"], reverse=True)[:limit]


@readers_only
@pagecache.per_user
def indicator_detail(request, pk):
    indicator = access.indicator_for_user(request.user, pk)
    indicator = (
        Indicator.objects.filter(pk=indicator.pk)
        .select_related("org_unit", "goal", "goal__contract", "goal__contract__holder")
        .prefetch_related("targets", _measurements())
        .get()
    )
    crumbs = _contract_crumbs(indicator.goal.contract) if indicator.goal_id else []
    if indicator.goal_id:
        crumbs.append({"label": str(indicator.goal), "url": reverse("goal_detail", args=[indicator.goal_id])})
    crumbs.append({"label": str(indicator)})
    item = _indicator_items([indicator], request.user)[0]
    changes = [] if item.get("hidden") else _indicator_changes(indicator)  # old values are figures too
    context = {"item": item, "crumbs": crumbs, "changes": changes}
    return render(request, "web/indicator_detail.html", context)


@readers_only
@pagecache.per_user
def search(request):
    visible = access.contracts_visible_to(request.user)
    form = SearchFilter(request.GET or None, visible)
    hits, query = [], ""
    if form.is_valid() and fulltext.query_stems(form.cleaned_data.get("q")):
        query = form.cleaned_data["q"]
        goals = access.goals_visible_to(request.user).filter(contract__in=form.apply(visible))
        if form.cleaned_data.get("track"):
            goals = goals.filter(tracks=form.cleaned_data["track"])
        hits = fulltext.search(goals, query)
    context = {"form": form, "hits": hits, "query": query, "crumbs": [{"label": _("Søgning")}]}
    return render(request, _partial(request, "web/search.html", "results"), context)
