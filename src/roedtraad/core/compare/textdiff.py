"""A word-level diff as data: runs of kept, removed and added text a template shows as is."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

TOKENS = re.compile(r"\s+|\d+(?:[.,]\d+)*%?|\w+|[^\w\s]")  # "4,5" and "8,22" stay one word


@dataclass(frozen=True)
class Chunk:
    op: str  # "equal", "delete" or "insert"
    text: str


def word_diff(before: str, after: str) -> list[Chunk]:
    """The changes from `before` to `after` word by word; adjacent chunks of one kind are joined."""
    old, new = TOKENS.findall(before or ""), TOKENS.findall(after or "")
    chunks: list[Chunk] = []

    def add(op: str, tokens: list[str]) -> None:
        text = "".join(tokens)
        if not text:
            return
        if chunks and chunks[-1].op == op:
            chunks[-1] = Chunk(op, chunks[-1].text + text)
        else:
            chunks.append(Chunk(op, text))

    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "equal":
            add("equal", old[i1:i2])
            continue
        add("delete", old[i1:i2])
        add("insert", new[j1:j2])
    return chunks


def same_words(before: str, after: str) -> bool:
    """True when the texts differ only in spacing and line breaks (a reflow, not a change)."""
    return " ".join((before or "").split()) == " ".join((after or "").split())
