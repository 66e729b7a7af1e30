"""What would meet a requirement, in words, from the requirement's own text and rule.

Shown beside a "Mangler" or "Delvist" so the holder knows what to write, not only that
something is missing. Built from `judged_by`, so a requirement a director edits explains
itself with the words the check really looks for.
"""

from __future__ import annotations

from roedtraad.core.rules.catalogue import RequirementSpec

EXAMPLE_TERMS = 4


def _quoted(words: list[str]) -> str:
    return ", ".join(f"«{w}»" for w in words)


def _terms_hint(spec: RequirementSpec) -> str:
    rule = spec.judged_by
    parts = [f"Et af målene skal beskrive det, kravet beder om: {spec.text.strip()}"]
    needs = []
    if int(rule.get("min_sentences", 1)) > 1:
        needs.append(f"i mindst {int(rule['min_sentences'])} sætninger eller i målets titel")
    if rule.get("also_terms"):
        needs.append(f"med afsæt i {' / '.join(rule['also_terms'])}")
    if rule.get("needs_number"):
        needs.append("med et måltal (en indikator eller et tal i procent)")
    if rule.get("needs_activities"):
        needs.append("og med aktiviteter eller en strategi for at nå målet")
    if needs:
        parts.append("Det skal stå " + ", ".join(needs) + ".")
    terms = list(rule.get("terms") or [])[:EXAMPLE_TERMS]
    if terms:
        parts.append(f"Tjekket genkender fx ordene {_quoted(terms)}.")
    return " ".join(parts)


def what_would_meet(spec: RequirementSpec) -> str:
    """One or a few Danish sentences saying what a contract must contain to meet `spec`."""
    evaluator = spec.judged_by.get("evaluator", "terms")
    if evaluator == "stop_doing":
        return f"Skriv mindst ét forslag på kontraktens liste »Hold op med«: {spec.text.strip()}"
    if evaluator == "shared_goal":
        words = list(spec.judged_by.get("responsibility_terms") or ["ansvar", "rolle"])[:EXAMPLE_TERMS]
        return (
            "Lav mindst ét fælles mål med en anden enhed, og beskriv hver partners ansvar og rolle "
            f"(fx med ordene {_quoted(words)}). Kravet: {spec.text.strip()}"
        )
    return _terms_hint(spec)
