"""Full-text search across all contracts and years, with Danish word forms.

Both the query and the text are stemmed with Snowball's Danish stemmer. The Danish
stemmer only cuts endings, so a stem is a prefix of every word form it came from: the
database narrows the goals to those containing each query stem (a portable
`icontains`, works on SQLite and PostgreSQL), and Python then keeps the goals where a
word of the text stems to something containing the query stem ("fravær" finds
"fraværet" and the compound "sygefraværet"; "medarbejderne" finds "medarbejdere").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import snowballstemmer
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.html import escape
from django.utils.safestring import mark_safe

from roedtraad.contracts.models import Activity, Goal, GoalSection

WORD = re.compile(r"\w+", re.UNICODE)
STOP_WORDS = frozenset(
    ["og", "i", "at", "en", "et", "den", "det", "de", "der", "til", "af", "på"]
    + ["for", "med", "som", "er", "ikke", "vi", "skal", "har", "fra", "om"]
)
_stemmer = snowballstemmer.stemmer("danish")


@lru_cache(maxsize=20000)
def stem(word: str) -> str:
    return _stemmer.stemWord(word.lower())


def query_stems(query: str) -> list[str]:
    words = [w.lower() for w in WORD.findall(query or "")]
    stems = [stem(w) for w in words if w not in STOP_WORDS and len(w) > 1]
    return list(dict.fromkeys(s for s in stems if s))


def _contains(field_name: str, term: str) -> Q:
    # SQLite's LIKE folds case for ASCII only: also try the capitalised form (Æ, Ø, Å).
    return Q(**{f"{field_name}__icontains": term}) | Q(**{f"{field_name}__contains": term.capitalize()})


def _term_filter(term: str) -> Q:
    sections = GoalSection.objects.filter(_contains("text", term), goal=OuterRef("pk"))
    activities = Activity.objects.filter(_contains("text", term), goal=OuterRef("pk"))
    return _contains("title", term) | Q(Exists(sections)) | Q(Exists(activities))


def candidates(goals: QuerySet[Goal], stems: list[str]) -> QuerySet[Goal]:
    for term in stems:
        goals = goals.filter(_term_filter(term))
    return goals


def word_matches(word: str, stems: list[str]) -> bool:
    word_stem = stem(word)
    return any(term in word_stem or word_stem == term for term in stems)


@dataclass
class Hit:
    goal: Goal
    score: int = 0
    snippets: list[str] = field(default_factory=list)


def texts_of(goal: Goal) -> list[str]:
    return [goal.title] + [s.text for s in goal.sections.all()] + [a.text for a in goal.activities.all()]


def highlight(text: str, stems: list[str], width: int = 90) -> str | None:
    """A short excerpt around the first matching word, with the matches marked."""
    match = next((m for m in WORD.finditer(text) if word_matches(m.group(), stems)), None)
    if match is None:
        return None
    start, end = max(0, match.start() - width), min(len(text), match.end() + width)
    excerpt = text[start:end]
    parts, last = [], 0
    for m in WORD.finditer(excerpt):
        if word_matches(m.group(), stems):
            parts += [escape(excerpt[last : m.start()]), f"<mark>{escape(m.group())}</mark>"]
            last = m.end()
    parts.append(escape(excerpt[last:]))
    prefix, suffix = ("… " if start else ""), (" …" if end < len(text) else "")
    return mark_safe(prefix + "".join(parts) + suffix)


def score(goal: Goal, stems: list[str]) -> Hit | None:
    """The goal as a hit if every stem occurs as a word form in its texts, else None."""
    texts = texts_of(goal)
    found, count = set(), 0
    for text in texts:
        for word in WORD.findall(text):
            for term in stems:
                if word_matches(word, [term]):
                    found.add(term)
                    count += 1
    if found != set(stems):
        return None
    snippets = [s for s in (highlight(t, stems) for t in texts[1:]) if s][:2]
    title_bonus = 5 * sum(1 for w in WORD.findall(goal.title) if word_matches(w, stems))
    return Hit(goal=goal, score=count + title_bonus, snippets=snippets)


def search(goals: QuerySet[Goal], query: str, limit: int = 100) -> list[Hit]:
    stems = query_stems(query)
    if not stems:
        return []
    rows = (
        candidates(goals, stems)
        .select_related("contract", "contract__holder", "contract__holder__parent")
        .prefetch_related("sections", "activities", "tracks")
    )
    hits = [hit for hit in (score(goal, stems) for goal in rows) if hit is not None]
    hits.sort(key=lambda h: (-h.score, -h.goal.contract.year, h.goal.contract.holder.name, h.goal.number))
    return hits[:limit]
