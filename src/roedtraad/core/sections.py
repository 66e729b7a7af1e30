"""The canonical section keys of a goal, in template order, with their Danish headings.

Two goal layouts exist: the section layout (seven sections) and the work-plan layout
(three blocks, often with an introduction and a follow-up). Other keys are allowed for
sections a document has beyond these.
"""

from __future__ import annotations

SECTION_LAYOUT: dict[str, str] = {
    "baggrund_formaal": "Baggrund og formål",
    "politisk_afsaet": "Det politiske og strategiske afsæt",
    "udviklingsmaal": "Udviklingsmål",
    "virkning_borger": "Forventede virkninger for borgeren",
    "tidsperspektiv": "Tidsperspektiv",
    "aktiviteter": "Aktiviteter",
    "opfoelgning": "Opfølgning på udviklingsmålet og virkning",
}

WORKPLAN_LAYOUT: dict[str, str] = {
    "baggrund_formaal": "Baggrund og formål",
    "politisk_afsaet": "Arbejdet foregår på baggrund af",
    "arbejde_med": "Arbejde med",
    "arbejde_hen_imod": "Arbejde hen imod",
    "samarbejde_med": "Samarbejde med",
    "opfoelgning": "Opfølgning",
}

CANONICAL_KEYS: tuple[str, ...] = (
    "baggrund_formaal",
    "politisk_afsaet",
    "udviklingsmaal",
    "virkning_borger",
    "tidsperspektiv",
    "aktiviteter",
    "arbejde_med",
    "arbejde_hen_imod",
    "samarbejde_med",
    "opfoelgning",
)

HEADINGS: dict[str, str] = {**WORKPLAN_LAYOUT, **SECTION_LAYOUT}


def heading_for(key: str, layout: str = "") -> str:
    """The Danish heading of a section key in the goal's layout ("workplan" or the section
    layout), as the editor labels it; unknown keys are shown as written."""
    if layout == "workplan" and key in WORKPLAN_LAYOUT:
        return WORKPLAN_LAYOUT[key]
    return HEADINGS.get(key, key.replace("_", " ").capitalize())


def section_order(key: str) -> int:
    """Sort position of a key: canonical keys in template order, others after them."""
    try:
        return CANONICAL_KEYS.index(key)
    except ValueError:
        return len(CANONICAL_KEYS)
