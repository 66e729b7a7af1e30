"""Template tags for the rows of a contract shown on its page."""

from __future__ import annotations

from django import template
from django.db.models import QuerySet

from roedtraad.contracts import rows
from roedtraad.contracts.models import Contract, StopDoingItem

register = template.Library()


@register.simple_tag
def stop_doing_items(contract: Contract) -> QuerySet[StopDoingItem]:
    """The contract's stop-doing items with their linked goals prefetched (no query per item)."""
    return rows.stop_doing_items(contract)
