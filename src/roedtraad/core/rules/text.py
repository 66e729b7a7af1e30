"""Danish text helpers for the checks: sentences, word stems and term matching.

Everything here is plain Python (no Django). Words are stemmed with the Snowball
"danish" stemmer, so "sygefraværet", "sygefravær" and "sygefraværsmodeller" meet.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

WORD = re.compile(r"[0-9a-zæøåéüöä]+(?:-[0-9a-zæøåéüöä]+)*", re.IGNORECASE)
_BULLET = re.compile(r"(?:^|\n)[ \t]*(?:[•▪●◦\-\*]|o(?=[ \t]))[ \t]*|\s[•▪●*]\s*|(?<=\S)[•*]\s+")
_SENTENCE_END = re.compile(r"(?<=[.!?:])\s+(?=[\"“”'’A-ZÆØÅ0-9])")
_SOFT_HYPHEN = re.compile(r"(\w)-\s*\n\s*(?=[a-zæøå])")
NUMBER_WITH_UNIT = re.compile(r"\d+(?:[.,]\d+)?\s*(?:%|pct\b|procent\b|procentpoint\b)", re.IGNORECASE)

# Short function words that carry no meaning for matching or similarity.
STOP_WORDS = frozenset(
    """af alle alt andre at blev bliver da de dem den denne der deres det dette dig din
    disse dog du efter eller en end er et for fra ham han hans har havde have hende her hos
    hun hvad hvis hvor hvordan i ikke ind jeg jer jo kan kunne man mange med meget men mig
    min mod ned noget nogle nu når og også om op os over på sig sin sine sit skal skulle som
    så sådan thi til ud under var vi vil ville vor vores være været samt bl.a f.eks fx mv
    dvs ift via herunder blandt andet""".split()  # noqa: SIM905
)

_stemmer = snowballstemmer.stemmer("danish")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The Danish Snowball stem of one lower-cased word."""
    return _stemmer.stemWord(word)


def words(text: str) -> list[str]:
    """The lower-cased words of a text, in order."""
    return [w.lower() for w in WORD.findall(text)]


def stems(text: str, drop_stop_words: bool = True) -> list[str]:
    """Stems of the words of a text; stop words and bare numbers are left out by default."""
    out = []
    for word in words(text):
        if drop_stop_words and (word in STOP_WORDS or word.isdigit()):
            continue
        out.append(stem(word))
    return out


def clean(text: str) -> str:
    """One line: joins words hyphenated across lines and collapses whitespace."""
    return " ".join(_SOFT_HYPHEN.sub(r"\1", text).split())


def sentences(text: str) -> list[str]:
    """The sentences (and bullet items) of a text, each on one line."""
    text = _SOFT_HYPHEN.sub(r"\1", text or "")
    out: list[str] = []
    for item in _BULLET.split(text):
        for part in _SENTENCE_END.split(" ".join(item.split())):
            part = part.strip(" ;")
            if len(part) > 2:
                out.append(part)
    return out


@dataclass(frozen=True)
class Term:
    """A word or phrase to look for; matched word by word on stems (see `matches`)."""

    text: str
    parts: tuple[tuple[str, str], ...]  # (lower-cased word, its stem) per word

    @classmethod
    def of(cls, text: str) -> Term:
        return cls(text, tuple((w, stem(w)) for w in words(text)))


def _word_matches(part: tuple[str, str], word: str, word_stem: str, first: bool) -> bool:
    raw, stemmed = part
    if word_stem.startswith(stemmed) or word.startswith(raw):
        return True
    # The first word of a term may end a compound word: "fravær" in "sygefraværet".
    return first and len(stemmed) >= 5 and (stemmed in word_stem or raw in word)


def matches(term: Term, tokens: Sequence[tuple[str, str]]) -> bool:
    """Whether the term occurs in a list of (word, stem) tokens: each term word must be a
    prefix of consecutive words (or of their stems); the first may also end a compound."""
    n = len(term.parts)
    if n == 0:
        return False
    for i in range(len(tokens) - n + 1):
        if all(_word_matches(term.parts[k], *tokens[i + k], first=(k == 0 and n == 1)) for k in range(n)):
            return True
    return False


def tokens(text: str) -> list[tuple[str, str]]:
    """(word, stem) pairs of a text, stop words kept so that phrases match."""
    return [(w, stem(w)) for w in words(text)]


def find_terms(terms: Iterable[Term], text: str) -> list[str]:
    """The terms (as written) that occur in a text."""
    toks = tokens(text)
    return [t.text for t in terms if matches(t, toks)]


def has_number(text: str) -> bool:
    """Whether a text states a percentage ("3,4 %", "under 2,5 pct.", "10%")."""
    return bool(NUMBER_WITH_UNIT.search(text))
