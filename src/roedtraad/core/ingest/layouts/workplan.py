from __future__ import annotations

from ..draft import LayoutDraft


def read_workplan(text: str) -> LayoutDraft:
    return LayoutDraft(layout="workplan", intro_spans=[(0, len(text))])
