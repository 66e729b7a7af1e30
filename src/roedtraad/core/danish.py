"""Small helpers for Danish text: decimal-comma numbers, whitespace, hyphenation, sentences.

Pure Python; used by the importer's layout parser and anywhere a Danish figure is read.
"""

from __future__ import annotations

import functools
import re

MONTHS: dict[str, int] = {
    "januar": 1,
    "februar": 2,
    "marts": 3,
    "april": 4,
    "maj": 5,
    "juni": 6,
    "juli": 7,
    "august": 8,
    "september": 9,
    "oktober": 10,
    "november": 11,
    "december": 12,
}

# Shares written as words ("minimum halvdelen af deltagerne") and their percentage.
FRACTION_WORDS: dict[str, float] = {
    "halvdelen": 50.0,
    "en tredjedel": 33.33,
    "to tredjedele": 66.67,
    "en fjerdedel": 25.0,
    "tre fjerdedele": 75.0,
}

UPPER = "A-ZÆØÅÄÖÜ"
LOWER = "a-zæøåäöüé"

# A Danish number: "8,22", "7", "1.250,5" (dot thousands separator), "10".
NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"

_WS = re.compile(r"\s+")
# "velfærdstek-\nnologi" is one word; "kontrakt-\nog aftale" keeps its hyphen (a suspended compound).
_HYPHEN_BREAK = re.compile(rf"(?<=[{LOWER}])-[ \t]*\n[ \t]*(?!(?:og|eller|til)\b)(?=[{LOWER}])")
_ABBREVIATIONS = ("f.eks.", "bl.a.", "fx.", "mv.", "m.m.", "nr.", "pct.", "ca.", "jf.", "evt.", "dvs.", "ift.", "ifm.")
_ABBREVIATION_RE = re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(a) for a in _ABBREVIATIONS) + ")", re.IGNORECASE)
_PUNCTUATION = re.compile(rf"[^\w{LOWER} ]+")
_DANISH_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")
_SENTENCE_END = re.compile(rf"(?<=[.!?])\s+(?=[{UPPER}\"'”“])")


def parse_number(text: str) -> float:
    """A Danish number as a float: "8,22" → 8.22, "1.250,5" → 1250.5. Raises ValueError."""
    cleaned = text.strip().replace(" ", "")
    if _DANISH_THOUSANDS.fullmatch(cleaned):
        cleaned = cleaned.replace(".", "")
    return float(cleaned.replace(",", "."))


def normalise_space(text: str) -> str:
    """Collapse all runs of whitespace to one space and strip the ends."""
    return _WS.sub(" ", text).strip()


def join_lines(text: str) -> str:
    """Text broken over lines as one line: hyphenated words rejoined, whitespace collapsed."""
    return normalise_space(_HYPHEN_BREAK.sub("", text))


def normalise_name(text: str) -> str:
    """A unit or goal name for comparison: lower case, no punctuation, single spaces."""
    lowered = _PUNCTUATION.sub(" ", text.lower())
    return normalise_space(lowered)


def split_sentences(text: str) -> list[str]:
    """Sentences of a paragraph; a full stop ends a sentence only before an upper-case start,
    and common abbreviations ("f.eks.", "bl.a.", "pct.") never do."""
    return list(_sentences(text))


@functools.lru_cache(maxsize=4096)
def _sentences(text: str) -> tuple[str, ...]:
    """Remembered: the importer's readers (targets, plans, people, references) split the same
    section texts one after another."""
    if "." not in text and "!" not in text and "?" not in text:
        return (text.strip(),) if text.strip() else ()
    protected = _ABBREVIATION_RE.sub(lambda m: m.group(0).replace(".", "\x00"), text)
    parts = _SENTENCE_END.split(protected)
    return tuple(part.replace("\x00", ".").strip() for part in parts if part.strip())


def first_sentence(text: str) -> str:
    """The first sentence of a text (whitespace normalised)."""
    sentences = split_sentences(join_lines(text))
    return sentences[0] if sentences else ""
