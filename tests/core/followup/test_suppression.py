"""Units under five employees are hidden, and so is whatever would give them away by subtraction."""

from fractions import Fraction

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
    # Skole less Udskoling is then Indskoling and Mellemtrin together, 23 people, neither alone.
    # Musikskole stays shown: less nothing it is Orkester and its own 5 together, 8 people, and
    # nothing tells Orkester from those 5. (The rules before hid Musikskole, its only child being
    # hidden, and so Ældre and Plejecenter after it, though 5 of its own are not a small number.)
    # Kommunen has nobody of its own: it is the sum of its shown children and tells nothing new.
    assert suppress(TREE, COUNTS) == {"Indskoling", "Orkester", "Mellemtrin"}


def test_a_parent_with_a_few_of_its_own_hides_a_child():
    # Parent less its shown children is its own 3: hide the smaller child, "a" by id.
    tree = {"p": None, "a": "p", "b": "p"}
    assert suppress(tree, {"p": 23, "a": 10, "b": 10}) == {"a"}


def test_small_siblings_do_not_add_up_to_a_small_difference():
    # a and b are hidden, but p - c would be their 4 people together: hide c as well.
    tree = {"p": None, "a": "p", "b": "p", "c": "p"}
    assert suppress(tree, {"p": 24, "a": 2, "b": 2, "c": 20}) == {"a", "b", "c"}


def test_large_units_are_all_shown_and_a_missing_count_is_hidden():
    counts = {unit: 100 for unit in TREE} | {"Kommunen": 1000}
    assert suppress(TREE, counts) == set()
    assert "Orkester" in suppress(TREE, {unit: n for unit, n in counts.items() if unit != "Orkester"})


def test_the_threshold_can_be_set():
    assert suppress(TREE, COUNTS, min_count=3) == set()  # nobody under 3


def test_a_hidden_unit_is_not_left_the_sum_of_what_is_shown_below_it():
    # s less h and k would be a's 3 alone: hide the smaller of h and k, h by id. But h has nobody
    # of its own and would still be z: hide z too, which brings z's 20 into s's figure.
    tree = {"s": None, "a": "s", "h": "s", "k": "s", "z": "h"}
    assert suppress(tree, {"s": 43, "a": 3, "h": 20, "k": 20, "z": 20}) == {"a", "h", "z"}


@st.composite
def org_trees(draw, min_own=0):
    """A random org tree of up to 30 units; a unit's count is its own staff plus its subtree's."""
    size = draw(st.integers(1, 30))
    parents = [None] + [draw(st.integers(0, i - 1)) for i in range(1, size)]
    own = draw(st.lists(st.integers(min_own, 12), min_size=size, max_size=size))
    counts = list(own)
    for i in range(size - 1, 0, -1):  # children come after their parent
        counts[parents[i]] += counts[i]
    tree = {f"u{i}": (None if p is None else f"u{p}") for i, p in enumerate(parents)}
    return tree, {f"u{i}": n for i, n in enumerate(counts)}


class Span:
    """The span of some vectors over the rationals, decided exactly.

    Exact elimination with Fraction rather than numpy.linalg.matrix_rank: whether a vector lies in
    a span is a yes/no question, and a floating-point rank answers it through a tolerance. The
    vectors are 0/1 and at most 30 long, so exact arithmetic is cheap, and keeping the reduced
    basis makes each membership test one reduction rather than the rank of a new matrix.
    """

    def __init__(self, vectors):
        self.basis = []  # (pivot, row): 1 at its own pivot, 0 at the pivots of the rows before it
        for vector in vectors:
            row = self._reduce(vector)
            pivot = next((i for i, x in enumerate(row) if x), None)
            if pivot is not None:
                self.basis.append((pivot, [x / row[pivot] for x in row]))

    def _reduce(self, vector):
        row = [Fraction(x) for x in vector]
        for pivot, base in self.basis:
            if factor := row[pivot]:
                row = [x - factor * b for x, b in zip(row, base, strict=True)]
        return row

    def __contains__(self, vector):
        return not any(self._reduce(vector))

    def __len__(self):  # the rank
        return len(self.basis)


def attack(tree, counts, hidden):
    """What someone outside the units can compute from the figures of the shown ones.

    The people are grouped by the unit they belong to directly: a unit's own staff, its count less
    its children's. A shown unit's figure is the sum over the groups in its subtree, a 0/1 vector
    over the groups, and the attacker knows every linear combination of those vectors. A group of
    nobody adds nothing to any figure and the headcounts say so, so the attacker knows its figure
    is 0: such groups are left out (as if known), which only lets the attacker see more.
    Returns the own staff of every unit, the groups of somebody, the subtree of a unit as a vector
    over those groups, and the span of the shown units' vectors.
    """
    children = {unit: [] for unit in tree}
    for unit, parent in tree.items():
        if parent is not None:
            children[parent].append(unit)
    own = {unit: counts[unit] - sum(counts[child] for child in children[unit]) for unit in tree}
    groups = [unit for unit in tree if own[unit] > 0]

    def below(unit):
        units = {unit}
        for child in children[unit]:
            units |= below(child)
        return units

    def subtree(unit):
        units = below(unit)
        return [int(group in units) for group in groups]

    return own, groups, subtree, Span(subtree(unit) for unit in tree if unit not in hidden)


