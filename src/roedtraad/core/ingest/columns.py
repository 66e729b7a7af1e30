"""A goal's sections written as a two-column table — the section names in a left column, the
text in a right column, both wrapped — as text extraction of a Word table or a PDF gives it:

    Baggrund og formål          Ventetiden på en afgørelse er i dag otte uger, og
                                borgerne ringer ofte …
    Det politiske og            Målet bygger på …
    strategiske afsæt           DUS spor 2.

A PDF drawn with the gap as space characters comes out of text extraction with the gap as one
space ("Baggrund og formål Ventetiden på …", the next lines indented by one space): such a row
is told by a whole section name at the line's start followed by a capital or a bullet.

`unfold_columns` writes each row as the heading on a line of its own followed by its text, the
shape the section reader knows; lines outside the table are kept as they are.
"""

from __future__ import annotations

import re
from collections import Counter

from roedtraad.core.sections import HEADINGS

from .headings import OTHER_NAMES

_ROW = re.compile(r"^(?P<left>\S(?:.*?\S)?)[ \t]{3,}(?P<right>\S.*)$")
_RIGHT_ONLY = re.compile(r"^[ \t]{8,}(?P<right>\S.*)$")
# The goal's section names, and the document's own names for a row of the table.
_LABELS = [" ".join(h.lower().split()) for h in HEADINGS.values()] + ["indledning", "opfølgning", *OTHER_NAMES]


def _label_prefix(words: str) -> bool:
    words = " ".join(words.lower().split())
    return bool(words) and any(label.startswith(words) for label in _LABELS)


def _label(words: str) -> bool:
    return " ".join(words.lower().split()) in _LABELS


_FIRST_WORDS = {label.split()[0] for label in _LABELS}
_ROW_START = re.compile(r"[A-ZÆØÅ•▪\-–]")


def looks_like_columns(text: str) -> bool:
    """At least two rows start with a section name followed by a wide gap and text, or three by
    a whole section name, one space and a capital or a bullet."""
    lines = text.splitlines()
    rows = sum(
        1 for line in lines if ("   " in line or "\t" in line) and (m := _ROW.match(line)) and _label_prefix(m["left"])
    )
    return rows >= 2 or sum(1 for line in lines if _narrow_row(line, [])) >= 3


def _narrow_row(line: str, label: list[str]) -> tuple[str, str] | None:
    """(left, right) of a row whose cells are one space apart: the longest run of the line's
    first words that is a section name (or that goes on with the pending `label`), followed by
    text that starts a cell. The label's own continuation ("afsæt udviklingsspor …") may be
    followed by any text; a new row's text starts with a capital or a bullet, and is no second
    section name ("Udviklingsmål Forventede virkninger for borgeren", a form's row of labels)."""
    words = line.split()
    if len(words) < 2 or len(line) > 400 or (not label and words[0].lower() not in _FIRST_WORDS):
        return None
    for cut in range(min(len(words) - 1, 8), 0, -1):
        left, right = " ".join(words[:cut]), " ".join(words[cut:])
        if label and _label(" ".join([*label, left])):
            return left, right
        if words[0][:1].isupper() and _ROW_START.match(right) and _label_prefix(left) and not label:
            return None if _label_prefix(" ".join(words[cut : cut + 2])) else (left, right)
    return None


def _right_column(lines: list[str]) -> int | None:
    """Where the right column starts: the most common start of the text of rows whose left
    cell is a section name, or None when no two rows agree."""
    starts = Counter(m.start("right") for line in lines if (m := _ROW.match(line)) and _label_prefix(m["left"]))
    column, count = starts.most_common(1)[0] if starts else (0, 0)
    return column if count >= 2 else None


def _cells(line: str, column: int | None) -> tuple[str, str] | None:
    """(left cell, right cell) of a table row, or None for a line that is not one. A label that
    comes within one or two spaces of the right column ("Det politiske og strategiske  Ud…")
    is split at the column the other rows give."""
    if column and len(line) > column and line[column - 1] == " " and line[column] != " " and line[:column].strip():
        return line[:column].strip(), line[column:].strip()
    row = _ROW.match(line)
    return (row["left"].strip(), row["right"].strip()) if row else None


def unfold_columns(text: str) -> str:
    out: list[str] = []
    label: list[str] = []
    body: list[str] = []

    def flush() -> None:
        if label:
            out.append(" ".join(label))
            out.extend(body)
        label.clear()
        body.clear()

    lines = text.splitlines()
    column = _right_column(lines)
    narrow = column is None and not any((m := _ROW.match(line)) and _label_prefix(m["left"]) for line in lines)
    for line in lines:
        cells = (
            _narrow_row(line, [] if label and _label(" ".join(label)) else label) if narrow else _cells(line, column)
        )
        right_only = _RIGHT_ONLY.match(line)
        go_on = cells is not None and bool(label) and _label_prefix(" ".join([*label, cells[0]]))
        if cells and _label_prefix(cells[0]) and not go_on:
            flush()
            label.append(cells[0])
            body.append(cells[1])
        elif cells and go_on:
            label.append(cells[0])  # the left column's label goes on: "strategiske afsæt"
            body.append(cells[1])
        elif right_only and label:
            body.append(right_only["right"].strip())
        elif label and line.strip() and not _label(" ".join(label)) and _label_prefix(" ".join([*label, line])):
            label.append(line.strip())  # the label's last words on a line of their own: "borgeren"
        elif narrow and label and line.strip():
            body.append(line.strip())  # the right cell's next line
        else:
            flush()
            out.append(line)
    flush()
    return "\n".join(out) + ("\n" if text.endswith("\n") else "")
