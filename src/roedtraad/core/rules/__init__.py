"""The checks: what the framework (DUS) asks every contract to contain, shared goals and
overlapping goals. Pure Python, no Django: `catalogue` (requirements as data, and the
keys of `judged_by`), `evaluate` (requirements → findings with evidence), `shared`
(partners of shared goals and whether they reciprocate), `overlap` (similar goals of
different holders), `adapt` (input from the importer's `ParsedDocument`).
"""

from roedtraad.core.rules.catalogue import RequirementSpec, default_requirements
from roedtraad.core.rules.evaluate import (
    ContractInput,
    Evidence,
    Finding,
    GoalInput,
    IndicatorInput,
    evaluate,
)

__all__ = [
    "ContractInput",
    "Evidence",
    "Finding",
    "GoalInput",
    "IndicatorInput",
    "RequirementSpec",
    "default_requirements",
    "evaluate",
]
