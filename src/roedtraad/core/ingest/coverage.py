"""Nothing lost: which characters of the artefact-free text a parse has placed, and which not.

Coverage counts non-whitespace characters only, so layout whitespace neither helps nor hurts:
coverage = placed non-whitespace characters / all non-whitespace characters.
"""

from __future__ import annotations

from .draft import Span
from .model import Fragment


def merge_spans(spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    for start, end in sorted(s for s in spans if s[0] < s[1]):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return out


def subtract(spans: list[Span], holes: list[Span]) -> list[Span]:
    """`spans` without the characters in `holes` (both merged first)."""
    out: list[Span] = []
    holes = merge_spans(holes)
    for start, end in merge_spans(spans):
        pos = start
        for h_start, h_end in holes:
            if h_end <= pos or h_start >= end:
                continue
            if h_start > pos:
                out.append((pos, h_start))
            pos = max(pos, h_end)
        if pos < end:
            out.append((pos, end))
    return out


def non_ws(text: str) -> int:
    """The number of non-whitespace characters (`str.split` and `\\s` agree on whitespace)."""
    return len("".join(text.split()))


def account(text: str, assigned: list[Span], excluded: list[Span]) -> tuple[float, list[Fragment]]:
    """(coverage, unassigned fragments) for `text` given the placed spans."""
    placed = subtract(assigned, excluded)
    placed_count = sum(non_ws(text[a:b]) for a, b in placed)
    total = non_ws(text)
    fragments = []
    for a, b in subtract([(0, len(text))], placed):
        piece = text[a:b]
        if not piece.strip():
            continue
        lead = len(piece) - len(piece.lstrip())
        trail = len(piece) - len(piece.rstrip())
        fragments.append(Fragment(text=piece.strip(), start=a + lead, end=b - trail))
    coverage = placed_count / total if total else 1.0
    return coverage, fragments
