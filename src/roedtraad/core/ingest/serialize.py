"""A `ParsedDocument` to JSON and back, so a draft import can be held in the database between
requests (the text all offsets refer to is kept, unlike `ParsedDocument.as_json`)."""

from __future__ import annotations

from dataclasses import asdict, fields

from .model import (
    Fragment,
    ParsedActivity,
    ParsedDocument,
    ParsedFollowUp,
    ParsedGoal,
    ParsedIndicator,
    ParsedPartner,
    ParsedReference,
    ParsedResponsible,
)


def _known(cls, data: dict) -> dict:
    names = {f.name for f in fields(cls)}
    return {key: value for key, value in data.items() if key in names}


def to_data(doc: ParsedDocument) -> dict:
    data = asdict(doc)
    # PostgreSQL's jsonb does not keep the order of an object's keys; the document's order of
    # sections is kept beside them.
    for goal_data, goal in zip(data["goals"], doc.goals, strict=True):
        goal_data["section_order"] = list(goal.sections)
    return data


def goal_from_data(data: dict) -> ParsedGoal:
    goal = ParsedGoal(**_known(ParsedGoal, data))
    stored = dict(goal.sections or {})
    order = [key for key in data.get("section_order") or [] if key in stored]
    goal.sections = {key: stored[key] for key in [*order, *(k for k in stored if k not in order)]}
    goal.shared_with = list(goal.shared_with or [])
    goal.unread_targets = list(goal.unread_targets or [])
    goal.indicators = [ParsedIndicator(**_known(ParsedIndicator, i)) for i in data.get("indicators") or []]
    goal.activities = [ParsedActivity(**_known(ParsedActivity, a)) for a in data.get("activities") or []]
    goal.follow_ups = [ParsedFollowUp(**_known(ParsedFollowUp, f)) for f in data.get("follow_ups") or []]
    goal.partners = [ParsedPartner(**_known(ParsedPartner, p)) for p in data.get("partners") or []]
    goal.references = [ParsedReference(**_known(ParsedReference, r)) for r in data.get("references") or []]
    goal.responsible = [ParsedResponsible(**_known(ParsedResponsible, r)) for r in data.get("responsible") or []]
    return goal


def from_data(data: dict) -> ParsedDocument:
    doc = ParsedDocument(**_known(ParsedDocument, data))
    doc.goals = [goal_from_data(g) for g in data.get("goals") or []]
    doc.unassigned = [Fragment(**_known(Fragment, f)) for f in data.get("unassigned") or []]
    doc.artefacts = [Fragment(**_known(Fragment, f)) for f in data.get("artefacts") or []]
    for name in ("stop_doing", "requirements", "tracks", "focus_areas"):
        setattr(doc, name, list(getattr(doc, name) or []))
    return doc
