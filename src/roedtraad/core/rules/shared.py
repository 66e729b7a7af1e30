"""Shared goals (fælles mål): who a goal is shared with, and whether the partner agrees.

The framework asks that a shared goal is written into every involved party's contract.
For each shared goal we find its partners and give each a status:

``reciprocated``   the partner's contract has a goal that names us and is about the same;
``one_sided``      the partner's contract exists, but no such goal;
``no_contract``    the partner is a known unit without a contract among those checked;
``unknown_partner`` the name is not a known org unit (nor one of its aliases).

Partners come from the importer's / the database's `shared_with` when present. Otherwise
they are recognised in the text: "fælles mål med X", "Målet er fælles for X og Y" name
partners outright; "sammen med X", "i samarbejde med X" and the *Samarbejde med* block
count only when X is a known org unit (they also name forums and external parties).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import cast

import numpy as np

from roedtraad.core.rules.evaluate import ContractInput, GoalInput
from roedtraad.core.rules.text import sentences

RECIPROCATED, ONE_SIDED, NO_CONTRACT, UNKNOWN = "reciprocated", "one_sided", "no_contract", "unknown_partner"
MIN_SIMILARITY = 0.1  # a partner goal naming us must be at least this similar to count

_STRONG = re.compile(r"\bfælles\s+(?:udviklings)?mål\s+(?:med|for)\s+|\bfælles\s+(?:med|for)\s+(?=\S)", re.IGNORECASE)
_NAME = re.compile(
    r"^(?:\s*[a-zæøå]+){0,2}?\s*(?P<name>[A-ZÆØÅ][\w\-/]*(?:(?:\s*,\s*og\s+|\s*,\s*|\s+og\s+|\s+)[A-ZÆØÅ][\w\-/]*)*)"
)
_ACRONYM_MAX = 4


# Where a unit's name counts in a text. A name counts where it stands as a word of its own, also
# in the genitive ("HR's", "HR’s", "HRs", "Sølunds"). It does not count inside a compound word: Danish
# joins an abbreviation or a name to the next word with a hyphen ("HR-konsulenten", "HR-afdelingens",
# "MED-udvalget", "SF-bussen") and leaves the hyphen hanging when two compounds share their last part
# ("HR- og lønkonsulenterne"); such a word names a role, a body or a thing, not the unit, so a name
# directly followed by a hyphen is not a match. The same holds for a name glued by a hyphen to the
# word before it ("Løn-HR"). A hyphen or dash with a space before it ("HR - gruppen", "HR – og Løn")
# is punctuation, and "HR og Løn", "HR/Løn", "(HR)" name the unit. Hyphens: "-", U+2010 and U+2011.
_HYPHENS = "\\-\u2010\u2011"  # inside a character class
_NAME_START = rf"(?<![\wæøå])(?<![\wæøå][{_HYPHENS}])"
_NAME_END = rf"(?:s|['’]s)?(?![\wæøå{_HYPHENS}])"


def name_pattern(body: str) -> str:
    """A regular expression for a unit's name (`body`, already escaped) standing as a word of its own."""
    return _NAME_START + body + _NAME_END


def normalise(name: str) -> str:
    """Lower case, '&' as 'og', punctuation as space, whitespace collapsed."""
    name = name.lower().replace("&", " og ")
    return " ".join(re.sub(r"[^\wæøå]+", " ", name).split())


def _acronym(name: str) -> str:
    caps = [w[0] for w in re.findall(r"[\wæøå]+", name) if w[0].isupper()]
    return "".join(caps) if len(caps) >= 2 else ""


