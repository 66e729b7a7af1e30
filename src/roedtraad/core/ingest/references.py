"""The red thread a goal's text names: the council's policies ("Socialpolitikken",
"Personalepolitikken", "Handlingsplan for fastholdelse og rekruttering"), the DUS tracks ("DUS
spor 2", "Direktionens udviklingsspor nr. 1"), and budget changes ("forandring nr. 31", with
the budget it belongs to where the text says, "Budget 2023-2026") and a budget's own tracks
("Spor 7 i Budget 2023 – 2026" → "spor 7 (Budget 2023 – 2026)", not a DUS track). Focus areas are matched by
their titles when the goal is saved, since only the year's framework knows them.
"""

from __future__ import annotations

import re

from roedtraad.core.danish import split_sentences

from .model import ParsedReference

_POLICY = re.compile(
    r"\b([A-ZÆØÅ][a-zæøå]*-\s+og\s+[a-zæøå-]*politik(?:ken)?|[A-ZÆØÅ][a-zæøå-]*politik(?:ken)?|Handlingsplan(?:en)?\s+for\s+[a-zæøå-]{3,}(?:\s+[a-zæøå-]+){0,7})"
    r"(?=[\s,.;:)]|$)"
)
# Where a plan's name ends: a word that starts the sentence's next part, or another policy after "og".
_PLAN_END = re.compile(
    r"\s+(?:vedtaget|der|som|fra|med|til|af|er|blev|hvor|i|på|samt|fordi|ved|vedr\.?|vedrørende|"
    r"og\s+(?=[a-zæøå-]*(?:politik|plan|strategi)))\b.*$"
)
_TRACK = re.compile(r"\b(?:DUS[- ]spor|(?:direktionens\s+)?udviklingsspor|spor)\s+(?:nr\.\s*)?(\d{1,2})\b", re.I)
# A budget's own track: "Spor 7 i Budget 2023 – 2026", "Spor 7 og forandring 1, Budget 2022 – 2025".
_BUDGET_TRACK = re.compile(
    r"\bspor\s+(?:nr\.\s*)?(\d{1,2})\b(?=(?:\s+(?:i|fra)|\s+og\s+forandring(?:erne)?\s+(?:nr\.\s*)?\d{1,3},?)"
    r"\s+Budget\s+20\d\d)",
    re.I,
)
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
            budget_tracks = {m.start(): m.group(1) for m in _BUDGET_TRACK.finditer(sentence)}
            for match in _TRACK.finditer(sentence):
                if match.start() in budget_tracks:
                    continue
                found.setdefault(("track", match.group(1)), ParsedReference("track", match.group(1), sentence[:500]))
            for number in budget_tracks.values():
                name = f"spor {number}" + (f" ({' '.join(budget.group(0).split())})" if budget else "")
                found.setdefault(("budget_track", number), ParsedReference("budget_change", name, sentence[:500]))
            for match in _CHANGE.finditer(sentence):
                name = match.group(1) + (f" ({' '.join(budget.group(0).split())})" if budget else "")
                found.setdefault(
                    ("budget_change", match.group(1)), ParsedReference("budget_change", name, sentence[:500])
                )
    return list(found.values())


def _policy_name(name: str) -> str:
    """ "Socialpolitikken" → "Socialpolitik"; a plan keeps its words, up to where the sentence
    goes on ("Handlingsplan for fastholdelse og rekruttering vedtaget af Byrådet")."""
    name = " ".join(name.split())
    if name.lower().startswith("handlingsplan"):
        head, rest = name.split(" for ", 1)
        rest = re.sub(r"(?:\s+og)+$", "", _PLAN_END.sub("", rest))
        return f"{head} for {rest}"
    return re.sub(r"politikken$", "politik", name)
