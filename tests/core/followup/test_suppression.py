"""Units under five employees are hidden, and so is whatever would give them away by subtraction."""

from hypothesis import given, settings
from hypothesis import strategies as st

from roedtraad.core.followup.suppression import suppress

#   Kommunen 100
#   ├── Skole 50:       Indskoling 3, Mellemtrin 20, Udskoling 27 (no staff of its own)
#   ├── Ældre 42:       Hjemmepleje 30, Plejecenter 12 (no staff of its own)
#   └── Musikskole 8:   Orkester 3 (5 of its own)
TREE = {
    "Kommunen": None,
    "Skole": "Kommunen",
    "Ældre": "Kommunen",
    "Musikskole": "Kommunen",
    "Indskoling": "Skole",
    "Mellemtrin": "Skole",
    "Udskoling": "Skole",
    "Hjemmepleje": "Ældre",
    "Plejecenter": "Ældre",
    "Orkester": "Musikskole",
}
COUNTS = {
    "Kommunen": 100,
    "Skole": 50,
    "Ældre": 42,
    "Musikskole": 8,
    "Indskoling": 3,
    "Mellemtrin": 20,
    "Udskoling": 27,
    "Hjemmepleje": 30,
    "Plejecenter": 12,
    "Orkester": 3,
}


def test_the_hand_example():
    # Primary: Indskoling 3 and Orkester 3.
    # Skole shows and would give Indskoling away as 50 - 20 - 27: hide the smaller sibling Mellemtrin.
    # Musikskole's only child is Orkester: 8 - 3 of its own would give it away, so hide Musikskole.
    # Kommunen would give Musikskole away as 100 - 50 - 42: hide the smaller sibling Ældre (42).
    # Ældre, hidden, is exactly Hjemmepleje + Plejecenter: hide the smaller Plejecenter (12).
    assert suppress(TREE, COUNTS) == {"Indskoling", "Orkester", "Mellemtrin", "Musikskole", "Ældre", "Plejecenter"}


def test_large_units_are_all_shown_and_a_missing_count_is_hidden():
    counts = {unit: 100 for unit in TREE} | {"Kommunen": 1000}
    assert suppress(TREE, counts) == set()
    assert "Orkester" in suppress(TREE, {unit: n for unit, n in counts.items() if unit != "Orkester"})


def test_the_threshold_can_be_set():
    assert suppress(TREE, COUNTS, min_count=3) == set()  # nobody under 3


@st.composite
def org_trees(draw):
    """A random org tree of up to 30 units; a unit's count is its own staff plus its subtree's."""
    size = draw(st.integers(1, 30))
    parents = [None] + [draw(st.integers(0, i - 1)) for i in range(1, size)]
    own = draw(st.lists(st.integers(0, 12), min_size=size, max_size=size))
    counts = list(own)
    for i in range(size - 1, 0, -1):  # children come after their parent
        counts[parents[i]] += counts[i]
    tree = {f"u{i}": (None if p is None else f"u{p}") for i, p in enumerate(parents)}
    return tree, {f"u{i}": n for i, n in enumerate(counts)}


@settings(max_examples=300, deadline=None)
@given(org_trees(), st.integers(1, 10))
def test_no_hidden_unit_can_be_recovered_by_subtraction(example, min_count):
    tree, counts = example
    hidden = suppress(tree, counts, min_count)
    assert hidden <= set(tree)
    assert {u for u in tree if counts[u] < min_count} <= hidden
    for parent in tree:
        kids = [u for u, p in tree.items() if p == parent]
        if not kids:
            continue
        if parent not in hidden:
            assert sum(k in hidden for k in kids) != 1, parent
        elif not any(k in hidden for k in kids):  # a hidden parent is more than the sum of its children
            assert counts[parent] - sum(counts[k] for k in kids) >= min_count, parent
