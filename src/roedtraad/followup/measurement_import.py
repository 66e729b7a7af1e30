"""Measurements from the exports that exist: a file read by `core.measurements` becomes
measurements of the indicators it feeds, one transaction per file.

`plan_measurements` decides, row by row, what a file would write (and what it would not, and
why) without writing anything: the preview, `--dry-run` and the save all use it, so what the
user confirmed is what is saved. `save_plan` writes the plan: new values are created, a
corrected value replaces the old one (kept in the measurement's history), an equal value is left
alone, so the same file twice changes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import IntegrityError, transaction
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from roedtraad import rights
from roedtraad.core.danish import normalise_name
from roedtraad.core.measurements.names import contains_run, words
from roedtraad.core.measurements.read import MeasurementRow, Reading, Rejected
from roedtraad.core.measurements.rolling import MonthValue, key_figure_is_rolling, rolling_12
from roedtraad.followup.models import Aggregation, Indicator, Measurement
from roedtraad.org.models import OrgUnit, OrgUnitAlias
from roedtraad.org.names import UnitNames

# The period kind each aggregation takes its values in.
_PERIOD_KIND = {
    Aggregation.MONTH: "month",
    Aggregation.ROLLING_12_MONTHS: "month",
    Aggregation.QUARTER: "quarter",
    Aggregation.YEAR: "year",
}
_PLACES = Decimal("0.0001")


@dataclass
class Value:
    """One measurement the file would write."""

    indicator: Indicator
    period: dt.date
    value: Decimal
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    headcount: Decimal | None = None
    approximate: bool = False
    line: int = 0
    action: str = "create"  # create | update | unchanged

    def as_json(self) -> dict:
        return {
            "line": self.line,
            "unit": self.indicator.org_unit.name,
            "indicator": self.indicator.key,
            "period": self.period.isoformat(),
            "value": float(self.value),
            "approximate": self.approximate,
            "action": self.action,
        }


@dataclass
class MeasurementPlan:
    file: str
    reading: Reading
    values: list[Value] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    unknown_units: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    aliases: dict[str, int] = field(default_factory=dict)  # a file's unit name → the unit chosen for it

    def count(self, action: str) -> int:
        return sum(1 for v in self.values if v.action == action)

    def as_json(self) -> dict:
        return {
            "file": self.file,
            "mapping": self.reading.mapping,
            "wide": self.reading.wide,
            "taken": len(self.values),
            "created": self.count("create"),
            "updated": self.count("update"),
            "unchanged": self.count("unchanged"),
            "rejected": [{"line": r.line, "reason": r.reason} for r in sorted(self.rejected, key=lambda r: r.line)],
            "unknown_units": self.unknown_units,
            "notes": self.notes,
        }


class MeasurementsRefused(Exception):
    """The file as a whole cannot be taken (a message naming why, in Danish)."""


def plan_measurements(
    reading: Reading,
    *,
    file: str,
    user=None,
    key: str = "",
    aliases: dict[str, int] | None = None,
) -> MeasurementPlan:
    """What the file would write for the user: `key` names the measure when the file has no
    key-figure column; `aliases` maps a unit name of the file to a unit chosen in the preview."""
    plan = MeasurementPlan(file=file, reading=reading, rejected=list(reading.rejected), aliases=dict(aliases or {}))
    units = _resolve_units(plan, reading.rows)
    allowed = rights.measurement_units_for(user) if user is not None else None
    groups: dict[int, list[MeasurementRow]] = defaultdict(list)
    indicators = _indicators_of(set(units.values()))
    for row in reading.rows:
        unit = units.get(row.unit_name)
        if unit is None:
            plan.rejected.append(Rejected(row.line, f"Enheden «{row.unit_name}» kendes ikke i Rødtråd."))
            continue
        if allowed is not None and unit not in allowed:
            plan.rejected.append(Rejected(row.line, f"Du kan ikke indlæse tal for «{row.unit_name}»."))
            continue
        indicator, reason = _indicator_for(indicators.get(unit, []), row.key_figure, key)
        if indicator is None:
            plan.rejected.append(Rejected(row.line, reason))
            continue
        groups[indicator.pk].append(row)
    by_pk = {i.pk: i for found in indicators.values() for i in found}
    for pk, rows in groups.items():
        plan.values += _values_for(plan, by_pk[pk], rows)
    _mark_actions(plan.values)
    return plan


def _resolve_units(plan: MeasurementPlan, rows: list[MeasurementRow]) -> dict[str, int]:
    names = UnitNames()
    chosen = {normalise_name(n): u for n, u in plan.aliases.items()}
    known = {u.pk for u in names.units}
    out: dict[str, int] = {}
    for name in dict.fromkeys(r.unit_name for r in rows):
        unit_id = chosen.get(normalise_name(name))
        if unit_id in known:
            out[name] = unit_id
            continue
        unit = names.find(name)
        if unit is None:
            plan.unknown_units.append(name)
        else:
            out[name] = unit.pk
    return out


def _indicators_of(unit_ids: set[int]) -> dict[int, list[Indicator]]:
    found: dict[int, list[Indicator]] = defaultdict(list)
    for indicator in Indicator.objects.filter(org_unit_id__in=unit_ids).select_related("org_unit"):
        found[indicator.org_unit_id].append(indicator)
    return found


def measure_matches(indicator: Indicator, key_figure: str) -> bool:
    """Whether a key figure of a file ("Sygefravær, seneste 12 mdr.") is the indicator's measure:
    the indicator's key or name, compared as whole words (`core.measurements.names`), is in it."""
    text = words(key_figure)
    return any(contains_run(text, words(name.replace("-", " "))) for name in (indicator.key, indicator.name))


