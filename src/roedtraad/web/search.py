"""Full-text search across all contracts and years, with Danish word forms.

Both the query and the texts are stemmed with Snowball's Danish stemmer, and a goal matches when
every query stem lies inside the stem of one of its words ("fravær" finds "fraværet" and the
compound "sygefraværet"; "medarbejderne" finds "medarbejdere"). The database's full-text index
(`contracts.search_index`) narrows the goals to those that may match; the stems and counts stored
with each goal then keep exactly the matching ones and rank them, so only the texts of the goals
shown are read, for their excerpts.

A goal revised in a newer revision is shown once: in the newest revision among the goals searched
(those the user may read and the filters keep).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from django.db.models import Exists, OuterRef, QuerySet
from django.utils.html import escape
from django.utils.safestring import mark_safe

from roedtraad.contracts import search_index
from roedtraad.contracts.models import Activity, Goal, GoalSection
from roedtraad.contracts.search_index import STOP_WORDS, WORD, query_stems, stem  # noqa: F401  (the search's words)

TITLE_WEIGHT = 5  # a title word counts this much more than a word of the text


def word_matches(word: str, stems: list[str]) -> bool:
    word_stem = stem(word)
    return any(term in word_stem for term in stems)


@dataclass
class Hit:
    goal: Goal
    score: int = 0
    snippets: list[str] = field(default_factory=list)


class Candidate(NamedTuple):
    """A matching goal; sorts as the search ranks: by relevance, then the newest year (holder and
    number keep the order stable). A tuple: a search may have thousands."""

    minus_score: int
    minus_year: int
    holder: str
    number: int
    pk: int

    @property
    def score(self) -> int:
        return -self.minus_score


def texts_of(goal: Goal) -> list[str]:
    return [goal.title] + [s.text for s in goal.sections.all()] + [a.text for a in goal.activities.all()]


@lru_cache(maxsize=256)
def _containing(stems: tuple[str, ...]) -> re.Pattern:
    """The whole words that contain one of the stems (a stem inside a word is all a match needs)."""
    return re.compile(r"\w*(?:" + "|".join(re.escape(s) for s in stems) + r")\w*")


def _matching_words(text: str, stems: list[str]) -> Iterator[tuple[int, int]]:
    """Where the matching words of the text are. Only the words that contain a stem are stemmed:
    a word's stem is the start of the lower-cased word (letters that lower-case to two, like "İ",
    move the positions: then every word is stemmed)."""
    lowered = text.lower()
    words = _containing(tuple(stems)).finditer(lowered) if len(lowered) == len(text) else WORD.finditer(text)
    return (m.span() for m in words if word_matches(m.group(), stems))


def highlight(text: str, stems: list[str], width: int = 90) -> str | None:
    """A short excerpt around the first matching word, with the matches marked."""
    first = next(_matching_words(text, stems), None)
    if first is None:
        return None
    start, end = max(0, first[0] - width), min(len(text), first[1] + width)
    excerpt = text[start:end]
    parts, last = [], 0
    for word_start, word_end in _matching_words(excerpt, stems):  # words cut at the edges as they show
        parts += [escape(excerpt[last:word_start]), f"<mark>{escape(excerpt[word_start:word_end])}</mark>"]
        last = word_end
    parts.append(escape(excerpt[last:]))
    prefix, suffix = ("… " if start else ""), (" …" if end < len(text) else "")
    return mark_safe(prefix + "".join(parts) + suffix)


def excerpts(texts: Iterable[str], stems: list[str], count: int = 2) -> list[str]:
    """The excerpts of the first `count` texts with a match."""
    found: list[str] = []
    for text in texts:
        if (excerpt := highlight(text, stems)) is not None:
            found.append(excerpt)
            if len(found) == count:
                break
    return found


def newest(goals: QuerySet[Goal]) -> QuerySet[Goal]:
    """The goals that no goal among them revises (`Goal.revised_from`): the newest revision of each."""
    return goals.exclude(Exists(goals.filter(revised_from=OuterRef("pk"))))


def candidates(goals: QuerySet[Goal], stems: list[str]) -> list[Candidate]:
    """The goals with every stem inside the stem of one of their words, scored from the index:
    each (word, stem) match counts 1, and each title word with a match TITLE_WEIGHT more."""
    search_index.flush(goals.db)  # changes of this very transaction (the index follows on commit)
    rows = (
        search_index.narrow(newest(goals), stems)
        .order_by()  # ranked here
        .values_list("pk", "number", "contract__year", "contract__holder__name", search_index.stats())
    )
    found = []
    for pk, number, year, holder, stats in rows:
        matched, pairs, title_words = search_index.tally(stats or "", stems)
        if len(matched) == len(stems):
            found.append(Candidate(-(pairs + TITLE_WEIGHT * title_words), -year, holder, number, pk))
    return found


def _texts(pks: list[int], db: str) -> dict[int, list[str]]:
    """The goals' section texts in order, then their activities' (rows, not model instances: a
    hundred goals' sections and activities as objects cost more than the whole search)."""
    texts: dict[int, list[str]] = {pk: [] for pk in pks}
    for model in (GoalSection, Activity):
        rows = model.objects.using(db).filter(goal_id__in=pks).order_by("goal_id", "order", "id")
        for goal_id, text in rows.values_list("goal_id", "text"):
            texts[goal_id].append(text)
    return texts


def search(goals: QuerySet[Goal], query: str, limit: int = 100) -> list[Hit]:
    stems = query_stems(query)
    if not stems:
        return []
    ranked = sorted(candidates(goals, stems))[:limit]
    pks = [c.pk for c in ranked]
    related = ("contract", "contract__holder", "contract__holder__parent")
    shown = Goal.objects.using(goals.db).select_related(*related).in_bulk(pks)
    texts = _texts(pks, goals.db)
    return [Hit(goal=shown[c.pk], score=c.score, snippets=excerpts(texts[c.pk], stems)) for c in ranked]
