"""The requirements of the executive board's framework (DUS) as data.

Each requirement has a slug, the Danish text of the framework, and `judged_by`: a plain
dict a person can read and edit (it is stored in `frameworks.Requirement.judged_by`).
Keys of `judged_by`:

``evaluator``
    ``"terms"`` (default): look for the terms in the goals' text;
    ``"stop_doing"``: the contract's stop-doing list, else sentences with the terms;
    ``"shared_goal"``: at least one shared goal, with responsibility and roles stated.
``terms``
    Words or phrases (any of them). Each word matches the start of a word or of its Danish
    stem ("fravær" matches "fraværet"); a one-word term also matches the end of a compound
    ("fravær" in "sygefraværsprocent").
``also_terms``
    For "met" the same goal must also contain one of these (e.g. the leadership principles).
``sections``
    Section keys searched (see `roedtraad.core.sections`); empty or missing means all
    sections. The goal title is always searched.
``min_sentences``
    How many sentences of a goal must contain a term for "met" when the goal's title does
    not name the subject (default 1). One passing mention below that is "partial".
``needs_number``
    For "met" the goal must state a target number: an indicator of the goal, or a sentence
    with a term and a percentage in one of ``number_sections``.
``number_sections``
    Where a target number may stand (default: all but background and political basis).
``needs_activities``
    For "met" the goal must say how it will be reached: non-empty text in one of
    ``activity_sections`` (default ``aktiviteter``, ``arbejde_med``).
``responsibility_terms``
    (shared_goal) Words that state responsibility and roles ("ansvar", "rolle").

A sentence that only repeats the framework's own wording of the requirement is never
evidence: contracts often quote the list of what they must contain.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

ACTIVITY_SECTIONS = ["aktiviteter", "arbejde_med"]
TARGET_SECTIONS = [
    "udviklingsmaal",
    "arbejde_med",
    "arbejde_hen_imod",
    "aktiviteter",
    "opfoelgning",
    "tidsperspektiv",
]


@dataclass
class RequirementSpec:
    """A requirement as the evaluator sees it (a `frameworks.Requirement` without Django)."""

    slug: str
    text: str
    judged_by: dict[str, Any] = field(default_factory=dict)
    order: int = 0
    name: str = ""

    @property
    def display_name(self) -> str:
        """The name a person reads: the given name, else the start of the text (never the slug)."""
        return self.name or name_from_text(self.text) or self.slug


def name_from_text(text: str, words: int = 6) -> str:
    """A short name from a requirement's text: its first clause, at most `words` words."""
    clause = text.strip().split(".")[0].split(",")[0].split(":")[0].split()
    if not clause:
        return ""
    short = " ".join(clause[:words])
    return short + ("…" if len(clause) > words else "")


CATALOGUE_2023: list[dict[str, Any]] = [
    {
        "slug": "holde-op-med",
        "name": "Holde op med",
        "text": "Forslag til noget vi skal holde op med at gøre i Skanderborg Kommune, fordi det "
        "ikke giver mening eller ikke har nogen direkte eller indirekte virkning for borgeren. "
        "Det kan fx være opgaver, mødeaktivitet eller proceskrav.",
        "judged_by": {
            "evaluator": "stop_doing",
            "terms": [
                "holde op med",
                "hold op med",
                "ophøre med",
                "ophører med",
                "afskaffe",
                "stoppe med",
                "ikke længere",
                "droppe",
                "udfase",
                "ikke afholde",
                "undlade",
            ],
        },
    },
    {
        "slug": "ledelsesudvikling",
        "name": "Ledelsesudvikling",
        "text": "Fokusområder i ledelsesudviklingen for det kommende år med afsæt i vores fælles ledelsesgrundlag.",
        "judged_by": {
            "evaluator": "terms",
            "terms": [
                "ledelsesudvikling",
                "lederudvikling",
                "udvikle ledelse",
                "udvikling af ledelse",
                "udvikling af ledelsen",
                "ledelsesrolle",
                "lederrolle",
                "god ledelse",
            ],
            "also_terms": ["ledelsesgrundlag"],
        },
    },
    {
        "slug": "sygefravaer",
        "name": "Sygefravær",
        "text": "Lokale mål for nedbringelse af sygefravær det kommende år (eller fastholdelse af "
        "et lavt sygefravær) samt en strategi for at nå målet.",
        "judged_by": {
            "evaluator": "terms",
            "terms": ["sygefravær", "fravær", "sygemelding", "sygdom"],
            "needs_number": True,
            "number_sections": TARGET_SECTIONS,
            "needs_activities": True,
            "activity_sections": ACTIVITY_SECTIONS,
        },
    },
    {
        "slug": "fleksible-arbejdsformer",
        "name": "Fleksible arbejdsformer",
        "text": "En beskrivelse af, hvordan I vil eksperimentere med og udvikle fleksible arbejdsformer.",
        "judged_by": {
            "evaluator": "terms",
            "terms": [
                "fleksible arbejdsformer",
                "fleksibel arbejdsform",
                "nye arbejdsformer",
                "andre arbejdsformer",
                "fleksibel opgaveløsning",
                "fuld tid",
                "fuldtid",
                "flere timer",
                "flydende arbejdstid",
                "dele ressourcer",
            ],
            "min_sentences": 2,
        },
    },
    {
        "slug": "god-modtagelse",
        "name": "God modtagelse af nye kolleger",
        "text": "En beskrivelse af indsatsen vedrørende God modtagelse af nye kollegaer.",
        "judged_by": {
            "evaluator": "terms",
            "terms": [
                "god modtagelse",
                "gode modtagelse",
                "modtagelsesforløb",
                "onboarding",
                "introduktion af nye",
                "introduktionsforløb",
                "introduktionsarrangement",
                "modtagelse af nye",
            ],
            "min_sentences": 2,
        },
    },
    {
        "slug": "opgaveloesning",
        "name": "Udvikling af opgaveløsningen",
        "text": "En beskrivelse af fokusområder, hvor jeres opgaveløsning kan udvikles. Det kan fx "
        "ske ved hjælp af velfærdsteknologi, digitalisering eller bedre organisering og styring.",
        "judged_by": {
            "evaluator": "terms",
            "terms": [
                "velfærdsteknologi",
                "digitalisering",
                "digitale løsninger",
                "digitale værktøjer",
                "automatisering",
                "robot",
                "organisering",
                "udvikle opgaveløsningen",
                "udvikling af opgaveløsningen",
                "nye måder",
                "effektivisering",
            ],
            "min_sentences": 2,
        },
    },
    {
        "slug": "faelles-maal",
        "name": "Fælles mål",
        "text": "Mindst ét, gerne flere, fælles mål. Fælles mål skal med i de involverede parters "
        "kontrakter eller aftaler med angivelse af ansvar og roller.",
        "judged_by": {
            "evaluator": "shared_goal",
            "responsibility_terms": ["ansvar", "ansvarlig", "rolle", "roller", "styregruppe", "tovholder"],
        },
    },
]


def default_requirements() -> list[RequirementSpec]:
    """The 2023 requirements of the catalogue, in the framework's order (fresh copies)."""
    import copy

    return [
        RequirementSpec(
            slug=r["slug"], text=r["text"], judged_by=copy.deepcopy(r["judged_by"]), order=i, name=r["name"]
        )
        for i, r in enumerate(CATALOGUE_2023)
    ]


def catalogue_name(slug: str) -> str:
    """The catalogue's name of a requirement slug ("" for a slug the catalogue does not know)."""
    return next((r["name"] for r in CATALOGUE_2023 if r["slug"] == slug), "")
