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
_CROSS_CUTTING = re.compile(
    r"fælles\s+for\s+(?:hele\s+)?(?:koncernledelsen|chefgruppen|direktionen)|"
    r"(?:mål|udviklingsmål)\s+for\s+hele\s+organisationen|tværgående\s+udviklingsmål|"
    r"fælles\s+udviklingsmål\s+for\s+alle|alle\s+kontraktholdere",
    re.I,
)
# Where a goal says what kind of goal it is: its title and its goal statement's opening.
_STATEMENTS = ("udviklingsmaal", "arbejde_hen_imod")


def is_multi_year(title: str, sections: dict[str, str]) -> bool:
    return bool(_MULTI_YEAR.search(" ".join([title, *sections.values()])))


def scope_of(title: str, sections: dict[str, str], partners: list[str]) -> str:
    if partners:
        return "shared"
    opening = " ".join(sections.get(key, "")[:400] for key in _STATEMENTS)
    if _CROSS_CUTTING.search(f"{title} {opening}"):
        return "cross_cutting"
    return "local"
