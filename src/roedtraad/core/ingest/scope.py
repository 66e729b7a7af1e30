"""A goal's scope and duration as its text states them.

Multi-year: "flerårig(t)", "videreført fra 2022", "vil fortsat være et udviklingsmål". Scope:
shared when the goal names partners; cross-cutting when it is the whole organisation's or the
management group's ("fælles for koncernledelsen", "hele organisationen", "på tværs af hele …"),
which are not partner units; else local.
"""

from __future__ import annotations

import re

_MULTI_YEAR = re.compile(
    r"flerårig|videreført\s+fra\s+(?:20\d\d|sidste\s+år)|fortsat\s+(?:vil\s+)?være\s+et\s+udviklingsmål|"
    r"vil\s+fortsat\s+være\s+et\s+udviklingsmål",
    re.I,
)
# What only a cross-cutting goal says of itself, wherever it says it (the background too).
_CROSS_CUTTING = re.compile(
    r"fælles\s+for\s+(?:hele\s+)?(?:koncernledelsen|chefgruppen|direktionen|organisationen|kommunen|koncernen)|"
    r"(?:mål|udviklingsmål)\s+for\s+hele\s+organisationen|tværgående\s+udviklingsmål|"
    r"fælles\s+udviklingsmål\s+for\s+alle|alle\s+kontraktholdere|mål(?:et)?\s+gælder\s+hele\s+organisationen",
    re.I,
)
# Work across the organisation, which makes a goal cross-cutting only in its statement (a
# background may say "vi deler viden på tværs af hele organisationen" of a local goal).
_ACROSS = re.compile(
    r"på\s+tværs\s+af\s+(?:hele\s+(?:organisationen|kommunen|koncernen)|alle\s+(?:områder|fagområder|centre))|"
    r"gælder\s+hele\s+organisationen",
    re.I,
)
# Where a goal says what kind of goal it is: its title and its goal statement's opening.
_STATEMENTS = ("udviklingsmaal", "arbejde_hen_imod")
# Names of groups, not of units: a goal "fælles for koncernledelsen" has no partner unit.
_GROUP = re.compile(
    r"(?:hele\s+|alle\s+)?(?:koncernledelsen|chefgruppen|direktionen|ledergruppen|ledelsen|organisationen|"
    r"kommunen|koncernen|kontraktholdere|kontraktholderne)",
    re.I,
)


def is_group(name: str) -> bool:
    """A name that is a group or the whole organisation ("Koncernledelsen", "hele
    organisationen", "alle kontraktholdere"), never a partner unit."""
    words = " ".join(name.split())
    return bool(_GROUP.fullmatch(words)) or words.lower().startswith(("hele ", "alle "))


def is_multi_year(title: str, sections: dict[str, str]) -> bool:
    return bool(_MULTI_YEAR.search(" ".join([title, *sections.values()])))


def scope_of(title: str, sections: dict[str, str], partners: list[str]) -> str:
    """Shared with a partner unit; cross-cutting when shared only with a group or when the goal
    says it is the whole organisation's; else local."""
    if any(not is_group(name) for name in partners):
        return "shared"
    opening = " ".join(sections.get(key, "")[:400] for key in _STATEMENTS)
    background = sections.get("baggrund_formaal", "")[:400]
    if partners or _CROSS_CUTTING.search(f"{title} {opening} {background}") or _ACROSS.search(f"{title} {opening}"):
        return "cross_cutting"
    return "local"
