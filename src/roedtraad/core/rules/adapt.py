"""Build the checks' input from what the importer parsed (`ParsedDocument`)."""

from __future__ import annotations

from roedtraad.core.ingest.model import ParsedDocument
from roedtraad.core.rules.evaluate import ContractInput, GoalInput, IndicatorInput


def contract_input_from_parsed(doc: ParsedDocument) -> ContractInput:
    """A `ContractInput` with the document's goals, sections, partners, targets and
    stop-doing proposals."""
    goals = [
        GoalInput(
            number=goal.number,
            title=goal.title,
            sections={k: v for k, v in goal.sections.items() if v and v.strip()},
            shared_with=list(goal.shared_with),
            indicators=[IndicatorInput(i.text, i.baseline, i.target, i.unit) for i in goal.indicators],
        )
        for goal in doc.goals
    ]
    return ContractInput(holder=doc.holder, year=doc.year, goals=goals, stop_doing=list(doc.stop_doing))
