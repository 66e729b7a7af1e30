"""Small-number suppression of unit figures shown to viewers outside the unit.

Each unit's figure covers its whole subtree; `counts[u]` is the subtree's headcount, so a unit's
own staff is its count less its children's counts. A figure of fewer than `min_count` people is
personal data and is hidden, and hiding must not be undone by subtraction: not by a parent less
its other children, nor by any other linear combination of the shown figures.

What the shown figures give away. A hidden unit only ever counts inside its parent's figure, so
take each shown unit together with the hidden units below it reached through hidden units only:
its *block*. (The hidden units reached from a hidden root make a block no figure covers.) A unit's
*frontier* is the shown units right below its hidden part, shown descendants with only hidden
units between; its *rest* is its count less its frontier's counts. For a shown unit that is the
people of its block, for a hidden one its share of its block. The shown figures tell exactly the
sum over each block of a shown unit and the combinations of those sums, never anything that
tells people of one block apart. So, repeated until nothing changes, one unit at a time, and the
one hidden always the smallest candidate (fewest people, then id):

  1. Primary: every unit with a count below `min_count` is hidden (a unit without a count too).
  2. Small block: a shown unit with a rest from 1 to `min_count` - 1 (say a parent with few of
     its own and its children all shown, or with small hidden children adding up to few) hides a
     unit of its frontier, whose block then joins its own. A rest of 0 is left alone: such a unit
     is just the sum of the blocks below it and tells nothing new.
  3. Hidden, but the sum of what is shown below: a hidden unit of anybody with a rest of 0 hides
     a unit of its frontier. (Rule 2 can hide such a unit, one with nobody of its own, to no
     avail, and then enough others; this one would stay computable as the sum of its children.)

Each rule hides a shown unit, so there are at most as many rounds as units. Nor is a hidden unit
ever its block less the rest of the block, so no rule is needed for that: a unit hidden by rule 2
or 3 shares its block with people outside its subtree (the few it was hidden to cover), and a
unit under `min_count` shares a block of at least `min_count` (rule 2) or one no figure covers.

Guarantee, for counts that add up (no count below its children's counts): every unit of fewer
than `min_count` people is hidden; every block of a shown unit has nobody or at least `min_count`
people, so no combination of shown figures singles out fewer than `min_count` people, such as the
own staff of a unit; and no hidden unit's figure, unless of nobody, is a combination of shown
ones. When every unit has at least `min_count` people of its own, nothing is hidden. A unit
without a count is hidden, but whom it stands for is unknown, so the guarantee cannot cover it.
"""

from __future__ import annotations


def suppress(
    tree: dict[str, str | None],
    counts: dict[str, int],
    min_count: int = 5,
    known: frozenset[str] | set[str] = frozenset(),
) -> set[str]:
    """The units (keys of `tree`, which maps unit → parent, None for the root) to hide.

    `known`: units whose figures this viewer may see whatever their size (a leader's own units,
    closed downwards). They are never hidden, and because the viewer has them, they count as
    shown in every rule: the unit hidden to cover a small block is chosen among the others, and
    when none is left the small block's own unit is hidden instead (unless it is known, when the
    block's people are the viewer's own)."""
    up = {unit: parent if parent in tree else None for unit, parent in tree.items()}  # unknown: a root
    children: dict[str, list[str]] = {unit: [] for unit in tree}
    for unit, parent in up.items():
        if parent is not None:
            children[parent].append(unit)
    order = sorted(tree)

    def size(unit: str) -> int:
        return counts.get(unit, 0)

    def smallest(units: list[str]) -> str:
        return min(units, key=lambda u: (size(u), u))

    hidden = {unit for unit in tree if size(unit) < min_count and unit not in known}

    def frontier(unit: str) -> list[str]:
        """The shown units below `unit` with only hidden units between."""
        found, todo = [], list(children[unit])
        while todo:
            below = todo.pop()
            if below in hidden:
                todo.extend(children[below])
            else:
                found.append(below)
        return found

    # Children before their parents: the reverse of a walk down from the roots.
    downwards = [unit for unit, parent in up.items() if parent is None]
    for unit in downwards:
        downwards.extend(children[unit])
    if len(downwards) != len(tree):
        raise ValueError("the units' parents make a cycle")
    upwards = downwards[::-1]

    def rests() -> dict[str, int]:
        """Count less frontier counts, as own staff plus the hidden children's rests."""
        rest: dict[str, int] = {}
        for unit in upwards:
            kids = children[unit]
            own = size(unit) - sum(size(k) for k in kids)
            rest[unit] = own + sum(rest[k] for k in kids if k in hidden)
        return rest

    def next_to_hide() -> str | None:
        rest = rests()
        for unit in order:
            candidates = [u for u in frontier(unit) if u not in known]
            if unit not in hidden:
                if 0 < rest[unit] < min_count and unit not in known:  # 2
                    return smallest(candidates) if candidates else unit
            elif size(unit) > 0 and rest[unit] <= 0 and candidates:  # 3
                return smallest(candidates)
        return None

    while (next_unit := next_to_hide()) is not None:
        hidden.add(next_unit)
    return hidden
