"""The shared-goal network of a year as data and as an inline SVG drawing.

Holders are placed around a circle, grouped by area; an edge goes from a goal's holder to
each partner, coloured and dashed by the partner's status.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

SIZE = 620
CENTRE = SIZE / 2
RADIUS = 250
STYLES = {  # status → (colour, dash pattern)
    "reciprocated": ("#358000", ""),
    "one_sided": ("#b35c00", "8 5"),
    "no_contract": ("#0059b3", "2 4"),
    "unknown_partner": ("#b51a1a", "2 4"),
}


@dataclass
class Edge:
    holder: str
    partner: str
    goal: int
    title: str
    status: str
    status_label: str = ""
    badge: str = ""
    goal_url: str = ""


def _positions(nodes: list[tuple[str, str]]) -> dict[str, tuple[float, float]]:
    """Node name → (x, y) around the circle, in the given (area, name) order."""
    out = {}
    count = max(len(nodes), 1)
    for n, (_area, name) in enumerate(nodes):
        angle = 2 * math.pi * n / count - math.pi / 2
        out[name] = (CENTRE + RADIUS * math.cos(angle), CENTRE + RADIUS * math.sin(angle))
    return out


def _label(name: str, x: float, y: float) -> str:
    anchor = "start" if x > CENTRE + 1 else "end" if x < CENTRE - 1 else "middle"
    dx = 10 if anchor == "start" else -10 if anchor == "end" else 0
    dy = -10 if y < CENTRE - RADIUS + 5 else 18 if y > CENTRE + RADIUS - 5 else 4
    short = name if len(name) <= 28 else name[:26] + "…"
    return (
        f'<text x="{x + dx:.1f}" y="{y + dy:.1f}" text-anchor="{anchor}">'
        f"<title>{escape(name)}</title>{escape(short)}</text>"
    )


def svg(nodes: list[tuple[str, str]], edges: list[Edge], title: str) -> SafeString:
    """The drawing; `nodes` are (area, name) pairs, sorted by the caller."""
    pos = _positions(nodes)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="-170 0 {SIZE + 340} {SIZE}" role="img" '
        f'aria-labelledby="network-title" class="network-svg"><title id="network-title">{escape(title)}</title>'
    ]
    for edge in edges:
        if edge.holder not in pos or edge.partner not in pos:
            continue
        (x1, y1), (x2, y2) = pos[edge.holder], pos[edge.partner]
        colour, dash = STYLES.get(edge.status, ("#747474", ""))
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        # a slight curve towards the centre so that the two directions of a pair both show
        mx, my = (x1 + x2) / 2 * 0.85 + CENTRE * 0.15, (y1 + y2) / 2 * 0.85 + CENTRE * 0.15
        parts.append(
            f'<path d="M{x1:.1f},{y1:.1f} Q{mx:.1f},{my:.1f} {x2:.1f},{y2:.1f}" fill="none" stroke="{colour}" '
            f'stroke-width="2.5"{dash_attr} marker-end="url(#arrow-{edge.status})">'
            f"<title>{escape(edge.holder)} → {escape(edge.partner)}: {escape(edge.status_label)}</title></path>"
        )
    parts.append(_markers())
    for _area, name in nodes:
        x, y = pos[name]
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="7" class="network-node"></circle>')
        parts.append(_label(name, x, y))
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text is escaped above


def _markers() -> str:
    out = ["<defs>"]
    for status, (colour, _dash) in STYLES.items():
        out.append(
            f'<marker id="arrow-{status}" viewBox="0 0 10 10" refX="17" refY="5" markerWidth="7" '
            f'markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="{colour}"/></marker>'
        )
    return "".join(out) + "</defs>"