def _indicator_for(candidates: list[Indicator], key_figure: str, key: str) -> tuple[Indicator | None, str]:
    if key:
        matching = [i for i in candidates if i.key == key]
    elif key_figure:
        matching = [i for i in candidates if measure_matches(i, key_figure)]
    else:
        matching = candidates if len(candidates) == 1 else []
        if len(candidates) > 1:
            return None, "Filen siger ikke hvilken måling tallene er (intet nøgletal); vælg målingen."
    if not matching:
        what = key or key_figure or "en måling"
        return None, f"Enheden har ingen indikator for «{what}»."
    if len(matching) > 1:
        return None, f"«{key_figure}» passer på flere af enhedens indikatorer; vælg målingen."
    return matching[0], ""


def _values_for(plan: MeasurementPlan, indicator: Indicator, rows: list[MeasurementRow]) -> list[Value]:
    kind = _PERIOD_KIND.get(Aggregation(indicator.aggregation), "month")
    fitting = []
    for row in rows:
        if row.period.kind != kind:
            plan.rejected.append(Rejected(row.line, _kind_reason(row.period.kind, kind)))
        elif not indicator.covers(row.period.start):
            start = f"{indicator.valid_from:%Y-%m}"
            plan.rejected.append(
                Rejected(row.line, f"Perioden ligger uden for indikatorens måleperiode (fra {start}).")
            )
        else:
            fitting.append(row)
    fitting = _first_per_period(plan, fitting)
    needs_rolling = indicator.aggregation == Aggregation.ROLLING_12_MONTHS and not any(
        key_figure_is_rolling(r.key_figure) for r in fitting
    )
    if needs_rolling and fitting:
        return _rolled(plan, indicator, fitting)
    return [_value(indicator, r) for r in fitting]


def _kind_reason(got: str, wanted: str) -> str:
    names = {"month": "en måned", "quarter": "et kvartal", "year": "et år"}
    return f"Perioden er {names[got]}, men indikatoren opgøres pr. {names[wanted].split()[1]}."


def _first_per_period(plan: MeasurementPlan, rows: list[MeasurementRow]) -> list[MeasurementRow]:
    seen: set[dt.date] = set()
    kept = []
    for row in sorted(rows, key=lambda r: r.line):
        if row.period.start in seen:
            plan.rejected.append(Rejected(row.line, "Indikatoren har allerede en værdi for perioden i filen."))
            continue
        seen.add(row.period.start)
        kept.append(row)
    return kept


def _value(indicator: Indicator, row: MeasurementRow, *, approximate: bool = False) -> Value:
    return Value(
        indicator=indicator,
        period=row.period.start,
        value=_number(row.value),
        numerator=_dec(row.numerator),
        denominator=_dec(row.denominator),
        headcount=_dec(row.headcount),
        approximate=approximate,
        line=row.line,
    )