class UnitIndex:
    """Known org units and their names: canonical name → aliases. Acronyms of the
    capitalised words ("SOH") and the last word of a two-word name ("Fællesskaberne") are
    added as aliases when no other unit claims them."""

    def __init__(self, units_with_aliases: Mapping[str, Iterable[str]]):
        self.by_name: dict[str, str] = {}
        self.acronyms: dict[str, str] = {}
        self._patterns: list[tuple[re.Pattern, str, bool]] | None = None
        implied: dict[str, set[str]] = {}
        for unit, aliases in units_with_aliases.items():
            for alias in [unit, *aliases]:
                if len(alias) <= _ACRONYM_MAX and alias.isupper():
                    self.acronyms[alias] = unit
                else:
                    self.by_name[normalise(alias)] = unit
            parts = unit.split()
            for extra in [_acronym(unit)] + ([parts[-1]] if len(parts) == 2 and len(parts[-1]) >= 5 else []):
                if extra:
                    implied.setdefault(extra, set()).add(unit)
        for extra, owners in implied.items():
            if len(owners) == 1:
                target = self.acronyms if extra.isupper() else self.by_name
                target.setdefault(extra if extra.isupper() else normalise(extra), next(iter(owners)))

    def resolve(self, name: str) -> str | None:
        """The canonical unit a name refers to, or None."""
        name = name.strip(" .,:;")
        if name in self.acronyms:
            return self.acronyms[name]
        key = normalise(name)
        if key in self.by_name:
            return self.by_name[key]
        for prefix in ("fagsekretariatet ", "sekretariatet ", "staben ", "området ", "afdelingen "):
            if key.startswith(prefix) and key[len(prefix) :] in self.by_name:
                return self.by_name[key[len(prefix) :]]
        best, unit = 0.0, None
        for known, owner in self.by_name.items():
            if abs(len(known) - len(key)) > 3:
                continue
            matcher = SequenceMatcher(None, key, known)
            if matcher.quick_ratio() >= 0.9 and (ratio := matcher.ratio()) > best:
                best, unit = ratio, owner
        return unit if best >= 0.9 else None

    def find_in(self, text: str) -> list[tuple[int, int, str]]:
        """Spans (start, end, unit) of known names in a text, longest names first."""
        if self._patterns is None:
            self._patterns = self._compile()
        found: list[tuple[int, int, str]] = []
        lowered = text.lower()
        for pattern, unit, exact_case in self._patterns:
            for m in pattern.finditer(text if exact_case else lowered):
                if not any(s < m.end() and m.start() < e for s, e, _ in found):
                    found.append((m.start(), m.end(), unit))
        return sorted(found)

    def _compile(self) -> list[tuple[re.Pattern, str, bool]]:
        out = [(re.compile(name_pattern(re.escape(a))), unit, True) for a, unit in self.acronyms.items()]
        for name in sorted(self.by_name, key=len, reverse=True):
            body = r"[^\wæøå]+".join(map(re.escape, name.split()))
            out.append((re.compile(name_pattern(body)), self.by_name[name], False))
        return out


def resolve(name: str, units_with_aliases: Mapping[str, Iterable[str]] | UnitIndex) -> str | None:
    """The known org unit a written name refers to ("SF" → "Skanderborg Fællesskaberne")."""
    index = units_with_aliases if isinstance(units_with_aliases, UnitIndex) else UnitIndex(units_with_aliases)
    return index.resolve(name)


_WEAK = re.compile(r"\b(?:sammen\s+med|samarbejde\s+(?:med|mellem)|på\s+tværs\s+af|mellem)\s+", re.IGNORECASE)
_CUT = re.compile(r"[.;:(]|\s(?:om|hvor|som|for at|med henblik)\s")


@dataclass
class PartnerStatus:
    name: str  # as written
    unit: str | None  # the known unit it resolves to
    status: str
    partner_goal: int | None = None
    partner_title: str = ""
    score: float = 0.0
    partner_holder: str = ""  # the partner's contract holder as written there


@dataclass
class SharedGoal:
    holder: str
    goal: int
    title: str
    partners: list[PartnerStatus] = field(default_factory=list)


def _rest(sentence: str, end: int) -> str:
    rest = sentence[end:]
    cut = _CUT.search(rest)
    return rest[: cut.start()] if cut else rest


def _without(text: str, holder: str | None) -> str:
    """The text with the holder's own name replaced by a stop mark."""
    if not holder:
        return text
    pattern = r"[^\wæøå]+".join(map(re.escape, normalise(holder).split()))
    return re.sub(pattern, " | ", text, flags=re.IGNORECASE)


def _names_after(rest: str, holder: str | None) -> list[str]:
    match = _NAME.match(_without(rest, holder).lstrip(" |").removeprefix("og ").lstrip(" |"))
    if match is None:
        return []
    return [n.strip(" ,") for n in re.split(r"\s*,\s*og\s+", match.group("name")) if n.strip(" ,")]


def _from_sentence(sentence: str, index: UnitIndex | None, holder: str | None, title: bool = False) -> list[str]:
    found: list[str] = []
    for m in _STRONG.finditer(sentence):
        rest = _rest(sentence, m.end())
        known = [u for _, _, u in index.find_in(rest) if u != holder] if index else []
        found += known or _names_after(rest, holder)
    for m in _WEAK.finditer(sentence):
        rest = _rest(sentence, m.end())
        known = [u for _, _, u in index.find_in(rest) if u != holder] if index else []
        # A title "… mellem <us> og <them>" names the partner even when it is not known.
        if not known and title and holder and normalise(holder) in normalise(rest):
            known = _names_after(rest, holder)
        found += known
    return [f for f in found if f != holder]


