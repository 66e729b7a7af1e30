"""An indicator followed on into next year's goal: a successor of the same unit and measure from
the new year's first day, with the last value measured before it as its baseline and the
targets that reach into the new year; the old indicator and its series stay as they were, and
the successor's forecast reads the old series before its own (`indicator_status.series`)."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from roedtraad.contracts.models import Goal
from roedtraad.contracts.workflow import record
from roedtraad.followup.models import Indicator, Target


def follow_on(indicator: Indicator, goal: Goal, first_day: dt.date, user=None) -> Indicator:
    last = indicator.measurements.filter(period__lt=first_day).order_by("-period").first()
    successor = Indicator(
        key=indicator.key,
        name=indicator.name,
        unit=indicator.unit,
        direction=indicator.direction,
        aggregation=indicator.aggregation,
        org_unit=indicator.org_unit,
        goal=goal,
        definition=indicator.definition,
        definition_note=indicator.definition_note,
        baseline_value=last.value if last else indicator.baseline_value,
        baseline_period=f"{last.period:%Y-%m}" if last else indicator.baseline_period,
        valid_from=first_day,
        valid_to=indicator.valid_to if indicator.valid_to and indicator.valid_to >= first_day else None,
        source=indicator.source,
        continues_from=indicator,
    )
    record(successor, user, _("Videreført til næste års mål"))
    successor.save()
    targets = [
        Target(
            indicator=successor,
            period_start=max(t.period_start, first_day),
            period_end=t.period_end,
            value=t.value,
            text=t.text,
            long_term=t.long_term,
        )
        for t in indicator.targets.filter(period_end__gte=first_day)
    ]
    if targets:
        author = user if getattr(user, "is_authenticated", False) else None
        reason = _("Videreført til næste års mål")
        bulk_create_with_history(targets, Target, default_change_reason=reason, default_user=author)
    return successor
