"""Goals of different holders that work on the same thing.

Goals are compared by cosine similarity of TF-IDF vectors over Danish word stems
(Snowball), so "sygefraværet" and "sygefravær" count as the same word. Sentences that a
holder repeats in several of its goals (boilerplate follow-up, the same list of forums)
are left out: they say nothing about what a particular goal works on.

The vectors come from `roedtraad.core.rules.space` (shared with the shared-goal check).

Scale: candidates come from sparse matrix products in row blocks, where each goal's
vector is pruned to its strongest terms (from 2,000 goals on) and only the best `per_goal`
partners of each goal are kept; the surviving pairs are then scored exactly. The best
partners per row are found without sorting whole blocks: a histogram of the values leaves
only the entries that can be among a row's best, and those are sorted by one 64-bit key
(row, value) — the same order, ties included, as a lexicographic sort. Measured on
synthetic goals, time grows a little more than linearly (10,000 → 60,000 goals: CPU time
×7.3), as the products grow with the number of goals that share a pruned term.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
import scipy.sparse as sp

from roedtraad.core.rules.evaluate import ContractInput
from roedtraad.core.rules.space import GoalRef, StemSpace, goal_space
from roedtraad.core.rules.text import WORD, clean

PRUNE_TERMS = 16  # terms per goal used to find candidates when there are many goals
PRUNE_FROM = 2_000  # number of goals from which candidate vectors are pruned
BLOCK_ROWS = 2_000
CANDIDATE_FLOOR = 0.02  # partial (pruned) similarity below which a pair is not a candidate

__all__ = ["GoalRef", "Overlap", "find_overlaps"]


@dataclass
class Overlap:
    a: GoalRef
    b: GoalRef
    score: float
    shared_terms: list[str] = field(default_factory=list)
    sentence_pair: tuple[str, str] = ("", "")
    shared: bool = False  # the two goals are already linked as one shared goal


def _order_in_rows(rows: np.ndarray, vals: np.ndarray) -> np.ndarray:
    """The stable order by row, then by value descending: `np.lexsort((-vals, rows))`, but as one
    sort of 64-bit keys (row, inverted float bits), which is several times faster. Values are >= 0."""
    if vals.dtype != np.float32 or rows.size == 0:
        return np.lexsort((-vals, rows))
    inverted = np.invert(vals.view(np.uint32)).astype(np.uint64)
    return np.argsort((rows.astype(np.uint64) << np.uint64(32)) | inverted, kind="stable")


def _rank_in_rows(rows: np.ndarray) -> np.ndarray:
    """For sorted row numbers, each entry's position within its row."""
    start = np.zeros(rows.size, dtype=np.int64)
    change = np.flatnonzero(rows[1:] != rows[:-1]) + 1
    start[change] = change
    return np.arange(rows.size) - np.maximum.accumulate(start)


def _prune(matrix: sp.csr_matrix, keep: int) -> sp.csr_matrix:
    """Each row reduced to its `keep` largest entries."""
    rows = np.repeat(np.arange(matrix.shape[0]), np.diff(matrix.indptr))
    order = _order_in_rows(rows, matrix.data)
    chosen = order[_rank_in_rows(rows[order]) < keep]
    return sp.csr_matrix((matrix.data[chosen], (rows[chosen], matrix.indices[chosen])), shape=matrix.shape)


def _may_be_top(rows: np.ndarray, vals: np.ndarray, nrows: int, k: int, buckets: int = 256) -> np.ndarray:
    """A mask that keeps, per row, every entry at least as large as the row's k-th largest: values
    are put in buckets (monotonically), and a row keeps the buckets from the one holding its k-th
    largest value up. Cheap (no sort), and it leaves few entries to sort."""
    scale = np.float32((buckets - 1) / max(float(vals.max()), 1e-30))
    bucket = np.minimum((vals * scale).astype(np.int64), buckets - 1)
    hist = np.bincount(rows * buckets + bucket, minlength=nrows * buckets).reshape(nrows, buckets)
    at_least = np.cumsum(hist[:, ::-1], axis=1)  # [r, j]: entries of row r in the top j+1 buckets
    threshold = np.where(at_least[:, -1] >= k, buckets - 1 - np.argmax(at_least >= k, axis=1), 0)
    return bucket >= threshold[rows]


def _top_per_row(block: sp.coo_matrix, offset: int, groups: np.ndarray, k: int):
    """The `k` largest entries of each row with a column of another group (ties: the first ones)."""
    rows = block.row.astype(np.int64)
    keep = (block.data >= CANDIDATE_FLOOR) & (groups[rows + offset] != groups[block.col])
    rows, cols, vals = rows[keep], block.col[keep], block.data[keep]
    if vals.size:
        keep = _may_be_top(rows, vals, block.shape[0], k)
        rows, cols, vals = rows[keep], cols[keep], vals[keep]
    order = _order_in_rows(rows, vals)
    rows, cols, vals = rows[order], cols[order], vals[order]
    first = _rank_in_rows(rows) < k
    return rows[first] + offset, cols[first], vals[first]


def candidate_pairs(matrix: sp.csr_matrix, groups: np.ndarray, per_goal: int) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (i < j) of rows of different groups among each row's best `per_goal` matches."""
    n = matrix.shape[0]
    left = _prune(matrix, PRUNE_TERMS) if n >= PRUNE_FROM else matrix
    right_t = left.T.tocsr()
    found_i, found_j = [], []
    for start in range(0, n, BLOCK_ROWS):
        block = (left[start : start + BLOCK_ROWS] @ right_t).tocoo()
        rows, cols, _ = _top_per_row(block, start, groups, per_goal)
        found_i.append(np.minimum(rows, cols))
        found_j.append(np.maximum(rows, cols))
    if not found_i:
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
    i = np.concatenate(found_i).astype(np.int64)
    j = np.concatenate(found_j).astype(np.int64)
    unique = np.unique(i * n + j)
    return unique // n, unique % n


