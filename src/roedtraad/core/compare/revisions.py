"""What differs between two revisions of a contract: goals added, removed and changed, each
changed section as a word diff, and indicators and targets that changed.

The caller gives plain snapshots. A goal is matched across revisions by its `lineage` (the
first goal it was revised from, so renumbering a goal is a change, not a removal and an
addition); an indicator by its key, a section by its key and a target by its period.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from roedtraad.core.compare.textdiff import Chunk, same_words, word_diff


@dataclass(frozen=True)
class IndicatorSnapshot:
    key: str
    name: str
    unit: str = ""
    baseline: str = ""
    targets: tuple[tuple[str, str], ...] = ()  # (period label, value) in period order


@dataclass(frozen=True)
class GoalSnapshot:
    lineage: int
    number: int
    title: str
    scope: str = ""
    sections: tuple[tuple[str, str, str], ...] = ()  # (key, heading, text) in the goal's order
    partners: tuple[str, ...] = ()
    indicators: tuple[IndicatorSnapshot, ...] = ()
    pk: int | None = None  # the goal's own id, for a link


@dataclass(frozen=True)
class ValueChange:
    label: str
    before: str
    after: str
    chunks: list[Chunk]


@dataclass(frozen=True)
class SectionChange:
    key: str
    heading: str
    kind: str  # "added", "removed" or "changed"
    chunks: list[Chunk]


@dataclass(frozen=True)
class IndicatorChange:
    key: str
    name: str
    kind: str  # "added", "removed" or "changed"
    changes: list[ValueChange] = field(default_factory=list)


@dataclass
class GoalChange:
    before: GoalSnapshot
    after: GoalSnapshot
    fields: list[ValueChange] = field(default_factory=list)
    sections: list[SectionChange] = field(default_factory=list)
    indicators: list[IndicatorChange] = field(default_factory=list)


@dataclass
class Comparison:
    added: list[GoalSnapshot] = field(default_factory=list)
    removed: list[GoalSnapshot] = field(default_factory=list)
    changed: list[GoalChange] = field(default_factory=list)
    unchanged: list[GoalSnapshot] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (self.added or self.removed or self.changed)


def _value_change(label: str, before: str, after: str) -> ValueChange | None:
    if same_words(before, after):
        return None
    return ValueChange(label, before, after, word_diff(before, after))


def _sections(before: GoalSnapshot, after: GoalSnapshot) -> list[SectionChange]:
    old = {key: (heading, text) for key, heading, text in before.sections}
    new = {key: (heading, text) for key, heading, text in after.sections}
    changes = []
    for key, heading, text in after.sections:
        if key not in old:
            if text.strip():
                changes.append(SectionChange(key, heading, "added", word_diff("", text)))
        elif not same_words(old[key][1], text):
            kind = "changed" if old[key][1].strip() else "added"
            changes.append(SectionChange(key, heading, kind, word_diff(old[key][1], text)))
    for key, heading, text in before.sections:
        if key not in new and text.strip():
            changes.append(SectionChange(key, heading, "removed", word_diff(text, "")))
    return changes


def _indicator_fields(old: IndicatorSnapshot, new: IndicatorSnapshot, labels: dict[str, str]) -> list[ValueChange]:
    pairs = [
        (labels["name"], old.name, new.name),
        (labels["unit"], old.unit, new.unit),
        (labels["baseline"], old.baseline, new.baseline),
    ]
    old_targets, new_targets = dict(old.targets), dict(new.targets)
    periods = list(dict.fromkeys([p for p, _ in old.targets] + [p for p, _ in new.targets]))
    pairs += [(f"{labels['target']} {p}", old_targets.get(p, ""), new_targets.get(p, "")) for p in periods]
    return [c for c in (_value_change(*pair) for pair in pairs) if c is not None]


def _indicators(before: GoalSnapshot, after: GoalSnapshot, labels: dict[str, str]) -> list[IndicatorChange]:
    old = {i.key: i for i in before.indicators}
    new = {i.key: i for i in after.indicators}
    changes = []
    for key, indicator in new.items():
        if key not in old:
            changes.append(IndicatorChange(key, indicator.name, "added"))
            continue
        fields = _indicator_fields(old[key], indicator, labels)
        if fields:
            changes.append(IndicatorChange(key, indicator.name, "changed", fields))
    changes += [IndicatorChange(key, i.name, "removed") for key, i in old.items() if key not in new]
    return changes


DEFAULT_LABELS = {
    "number": "Nummer",
    "title": "Titel",
    "scope": "Type",
    "partners": "Partnere",
    "name": "Navn",
    "unit": "Enhed",
    "baseline": "Udgangspunkt",
    "target": "Måltal",
}


def compare_goal(before: GoalSnapshot, after: GoalSnapshot, labels: dict[str, str] | None = None) -> GoalChange:
    labels = {**DEFAULT_LABELS, **(labels or {})}
    pairs = [
        (labels["number"], str(before.number), str(after.number)),
        (labels["title"], before.title, after.title),
        (labels["scope"], before.scope, after.scope),
        (labels["partners"], ", ".join(before.partners), ", ".join(after.partners)),
    ]
    fields = [c for c in (_value_change(*pair) for pair in pairs) if c is not None]
    return GoalChange(before, after, fields, _sections(before, after), _indicators(before, after, labels))


def compare(before: list[GoalSnapshot], after: list[GoalSnapshot], labels: dict[str, str] | None = None) -> Comparison:
    """The goals of `after` against those of `before`, each list in the contract's order."""
    old = {goal.lineage: goal for goal in before}
    new_lineages = {goal.lineage for goal in after}
    result = Comparison()
    for goal in after:
        if goal.lineage not in old:
            result.added.append(goal)
            continue
        change = compare_goal(old[goal.lineage], goal, labels)
        if change.fields or change.sections or change.indicators:
            result.changed.append(change)
        else:
            result.unchanged.append(goal)
    result.removed = [goal for goal in before if goal.lineage not in new_lineages]
    return result
