from __future__ import annotations

from ..draft import LayoutDraft


def read_form(text: str) -> LayoutDraft:
    return LayoutDraft(layout="form", intro_spans=[(0, len(text))])
