"""Header names compared loosely: case, diacritics and Danish letters do not matter."""

from __future__ import annotations

import re
import unicodedata

_DANISH = str.maketrans({"æ": "a", "ø": "o", "å": "a"})
_DIGRAPHS = (("aa", "a"), ("ae", "a"), ("oe", "o"))
_NOT_WORD = re.compile(r"[^a-z0-9%]+")


def skeleton(text: str) -> str:
    """ "Fravær %" → "fravar %", "Måned" and "Maaned" → "maned", "Org. enhed" → "org enhed"."""
    lowered = text.lower().translate(_DANISH)
    plain = "".join(char for char in unicodedata.normalize("NFKD", lowered) if not unicodedata.combining(char))
    for digraph, letter in _DIGRAPHS:
        plain = plain.replace(digraph, letter)
    return " ".join(_NOT_WORD.sub(" ", plain.replace("%", " % ")).split())


def words(text: str) -> list[str]:
    return skeleton(text).split()


def contains_run(haystack: list[str], needle: list[str]) -> bool:
    """Whether needle occurs in haystack as consecutive whole words."""
    size = len(needle)
    return size > 0 and any(haystack[start : start + size] == needle for start in range(len(haystack) - size + 1))
