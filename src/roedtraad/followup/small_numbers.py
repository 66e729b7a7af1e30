"""Figures of small units are personal data: which indicators' figures a user may not see.

A unit's size is the headcount of its latest measurement (from the export), else the unit's own
`headcount`. Figures of a unit under `ROEDTRAAD_SMALL_NUMBER_MIN` employees (default 5) are
shown to the director and the unit's own leaders only (`rights.sees_small_numbers`). For
everybody else `core.followup.suppression` hides them together with the neighbouring figures
that would give them away by subtraction, over the family of indicators of the same measure
(key), the figures that are put side by side (all years together: a unit's place in the tree
does not change with the year, and hiding for more figures than needed is safe). A unit whose size is not
known is taken to be large: Rødtråd cannot judge it, and the unit's headcount says how to fix that.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from django.conf import settings

from roedtraad import rights
from roedtraad.core.followup.suppression import suppress
from roedtraad.followup.models import Indicator, Measurement
from roedtraad.org.models import OrgUnit

# The size given to a unit whose headcount is not known (see the module docstring).
UNKNOWN_SIZE = 10**6


def min_count() -> int:
    return int(getattr(settings, "ROEDTRAAD_SMALL_NUMBER_MIN", 5))


def hidden_indicators(user, indicators: Iterable[Indicator]) -> set[int]:
    """The ids of those of `indicators` whose figures are hidden from the user."""
    wanted = [indicator.pk for indicator in indicators]
    if not wanted or rights.rights_for(user).director:
        return set()
    families: dict[str, set[int]] = defaultdict(set)
    units: dict[int, int] = {}
    for pk, key, unit in Indicator.objects.filter(pk__in=wanted).values_list("pk", "key", "org_unit_id"):
        families[key].add(pk)
        units[pk] = unit
    if all(rights.sees_small_numbers(user, unit) for unit in units.values()):
        return set()  # the user's own units: nothing of them is hidden from their leader
    parents: dict[int, int | None] = dict(OrgUnit.objects.values_list("id", "parent_id"))
    hidden: set[int] = set()
    for measure, members in families.items():
        family = list(Indicator.objects.filter(key=measure).select_related("org_unit"))
        hidden_units = _hidden_units(user, family, parents)
        hidden |= {pk for pk in members if units[pk] in hidden_units}
    return hidden


def _hidden_units(user, family: list[Indicator], parents: dict[int, int | None]) -> set[int]:
    sizes = unit_sizes(family)
    units = set(sizes)
    tree = {str(u): _nearest(parents.get(u), units, parents) for u in units}
    counts = {str(u): size for u, size in sizes.items()}
    known = {str(u) for u in units if rights.sees_small_numbers(user, u)}
    return {int(u) for u in suppress(tree, counts, min_count(), known=known)}


def _nearest(unit: int | None, units: set[int], parents: dict[int, int | None]) -> str | None:
    """The nearest ancestor that is in the family (the figure the unit's figure is part of)."""
    seen = set()
    while unit is not None and unit not in seen:
        if unit in units:
            return str(unit)
        seen.add(unit)
        unit = parents.get(unit)
    return None


def unit_sizes(indicators: list[Indicator]) -> dict[int, int]:
    """Each measured unit's size: its latest measured headcount, else its own, else unknown."""
    latest: dict[int, int] = {}
    rows = (
        Measurement.objects.filter(indicator__in=indicators, headcount__isnull=False)
        .order_by("indicator__org_unit_id", "period")
        .values_list("indicator__org_unit_id", "headcount")
    )
    for unit_id, headcount in rows:
        latest[unit_id] = int(headcount or 0)
    sizes = {}
    for indicator in indicators:
        org_unit = indicator.org_unit
        own = org_unit.headcount if org_unit.headcount is not None else UNKNOWN_SIZE
        sizes[org_unit.pk] = latest.get(org_unit.pk, own)
    return sizes


def without_hidden_statuses(user, entries: Iterable) -> None:
    """Drop from each follow-up entry's kept indicator statuses (`indicator_status`, written when
    the entry was) those of indicators whose figures are hidden from the user: a small unit's
    status says as much as its figure. Changes the entries in memory only."""
    entries = list(entries)
    ids = {item.get("id") for entry in entries for item in entry.indicator_status or []}
    hidden = hidden_indicators(user, Indicator.objects.filter(pk__in=[i for i in ids if isinstance(i, int)]))
    if hidden:
        for entry in entries:
            entry.indicator_status = [i for i in entry.indicator_status or [] if i.get("id") not in hidden]
