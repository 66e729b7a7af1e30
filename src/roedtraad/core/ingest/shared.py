from __future__ import annotations

from .draft import LayoutDraft
from .model import ParsedGoal


def shared_partners(goal: ParsedGoal, holder: str, hints: list[str], draft: LayoutDraft) -> list[str]:
    return list(hints)
