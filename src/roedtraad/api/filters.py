"""The filters every list takes: `year`, `area` and `holder` (a unit's name, alias or id; the
unit and everything under it). The lists start from the rulebook's querysets, so a filter only
ever narrows what the token's user may see."""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _
from ninja import Field, Schema

from roedtraad.api.errors import ApiProblem
from roedtraad.core.years import FIRST_YEAR, LAST_YEAR
from roedtraad.org.models import OrgUnit, subtree
from roedtraad.org.names import UnitNames

NO_NUL = r"^[^\x00]*$"  # PostgreSQL's text cannot hold NUL
MAX_ID = 2**63 - 1  # a database's bigint; a larger id is refused, never sent to the database


class Filters(Schema):
    year: int | None = Field(None, ge=FIRST_YEAR, le=LAST_YEAR, description="Kontraktåret")
    area: str | None = Field(
        None, max_length=200, pattern=NO_NUL, description="Et område: navn eller id (og alt under det)"
    )
    holder: str | None = Field(
        None, max_length=200, pattern=NO_NUL, description="En kontraktholder: navn eller id (og alt under den)"
    )


def _unit(value: str, field: str) -> OrgUnit:
    text = value.strip()
    unit = None
    if text.isascii() and text.isdigit():
        unit = OrgUnit.objects.filter(pk=int(text)).first() if int(text) <= MAX_ID else None
    elif text:
        unit = UnitNames().find(text)
    if unit is None:
        raise ApiProblem(422, _("Rødtråd kender ingen enhed «%(name)s».") % {"name": value}, field)
    return unit


def units_under(filters: Filters) -> set[int] | None:
    """The units the area and holder filters leave (both: the units under both), None: no filter."""
    chosen: set[int] | None = None
    parents: dict[int, int | None] | None = None
    for field in ("area", "holder"):
        value = getattr(filters, field)
        if value is None:
            continue
        if parents is None:
            parents = dict(OrgUnit.objects.values_list("id", "parent_id"))
        under = subtree({_unit(value, field).pk}, parents)
        chosen = under if chosen is None else chosen & under
    return chosen


def by_unit(queryset: QuerySet, filters: Filters, path: str) -> QuerySet:
    """The rows whose unit (`path`, e.g. "holder_id" or "goal__contract__holder_id") the filters leave."""
    units = units_under(filters)
    return queryset if units is None else queryset.filter(Q(**{f"{path}__in": units}))
