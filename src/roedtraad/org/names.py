"""The one lookup of an org unit by a name as people write it: its name, short name or an alias,
compared without case, punctuation or extra spaces (`core.danish.normalise_name`).

The importer (holders, partners, the units a target names), the import preview, and the checks
(a shared goal's partners) all resolve names here, so a name the checker knows is the unit the
importer writes to, never a duplicate. A contract holder wins over another unit of the same name,
and a unit's own name over another unit's alias.
"""

from __future__ import annotations

from roedtraad.core.danish import normalise_name
from roedtraad.org.models import OrgUnit, OrgUnitKind


class UnitNames:
    """All units by every name they go by, loaded in two queries."""

    def __init__(self) -> None:
        units = list(OrgUnit.objects.prefetch_related("aliases"))
        self.units = units
        self.by_name: dict[str, OrgUnit] = {}
        # later assignments win: other units first, then holders; names before aliases
        for unit in sorted(units, key=lambda u: u.kind == OrgUnitKind.HOLDER):
            self.by_name[normalise_name(unit.name)] = unit
        for unit in units:
            for other in [unit.short_name, *(a.alias for a in unit.aliases.all())]:
                if other:
                    self.by_name.setdefault(normalise_name(other), unit)

    def find(self, name: str | None) -> OrgUnit | None:
        key = normalise_name(name or "")
        return self.by_name.get(key) if key else None

    def names_by_unit(self) -> dict[str, list[str]]:
        """Each unit's name with the other names it goes by (the checker's data)."""
        return {
            unit.name: [a.alias for a in unit.aliases.all()] + ([unit.short_name] if unit.short_name else [])
            for unit in self.units
        }


def unit_named(name: str | None) -> OrgUnit | None:
    """The unit a text names, if Rødtråd knows it."""
    return UnitNames().find(name)
