"""Which layout a document has, from cues that each layout cannot do without."""

from __future__ import annotations

import re

from ..sections import SECTION_LAYOUT
from .headings import match_heading
from .layouts.framework import REQUIREMENTS as _REQUIREMENTS

_FIELD = re.compile(r"(?m)^\t[^\t:\n]{1,120}:[ \t]?")
_OWN_TITLE = re.compile(r"(?im)^[ \t]*udviklings(?:kontrakt|aftale)(?:en)?[ \t]+(?:for[ \t]+)?\d{4}")
_WORKPLAN = re.compile(
    r"(?im)^[ \t]*(?:[•o\-\*][ \t]+)?(?:arbejde(?: hen imod)? med|arbejde hen imod|samarbejde med)[^\n]{0,30}:[ \t]*$"
)
_SECTION_KEYS = set(SECTION_LAYOUT) - {"udviklingsmaal"}


def detect_layout(text: str) -> str:
    """ "form" | "framework" | "sections" | "workplan" | "unknown"."""
    if len(_FIELD.findall(text)) >= 5:
        return "form"
    if _REQUIREMENTS.search(text) and not _OWN_TITLE.search(text[:3000]):
        return "framework"
    section_heads = sum(1 for line in text.split("\n") if _is_section_head(line))
    workplan_heads = len(_WORKPLAN.findall(text))
    if section_heads >= 3 and section_heads >= workplan_heads:
        return "sections"
    if workplan_heads >= 2:
        return "workplan"
    if section_heads >= 2:
        return "sections"
    return "unknown"


def _is_section_head(line: str) -> bool:
    if len(line) > 120:
        return False
    head = match_heading(line, _SECTION_KEYS)
    return head is not None and head.key != "baggrund_formaal" or bool(head and re.match(r"(?i)\s*baggrund", line))
