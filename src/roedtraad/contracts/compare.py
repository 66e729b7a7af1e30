"""A revision of a contract against the entered one: snapshots of both for `core.compare`.

Goals are matched by their lineage (`Goal.revised_from`). While a revision is a draft, its
indicators still belong to the entered goals (`contracts.lineage`), so indicators and targets
are compared as they stood when the revision was made against how they stand now (or when the
revision was entered), from their history.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils.translation import gettext as _

from roedtraad.contracts.lineage import lineages
from roedtraad.contracts.models import Contract, ContractStatus
from roedtraad.core.compare.revisions import Comparison, GoalSnapshot, IndicatorSnapshot, compare


def entered_at(contract: Contract) -> dt.datetime | None:
    """When the contract was entered (its first history record with the status entered)."""
    record = Contract.history.filter(id=contract.pk, status=ContractStatus.ENTERED).order_by("history_date").first()
    return record.history_date if record is not None else None


def _number(value: Decimal | None) -> str:
    if value is None:
        return ""
    text = format(value.normalize(), "f")
    return text.replace(".", ",")


def _period(target) -> str:
    if target.long_term:
        return _("på sigt")
    start, end = target.period_start, target.period_end
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
        return str(start.year)
    return f"{start:%d.%m.%Y}–{end:%d.%m.%Y}"


def _as_of(model, current: list, when: dt.datetime) -> list:
    """Today's rows as they stood at `when` (a row first recorded later did not exist yet); a
    row written without history (bulk loads, queryset updates) counts as it is now, since nothing
    says it changed. Which goal a row belongs to is today's: the lineage is matched as a whole."""
    ids = [r.pk for r in current]
    recorded = set(model.history.filter(id__in=ids).values_list("id", flat=True))
    then = {r.pk: r for r in model.history.as_of(when).filter(id__in=ids)}
    rows = []
    for row in current:
        if row.pk not in recorded:
            rows.append(row)
        elif row.pk in then:
            old = then[row.pk]
            for name in ("goal_id", "indicator_id"):
                if hasattr(row, name):
                    setattr(old, name, getattr(row, name))
            rows.append(old)
    return rows


def _indicators_as_of(goal_ids: set[int], when: dt.datetime | None) -> tuple[list, list]:
    from roedtraad.followup.models import Indicator, Target  # followup builds on contracts

    indicators = list(Indicator.objects.filter(goal_id__in=goal_ids))
    targets = list(Target.objects.filter(indicator__in=indicators))
    if when is None:
        return indicators, targets
    indicators = _as_of(Indicator, indicators, when)
    kept = {i.pk for i in indicators}
    return indicators, [t for t in _as_of(Target, targets, when) if t.indicator_id in kept]


def _indicator_snapshots(indicators, targets, chains: dict[int, list[int]]) -> dict[int, list[IndicatorSnapshot]]:
    """Each goal's indicators (by the goal's own id), with their targets in period order."""
    owner = {member: goal for goal, chain in chains.items() for member in chain}
    by_indicator: dict[int, list] = {}
    for target in sorted(targets, key=lambda t: (t.long_term, t.period_start)):
        by_indicator.setdefault(target.indicator_id, []).append(target)
    result: dict[int, list[IndicatorSnapshot]] = {}
    for indicator in sorted(indicators, key=lambda i: (i.key, i.org_unit_id)):
        snapshot = IndicatorSnapshot(
            key=f"{indicator.key}@{indicator.org_unit_id}",
            name=indicator.name,
            unit=indicator.unit,
            baseline=" ".join(filter(None, [_number(indicator.baseline_value), indicator.baseline_period])),
            targets=tuple((_period(t), _number(t.value)) for t in by_indicator.get(indicator.pk, [])),
        )
        result.setdefault(owner[indicator.goal_id], []).append(snapshot)
    return result


def goal_snapshots(contract: Contract, when: dt.datetime | None) -> list[GoalSnapshot]:
    """The contract's live goals with sections, partners and indicators (as of `when`; None: now)."""
    goals = list(contract.live_goals().order_by("number").prefetch_related("sections", "partners", "partners__unit"))
    chains = lineages(goals)
    indicators, targets = _indicators_as_of({pk for chain in chains.values() for pk in chain}, when)
    measures = _indicator_snapshots(indicators, targets, chains)
    return [
        GoalSnapshot(
            lineage=chains[goal.pk][-1],
            number=goal.number,
            title=goal.title,
            scope=goal.get_scope_display(),
            sections=tuple((s.key, s.display_heading, s.text) for s in goal.sections.all()),
            partners=tuple(p.name or str(p.unit) for p in goal.partners.all()),
            indicators=tuple(measures.get(goal.pk, [])),
            pk=goal.pk,
        )
        for goal in goals
    ]


def labels() -> dict[str, str]:
    return {
        "number": _("Nummer"),
        "title": _("Titel"),
        "scope": _("Type"),
        "partners": _("Partnere"),
        "name": _("Navn"),
        "unit": _("Enhed"),
        "baseline": _("Udgangspunkt"),
        "target": _("Måltal"),
    }


def created_at(contract: Contract) -> dt.datetime | None:
    record = Contract.history.filter(id=contract.pk, history_type="+").order_by("history_date").first()
    return record.history_date if record is not None else None


def compare_revisions(before: Contract, after: Contract) -> Comparison:
    """`after` (usually a draft revision) against `before` (the entered one it was copied from).
    Indicators and targets are compared as they stood when the revision was made: what changed
    since then is the revision's change (they belong to the entered goals until it is entered)."""
    old = goal_snapshots(before, created_at(after) or entered_at(before))
    new_time = entered_at(after) if after.is_locked else None  # a draft or submitted revision: now
    return compare(old, goal_snapshots(after, new_time), labels())


def compared_revision(contract: Contract) -> Contract | None:
    """The entered revision a contract is shown against: the one it was copied from."""
    return contract.previous_revision
