"""What the import preview must ask before a document becomes a contract that can be submitted:
the holder and year when the document gives none, and each shared goal's partner whose role
the text does not say."""

from __future__ import annotations

from .model import ParsedDocument


def questions_for(doc: ParsedDocument) -> list[dict]:
    questions: list[dict] = []
    if doc.kind == "dus":
        return questions
    if not doc.holder:
        questions.append({"kind": "holder", "text": "Hvem er kontraktholder?"})
    if not doc.year:
        questions.append({"kind": "year", "text": "Hvilket år gælder kontrakten?"})
    for goal in doc.goals:
        for partner in goal.partners:
            if not partner.role.strip():
                questions.append(
                    {
                        "kind": "partner_role",
                        "goal": goal.number,
                        "partner": partner.name,
                        "text": f"Hvad står {partner.name} for i mål {goal.number}?",
                    }
                )
    return questions
