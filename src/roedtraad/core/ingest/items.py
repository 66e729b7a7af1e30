"""The items of a list section as the author wrote them: a bullet ("•", "o", "-", "–", "*",
"▪") or a number ("1.", "2)") starts an item, and the lines after it belong to it until the next
one (a PDF or Word table wraps an item's text over several lines). A section without bullets is
one item per paragraph. A lead-in line ending in ":" ("Lokalt i … vil vi:") is not an item.
"""

from __future__ import annotations

import re

BULLET = re.compile(r"^\s*(?:[•●▪◦■□➢►✓*\-–]|o(?=\s)|\d{1,2}[.)](?=\s))\s*")


def list_items(text: str) -> list[str]:
    lines = [line.rstrip() for line in (text or "").splitlines()]
    if not any(BULLET.match(line) and line.strip() for line in lines):
        return _paragraphs(lines)
    items: list[list[str]] = []
    for line in lines:
        if not line.strip():
            continue
        if BULLET.match(line):
            items.append([BULLET.sub("", line, count=1).strip()])
        elif items:
            items[-1].append(line.strip())
    return [text for text in (" ".join(" ".join(item).split()) for item in items) if text]


def _paragraphs(lines: list[str]) -> list[str]:
    paragraphs, current = [], []
    for line in [*lines, ""]:
        if line.strip():
            current.append(line.strip())
        elif current:
            paragraphs.append(" ".join(" ".join(current).split()))
            current = []
    return [p for p in paragraphs if not p.endswith(":")]
