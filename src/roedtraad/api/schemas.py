"""What the API reads and writes, as pydantic schemas (the OpenAPI document is made from them).
Numbers are bounded by the columns they go into, texts by their fields, so bad input is a 422
naming the field, never a database error."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from ninja import Field, Schema
from pydantic import ConfigDict

from roedtraad.api.filters import MAX_ID, NO_NUL
from roedtraad.followup.entries import TEXT_MAX
from roedtraad.followup.models import FollowUpEntry, Measurement, RagStatus
from roedtraad.followup.small_numbers import without_hidden_statuses

Id = Annotated[int, Field(ge=1, le=MAX_ID)]


def _bound(model, name: str) -> float:
    """The largest magnitude a DecimalField stores (numeric(12, 4): under 10^8)."""
    field = model._meta.get_field(name)
    return float(10 ** (field.max_digits - field.decimal_places) - 1)


VALUE_MAX = _bound(Measurement, "value")
PART_MAX = _bound(Measurement, "numerator")
HEADCOUNT_MAX = _bound(Measurement, "headcount")
FORUM_MAX = FollowUpEntry._meta.get_field("forum").max_length


class Unit(Schema):
    id: int
    name: str
    kind: str


class ContractOut(Schema):
    id: int
    year: int
    kind: str
    status: str
    revision: int
    title: str
    holder: Unit
    area: Unit | None
    framework: str | None
    entered_on: dt.date | None

    @staticmethod
    def resolve_area(obj):
        return obj.holder.area()

    @staticmethod
    def resolve_framework(obj):
        return obj.framework.title if obj.framework_id else None


class GoalOut(Schema):
    id: int
    contract: int = Field(..., alias="contract_id")
    year: int = Field(..., alias="contract.year")
    holder: Unit = Field(..., alias="contract.holder")
    number: int
    title: str
    scope: str
    multi_year: bool
    policies: list[int]
    tracks: list[int]
    focus_areas: list[int]
    budget_changes: list[int]

    @staticmethod
    def resolve_policies(obj):
        return [p.pk for p in obj.policies.all()]

    @staticmethod
    def resolve_tracks(obj):
        return [t.pk for t in obj.tracks.all()]

    @staticmethod
    def resolve_focus_areas(obj):
        return [a.pk for a in obj.focus_areas.all()]

    @staticmethod
    def resolve_budget_changes(obj):
        return [b.pk for b in obj.budget_changes.all()]


class TargetOut(Schema):
    period_start: dt.date
    period_end: dt.date
    value: float
    text: str
    long_term: bool


class IndicatorOut(Schema):
    id: int
    key: str
    name: str
    unit: str
    direction: str
    aggregation: str
    definition: str
    org_unit: Unit
    goal: int | None = Field(None, alias="goal_id")
    valid_from: dt.date
    valid_to: dt.date | None
    continues_from: int | None = Field(None, alias="continues_from_id")
    suppressed: bool = Field(
        False, description="Enheden er så lille, at tallene er skjult for dig (små tal er personoplysninger)"
    )
    baseline_value: float | None
    baseline_period: str
    targets: list[TargetOut]

    @staticmethod
    def resolve_suppressed(obj, context):
        return obj.pk in context["request"].api_hidden

    @staticmethod
    def resolve_baseline_value(obj, context):
        return None if obj.pk in context["request"].api_hidden else obj.baseline_value

    @staticmethod
    def resolve_targets(obj):
        return list(obj.targets.all())


class MeasurementOut(Schema):
    id: int
    indicator: int = Field(..., alias="indicator_id")
    period: dt.date
    value: float
    numerator: float | None
    denominator: float | None
    headcount: float | None
    approximate: bool
    source: str
    imported_at: dt.datetime


class MeasurementIn(Schema):
    """One figure from a BI tool: the indicator's own figure for the period (a rolling indicator's
    rolling figure, not the month's)."""

    indicator: Id
    period: str = Field(
        ...,
        min_length=1,
        max_length=40,
        pattern=NO_NUL,
        description="Fx 2026-03, 2026K1 eller 2026",
        examples=["2026-03"],
    )
    value: float = Field(..., ge=-VALUE_MAX, le=VALUE_MAX, allow_inf_nan=False)
    numerator: float | None = Field(None, ge=-PART_MAX, le=PART_MAX, allow_inf_nan=False)
    denominator: float | None = Field(None, ge=-PART_MAX, le=PART_MAX, allow_inf_nan=False)
    headcount: float | None = Field(None, ge=0, le=HEADCOUNT_MAX, allow_inf_nan=False)


class MeasurementBatch(Schema):
    items: list[MeasurementIn] = Field(..., min_length=1, max_length=1000)


class MeasurementsSaved(Schema):
    created: int
    updated: int
    unchanged: int
    measurements: list[MeasurementOut]


class FollowUpOut(Schema):
    id: int
    goal: int = Field(..., alias="goal_id")
    contract: int = Field(..., alias="goal.contract_id")
    date: dt.date
    forum: str
    status: str
    text: str
    author: str | None = Field(None, description="Kun vist for brugere med en rolle (personoplysning)")
    version: int
    indicator_status: list[dict]

    @staticmethod
    def resolve_author(obj, context):
        return obj.author.name if obj.author_id and context["request"].api_personal else None

    @staticmethod
    def resolve_indicator_status(obj, context):
        """As the goal page shows them: a small unit's status is left out for those its figures
        are hidden from (`followup.small_numbers`)."""
        without_hidden_statuses(context["request"].user, [obj])
        return obj.indicator_status


class _EntryFields(Schema):
    model_config = ConfigDict(str_strip_whitespace=True)  # "  " is no forum, as in the pages

    date: dt.date
    forum: str = Field(..., min_length=1, max_length=FORUM_MAX, pattern=NO_NUL)
    status: RagStatus
    text: str = Field(..., min_length=1, max_length=TEXT_MAX, pattern=NO_NUL)


class FollowUpIn(_EntryFields):
    goal: Id


class FollowUpChange(_EntryFields):
    # required: a change without the version it builds on could overwrite another's unseen
    version: int = Field(..., ge=1, le=MAX_ID, description="Den version, ændringen bygger på (fra GET)")


class RequirementFinding(Schema):
    slug: str
    status: str
    reason: str
    overridden: bool


class CheckOut(Schema):
    contract: int
    holder: str
    year: int
    requirements: list[RequirementFinding]


class RecordOut(Schema):
    id: int
    name: str
    goals: list[int] = Field(..., description="De udviklingsmål (id), du kan se, der tjener den")


class RedThreadOut(Schema):
    year: int
    policies: list[RecordOut]
    tracks: list[RecordOut]
    focus_areas: list[RecordOut]
    budget_changes: list[RecordOut]
    unserved: dict[str, list[str]] = Field(
        ..., description="Hvad intet mål i kommunen tjener (politikker, spor, indsatsområder)"
    )
    goals_without_reference: list[int]