def _rolled(plan: MeasurementPlan, indicator: Indicator, rows: list[MeasurementRow]) -> list[Value]:
    """Monthly values of a rolling 12-month indicator become the rolling figure of each month
    whose 12 months are all in the file."""
    by_month = {r.period.start: r for r in rows}
    months = [MonthValue(r.period.start, r.value, r.numerator, r.denominator) for r in rows]
    rolled = rolling_12(months)
    if not rolled:
        plan.notes.append(
            f"{indicator.org_unit.name}: filens månedstal dækker ikke 12 måneder i træk, så det løbende "
            "12-måneders tal kan ikke beregnes."
        )
        return []
    if any(r.approximate for r in rolled):
        plan.notes.append(
            f"{indicator.org_unit.name}: det løbende 12-måneders tal er et gennemsnit af månedstallene "
            "(filen har ikke tæller og nævner) og er derfor tilnærmet."
        )
    out = []
    for r in rolled:
        source = by_month[r.period]
        value = _value(indicator, source, approximate=r.approximate)
        value.value = _number(r.value)
        out.append(value)
    return out


def _number(number: float) -> Decimal:
    return Decimal(str(number)).quantize(_PLACES)


def _dec(number: float | None) -> Decimal | None:
    return None if number is None else Decimal(str(number)).quantize(_PLACES)


def _mark_actions(values: list[Value]) -> None:
    existing = {
        (m.indicator_id, m.period): m
        for m in Measurement.objects.filter(indicator_id__in={v.indicator.pk for v in values})
    }
    for value in values:
        stored = existing.get((value.indicator.pk, value.period))
        if stored is None:
            value.action = "create"
        elif _same(stored, value):
            value.action = "unchanged"
        else:
            value.action = "update"


def _same(stored: Measurement, value: Value) -> bool:
    return (stored.value, stored.numerator, stored.denominator, stored.headcount, stored.approximate) == (
        value.value,
        value.numerator,
        value.denominator,
        value.headcount,
        value.approximate,
    )


def save_plan(plan: MeasurementPlan, *, source: str, remember_aliases: bool = True) -> dict[str, int]:
    """Write the plan in one transaction; returns the counts. The plan is made again inside the
    transaction's view of the rows it changes, so a value saved meanwhile is compared, not lost."""
    with transaction.atomic():
        _mark_actions(plan.values)
        new = [_measurement(v, source) for v in plan.values if v.action == "create"]
        changed = _changed(plan.values, source)
        try:
            bulk_create_with_history(new, Measurement, batch_size=2000)
        except IntegrityError as error:  # a row saved meanwhile: the whole file is not saved
            raise MeasurementsRefused("Tallene blev ændret imens; indlæs filen igen.") from error
        if changed:
            fields = ["value", "numerator", "denominator", "headcount", "approximate", "source", "imported_at"]
            bulk_update_with_history(changed, Measurement, fields, batch_size=2000)
        if remember_aliases:
            _remember(plan.aliases)
    return {"created": len(new), "updated": len(changed), "unchanged": plan.count("unchanged")}


def _measurement(value: Value, source: str) -> Measurement:
    return Measurement(
        indicator=value.indicator,
        period=value.period,
        value=value.value,
        numerator=value.numerator,
        denominator=value.denominator,
        headcount=value.headcount,
        approximate=value.approximate,
        source=source[:200],
    )


def _changed(values: list[Value], source: str) -> list[Measurement]:
    wanted = {(v.indicator.pk, v.period): v for v in values if v.action == "update"}
    if not wanted:
        return []
    now = dt.datetime.now(dt.UTC)
    rows = Measurement.objects.select_for_update().filter(indicator_id__in={k[0] for k in wanted})
    changed = []
    for row in rows:
        value = wanted.get((row.indicator_id, row.period))
        if value is None:
            continue
        row.value, row.numerator, row.denominator = value.value, value.numerator, value.denominator
        row.headcount, row.approximate, row.source, row.imported_at = value.headcount, value.approximate, source, now
        changed.append(row)
    return changed


def _remember(aliases: dict[str, int]) -> None:
    """A unit name of a file mapped to a unit in the preview is that unit's alias from now on."""
    names = UnitNames()
    for name, unit_id in aliases.items():
        clean = " ".join(name.split())[:200]
        if clean and names.find(clean) is None and OrgUnit.objects.filter(pk=unit_id).exists():
            OrgUnitAlias.objects.get_or_create(alias=clean, defaults={"unit_id": unit_id})
