"""The search index of goals: the database's own full-text index narrows the search (issue 12).

Why this shape: the search finds Danish word forms by their Snowball stems, and a query stem may
sit in the middle of a compound ("fravær" in "sygefraværet"). A word index with prefix queries
(PostgreSQL's `danish` configuration, FTS5's default tokenizer) finds "fraværet" but never
"sygefraværet". So a goal's index document holds, for every stem of its words, the pieces of at
most GRAM characters that start at each of its letters ("sygefrav", "ygefravæ", …, "fravær",
"ravær", …): a query stem lies inside a word's stem exactly when its first GRAM characters begin
one of those pieces, and that is a prefix query the index answers without reading every row.
The stems are made here, in Python, by the stemmer the search uses, so SQLite and PostgreSQL
find the same goals.

With each document go its stems and how often each occurs (`stats`): the search keeps and ranks
the candidates exactly from them (`tally`) and reads the texts of the shown goals only.

- SQLite: an FTS5 table of the pieces (FTS_TABLE, rowid = goal id). The `ascii` tokenizer keeps
  every non-ASCII character inside its token (a piece stays one token; the text is lower-cased
  here already), and `detail=none` drops the positions that prefix queries do not need. The stats
  are in a plain table beside it (TABLE): FTS5 reads its stored columns row by row, which cost
  more than the whole search for a word found in most goals.
- PostgreSQL: TABLE holds the stats and a `tsvector` of the pieces as literal lexemes
  (`array_to_tsvector`: no parser, no stemming, no stop words) with a GIN index; queries are
  literal `tsquery` prefixes.

Both are made by migration contracts 0006 in raw SQL: no model knows them, and the search joins
them to live goals, so a row left behind by a raw delete is never shown.

Kept in step: every save or delete of a goal, a section or an activity marks its goal. Inside a
transaction the goal is refreshed when the transaction commits, once however many rows changed;
that also covers sections and activities bulk-created after saving their goal in the same
transaction (`revision.copy_contract`, the demo). Outside one it is refreshed at once. Writing the
indexed texts without a signal (`QuerySet.update`, or `bulk_create` outside the transaction that
saved the goal), or moving a section or an activity to another goal, must call `refresh` for the
goals concerned (or `rebuild`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.models import QuerySet
from django.db.models.expressions import RawSQL
from django.db.models.signals import post_delete, post_save

from roedtraad.contracts.models import Activity, Goal, GoalSection

TABLE = "contracts_goal_search"  # goal_id, stats (and on PostgreSQL the document)
FTS_TABLE = "contracts_goal_search_fts"  # SQLite only: rowid = goal id, terms
# Longer pieces only make the candidates fewer for long query stems; the exact test is `tally`.
GRAM = 8
# PostgreSQL refuses a tsvector over 1 MB (about 50,000 pieces of 8 letters). A goal with more
# pieces is marked as a candidate for every search instead: it is then kept or dropped by `tally`.
MAX_PIECES = 40_000
EVERYTHING = "0roedtraad0alt0"
CHUNK = 500

WORD = re.compile(r"\w+", re.UNICODE)
STOP_WORDS = frozenset(
    ["og", "i", "at", "en", "et", "den", "det", "de", "der", "til", "af", "på"]
    + ["for", "med", "som", "er", "ikke", "vi", "skal", "har", "fra", "om"]
)
_stemmer = snowballstemmer.stemmer("danish")


@lru_cache(maxsize=50000)
def stem(word: str) -> str:
    return _stemmer.stemWord(word.lower())


def query_stems(query: str | None) -> list[str]:
    words = [w.lower() for w in WORD.findall(query or "")]
    stems = [stem(w) for w in words if w not in STOP_WORDS and len(w) > 1]
    return list(dict.fromkeys(s for s in stems if s))


# --- The document of a goal -----------------------------------------------------------------


@dataclass(frozen=True)
class Document:
    terms: str  # the pieces, separated by single spaces
    # One line per stem: "\n<stem>\t<occurrences>\t<occurrences in the title>", the title's left out
    # when 0, and the occurrences too when 1.
    stats: str


def stem_counts(title: str, texts: Iterable[str]) -> dict[str, list[int]]:
    """Each stem of the words of the title and the texts: [occurrences, occurrences in the title]."""
    counts: dict[str, list[int]] = {}
    for index, text in enumerate([title, *texts]):
        for word in WORD.findall(text or ""):
            count = counts.setdefault(stem(word), [0, 0])
            count[0] += 1
            count[1] += index == 0
    return counts


def pieces(stems: Iterable[str]) -> set[str]:
    return {s[i : i + GRAM] for s in stems for i in range(len(s))}


def document(title: str, texts: Iterable[str]) -> Document:
    counts = stem_counts(title, texts)
    found = pieces(counts)
    terms = EVERYTHING if len(found) > MAX_PIECES else " ".join(sorted(found))
    return Document(terms=terms, stats="".join(_stat_line(s, n, t) for s, (n, t) in sorted(counts.items())))


def _stat_line(stem: str, count: int, in_title: int) -> str:
    # The common case written shortest (once, not in the title): a search reads every candidate's.
    if in_title:
        return f"\n{stem}\t{count}\t{in_title}"
    return f"\n{stem}\t{count}" if count > 1 else f"\n{stem}"


def tally(stats: str, stems: list[str]) -> tuple[set[str], int, int]:
    """From a document's stats: the query stems found inside its stems, the number of (word, query
    stem) pairs where the stem lies inside the word's stem, and the number of title words with one.

    `str.find` over the stats, not a loop over every stem: most candidates of a search share only a
    few stems with the query, and this runs for every candidate."""
    lines: dict[int, tuple[int, list[str]]] = {}  # start of a line -> its end, the query stems in it
    size = len(stats)
    for term in stems:
        at = stats.find(term)
        while at != -1:
            start = stats.rfind("\n", 0, at) + 1
            end = stats.find("\n", at)
            end = size if end == -1 else end
            tab = stats.find("\t", start, end)
            if at + len(term) <= (end if tab == -1 else tab):  # in the stem, not in the counts
                lines.setdefault(start, (end, []))[1].append(term)
            at = stats.find(term, end)
    found: set[str] = set()
    pairs = title_words = 0
    for start, (end, terms) in lines.items():
        _stem, *numbers = stats[start:end].split("\t")
        found.update(terms)
        pairs += (int(numbers[0]) if numbers else 1) * len(terms)
        title_words += int(numbers[1]) if len(numbers) > 1 else 0
    return found, pairs, title_words


# --- Queries --------------------------------------------------------------------------------


def _fts5_query(stems: list[str]) -> str:
    # The ascii tokenizer splits at ASCII punctuation: "_" inside a stem makes two tokens, and with
    # detail=none a phrase is refused, so each part is asked for on its own (a wider net).
    parts = [p for term in stems for p in term[:GRAM].split("_") if p]
    if not parts:
        return ""
    prefixes = " AND ".join(f'"{p}"*' for p in parts)
    return f'({prefixes}) OR "{EVERYTHING}"'


def _tsquery(stems: list[str]) -> str:
    def literal(text: str) -> str:
        return "'" + text.replace("\\", "\\\\").replace("'", "''") + "'"

    return f"({' & '.join(literal(term[:GRAM]) + ':*' for term in stems)}) | {literal(EVERYTHING)}"


def _vendor(using: str) -> str:
    vendor = connections[using].vendor
    if vendor not in ("sqlite", "postgresql"):
        raise NotImplementedError(f"no search index for {vendor}")
    return vendor


def narrow(goals: QuerySet[Goal], stems: list[str]) -> QuerySet[Goal]:
    """The goals whose document may contain every stem: a superset, `tally` on their `stats()` decides."""
    if _vendor(goals.db) == "postgresql":
        matching, param = f"SELECT goal_id FROM {TABLE} WHERE document @@ %s::tsquery", _tsquery(stems)
    else:
        matching, param = f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", _fts5_query(stems)
    if not param:  # no letter or digit to look up ("__"): every goal is a candidate
        return goals
    return goals.filter(pk__in=RawSQL(matching, [param]))


def stats() -> RawSQL:
    """The stats of the goal of each row of a goal query (an expression for `values_list`)."""
    return RawSQL(f'SELECT stats FROM {TABLE} WHERE goal_id = "{Goal._meta.db_table}"."id"', [])


# --- Keeping the index in step --------------------------------------------------------------


def refresh(goal_ids: Iterable[int], using: str = DEFAULT_DB_ALIAS, models=None) -> None:
    """Write the documents of these goals as they are stored now; drop those of goals that are gone.
    `models`: (Goal, GoalSection, Activity), the migration's own historical models."""
    ids = sorted(set(goal_ids))
    # One transaction: in autocommit every row written would be a commit of its own, each waiting
    # for the disk (milliseconds per goal on SQLite and PostgreSQL alike).
    with transaction.atomic(using=using, savepoint=False):
        for i in range(0, len(ids), CHUNK):
            chunk = ids[i : i + CHUNK]
            texts = _texts(chunk, using, models or (Goal, GoalSection, Activity))
            documents = {pk: document(title, rest) for pk, (title, rest) in texts.items()}
            _write(using, chunk, documents)


