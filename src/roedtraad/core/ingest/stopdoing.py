from __future__ import annotations

from .model import ParsedGoal


def stop_doing_in_goals(goals: list[ParsedGoal]) -> list[str]:
    return []
