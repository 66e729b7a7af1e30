"""A year's requirements as data: everybody with a login reads them; the director adds,
edits and retires them (others get 403)."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from roedtraad.checks import context as ctx
from roedtraad.checks.forms import EVALUATORS, RequirementForm, YearFilter
from roedtraad.checks.services import ensure_requirements
from roedtraad.core.rules.catalogue import default_requirements
from roedtraad.frameworks.models import Framework, Requirement
from roedtraad.web.contract_views import readers_only


def _list_url(year: int) -> str:
    return reverse("checks:requirements") + f"?year={year}"


def _crumbs(year: int, label: str | None = None) -> list[dict]:
    crumbs = [{"label": _("Krav %(year)s") % {"year": year}, "url": _list_url(year) if label else None}]
    return crumbs + ([{"label": label}] if label else [])


@readers_only
def requirement_list(request):
    years = sorted(Framework.objects.values_list("year", flat=True), reverse=True)
    form = YearFilter(request.GET or None, years)
    del form.fields["area"]
    year = ctx.chosen_year(form, years)
    framework = Framework.objects.filter(year=year).first() if year else None
    rows = list(framework.requirements.order_by("retired_at", "order", "slug")) if framework else []
    labels = dict(EVALUATORS)
    for row in rows:
        row.evaluator_label = labels.get((row.judged_by or {}).get("evaluator", "terms"), "")
    context = {
        "form": form,
        "year": year,
        "framework": framework,
        "rows": rows,
        "catalogue": default_requirements() if not rows else [],
        "is_director": ctx.is_director(request.user),
        "crumbs": _crumbs(year) if year else [{"label": _("Krav")}],
    }
    return render(request, "checks/requirement_list.html", context)


@readers_only
@require_POST
def requirement_catalogue(request, year):
    """Copy the catalogue's requirements into the year's framework."""
    ctx.require_director(request.user)
    framework = get_object_or_404(Framework, year=year)
    ensure_requirements(framework)
    messages.success(request, _("Kravene fra kataloget er tilføjet."))
    return redirect(_list_url(year))


def _edit(request, framework: Framework, requirement: Requirement | None):
    form = RequirementForm(request.POST or None, instance=requirement, framework=framework)
    if request.method == "POST" and form.is_valid():
        saved = form.save()
        messages.success(request, _("Kravet «%(slug)s» er gemt.") % {"slug": saved.slug})
        return redirect(_list_url(framework.year))
    label = requirement.slug if requirement else _("Nyt krav")
    context = {
        "form": form,
        "framework": framework,
        "requirement": requirement,
        "crumbs": _crumbs(framework.year, label),
    }
    return render(request, "checks/requirement_form.html", context, status=400 if form.is_bound else 200)


@readers_only
def requirement_create(request, year):
    ctx.require_director(request.user)
    return _edit(request, get_object_or_404(Framework, year=year), None)


def _requirement(request, pk) -> Requirement:
    if not request.user.is_authenticated:
        raise Http404
    ctx.require_director(request.user)
    return get_object_or_404(Requirement.objects.select_related("framework"), pk=pk)


@readers_only
def requirement_edit(request, pk):
    requirement = _requirement(request, pk)
    return _edit(request, requirement.framework, requirement)


@readers_only
@require_POST
def requirement_retire(request, pk):
    """Retire a requirement (it is no longer checked), or bring a retired one back."""
    requirement = _requirement(request, pk)
    requirement.retired_at = None if requirement.retired_at else timezone.now()
    requirement.save(update_fields=["retired_at"])
    if requirement.retired_at:
        messages.success(request, _("Kravet «%(slug)s» er udgået.") % {"slug": requirement.slug})
    else:
        messages.success(request, _("Kravet «%(slug)s» gælder igen.") % {"slug": requirement.slug})
    return redirect(_list_url(requirement.framework.year))
