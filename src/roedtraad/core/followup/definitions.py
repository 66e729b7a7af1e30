"""What an indicator's figure means, so that "the same" figure of two units is compared only
when it is computed the same way.

Sick leave is the case in point: Statistics Denmark's absence percentage, days per full-time
employee and FLIS key figure 569 are all called "sygefravær" and cannot be compared or rolled up
together. The presets are the definitions municipalities actually use.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Definition:
    key: str
    label: str  # Danish, shown beside the figure
    unit: str
    formula: str  # Danish, how it is computed


PRESETS: dict[str, Definition] = {
    d.key: d
    for d in (
        Definition(
            "dst_absence_pct",
            "Fraværsprocent (Danmarks Statistik)",
            "%",
            "fraværsdagsværk ÷ mulige dagsværk × 100",
        ),
        Definition("days_per_fte", "Sygedage pr. fuldtidsansat", "dage", "sygefraværsdage ÷ antal fuldtidsansatte"),
        Definition(
            "flis_569",
            "FLIS nøgletal 569",
            "%",
            "(egen sygdom + arbejdsskade) ÷ aktive dage × 100",
        ),
    )
}


def label(key: str) -> str:
    preset = PRESETS.get(key)
    return preset.label if preset else ""


def definition_note(keys: list[str]) -> str:
    """A Danish note when figures put side by side are defined differently ("" when they agree).

    An indicator with no stated definition counts as its own kind: comparing it with a defined
    one is just as uncertain."""
    kinds = {key or "" for key in keys}
    if len(kinds) <= 1:
        return ""
    names = sorted(label(k) or "ikke angivet" for k in kinds)
    return "Tallene er ikke opgjort ens og kan ikke sammenlignes direkte: " + ", ".join(names) + "."