def _texts(ids: list[int], using: str, models) -> dict[int, tuple[str, list[str]]]:
    goal_model, *parts = models
    titles = dict(goal_model._base_manager.using(using).filter(pk__in=ids).values_list("pk", "title"))
    texts: dict[int, tuple[str, list[str]]] = {pk: (title, []) for pk, title in titles.items()}
    for model in parts:
        rows = model._base_manager.using(using).filter(goal_id__in=list(titles)).values_list("goal_id", "text")
        for goal_id, text in rows:
            texts[goal_id][1].append(text)
    return texts


def _write(using: str, ids: list[int], documents: dict[int, Document]) -> None:
    with connections[using].cursor() as cursor:
        if _vendor(using) == "postgresql":
            cursor.execute(f"DELETE FROM {TABLE} WHERE goal_id = ANY(%s)", [ids])
            if documents:
                cursor.executemany(
                    f"INSERT INTO {TABLE} (goal_id, stats, document) "
                    "VALUES (%s, %s, array_to_tsvector(string_to_array(%s, ' ')))",
                    [(pk, d.stats, d.terms) for pk, d in documents.items()],
                )
            return
        marks = ", ".join(["%s"] * len(ids))
        cursor.execute(f"DELETE FROM {TABLE} WHERE goal_id IN ({marks})", ids)
        cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid IN ({marks})", ids)
        if documents:
            cursor.executemany(
                f"INSERT INTO {TABLE} (goal_id, stats) VALUES (%s, %s)", [(pk, d.stats) for pk, d in documents.items()]
            )
            cursor.executemany(
                f"INSERT INTO {FTS_TABLE} (rowid, terms) VALUES (%s, %s)",
                [(pk, d.terms) for pk, d in documents.items()],
            )


