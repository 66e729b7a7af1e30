"""TF-IDF vectors of goals over Danish word stems, shared by shared-goal matching and overlap.

The numbers are those of scikit-learn's `TfidfVectorizer(sublinear_tf=True, max_df=…)` with
an analyzer that keeps the Snowball stems of words of three letters or more that are neither
stop words nor numbers (columns sorted by stem, L2-normalised rows). It is computed faster:
the text is split into words by one regular expression, and each distinct word (as written)
is lower-cased, filtered and stemmed once; the counts, the idf weighting and the normalisation
are a few lines of numpy (`_Tfidf`, the formulas of scikit-learn's `TfidfTransformer`, checked
against it in the tests), so that reading a document never imports scikit-learn.

`goal_space(contracts)` gives the goals' texts and vectors; the last result is remembered (by
the goals' content), so that `shared.check_shared` and `overlap.find_overlaps` on the same
contracts in one run compute it once. `clear_cache()` forgets it.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from roedtraad.core.rules.evaluate import ContractInput, GoalInput
from roedtraad.core.rules.text import STOP_WORDS, WORD, sentences, stem

# Sections that say who one works with and how one follows up are not what a goal is about.
IGNORED_SECTIONS = frozenset({"samarbejde_med", "opfoelgning", "tidsperspektiv"})
CACHE_MAX_GOALS = 20_000  # larger sets of goals are not remembered (memory)


@dataclass(frozen=True)
class GoalRef:
    holder: str
    goal: int
    title: str = ""


class _Words(dict):
    """Word as written → stem id, or -1 for words that are left out; filled on first sight."""

    def __init__(self, space: StemSpace):
        super().__init__()
        self.space = space

    def __missing__(self, word: str) -> int:
        lowered = word.lower()
        if lowered in STOP_WORDS or len(lowered) < 3 or lowered[0].isdigit():
            self[word] = -1
            return -1
        self[word] = number = self.space.stem_id(stem(lowered), lowered)
        return number


class _Tfidf:
    """Sublinear term frequency (1 + ln tf), smoothed idf (ln((1 + n) / (1 + df)) + 1) and
    L2-normalised rows, in the counts' own float type: scikit-learn's `TfidfTransformer(
    sublinear_tf=True)` without importing it."""

    idf = np.empty(0, dtype=np.float32)

    def fit(self, counts: sp.csr_matrix) -> None:
        df = np.bincount(counts.indices, minlength=counts.shape[1]).astype(counts.dtype) + 1
        self.idf = np.log((counts.shape[0] + 1) / df) + 1

    def transform(self, counts: sp.csr_matrix, copy: bool = True) -> sp.csr_matrix:
        matrix = counts.copy() if copy else counts
        np.log(matrix.data, out=matrix.data)
        matrix.data += 1
        matrix.data *= self.idf[matrix.indices]
        squares = matrix.data * matrix.data
        rows = np.repeat(np.arange(matrix.shape[0]), np.diff(matrix.indptr))
        norms = np.sqrt(np.bincount(rows, weights=squares, minlength=matrix.shape[0])).astype(matrix.dtype)
        norms[norms == 0] = 1
        matrix.data /= norms[rows]
        return matrix


class StemSpace:
    """Fitted TF-IDF over stems: `fit(docs)` gives the document matrix, `transform(texts)`
    vectors of other texts in the same space (stems not seen in the fit are ignored)."""

    def __init__(self, max_df: float = 1.0):
        self.max_df = max_df
        self.stems: list[str] = []  # stem id → stem
        self.ids: dict[str, int] = {}  # stem → stem id
        self.surface: dict[str, str] = {}  # stem → the first word seen with it, to show
        self.words = _Words(self)
        self.column = np.empty(0, dtype=np.int64)  # stem id → column, or -1
        self.features = np.empty(0, dtype=object)  # column → stem
        self.tfidf = _Tfidf()

    def stem_id(self, stemmed: str, word: str) -> int:
        number = self.ids.get(stemmed)
        if number is None:
            number = self.ids[stemmed] = len(self.stems)
            self.stems.append(stemmed)
            self.surface[stemmed] = word
        return number

    def _stem_ids(self, docs: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """Stem ids of all words of all documents (-1 for left-out words), and each document's start."""
        look_up, findall = self.words.__getitem__, WORD.findall
        flat: list[int] = []
        starts = [0]
        for doc in docs:
            flat.extend(map(look_up, findall(doc)))
            starts.append(len(flat))
        return np.array(flat, dtype=np.int32), np.array(starts, dtype=np.int64)

    @staticmethod
    def _counts(ids: np.ndarray, starts: np.ndarray, column: np.ndarray, width: int) -> sp.csr_matrix:
        """Term counts per document, in the columns that `column` gives each stem id (-1: none)."""
        cols = np.full(ids.size, -1, dtype=np.int32)
        inside = (ids >= 0) & (ids < column.size)
        cols[inside] = column[ids[inside]]
        used = cols >= 0
        indptr = np.concatenate(([0], np.cumsum(used, dtype=np.int64)))[starts]
        cols = cols[used]
        data = np.ones(cols.size, dtype=np.float32)
        counts = sp.csr_matrix((data, cols, indptr), shape=(starts.size - 1, width))
        counts.sum_duplicates()  # also sorts each row's columns
        return counts

    def fit(self, docs: Sequence[str]) -> sp.csr_matrix:
        """The L2-normalised TF-IDF rows of the documents; stems in more than `max_df` of them are dropped.

        Like scikit-learn, the counts are made in the order stems are first seen and the columns
        then renamed in sorted order without re-sorting each row, so the sums (and their float
        rounding) run in the same order."""
        ids, starts = self._stem_ids(docs)  # fills the vocabulary in reading order
        size = len(self.stems)
        counts = self._counts(ids, starts, np.arange(size), size)
        by_name = np.empty(size, dtype=np.int64)
        by_name[sorted(range(size), key=self.stems.__getitem__)] = np.arange(size)
        counts.indices = by_name.take(counts.indices)
        dfs = np.bincount(counts.indices, minlength=size)
        keep = (dfs <= self.max_df * len(docs)) & (dfs >= 1)
        kept = np.flatnonzero(keep)
        self.column = np.where(keep[by_name], (np.cumsum(keep) - 1)[by_name], -1)
        self.features = np.array(sorted(self.stems), dtype=object)[kept]
        if kept.size == 0:
            return sp.csr_matrix((len(docs), 0), dtype=np.float32)
        counts = counts[:, kept]
        self.tfidf.fit(counts)
        return sp.csr_matrix(self.tfidf.transform(counts, copy=False))

    def transform(self, texts: Sequence[str]) -> sp.csr_matrix:
        if self.features.size == 0 or not texts:
            return sp.csr_matrix((len(texts), self.features.size), dtype=np.float32)
        ids, starts = self._stem_ids(texts)
        counts = self._counts(ids, starts, self.column, self.features.size)
        return sp.csr_matrix(self.tfidf.transform(counts, copy=False))


