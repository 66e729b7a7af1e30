"""Which column holds which field: guessed from the header names, or given as `--map column=field`."""

from __future__ import annotations

from roedtraad.core.measurements.errors import MappingError
from roedtraad.core.measurements.names import contains_run, skeleton, words

__all__ = [
    "FIELDS",
    "FIELD_LABELS",
    "MappingError",
    "guess_mapping",
    "merge_mapping",
    "missing_fields",
    "parse_overrides",
]

FIELDS = ("unit", "period", "value", "key_figure", "numerator", "denominator", "headcount")
FIELD_LABELS: dict[str, str] = {
    "unit": "enhed",
    "period": "periode",
    "value": "værdi",
    "key_figure": "nøgletal",
    "numerator": "tæller",
    "denominator": "nævner",
    "headcount": "antal medarbejdere",
}
SYNONYMS: dict[str, tuple[str, ...]] = {
    "unit": (
        "Enhed",
        "Enhedsnavn",
        "Afdeling",
        "Organisation",
        "Organisationsenhed",
        "Arbejdssted",
        "Center",
        "Område",
        "Org. enhed",
        "Institution",
    ),
    "period": ("Periode", "Måned", "Md.", "Mdr.", "Dato", "Kvartal", "År", "Tid", "År og måned"),
    "value": (
        "Værdi",
        "Fravær %",
        "Sygefravær %",
        "Fravær",
        "Sygefravær",
        "Fraværsprocent",
        "Sygefraværsprocent",
        "Procent",
        "Andel",
        "Resultat",
        "Nøgletal værdi",
        "Nøgletalsværdi",
    ),
    "key_figure": ("Nøgletal", "Nøgletalsnavn", "Indikator", "Måling", "Mål", "KPI", "Serie"),
    "numerator": (
        "Fraværsdage",
        "Fraværsdagsværk",
        "Fraværsdagsværker",
        "Sygedage",
        "Sygefraværsdage",
        "Tæller",
    ),
    "denominator": (
        "Mulige dage",
        "Mulige dagsværk",
        "Mulige dagsværker",
        "Mulige arbejdsdage",
        "Arbejdsdage",
        "Nævner",
        "Aktive dage",
    ),
    "headcount": (
        "Antal medarbejdere",
        "Medarbejdere",
        "Årsværk",
        "Antal årsværk",
        "Antal ansatte",
        "Ansatte",
        "Headcount",
        "Normering",
    ),
}
EXACT, WORDS, PREFIX, PERCENT = 4, 3, 2, 1  # how well a header matches a field
_PERCENT_WORDS = {"%", "pct", "procent"}
_PREFIX_MIN = 4  # "Afdelingsnavn" starts with "afdeling"; "Målgruppe" does not count as "mål"


def header_score(header: str, field: str) -> int:
    """How well a header names a field: exact, as whole words, as a compound's first part, or 0."""
    name, tokens = skeleton(header), words(header)
    synonyms = [skeleton(synonym) for synonym in SYNONYMS[field]]
    if name in synonyms:
        return EXACT
    if any(contains_run(tokens, synonym.split()) for synonym in synonyms):
        return WORDS
    single = [synonym for synonym in synonyms if " " not in synonym and len(synonym) >= _PREFIX_MIN]
    if any(token.startswith(synonym) for token in tokens for synonym in single):
        return PREFIX
    if field == "value" and _PERCENT_WORDS & set(tokens):
        return PERCENT
    return 0


def guess_mapping(headers: list[str]) -> dict[str, int]:
    """Field → column index from the header names; each column used for one field at most."""
    candidates = [
        (-score, column, FIELDS.index(field), field)
        for column, header in enumerate(headers)
        for field in FIELDS
        if (score := header_score(header, field))
    ]
    mapping: dict[str, int] = {}
    for _, column, _, field in sorted(candidates):
        if field not in mapping and column not in mapping.values():
            mapping[field] = column
    return {field: mapping[field] for field in FIELDS if field in mapping}


def parse_overrides(items: list[str], headers: list[str]) -> dict[str, int]:
    """`--map column=field` items (column by header name or 1-based number) as field → column."""
    overrides: dict[str, int] = {}
    for item in items:
        column_text, separator, field_text = item.rpartition("=")
        if not separator or not column_text.strip():
            raise MappingError(f"«{item}» skal skrives som kolonne=felt, fx «Afdeling=unit». {_valid_fields()}")
        field, column = field_name(field_text), column_index(column_text, headers)
        if field in overrides:
            raise MappingError(f"Feltet «{field}» er angivet to gange.")
        if column in overrides.values():
            raise MappingError(f"Kolonnen «{headers[column]}» er angivet til to felter.")
        overrides[field] = column
    return overrides


def merge_mapping(guessed: dict[str, int], overrides: dict[str, int]) -> dict[str, int]:
    """The guess with the overrides on top; a guessed field whose column is overridden goes."""
    taken = set(overrides.values())
    kept = {field: column for field, column in guessed.items() if field not in overrides and column not in taken}
    merged = kept | overrides
    return {field: merged[field] for field in FIELDS if field in merged}


def missing_fields(mapping: dict[str, int], wide: bool) -> list[str]:
    """Required fields without a column: unit always; in a long table also period and value
    (value may instead be computed from numerator and denominator). A wide table takes its
    periods and values from its month columns."""
    missing = [] if "unit" in mapping else ["unit"]
    if wide:
        return missing
    if "period" not in mapping:
        missing.append("period")
    if "value" not in mapping and not {"numerator", "denominator"} <= mapping.keys():
        missing.append("value")
    return missing


def field_name(text: str) -> str:
    """A field from its English name or Danish label ("unit", "enhed")."""
    wanted = skeleton(text).replace(" ", "_")
    for field in FIELDS:
        if wanted in (field, skeleton(FIELD_LABELS[field]).replace(" ", "_")):
            return field
    raise MappingError(f"Feltet «{text.strip()}» findes ikke. {_valid_fields()}")


def column_index(text: str, headers: list[str]) -> int:
    """A column from its 1-based number or its header name."""
    stripped = text.strip()
    if stripped.isdigit() and 1 <= int(stripped) <= len(headers):
        return int(stripped) - 1
    for same in (lambda header: header == stripped, lambda header: skeleton(header) == skeleton(stripped)):
        for index, header in enumerate(headers):
            if same(header):
                return index
    names = ", ".join(f"«{header}»" for header in headers)
    numbers = f"nummer 1–{len(headers)}"
    raise MappingError(f"Kolonnen «{stripped}» findes ikke. Filens kolonner er: {names} (eller {numbers}).")


def _valid_fields() -> str:
    return "Gyldige felter: " + ", ".join(f"{field} ({FIELD_LABELS[field]})" for field in FIELDS) + "."