def rebuild(using: str = DEFAULT_DB_ALIAS, models=None) -> None:
    """Every goal's document anew (the migration; after writes that sent no signal)."""
    goal_model = (models or (Goal,))[0]
    tables = [(TABLE, "goal_id")] + ([(FTS_TABLE, "rowid")] if _vendor(using) == "sqlite" else [])
    with transaction.atomic(using=using, savepoint=False), connections[using].cursor() as cursor:
        for table, key in tables:
            cursor.execute(f"DELETE FROM {table} WHERE {key} NOT IN (SELECT id FROM {goal_model._meta.db_table})")
        refresh(goal_model._base_manager.using(using).values_list("pk", flat=True), using, models)


class _Pending:
    """The goals changed in the current transaction; called on commit (`transaction.on_commit`)."""

    def __init__(self, using: str) -> None:
        self.using = using
        self.goal_ids: set[int] = set()

    def __call__(self) -> None:
        ids, self.goal_ids = self.goal_ids, set()
        if ids:
            refresh(ids, self.using)


def _pending(using: str) -> _Pending | None:
    # Found among the on-commit callbacks: a rolled-back transaction or savepoint drops it, and
    # with it the goals of the writes that were undone.
    return next((entry[1] for entry in connections[using].run_on_commit if isinstance(entry[1], _Pending)), None)


def _in_transaction(using: str) -> bool:
    """Inside a transaction that will commit. A test case's own block never commits: there the
    goal is refreshed at once, so what the test reads next is what a commit would have given."""
    return any(not getattr(block, "_from_testcase", False) for block in connections[using].atomic_blocks)


def mark(goal_id: int, using: str = DEFAULT_DB_ALIAS) -> None:
    """The goal's texts changed: refresh its document now, or when the transaction commits."""
    if not _in_transaction(using):
        refresh([goal_id], using)
        return
    pending = _pending(using)
    if pending is None:
        pending = _Pending(using)
        # robust: the change is committed already; a failed refresh is logged, not shown as an error.
        transaction.on_commit(pending, using=using, robust=True)
    pending.goal_ids.add(goal_id)


def flush(using: str = DEFAULT_DB_ALIAS) -> None:
    """Refresh now the goals waiting for the commit, for a search in the same transaction."""
    pending = _pending(using)
    if pending is not None:
        pending()


# The fields whose change changes a document; a save naming none of them (a soft delete) is skipped.
INDEXED_FIELDS = {Goal: {"title"}, GoalSection: {"text", "goal"}, Activity: {"text", "goal"}}


def _changed(sender, instance, using: str, update_fields=None, **_kwargs) -> None:
    if update_fields is not None and not set(update_fields) & INDEXED_FIELDS[sender]:
        return
    goal_id = instance.pk if sender is Goal else instance.goal_id
    if goal_id is not None:
        mark(goal_id, using)


def connect_signals() -> None:
    for model in INDEXED_FIELDS:
        uid = f"search-index-{model._meta.label}"
        post_save.connect(_changed, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"{uid}-delete")
