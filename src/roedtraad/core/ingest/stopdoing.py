"""Proposals to stop doing something, when a document has no stop-doing list of its own:
sentences in the goals that say what to stop ("holde op med at …", "ophøre med", "ikke
længere"), leaving out the principle quoted from the framework ("Det, der ikke virker, skal
vi holde op med") and the framework's requirement repeated in an introduction."""

from __future__ import annotations

import re

from .indicators import statements
from .model import ParsedGoal

_STOP = re.compile(r"(?i)\bholde op med at\b|\bophøre med\b|\bikke længere\b|\bi stedet for at\b")
_PRINCIPLE = re.compile(r"(?i)det,? der ikke virker|forslag til noget vi skal holde op med")


def stop_doing_in_goals(goals: list[ParsedGoal]) -> list[str]:
    items: list[str] = []
    for goal in goals:
        for text in goal.sections.values():
            if not _STOP.search(text):
                continue
            for sentence in statements(text):
                if _STOP.search(sentence) and not _PRINCIPLE.search(sentence) and sentence not in items:
                    items.append(sentence)
    return items
