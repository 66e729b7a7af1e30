"""The red thread a goal's text names: the council's policies ("Socialpolitikken",
"Personalepolitikken", "Handlingsplan for fastholdelse og rekruttering"), the DUS tracks ("DUS
spor 2", "Direktionens udviklingsspor nr. 1"), and budget changes ("forandring nr. 31", with
the budget it belongs to where the text says, "Budget 2023-2026"). Focus areas are matched by
their titles when the goal is saved, since only the year's framework knows them.
"""

from __future__ import annotations

import re

from roedtraad.core.danish import split_sentences

from .model import ParsedReference

_POLICY = re.compile(
    r"\b([A-ZÆØÅ][a-zæøå-]*politik(?:ken)?|Handlingsplan(?:en)?\s+for\s+[a-zæøå ]{3,60}?)(?=[\s,.;:)]|$)"
)
_TRACK = re.compile(r"\b(?:DUS[- ]spor|(?:direktionens\s+)?udviklingsspor|spor)\s+(?:nr\.\s*)?(\d{1,2})\b", re.I)
_CHANGE = re.compile(r"\bforandring(?:erne)?\s+(?:nr\.\s*)?(\d{1,3})\b", re.I)
_BUDGET = re.compile(r"\bBudget\s+(20\d\d\s*[-–]\s*20\d\d|20\d\d)", re.I)


def references_of(sections: dict[str, str]) -> list[ParsedReference]:
    found: dict[tuple[str, str], ParsedReference] = {}
    for text in sections.values():
        for sentence in split_sentences(" ".join(text.split())):
            budget = _BUDGET.search(sentence)
            for match in _POLICY.finditer(sentence):
                name = _policy_name(match.group(1))
                found.setdefault(("policy", name.casefold()), ParsedReference("policy", name, sentence[:500]))
            for match in _TRACK.finditer(sentence):
                found.setdefault(("track", match.group(1)), ParsedReference("track", match.group(1), sentence[:500]))
            for match in _CHANGE.finditer(sentence):
                name = match.group(1) + (f" ({' '.join(budget.group(0).split())})" if budget else "")
                found.setdefault(
                    ("budget_change", match.group(1)), ParsedReference("budget_change", name, sentence[:500])
                )
    return list(found.values())


def _policy_name(name: str) -> str:
    """ "Socialpolitikken" → "Socialpolitik"; a plan keeps its words."""
    name = " ".join(name.split())
    return re.sub(r"politikken$", "politik", name)
