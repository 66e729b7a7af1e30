"""Danish text helpers for the checks: sentences, word stems and term matching.

Everything here is plain Python (no Django). Words are stemmed with the Snowball
"danish" stemmer, so "sygefraværet", "sygefravær" and "sygefraværsmodeller" meet.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

# Letters and digits: [0-9a-zæøåéüöä] with IGNORECASE, written out (İ ı ſ K Å are the other code
# points that IGNORECASE lets in), as the class without the flag is faster.
_WORD_CHAR = "0-9a-zA-ZæøåéüöäÆØÅÉÜÖÄ\u0130\u0131\u017f\u212a\u212b"
WORD = re.compile(f"[{_WORD_CHAR}]+(?:-[{_WORD_CHAR}]+)*")
_BULLET = re.compile(r"(?:^|\n)[ \t]*(?:[•▪●◦\-\*]|o(?=[ \t]))[ \t]*|\s[•▪●*]\s*|(?<=\S)[•*]\s+")
_BULLET_CHARS = "•▪●◦-*"  # every match of _BULLET holds one of these, or "o" at the start or after a line break
_O_AT_START = re.compile(r"[ \t]*o[ \t]")
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
    return list(_sentences(text or ""))


def _may_have_bullets(text: str) -> bool:
    """False when `_BULLET` cannot match: no line break, no bullet character, no "o " at the start."""
    return "\n" in text or any(c in text for c in _BULLET_CHARS) or _O_AT_START.match(text) is not None


@lru_cache(maxsize=50_000)
def _sentences(text: str) -> tuple[str, ...]:
    text = _SOFT_HYPHEN.sub(r"\1", text) if "-" in text else text
    out: list[str] = []
    for item in _BULLET.split(text) if _may_have_bullets(text) else (text,):
        for part in _SENTENCE_END.split(" ".join(item.split())):
            part = part.strip(" ;")
            if len(part) > 2:
                out.append(part)
    return tuple(out)


_LETTER = r"[\wæøå]"
_RUN = re.compile(_LETTER + "+")  # maximal runs of letters: the words as the term patterns see them


def _part_pattern(raw: str, stemmed: str) -> str:
    options = sorted({re.escape(raw), re.escape(stemmed)}, key=len)
    return "(?:" + "|".join(options) + ")" + _LETTER + "*"


@dataclass(frozen=True)
class Term:
    """A word or phrase to look for. Each word matches the start of a word, written or
    stemmed ("fravær" matches "fraværet"); a one-word term of five letters or more also
    matches inside a compound ("fravær" in "sygefraværsprocent").

    `parts` holds, per word, its written and stemmed form, so that the test can run on a
    text's words without the regular expression (same result, much faster); it is empty
    when a word holds other characters than letters ("covid-19"), and then `pattern` is used."""

    text: str
    pattern: re.Pattern
    parts: tuple[tuple[str, ...], ...] = ()
    compound: bool = False

    @classmethod
    def of(cls, text: str) -> Term:
        return _term(text)


@lru_cache(maxsize=4096)
def _term(text: str) -> Term:
    parts = [(w, stem(w)) for w in words(text)]
    if not parts:
        return Term(text, re.compile(r"(?!x)x"))
    body = (r"[^\wæøå]+").join(_part_pattern(w, s) for w, s in parts)
    compound = len(parts) == 1 and len(parts[0][1]) >= 5
    plain = all(_RUN.fullmatch(w) and _RUN.fullmatch(s) for w, s in parts)
    options = tuple(tuple(sorted({w, s}, key=len)) for w, s in parts) if plain else ()
    return Term(text, re.compile(body if compound else rf"(?<!{_LETTER})" + body), options, compound)


class Text:
    """A lower-cased text, and its words (runs of letters) as one string " w1 w2 w3", so that
    "a word starts with p" is the substring test `" " + p in text.words`. Computed once for many tests."""

    __slots__ = ("lowered", "_words", "_stems")

    def __init__(self, text: str):
        self.lowered = text.lower()
        self._words: str | None = None
        self._stems: frozenset[str] | None = None

    @property
    def words(self) -> str:
        if self._words is None:
            self._words = " " + " ".join(_RUN.findall(self.lowered))
        return self._words

    @property
    def stems(self) -> frozenset[str]:
        """The set of `stems(text)`."""
        if self._stems is None:
            self._stems = frozenset(stems(self.lowered))
        return self._stems


def _contains_any(text: str, options: tuple[str, ...]) -> bool:
    return any(o in text for o in options)


def _rarest_first(parts: tuple[tuple[str, ...], ...]) -> tuple[tuple[str, ...], ...]:
    """The parts of a phrase, longest (most telling) first, to rule a text out quickly."""
    return tuple(sorted(parts, key=lambda options: -min(map(len, options))))


class AnyTerm:
    """Tests a text for any of several terms, with the same result as the terms' patterns:
    substrings for compound terms, word starts for one-word terms; a phrase's pattern is only
    tried when each of its words starts some word of the text."""

    def __init__(self, terms: tuple[Term, ...]):
        self.inside = tuple(p for t in terms if t.parts and t.compound for p in t.parts[0])
        single = [t for t in terms if t.parts and not t.compound and len(t.parts) == 1]
        self.starts = tuple(" " + p for t in single for p in t.parts[0])
        self.phrases = tuple(
            (_rarest_first(tuple(tuple(" " + o for o in part) for part in t.parts)), t.pattern)
            for t in terms
            if len(t.parts) > 1
        )
        others = [t for t in terms if not t.parts]
        self.pattern = re.compile("|".join(f"(?:{t.pattern.pattern})" for t in others)) if others else None

    def search(self, text: str | Text) -> bool:
        """Whether any term occurs; a `str` must be lower-cased already."""
        text = text if isinstance(text, Text) else Text(text)
        if _contains_any(text.lowered, self.inside) or _contains_any(text.words, self.starts):
            return True
        for parts, pattern in self.phrases:
            for part in parts:
                if not _contains_any(text.words, part):
                    break
            else:
                if pattern.search(text.lowered):
                    return True
        return self.pattern is not None and self.pattern.search(text.lowered) is not None


def term_in(term: Term, text: Text) -> bool:
    """Whether the term occurs in the text (as `term.pattern.search(text.lowered)` would say)."""
    return any_term_pattern((term,)).search(text)


@lru_cache(maxsize=1024)
def any_term_pattern(terms: tuple[Term, ...]) -> AnyTerm:
    """One matcher for any of the terms (to test many sentences quickly)."""
    return AnyTerm(terms)


def find_terms(terms: Iterable[Term], text: str | Text) -> list[str]:
    """The terms (as written) that occur in a text."""
    text = text if isinstance(text, Text) else Text(text)
    return [t.text for t in terms if term_in(t, text)]


def has_number(text: str) -> bool:
    """Whether a text states a percentage ("3,4 %", "under 2,5 pct.", "10%")."""
    return bool(NUMBER_WITH_UNIT.search(text))
