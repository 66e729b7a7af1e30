"""Which other units a goal is explicitly shared with (a fælles mål), named as the document
names them. Cooperation partners (TRIO, LMU, ledergruppen, HR, a project with someone) are not
shared-goal holders: only the goal's own statements count — "fælles (mål) med X", "Målet er
fælles for X og Y", the holder "vil sammen med X" / "vil … samarbejde med X" in the goal's
introduction, a title "… mellem <holder> og X", and an intro list "På tværs af X har vi …"."""

from __future__ import annotations

import re

from ..danish import UPPER, normalise_space
from .draft import LayoutDraft
from .layouts.goal_lists import best_match
from .model import ParsedGoal

_WITH = re.compile(r"(?i)\bfælles(?:\s+(?:udviklings)?mål)?\s+med\s+(?:staben\s+|afdelingen\s+)?(?P<who>[^.\n]{2,120})")
_FOR = re.compile(r"(?i)\bfælles\s+for\s+(?P<who>[^.\n]{2,120})")
_DASH = re.compile(r"(?i)fælles mål\s*[-–:]\s*(?P<who>[^.\n]{2,60}?)(?:\s+med afsæt|\s*$|[.,])")
_TITLE_WITH = re.compile(r"(?i:\bfælles\b[^.\n]{0,60}?\bmed)\s+(?P<who>[A-ZÆØÅ][^.\n]{1,80})")
_BETWEEN = re.compile(r"(?i)\bmellem\s+(?P<who>.+)$")
_NAME = re.compile(rf"[{UPPER}][\wæøå\-/]*(?:,?\s+(?:og\s+)?[{UPPER}][\wæøå\-/]*)*")


def shared_partners(goal: ParsedGoal, holder: str, hints: list[str], draft: LayoutDraft) -> list[str]:
    found: list[str] = list(hints)
    statement = ". ".join(goal.sections.get(k, "") for k in ("udviklingsmaal", "baggrund_formaal"))
    statement = normalise_space(statement)
    for pattern in (_WITH, _FOR):
        for m in pattern.finditer(statement):
            found += _units(m["who"], holder)
    dash = _DASH.search(statement)
    if dash:
        found.append(dash["who"].strip())
    titled = _TITLE_WITH.search(goal.title)  # "Fælles digital post med Borgerservice"
    if titled:
        found += _units(titled["who"], holder)
    between = _BETWEEN.search(goal.title)
    if between and holder and holder.lower() in between["who"].lower():
        found += _units(between["who"], holder)
    if holder:  # prose after a political-basis list often goes on with the goal's own introduction
        found += _joint(holder, normalise_space(statement + ". " + goal.sections.get("politisk_afsaet", "")))
    listed = best_match(goal.title, list(draft.area_shared)) if draft.area_shared else None
    if listed and (listed in draft.area_across or not _unique(found, holder)):
        found.insert(0, _area_name(draft.area_shared[listed], goal, holder))
    return _unique(found, holder)


def _joint(holder: str, statement: str) -> list[str]:
    """The holder (or "vi") "vil (i 2025) i samarbejde med X (om …)" / "vil sammen med X", or
    "Målet løftes i samarbejde med X", in the goal's own introduction or statement: X shares the
    goal."""
    subject = rf"(?:{re.escape(holder)}|\b[Vv]i)"
    joint = rf"{subject}\s+vil\s+(?:i\s+\d{{4}}\s+)?(?:i\s+)?(?:samarbejde|sammen)\s+med\s+(?P<who>[^.,]+)"
    # The goal's own work done with a unit: "Målet løftes i samarbejde med Skoleafdelingen om …".
    work = (
        r"\b(?:[Uu]dviklings)?[Mm]ålet\s+(?:løftes|løses|gennemføres|udvikles|realiseres|nås|arbejdes\s+der\s+med)"
        r"\s+(?:i\s+\d{4}\s+)?(?:i\s+samarbejde|sammen)\s+med\s+(?P<who>[^.,]+)"
    )
    found: list[str] = []
    for pattern in (joint, work):
        for m in re.finditer(pattern, statement):
            found += _units(m["who"], holder)[:1]
    return found


def _area_name(area: str, goal: ParsedGoal, holder: str) -> str:
    """An area named as the goal's own text names it when its first sentence has the area as
    subject ("Handicapområdet vil i 2023 …" for a goal listed on "handicap og
    socialpsykiatriområdet"), else as the list names it."""
    intro = normalise_space(goal.sections.get("baggrund_formaal", ""))[:200]
    m = re.match(rf"(?P<who>[{UPPER}][\wæøå]+(?:\s+[\wæøå,]+){{0,3}}?)\s+vil\b", intro)
    if m and m["who"].lower() != holder.lower():
        roots = {w[:6] for w in re.findall(r"[\wæøå]{6,}", area.lower())}
        if any(w[:6] in roots for w in re.findall(r"[\wæøå]{6,}", m["who"].lower())):
            return m["who"]
    return area[:1].upper() + area[1:]


def _units(text: str, holder: str) -> list[str]:
    """Unit names in a phrase: the holder's own name removed, a leading lower-case word
    ("fagsekretariatet Børn og Unge") dropped, "A, B og C og D og E" split where a name ends."""
    text = re.split(r"\s*\(", text)[0]
    if holder:
        text = re.sub(re.escape(holder), "|", text, flags=re.I)
    names = []
    for part in re.split(r"\s*\|\s*|,\s+og\s+", text):
        part = part.strip()
        if re.fullmatch(r"[a-zæøå]+", part.split(" ")[0] if part else ""):
            single = re.match(r"^(?:og\s+)?([a-zæøå]+)\s*$", part)
            part = single.group(1).capitalize() if single else re.sub(r"^(?:og\s+)?[a-zæøå]+\s+", "", part)
        m = _NAME.match(part)
        if m:
            names += _split_names(m.group(0))
    return names


def _split_names(name: str) -> list[str]:
    """ "Plan, Teknik og Miljø og Anlæg og Ejendomme" → two names: a listed name ends at its
    first "og X" after the last comma."""
    if "," not in name:
        return [name.strip(" ,")]
    m = re.match(r"^(?P<first>[^,]+(?:,\s*[^,]+?)*?\s+og\s+\S+)\s+og\s+(?P<rest>.+)$", name)
    if m and "," in m["first"]:
        return [m["first"].strip(), *(_split_names(m["rest"]))]
    return [name.strip(" ,")]


def _unique(names: list[str], holder: str) -> list[str]:
    out: list[str] = []
    for name in names:
        name = name.strip(" ,.-–")
        if name and name.lower() != holder.lower() and name.lower() not in (n.lower() for n in out):
            out.append(name[0].upper() + name[1:] if name.islower() is False else name)
    return out