def exact_scores(matrix: sp.csr_matrix, i: np.ndarray, j: np.ndarray, chunk: int = 50_000) -> np.ndarray:
    """Cosine similarity of row pairs (rows are L2-normalised)."""
    out = np.empty(i.size, dtype=np.float32)
    for s in range(0, i.size, chunk):
        a, b = matrix[i[s : s + chunk]], matrix[j[s : s + chunk]]
        out[s : s + chunk] = np.asarray(a.multiply(b).sum(axis=1)).ravel()
    return out


# Words that say nothing about what a goal works on, however rare: numbers, order, praise.
FILLER = frozenset(
    """en et to tre fire fem seks syv otte ni ti første anden andet tredje fjerde sidste næste
    ny nye nyt god gode godt bedre bedst stor store stort større lille små mindre mere mest flere
    år året årets hele helt del dele led måde måder gang gange arbejde arbejder arbejdet fokus
    sikre sikrer øge øget styrke styrket udvikle udvikling løbende fortsat""".split()  # noqa: SIM905
)
DISTINCTIVE_SHARE = 0.2  # a word in more than this share of all goals is common, not distinctive


def _distinctive(matrix: sp.csr_matrix) -> np.ndarray:
    """Per term, whether few enough goals use it for it to say what two goals have in common."""
    in_goals = np.diff(matrix.tocsc().indptr)
    return in_goals <= max(3, int(DISTINCTIVE_SHARE * matrix.shape[0]))


def _name_words(*refs: GoalRef) -> frozenset[str]:
    return frozenset(w.lower() for ref in refs for w in WORD.findall(ref.holder))


def _shared_terms(
    matrix: sp.csr_matrix,
    i: int,
    j: int,
    features: np.ndarray,
    surface: dict[str, str],
    distinctive: np.ndarray | None = None,
    names: frozenset[str] = frozenset(),
    limit: int = 8,
) -> list[str]:
    """The words two goals share, strongest first: not filler, not common to most goals, and
    not a word of either holder's name (a goal naming its own unit shares nothing by it)."""
    a, b = matrix[i], matrix[j]
    both = a.multiply(b).tocoo()
    words = []
    for c in both.col[np.argsort(-both.data)]:
        word = surface.get(features[c], features[c])
        if (distinctive is None or distinctive[c]) and word.lower() not in FILLER | names:
            words.append(word)
        if len(words) == limit:
            break
    return words


def sentence_vectors(space: StemSpace, texts: list[list[str]], goals: Iterable[int]) -> dict[int, tuple]:
    """Per goal: its sentences (the title when it has none) and their TF-IDF rows, made in one pass."""
    sents = {g: texts[g][2:] or texts[g][:1] for g in goals}
    matrix = space.transform([s for group in sents.values() for s in group])
    out, start = {}, 0
    for goal, group in sents.items():
        out[goal] = (group, matrix[start : start + len(group)])
        start += len(group)
    return out


def closest_sentences(a: tuple[list[str], sp.csr_matrix], b: tuple[list[str], sp.csr_matrix]) -> tuple[str, str, float]:
    """The most similar pair of sentences of two goals (sentences, rows), and its cosine."""
    (sa, va), (sb, vb) = a, b
    if not sa or not sb:
        return "", "", 0.0
    sims = (va @ vb.T).toarray()
    x, y = np.unravel_index(int(np.argmax(sims)), sims.shape)
    return clean(sa[x]), clean(sb[y]), float(sims[x, y])


def find_overlaps(
    contracts: Sequence[ContractInput],
    top: int = 50,
    per_goal: int = 5,
    min_score: float = 0.1,
    linked: Iterable[frozenset[tuple[str, int]]] = (),
) -> list[Overlap]:
    """The `top` most similar goal pairs of different holders, best first.

    `linked` holds pairs already known as one shared goal, each as
    frozenset({(holder, goal number), (holder, goal number)}); they are marked `shared`.
    """
    found = goal_space(contracts)
    refs, texts, vectorizer, matrix = found.refs, found.texts, found.space, found.matrix
    if len(refs) < 2:
        return []
    holders = {h: n for n, h in enumerate(sorted({r.holder for r in refs}))}
    groups = np.array([holders[r.holder] for r in refs])
    i, j = candidate_pairs(matrix, groups, per_goal)
    scores = exact_scores(matrix, i, j)
    order = np.argsort(-scores, kind="stable")
    order = order[scores[order] >= min_score][:top]
    features = vectorizer.features
    distinctive = _distinctive(matrix)
    linked_set = set(linked)
    sents = sentence_vectors(vectorizer, texts, dict.fromkeys(int(x) for k in order for x in (i[k], j[k])))
    out = []
    for k in order:
        a, b = int(i[k]), int(j[k])
        sa, sb, _ = closest_sentences(sents[a], sents[b])
        key = frozenset({(refs[a].holder, refs[a].goal), (refs[b].holder, refs[b].goal)})
        out.append(
            Overlap(
                refs[a],
                refs[b],
                round(float(scores[k]), 4),
                _shared_terms(matrix, a, b, features, vectorizer.surface, distinctive, _name_words(refs[a], refs[b])),
                (sa, sb),
                key in linked_set,
            )
        )
    return out
