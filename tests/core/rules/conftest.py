"""The corpus as the checks see it: parsed by the importer, adapted to `ContractInput`."""

from __future__ import annotations

from pathlib import Path

import pytest

from roedtraad.core.ingest.parse import parse_text
from roedtraad.core.rules.adapt import contract_input_from_parsed

# Names the organisation uses for some units besides their full names (as an admin would enter them).
UNITS = {
    "Landsbyen Sølund": ["Sølund"],
    "Skanderborg Fællesskaberne": ["Fællesskaberne", "SF"],
    "Arbejdsmarked og Social": [],
    "Byrådssekretariatet og HR": [],
    "Sundhed, Omsorg og Handicap": ["SOH"],
}


@pytest.fixture(scope="session")
def corpus_contracts(corpus_dir: Path) -> dict[str, object]:
    """Contract inputs of the corpus contracts by file prefix ("000", "001", "003", "004")."""
    out = {}
    for path in sorted(corpus_dir.glob("*.txt")):
        doc = parse_text(path.read_text(encoding="utf-8"), path.name)
        if doc.kind != "dus":
            out[path.name[:3]] = contract_input_from_parsed(doc)
    return out


@pytest.fixture(scope="session")
def units() -> dict[str, list[str]]:
    return {k: list(v) for k, v in UNITS.items()}
