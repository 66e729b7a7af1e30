"""The annual wheel: the year's milestones, contract dialogues and planned follow-ups as a
circle (SVG with a text alternative) and as a table of the same events, filtered by area and
holder. The geometry is `core.wheel`; who sees which follow-ups is `rights`."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.dates import MONTHS_3
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from roedtraad import rights
from roedtraad.core.wheel import CENTRE, INNER, OUTER, RINGS, SIZE, WheelEvent, marks, sectors
from roedtraad.followup.models import PlannedFollowUp
from roedtraad.frameworks.models import Framework, Milestone
from roedtraad.org.models import OrgUnit, OrgUnitKind, subtree
from roedtraad.web.contract_views import readers_only

MIN_YEAR, MAX_YEAR = 2000, 2200  # a wheel outside these years is a mistyped address

KIND_LABELS = {
    "milestone": gettext_lazy("Milepæl"),
    "dialogue": gettext_lazy("Kontraktdialog"),
    "follow_up": gettext_lazy("Planlagt opfølgning"),
}


def _chosen(request, kind: str) -> OrgUnit | None:
    asked = request.GET.get(kind, "")
    return OrgUnit.objects.filter(pk=int(asked), kind=kind).first() if asked.isdigit() else None


def _events(request, year: int, area: OrgUnit | None, holder: OrgUnit | None) -> list[WheelEvent]:
    events = [
        WheelEvent(
            m.date, "milestone", m.title, reverse("milestones", args=[m.framework.year]) if _may_edit(request) else ""
        )
        for m in Milestone.objects.filter(date__year=year).select_related("framework")
    ]
    planned = rights.planned_follow_ups_visible_to(request.user).filter(date__year=year)
    if holder is not None:
        planned = planned.filter(contract__holder=holder)
    elif area is not None:
        parents: dict[int, int | None] = dict(OrgUnit.objects.values_list("id", "parent_id"))
        planned = planned.filter(contract__holder_id__in=subtree({area.pk}, parents))
    for p in planned.select_related("contract__holder", "goal", "dialogue"):
        kind = "dialogue" if p.kind == PlannedFollowUp.Kind.CONTRACT_DIALOGUE else "follow_up"
        dialogue = getattr(p, "dialogue", None)
        url = (
            reverse("dialogue_detail", args=[dialogue.pk])
            if dialogue
            else reverse("contract_detail", args=[p.contract_id])
        )
        events.append(WheelEvent(p.date, kind, p.label, url, p.contract.holder.name))
    return events


def _may_edit(request) -> bool:
    return rights.can_edit_milestones(request.user)


@readers_only
def annual_wheel_now(request):
    return redirect("annual_wheel", timezone.localdate().year)


@readers_only
def annual_wheel(request, year: int):
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise Http404(_("Årshjulet viser årene %(first)s–%(last)s.") % {"first": MIN_YEAR, "last": MAX_YEAR})
    area, holder = _chosen(request, OrgUnitKind.AREA), _chosen(request, OrgUnitKind.HOLDER)
    events = _events(request, year, area, holder)
    context = {
        "year": year,
        "size": SIZE,
        "centre": CENTRE,
        "outer": OUTER,
        "inner": INNER,
        "rings": [(kind, radius, KIND_LABELS[kind]) for kind, radius in RINGS.items()],
        "sectors": [(s, MONTHS_3[s.month]) for s in sectors(year)],
        "marks": marks(events, year),
        "rows": sorted(events, key=lambda e: (e.day, e.kind, e.title)),
        "kind_labels": KIND_LABELS,
        "areas": OrgUnit.objects.filter(kind=OrgUnitKind.AREA).order_by("name"),
        "holders": OrgUnit.objects.filter(kind=OrgUnitKind.HOLDER).order_by("name"),
        "area": area,
        "holder": holder,
        "may_edit": _may_edit(request) and Framework.objects.filter(year=year).exists(),
        "crumbs": [{"label": _("Årshjul %(year)s") % {"year": year}}],
    }
    return render(request, "web/wheel.html", context)
