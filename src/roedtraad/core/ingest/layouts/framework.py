from __future__ import annotations

from ..draft import LayoutDraft


def read_framework(text: str) -> LayoutDraft:
    return LayoutDraft(layout="framework", intro_spans=[(0, len(text))])
