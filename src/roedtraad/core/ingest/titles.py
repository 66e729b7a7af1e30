"""Goal titles as written: numbering prefixes removed, whitespace normalised."""

from __future__ import annotations

import re

from ..danish import join_lines

_PREFIX = re.compile(r"^\s*(?:(?:udviklingsmål|mål)\s+(?:nr\.?\s*)?\d{1,2}\s*[:.)\-–]?\s*|\d{1,2}\s*[).:]\s*)", re.I)


# A footnote's mark at a title's end: "Titel¹", "Titel2" (a digit glued to a small letter).
_MARK = re.compile(r"(?:(?<=[a-zæøå])\d{1,2}|[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,2})\s*$")


def clean_title(raw: str) -> str:
    """ "Udviklingsmål 3: Titel" / "3) Titel" / "Titel¹  " → "Titel"."""
    title = join_lines(raw)
    title = _PREFIX.sub("", title, count=1)
    title = _MARK.sub("", title.strip())
    return title.strip().rstrip(":").strip()


def title_number(raw: str) -> int | None:
    """The goal number a title states ("3) Titel" → 3), else None."""
    m = re.match(r"^\s*(?:(?:udviklingsmål|mål)\s+(?:nr\.?\s*)?)?(\d{1,2})\s*[).:]", raw, re.I)
    return int(m.group(1)) if m else None