def detect_partners(goal: GoalInput, index: UnitIndex | None = None, holder: str | None = None) -> list[str]:
    """The partners of a goal: its `shared_with` when given, else those named in its text.
    Names found through `index` are given as the canonical unit name."""
    if goal.shared_with:
        return list(goal.shared_with)
    found: list[str] = []
    for key, text in [("titel", goal.title), *goal.sections.items()]:
        if key == "samarbejde_med" and index:
            found += [u for _, _, u in index.find_in(text) if u != holder]
            continue
        for sentence in sentences(text):
            found += _from_sentence(sentence, index, holder, title=key == "titel")
    return list(dict.fromkeys(found))


def _similarity(contracts: Sequence[ContractInput]):
    from roedtraad.core.rules.space import goal_space

    found = goal_space(contracts)
    if not found.refs:
        return lambda a, b: 0.0
    matrix = found.matrix
    row = {(r.holder, r.goal): n for n, r in enumerate(found.refs)}

    def similarity(a: tuple[str, int], b: tuple[str, int]) -> float:
        if a not in row or b not in row:
            return 0.0
        return float(np.round(matrix[row[a]].multiply(matrix[row[b]]).sum(), 4))

    return similarity


def _partner_status(
    holder: str,
    goal: GoalInput,
    name: str,
    unit: str | None,
    partner: ContractInput | None,
    named_us: dict[int, bool],
    similarity,
) -> PartnerStatus:
    if unit is None:
        return PartnerStatus(name, None, UNKNOWN)
    if partner is None:
        return PartnerStatus(name, unit, NO_CONTRACT)
    scored = sorted(
        ((similarity((holder, goal.number), (partner.holder, g.number)), g) for g in partner.goals),
        key=lambda x: -x[0],
    )
    for score, other in scored:
        if named_us.get(other.number) and score >= MIN_SIMILARITY:
            return PartnerStatus(name, unit, RECIPROCATED, other.number, other.title, score, partner.holder)
    if scored and scored[0][0] >= 3 * MIN_SIMILARITY:  # the likely counterpart, for a person to look at
        score, other = scored[0]
        return PartnerStatus(name, unit, ONE_SIDED, other.number, other.title, score, partner.holder)
    return PartnerStatus(name, unit, ONE_SIDED)


def _names(named: list[tuple[str, str | None]], unit: str) -> bool:
    return any(u == unit for _, u in named)


def check_shared(
    contracts: Sequence[ContractInput], units_with_aliases: Mapping[str, Iterable[str]]
) -> list[SharedGoal]:
    """Every shared goal of the contracts, with each partner's status."""
    units = {k: list(v) for k, v in units_with_aliases.items()}
    for contract in contracts:
        if UnitIndex(units).resolve(contract.holder) is None:
            units[contract.holder] = []
    index = UnitIndex(units)
    canonical = {c.holder: index.resolve(c.holder) or c.holder for c in contracts}
    by_unit = {canonical[c.holder]: c for c in contracts}
    partners: dict[tuple[str, int], list[tuple[str, str | None]]] = {}
    for contract in contracts:
        me = canonical[contract.holder]
        for goal in contract.goals:
            names = detect_partners(goal, index, me)
            pairs = [(n, index.resolve(n)) for n in names]
            partners[(me, goal.number)] = [(n, u) for n, u in pairs if u != me]
    similarity = _similarity(contracts)
    out = []
    for contract in contracts:
        me = canonical[contract.holder]
        for goal in contract.goals:
            named = partners[(me, goal.number)]
            if not named:
                continue
            shared = SharedGoal(contract.holder, goal.number, goal.title)
            for name, unit in named:
                other = by_unit.get(unit) if unit else None
                named_us = (
                    {g.number: any(u == me for _, u in partners[(cast(str, unit), g.number)]) for g in other.goals}
                    if other
                    else {}
                )
                shared.partners.append(_partner_status(contract.holder, goal, name, unit, other, named_us, similarity))
            out.append(shared)
    return out


def linked_pairs(shared: Iterable[SharedGoal]) -> set[frozenset[tuple[str, int]]]:
    """Goal pairs that are reciprocated shared goals, for `overlap.find_overlaps(linked=…)`."""
    out = set()
    for item in shared:
        for p in item.partners:
            if p.status == RECIPROCATED and p.partner_goal is not None:
                out.add(frozenset({(item.holder, item.goal), (p.partner_holder, p.partner_goal)}))
    return out