@settings(max_examples=500, deadline=None)
@given(org_trees(), st.integers(1, 10))
def test_no_hidden_figure_and_no_small_group_can_be_computed(example, min_count):
    tree, counts = example
    hidden = suppress(tree, counts, min_count)
    assert hidden <= set(tree)
    own, groups, subtree, revealed = attack(tree, counts, hidden)

    # (a) Primary: a unit of fewer than min_count people is hidden.
    assert {unit for unit in tree if counts[unit] < min_count} <= hidden
    # (b) No hidden figure is any combination of the shown ones (a unit of nobody has nothing to
    # hide: its figure is 0 and its vector is the zero vector, in every span).
    for unit in hidden:
        if counts[unit] > 0:
            assert subtree(unit) not in revealed, f"{unit} = a combination of shown units"
    # (c) Nor is the figure of a unit's own staff when they are fewer than min_count.
    for unit in groups:
        if own[unit] < min_count:
            assert [int(group == unit) for group in groups] not in revealed, f"{unit}'s own staff"
    # (d) The strongest form: no combination singles out fewer than min_count people. Group the
    # people by which shown units' figures they are counted in; each class (atom) is computable,
    # the atoms are disjoint and there are as many as the rank, so they are a basis of everything
    # computable: every computable combination counts all of an atom's people alike.
    shown = [subtree(unit) for unit in tree if unit not in hidden]
    atoms = {}
    for i, group in enumerate(groups):
        membership = tuple(vector[i] for vector in shown)
        if any(membership):  # in no shown figure at all: nothing learnt about them
            atoms.setdefault(membership, []).append(group)
    assert len(atoms) == len(revealed)
    for atom in atoms.values():
        assert [int(group in atom) for group in groups] in revealed
        assert sum(own[group] for group in atom) >= min_count, f"{atom} can be computed"


@settings(max_examples=200, deadline=None)
@given(st.data(), st.integers(1, 10))
def test_nothing_is_hidden_when_every_unit_has_enough_staff_of_its_own(data, min_count):
    tree, counts = data.draw(org_trees(min_own=min_count))
    assert suppress(tree, counts, min_count) == set()


@st.composite
def viewers(draw, tree):
    """The units a viewer leads: the subtrees of a few random units (closed downwards)."""
    leads = draw(st.sets(st.sampled_from(sorted(tree)), max_size=3))
    known = set()
    for unit in tree:
        walk = unit
        while walk is not None:
            if walk in leads:
                known.add(unit)
                break
            walk = tree[walk]
    return known


@settings(max_examples=400, deadline=None)
@given(st.data(), st.integers(1, 10))
def test_a_leader_who_sees_their_own_units_still_cannot_compute_anybody_elses_small_figures(data, min_count):
    tree, counts = data.draw(org_trees())
    known = data.draw(viewers(tree))
    hidden = suppress(tree, counts, min_count, known=known)
    assert not hidden & known  # the leader's own figures are shown to them
    assert {unit for unit in tree if counts[unit] < min_count} - known <= hidden
    # The viewer has every shown figure and every figure of their own units; the people of their
    # own units are theirs to see, so only the others' groups must stay at min_count or nobody.
    own, groups, subtree, _ = attack(tree, counts, hidden)
    revealed_units = [unit for unit in tree if unit not in hidden or unit in known]
    others = [i for i, group in enumerate(groups) if group not in known]
    vectors = [subtree(unit) for unit in revealed_units] + [
        [int(j == i) for j in range(len(groups))] for i, group in enumerate(groups) if group in known
    ]
    revealed = Span(vectors)
    atoms = {}
    for i in others:
        membership = tuple(vector[i] for vector in vectors)
        if any(membership):
            atoms.setdefault(membership, []).append(groups[i])
    for atom in atoms.values():
        vector = [int(group in atom) for group in groups]
        if vector in revealed:
            assert sum(own[group] for group in atom) >= min_count, f"{atom} can be computed by {known}"


def test_the_leader_of_a_small_unit_sees_it_and_its_sibling_is_hidden_from_the_others_only():
    # Skole 50 has Indskoling 3 (small), Mellemtrin 20, Udskoling 27. For an outsider Mellemtrin
    # goes with Indskoling; the leader of Indskoling sees Indskoling, so nothing else is needed
    # for them, but the leader of Mellemtrin knows Mellemtrin: Udskoling must go instead.
    tree = {"Skole": None, "Indskoling": "Skole", "Mellemtrin": "Skole", "Udskoling": "Skole"}
    counts = {"Skole": 50, "Indskoling": 3, "Mellemtrin": 20, "Udskoling": 27}
    assert suppress(tree, counts) == {"Indskoling", "Mellemtrin"}
    assert suppress(tree, counts, known={"Indskoling"}) == set()
    assert suppress(tree, counts, known={"Mellemtrin"}) == {"Indskoling", "Udskoling"}
