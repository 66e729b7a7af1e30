"""Small-number suppression of unit figures shown to viewers outside the unit.

Each unit's figure covers its whole subtree; `counts[u]` is the subtree's headcount. A figure of
fewer than `min_count` people is personal data, so it is hidden (primary suppression). Hiding it
is not enough when it can be computed back by subtraction, parent minus the other children, so:

  1. Primary: every unit with a count below `min_count` is hidden (a unit without a count too).
  2. Secondary, for every shown parent: if exactly one of its children is hidden, the smallest
     other child (fewest people, then id) is hidden as well; with no other child, the parent
     itself is hidden (parent and only child then differ only by the parent's own staff).
  3. Secondary, downwards: a hidden parent whose children are all shown is, apart from its own
     staff, the sum of its children; when that own staff (its count minus its children's) is
     below `min_count`, its smallest child is hidden too, so the parent cannot be rebuilt from
     its children and then used to recover a hidden sibling.

The rules are repeated until nothing changes. Afterwards no shown parent has exactly one hidden
child.
"""

from __future__ import annotations


def suppress(tree: dict[str, str | None], counts: dict[str, int], min_count: int = 5) -> set[str]:
    """The units (keys of `tree`, which maps unit → parent, None for the root) to hide."""
    children: dict[str, list[str]] = {unit: [] for unit in tree}
    for unit, parent in tree.items():
        if parent is not None:
            children.setdefault(parent, []).append(unit)

    def size(unit: str) -> int:
        return counts.get(unit, 0)

    def smallest(units: list[str]) -> str:
        return min(units, key=lambda u: (size(u), u))

    hidden = {unit for unit in tree if size(unit) < min_count}
    changed = True
    while changed:
        changed = False
        for parent in sorted(children):
            kids = children[parent]
            if not kids:
                continue
            shown = [k for k in kids if k not in hidden]
            if parent not in hidden:
                if len(kids) - len(shown) == 1:
                    hidden.add(smallest(shown) if shown else parent)
                    changed = True
            elif len(shown) == len(kids) and size(parent) - sum(size(k) for k in kids) < min_count:
                hidden.add(smallest(shown))
                changed = True
    return hidden
