"""Figures pushed by an integration (a BI tool) become measurements through the domain's own
import: `followup.measurement_import.plan_measurements` decides what each figure writes and for
whom (`rights.measurement_units_for`, the indicator begun latest by the period, the period's kind
against the indicator's), `save_plan` writes them in one transaction with history. The figures
of one request are saved together or not at all."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from roedtraad import rights
from roedtraad.api.errors import ApiProblem, FieldError
from roedtraad.api.schemas import MeasurementIn
from roedtraad.core.measurements.periods import parse_period
from roedtraad.core.measurements.read import MeasurementRow, Reading
from roedtraad.followup.measurement_import import plan_measurements, save_plan
from roedtraad.followup.models import Aggregation, Indicator, Measurement
from roedtraad.web import pagecache

# A rolling indicator takes the rolling figure as sent: a key figure that says so keeps the
# import from rolling it again (core.measurements.rolling.key_figure_is_rolling).
ROLLING_KEY_FIGURE = "løbende 12 mdr."


def _problem(problems: list[FieldError]) -> ApiProblem:
    first = problems[0]
    return ApiProblem(422, f"{first.field}: {first.message}", first.field, problems)


def _indicators(user, items: list[MeasurementIn], prefix: str) -> dict[int, Indicator]:
    """The indicators named, each one the user may see and write figures for (else 404 / 403)."""
    wanted = {item.indicator for item in items}
    found = {i.pk: i for i in rights.indicators_visible_to(user).filter(pk__in=wanted).select_related("org_unit")}
    allowed = rights.measurement_units_for(user)
    for n, item in enumerate(items):
        field = f"{prefix}{n}.indicator" if prefix else "indicator"
        indicator = found.get(item.indicator)
        if indicator is None:
            raise ApiProblem(
                404, _("Indikatoren %(id)s findes ikke, eller du har ikke adgang.") % {"id": item.indicator}, field
            )
        if allowed is not None and indicator.org_unit_id not in allowed:
            raise ApiProblem(
                403, _("Du kan ikke indlæse tal for «%(unit)s».") % {"unit": indicator.org_unit.name}, field
            )
    return found


def _rows(items: list[MeasurementIn], indicators: dict[int, Indicator], prefix: str) -> list[MeasurementRow]:
    rows, problems = [], []
    for n, item in enumerate(items):
        period = parse_period(item.period)
        if period is None:
            problems.append(
                FieldError(
                    field=f"{prefix}{n}.period" if prefix else "period",
                    message=_("Perioden «%(text)s» kan ikke læses; skriv fx 2026-03, 2026K1 eller 2026.")
                    % {"text": item.period},
                )
            )
            continue
        indicator = indicators[item.indicator]
        rolling = indicator.aggregation == Aggregation.ROLLING_12_MONTHS
        rows.append(
            MeasurementRow(
                n + 1,  # the "line": the item's place in the request, counted from 1
                _unit_key(indicator.org_unit_id),
                ROLLING_KEY_FIGURE if rolling else "",
                period,
                item.value,
                item.numerator,
                item.denominator,
                item.headcount,
            )
        )
    if problems:
        raise _problem(problems)
    return rows


def _unit_key(unit_id: int) -> str:
    """The unit's "name" in the plan: the API names indicators by id, so the unit is given by an
    alias chosen for it (as the upload preview's unit choice does), never looked up by name."""
    return f"enhed {unit_id}"


@transaction.atomic
def push(user, items: list[MeasurementIn], *, source: str, batch: bool) -> tuple[dict[str, int], list[Measurement]]:
    """Save the figures for the user, all or none; returns the counts and the stored rows."""
    prefix = "items." if batch else ""
    indicators = _indicators(user, items, prefix)
    rows = _rows(items, indicators, prefix)
    aliases = {_unit_key(i.org_unit_id): i.org_unit_id for i in indicators.values()}
    problems: list[FieldError] = []
    by_line: dict[int, MeasurementIn] = {}
    for row, item in zip(rows, items, strict=True):
        by_line[row.line] = item
    # One plan per measure: the key names the indicator's measure among the unit's indicators.
    plans = []
    for key in sorted({i.key for i in indicators.values()}):
        keyed = [r for r in rows if indicators[by_line[r.line].indicator].key == key]
        part = Reading(rows=keyed, rejected=[], mapping={}, wide=False)
        plans.append(plan_measurements(part, file="API", user=user, key=key, aliases=aliases, compare=False))
    for plan in plans:
        for rejected in plan.rejected:
            problems.append(
                FieldError(field=f"{prefix}{rejected.line - 1}.period" if prefix else "period", message=rejected.reason)
            )
        for value in plan.values:
            wanted = indicators[by_line[value.line].indicator]
            if value.indicator.pk != wanted.pk:  # the period belongs to a later year's indicator
                problems.append(
                    FieldError(
                        field=f"{prefix}{value.line - 1}.period" if prefix else "period",
                        message=_("Perioden hører til indikator %(other)s, som fortsætter målingen fra %(start)s.")
                        % {"other": value.indicator.pk, "start": value.indicator.valid_from.isoformat()},
                    )
                )
    if problems:
        raise _problem(sorted(problems, key=lambda p: p.field or ""))
    counts = {"created": 0, "updated": 0, "unchanged": 0}
    for plan in plans:
        for name, count in save_plan(plan, source=source, remember_aliases=False, user=user).items():
            counts[name] += count
    pagecache.mark_changed()  # save_plan writes in plain SQL, which sends no signal to the kept pages
    saved = [(v.indicator.pk, v.period) for plan in plans for v in plan.values]
    stored = {
        (m.indicator_id, m.period): m
        for m in Measurement.objects.filter(
            indicator_id__in={pk for pk, _p in saved}, period__in={p for _i, p in saved}
        )
    }
    return counts, [stored[key] for key in saved if key in stored]
