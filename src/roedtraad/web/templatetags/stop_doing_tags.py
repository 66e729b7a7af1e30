"""Template tags for the director's decisions on stop-doing proposals."""

from __future__ import annotations

from collections.abc import Iterable

from django import template

from roedtraad.contracts import stop_doing
from roedtraad.contracts.models import StopDoingItem

register = template.Library()


@register.simple_tag
def with_decisions(items: Iterable[StopDoingItem]) -> list[StopDoingItem]:
    """The items, each with its decision as `item.shown_decision` (a fixed number of queries)."""
    return stop_doing.with_decisions(items)
