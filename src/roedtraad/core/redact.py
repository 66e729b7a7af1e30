"""Masking people's names in text that is published or kept after a person is erased.

Names are matched as whole words, case-insensitively, with any run of spaces between their
parts (a name wrapped over two lines in a document still matches); longer names first, so
"Anne Marie Holm" is masked before "Anne Marie".
"""

from __future__ import annotations

import re

MASK = "[navn]"


def name_pattern(names: list[str]) -> re.Pattern | None:
    parts = sorted({" ".join(n.split()) for n in names if n and len(n.strip()) > 2}, key=len, reverse=True)
    if not parts:
        return None
    alternatives = "|".join(r"\s+".join(map(re.escape, name.split())) for name in parts)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def mask_names(text: str, names: list[str], mask: str = MASK) -> str:
    """`text` with every occurrence of one of `names` replaced by `mask`."""
    pattern = name_pattern(names)
    return pattern.sub(mask, text) if pattern and text else text
