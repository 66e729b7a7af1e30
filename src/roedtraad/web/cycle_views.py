"""The annual cycle's pages: the director's milestone page (others get 403), the calendar page where
every logged-in user reads the year's milestones and makes or revokes their calendar address, and
the calendar feed itself, which needs no login (Outlook cannot log in) but a secret token.

The decisions are `frameworks.cycle`'s and `frameworks.calendar`'s; the rights `roedtraad.rights`'s.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from roedtraad.frameworks import calendar, cycle
from roedtraad.frameworks.models import Framework, Milestone
from roedtraad.rights import can_edit_milestones
from roedtraad.web.contract_views import readers_only
from roedtraad.web.cycle_forms import MilestoneForm

SESSION_NEW_FEED = "roedtraad_new_calendar_url"  # the new address, shown once and then forgotten


def _require_editor(user) -> None:
    if not can_edit_milestones(user):
        raise PermissionDenied("milestones")


def _list_url(year: int) -> str:
    return reverse("milestones", args=[year])


def _crumbs(year: int, label: str | None = None) -> list[dict]:
    crumbs = [{"label": _("Årshjul %(year)s") % {"year": year}, "url": _list_url(year) if label else None}]
    return crumbs + ([{"label": label}] if label else [])


def _years() -> list[int]:
    return sorted(Framework.objects.values_list("year", flat=True))


def _row(action: str, legend: str, submit: str, cancel: str) -> dict:
    return {"action": action, "legend": legend, "submit": submit, "cancel": cancel, "title": legend}


def _add_form_meta(year: int) -> dict:
    return _row(reverse("milestone_add", args=[year]), _("Tilføj en milepæl"), _("Tilføj milepæl"), _list_url(year))


# The director's milestone page -----------------------------------------------------------


@readers_only
@require_GET
def milestones(request, year):
    _require_editor(request.user)
    framework = get_object_or_404(Framework, year=year)
    context = {
        "framework": framework,
        "year": year,
        "years": _years(),
        "rows": list(framework.milestones.all()),
        "form": MilestoneForm(year=year),
        "row": _add_form_meta(year),
        "crumbs": _crumbs(year),
    }
    return render(request, "web/cycle/milestones.html", context)


@readers_only
@require_POST
def milestone_defaults(request, year):
    _require_editor(request.user)
    framework = get_object_or_404(Framework, year=year)
    if framework.milestones.exists():
        messages.info(request, _("Året har allerede milepæle; der er ikke tilføjet flere."))
    else:
        cycle.create_default_milestones(request.user, framework)
        messages.success(request, _("Årets milepæle er oprettet efter DUS'ens årshjul. Ret datoerne til året."))
    return redirect(_list_url(year))


def _edit(request, framework: Framework, milestone: Milestone | None):
    year = framework.year
    initial = MilestoneForm.initial_from(milestone) if milestone else None
    form = MilestoneForm(request.POST if request.method == "POST" else None, year=year, initial=initial)
    if request.method == "POST" and form.is_valid():
        saved = cycle.save_milestone(request.user, framework, milestone, **form.cleaned_data)
        messages.success(request, _("Milepælen «%(title)s» er gemt.") % {"title": saved.title})
        return redirect(_list_url(year) + f"#milepael-{saved.pk}")
    if milestone is None:
        meta = _add_form_meta(year)
    else:
        title = _("Redigér milepælen «%(title)s»") % {"title": milestone.title}
        meta = _row(reverse("milestone_edit", args=[milestone.pk]), title, _("Gem milepæl"), _list_url(year))
    context = {"form": form, "row": meta, "crumbs": _crumbs(year, meta["title"])}
    return render(request, "web/row_form.html", context, status=400 if form.is_bound else 200)


@readers_only
def milestone_add(request, year):
    _require_editor(request.user)
    return _edit(request, get_object_or_404(Framework, year=year), None)


def _milestone(request, pk) -> Milestone:
    _require_editor(request.user)
    return get_object_or_404(Milestone.objects.select_related("framework"), pk=pk)


@readers_only
def milestone_edit(request, pk):
    milestone = _milestone(request, pk)
    return _edit(request, milestone.framework, milestone)


@readers_only
@require_POST
def milestone_delete(request, pk):
    milestone = _milestone(request, pk)
    year, title = milestone.framework.year, milestone.title
    cycle.delete_milestone(request.user, milestone)
    messages.success(request, _("Milepælen «%(title)s» er slettet.") % {"title": title})
    return redirect(_list_url(year))


# The calendar page and the feed ----------------------------------------------------------


def _chosen_year(request, years: list[int]) -> int:
    """The asked year if it has a DUS, else this year, else the newest year before it, else the first."""
    asked = request.GET.get("year", "")
    if asked.isdigit() and int(asked) in years:
        return int(asked)
    today = timezone.localdate().year
    earlier = [y for y in years if y <= today]
    if today in years or not years:
        return today
    return max(earlier) if earlier else min(years)


@readers_only
@require_GET
def calendar_settings(request):
    years = _years()
    year = _chosen_year(request, years)
    framework = Framework.objects.filter(year=year).first()
    new_url = request.session.pop(SESSION_NEW_FEED, "")
    context = {
        "feed": calendar.active_feed(request.user),
        "new_url": new_url,
        "webcal_url": new_url.replace("https://", "webcal://", 1).replace("http://", "webcal://", 1),
        "year": year,
        "years": years,
        "framework": framework,
        "rows": list(framework.milestones.all()) if framework else [],
        "may_edit": can_edit_milestones(request.user),
        "crumbs": [{"label": _("Årshjul og kalender")}],
    }
    response = render(request, "web/cycle/calendar.html", context)
    response["Cache-Control"] = "no-store"  # the page may show the secret address
    return response


@readers_only
@require_POST
def calendar_feed_create(request):
    _feed, token = calendar.create_feed(request.user)
    request.session[SESSION_NEW_FEED] = calendar.feed_url(token)
    messages.success(request, _("Din kalenderadresse er lavet. En tidligere adresse virker ikke længere."))
    return redirect("calendar_settings")


@readers_only
@require_POST
def calendar_feed_revoke(request):
    if calendar.revoke_feeds(request.user):
        messages.success(request, _("Din kalenderadresse er tilbagekaldt og virker ikke længere."))
    else:
        messages.info(request, _("Du havde ingen kalenderadresse."))
    return redirect("calendar_settings")


@never_cache
@require_GET
def calendar_feed(request, token):
    """The feed: no login, the token is the key; a revoked or unknown token is 404."""
    feed = calendar.feed_for_token(token)
    if feed is None:
        raise Http404
    with translation.override("da"):  # the same text whatever language the calendar asks for
        data = calendar.feed_calendar(feed)
    response = HttpResponse(data, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="roedtraad.ics"'
    response["X-Robots-Tag"] = "noindex"
    return response