def _goal_sentences(goal: GoalInput) -> list[str]:
    out = [goal.title]
    for key, text in goal.sections.items():
        if key not in IGNORED_SECTIONS:
            out.extend(sentences(text))
    return out


def goal_texts(contracts: Sequence[ContractInput]) -> tuple[list[GoalRef], list[list[str]]]:
    """References and sentences of every goal (the title twice first), without sentences its
    holder repeats in more than one goal."""
    refs: list[GoalRef] = []
    texts: list[list[str]] = []
    for contract in contracts:
        per_goal = [_goal_sentences(g) for g in contract.goals]
        counts = Counter(s.lower() for sents in per_goal for s in set(sents[1:]))
        for goal, sents in zip(contract.goals, per_goal, strict=True):
            kept = [sents[0], sents[0]] + [s for s in sents[1:] if counts[s.lower()] < 2]
            refs.append(GoalRef(contract.holder, goal.number, goal.title))
            texts.append(kept)
    return refs, texts


@dataclass
class GoalSpace:
    refs: list[GoalRef]
    texts: list[list[str]]  # per goal: title, title, sentences
    space: StemSpace
    matrix: sp.csr_matrix  # one L2-normalised row per goal, float32


def build_space(contracts: Sequence[ContractInput]) -> GoalSpace:
    refs, texts = goal_texts(contracts)
    space = StemSpace(max_df=0.5 if len(refs) >= 50 else 1.0)
    return GoalSpace(refs, texts, space, space.fit([" \n".join(t) for t in texts]))


def _content_key(contracts: Sequence[ContractInput]) -> tuple:
    return tuple((c.holder, tuple((g.number, g.title, tuple(g.sections.items())) for g in c.goals)) for c in contracts)


_cache: dict[tuple, GoalSpace] = {}
_lock = threading.Lock()


def goal_space(contracts: Sequence[ContractInput]) -> GoalSpace:
    """The goals' texts and TF-IDF rows; the last result is remembered for the same content."""
    if sum(len(c.goals) for c in contracts) > CACHE_MAX_GOALS:
        return build_space(contracts)
    key = _content_key(contracts)
    with _lock:
        found = _cache.get(key)
    if found is None:
        found = build_space(contracts)
        with _lock:
            _cache.clear()
            _cache[key] = found
    return found


def clear_cache() -> None:
    with _lock:
        _cache.clear()
