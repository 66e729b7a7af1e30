"""Shared lookups of the checks pages, each one query whatever the number of goals."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

from roedtraad import rights as access
from roedtraad.checks.services import default_year
from roedtraad.contracts.lineage import revisions_in_force
from roedtraad.contracts.models import Contract
from roedtraad.core.sections import heading_for
from roedtraad.frameworks.models import Framework
from roedtraad.org.models import OrgUnit, OrgUnitKind

STATUS_LABELS = {"met": _("Opfyldt"), "partial": _("Delvist"), "missing": _("Mangler")}
STATUS_BADGES = {"met": "badge-success", "partial": "badge-warning", "missing": "badge-error"}
PARTNER_LABELS = {
    "reciprocated": _("Gensidigt"),
    "one_sided": _("Kun i denne kontrakt"),
    "no_contract": _("Partneren har ingen kontrakt"),
    "unknown_partner": _("Ukendt enhed"),
}
PARTNER_BADGES = {
    "reciprocated": "badge-success",
    "one_sided": "badge-warning",
    "no_contract": "badge-info",
    "unknown_partner": "badge-error",
}


EXTRA_HEADINGS = {
    "titel": _("Titel"),
    "indikator": _("Måltal"),
    "partner_rolle": _("Ansvar og rolle"),
    "hold_op_med": _("Hold op med"),
}


def heading(section: str) -> str:
    return str(EXTRA_HEADINGS[section]) if section in EXTRA_HEADINGS else heading_for(section)


def is_director(user) -> bool:
    return access.rights_for(user).director


def may_override(user, contract: Contract) -> bool:
    """The director, and the head of area over the contract's holder."""
    rights = access.rights_for(user)
    return rights.director or contract.holder_id in rights.areas


def require_director(user) -> None:
    if not is_director(user):
        raise PermissionDenied("director")


def years() -> list[int]:
    """Years with a framework or a contract, newest first."""
    found = set(Framework.objects.values_list("year", flat=True)) | set(
        Contract.objects.values_list("year", flat=True).distinct()
    )
    return sorted(found, reverse=True)


def chosen_year(form, available: list[int]) -> int | None:
    year = form.value("year") if form.is_bound else None
    return year or (available[0] if available else default_year())


class Units:
    """Every org unit (one query): names, areas, and holders by name."""

    def __init__(self):
        rows = list(OrgUnit.objects.values_list("id", "name", "parent_id", "kind"))
        self.parent = {pk: parent for pk, _name, parent, _kind in rows}
        self.kind = {pk: kind for pk, _name, _parent, kind in rows}
        self.name = {pk: name for pk, name, _parent, _kind in rows}

    def area_of(self, unit_id: int | None) -> int | None:
        seen = set()
        while unit_id is not None and unit_id not in seen:
            if self.kind.get(unit_id) == OrgUnitKind.AREA:
                return unit_id
            seen.add(unit_id)
            unit_id = self.parent.get(unit_id)
        return None

    def area_name(self, unit_id: int | None) -> str:
        area = self.area_of(unit_id)
        return self.name.get(area, "") if area else ""


def visible_contracts(user, year: int) -> dict[int, int]:
    """Contract id → holder id of the year's contracts the user may read."""
    return dict(access.contracts_visible_to(user).filter(year=year).values_list("pk", "holder_id"))


def goal_links(user, year: int) -> dict[tuple[str, int], int]:
    """(holder name, goal number) → goal id, for the goals of the year the user may read
    (each holder's contract in force, `lineage.revisions_in_force`)."""
    goals = access.goals_visible_to(user).filter(contract__year=year)
    in_force = revisions_in_force(year)
    out = {}
    for holder, holder_id, revision, number, pk in goals.values_list(
        "contract__holder__name", "contract__holder_id", "contract__revision", "number", "pk"
    ):
        if (holder_id, revision) in in_force:
            out[(holder, number)] = pk
    return out


def visible_overlaps(overlaps: list[dict], links: dict[tuple[str, int], int]) -> list[dict]:
    """Only the overlaps whose two goals the user may read (`links` from `goal_links`): another
    holder's goal the user may not see is not revealed by its likeness to the user's own."""
    return [o for o in overlaps if all((o[side]["holder"], o[side]["goal"]) in links for side in ("a", "b"))]
