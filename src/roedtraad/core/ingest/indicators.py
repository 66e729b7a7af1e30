from __future__ import annotations

from .model import ParsedGoal, ParsedIndicator


def extract_indicators(goal: ParsedGoal, holder: str, year: int | None) -> list[ParsedIndicator]:
    return []
