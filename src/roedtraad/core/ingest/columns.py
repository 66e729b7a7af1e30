"""A goal's sections written as a two-column table — the section names in a left column, the
text in a right column, both wrapped — as text extraction of a Word table or a PDF gives it:

    Baggrund og formål          Ventetiden på en afgørelse er i dag otte uger, og
                                borgerne ringer ofte …
    Det politiske og            Målet bygger på …
    strategiske afsæt           DUS spor 2.

`unfold_columns` writes each row as the heading on a line of its own followed by its text, the
shape the section reader knows; lines outside the table are kept as they are.
"""

from __future__ import annotations

import re

from roedtraad.core.sections import HEADINGS

_ROW = re.compile(r"^(?P<left>\S(?:.*?\S)?)[ \t]{3,}(?P<right>\S.*)$")
_RIGHT_ONLY = re.compile(r"^[ \t]{8,}(?P<right>\S.*)$")
_LABELS = [" ".join(h.lower().split()) for h in HEADINGS.values()]


def _label_prefix(words: str) -> bool:
    words = " ".join(words.lower().split())
    return bool(words) and any(label.startswith(words) for label in _LABELS)


def _label(words: str) -> bool:
    return " ".join(words.lower().split()) in _LABELS


def looks_like_columns(text: str) -> bool:
    """At least two rows start with a section name followed by a wide gap and text."""
    rows = sum(1 for line in text.splitlines() if (m := _ROW.match(line)) and _label_prefix(m["left"]))
    return rows >= 2


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

    for line in text.splitlines():
        row = _ROW.match(line)
        right_only = _RIGHT_ONLY.match(line)
        if row and _label_prefix(row["left"]) and not (label and _label_prefix(" ".join([*label, row["left"]]))):
            flush()
            label.append(row["left"].strip())
            body.append(row["right"].strip())
        elif row and label and _label_prefix(" ".join([*label, row["left"]])):
            label.append(row["left"].strip())  # the left column's label goes on: "strategiske afsæt"
            body.append(row["right"].strip())
        elif right_only and label:
            body.append(right_only["right"].strip())
        elif label and line.strip() and not _label(" ".join(label)) and _label_prefix(" ".join([*label, line])):
            label.append(line.strip())  # the label's last words on a line of their own: "borgeren"
        else:
            flush()
            out.append(line)
    flush()
    return "\n".join(out) + ("\n" if text.endswith("\n") else "")
