"""Section spans shared by the layout readers: each heading's section runs to the next heading."""

from __future__ import annotations

from ..draft import SectionSpan
from ..headings import HeadingMatch
from ..lines import Line


def spans_under_headings(
    lines: list[Line], heads: dict[int, HeadingMatch], indexes: list[int], end: int
) -> list[SectionSpan]:
    """One span per heading line in `indexes`, from its own text (on the heading line or below) to
    the next heading, the last one to `end`."""
    spans = []
    for j, i in enumerate(indexes):
        ln, head = lines[i], heads[i]
        stop = lines[indexes[j + 1]].start if j + 1 < len(indexes) else end
        content = ln.start + head.content_offset if head.content_offset < len(ln.text) else ln.end
        spans.append(SectionSpan(head.key, ln.content_start, min(content, stop), stop))
    return spans
