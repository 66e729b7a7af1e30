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
import functools
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import chain, repeat
from operator import attrgetter
from typing import cast

from django.conf import settings
from django.core.exceptions import EmptyResultSet
from django.db import IntegrityError, connections, router, transaction
from django.db.models import Field, QuerySet
from django.utils import timezone

from roedtraad import rights
from roedtraad.core.danish import normalise_name
from roedtraad.core.measurements.names import contains_run, words
from roedtraad.core.measurements.read import MeasurementRow, Reading, Rejected, gc_paused
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


@dataclass(slots=True)
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
    compare: bool = True,
) -> MeasurementPlan:
    """What the file would write for the user: `key` names the measure when the file has no
    key-figure column; `aliases` maps a unit name of the file to a unit chosen in the preview.
    `compare=False` leaves the values unmarked against what is stored, for a plan saved at once:
    `save_plan` compares them inside its transaction anyway, so comparing twice is wasted."""
    with gc_paused():
        return _plan(reading, file=file, user=user, key=key, aliases=aliases, compare=compare)


def _plan(
    reading: Reading, *, file: str, user, key: str, aliases: dict[str, int] | None, compare: bool
) -> MeasurementPlan:
    plan = MeasurementPlan(file=file, reading=reading, rejected=list(reading.rejected), aliases=dict(aliases or {}))
    units = _resolve_units(plan, reading.rows)
    allowed = rights.measurement_units_for(user) if user is not None else None
    groups: dict[int, list[MeasurementRow]] = defaultdict(list)
    indicators = _indicators_of(set(units.values()))
    # A file repeats a few units and key figures on every row: the indicator of a (unit, key
    # figure) is decided once.
    # (unit, key figure) → (the indicators' pks and first days, or none and why)
    chosen: dict[tuple[int, str], tuple[tuple[int, ...], tuple[dt.date, ...], str]] = {}
    for row in reading.rows:
        unit = units.get(row.unit_name)
        if unit is None:
            plan.rejected.append(Rejected(row.line, f"Enheden «{row.unit_name}» kendes ikke i Rødtråd."))
            continue
        if allowed is not None and unit not in allowed:
            plan.rejected.append(Rejected(row.line, f"Du kan ikke indlæse tal for «{row.unit_name}»."))
            continue
        pick = chosen.get((unit, row.key_figure))
        if pick is None:
            found, reason = _indicator_for(indicators.get(unit, []), row.key_figure, key)
            pick = chosen[(unit, row.key_figure)] = (
                tuple(i.pk for i in found),
                tuple(i.valid_from for i in found),
                reason,
            )
        pks, starts, reason = pick
        if not pks:
            plan.rejected.append(Rejected(row.line, reason))
            continue
        # One measure followed by one year's goal after another: the period's is the latest begun by then.
        groups[pks[0] if len(pks) == 1 else pks[max(0, bisect_right(starts, row.period.start) - 1)]].append(row)
    by_pk = {i.pk: i for found in indicators.values() for i in found}
    for pk, rows in groups.items():
        plan.values += _values_for(plan, by_pk[pk], rows)
    if compare:
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


def _indicator_for(candidates: list[Indicator], key_figure: str, key: str) -> tuple[list[Indicator], str]:
    """The unit's indicators of the file's measure — one, or one measure followed on from year to
    year (the same key, by `valid_from`) — or none and why."""
    measures = {i.key for i in candidates}
    if key:
        matching = [i for i in candidates if i.key == key]
    elif key_figure:
        matching = [i for i in candidates if measure_matches(i, key_figure)]
    else:
        matching = candidates if len(measures) == 1 else []
        if len(measures) > 1:
            return [], "Filen siger ikke hvilken måling tallene er (intet nøgletal); vælg målingen."
    if not matching:
        what = key or key_figure or "en måling"
        return [], f"Enheden har ingen indikator for «{what}»."
    if len({i.key for i in matching}) > 1:
        return [], f"«{key_figure}» passer på flere af enhedens indikatorer; vælg målingen."
    return sorted(matching, key=lambda i: i.valid_from), ""


def _values_for(plan: MeasurementPlan, indicator: Indicator, rows: list[MeasurementRow]) -> list[Value]:
    kind = _PERIOD_KIND.get(Aggregation(indicator.aggregation), "month")
    fitting = []
    first, last = indicator.valid_from, indicator.valid_to or dt.date.max  # Indicator.covers, unrolled
    for row in rows:
        period = row.period
        if period.kind != kind:
            plan.rejected.append(Rejected(row.line, _kind_reason(period.kind, kind)))
        elif not first <= period.start <= last:
            start = f"{indicator.valid_from:%Y-%m}"
            plan.rejected.append(
                Rejected(row.line, f"Perioden ligger uden for indikatorens måleperiode (fra {start}).")
            )
        else:
            fitting.append(row)
    fitting = _first_per_period(plan, fitting)
    needs_rolling = indicator.aggregation == Aggregation.ROLLING_12_MONTHS and not any(
        map(_is_rolling, {r.key_figure for r in fitting})
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
    for row in sorted(rows, key=_line):
        if row.period.start in seen:
            plan.rejected.append(Rejected(row.line, "Indikatoren har allerede en værdi for perioden i filen."))
            continue
        seen.add(row.period.start)
        kept.append(row)
    return kept


_line = attrgetter("line")


def _value(indicator: Indicator, row: MeasurementRow, *, approximate: bool = False) -> Value:
    numerator, denominator, headcount = row.numerator, row.denominator, row.headcount
    return Value(  # positional, as the fields are declared: made once per row of a file
        indicator,
        row.period.start,
        _number(row.value),
        None if numerator is None else _number(numerator),
        None if denominator is None else _number(denominator),
        None if headcount is None else _number(headcount),
        approximate,
        row.line,
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


@functools.lru_cache(maxsize=1024)
def _is_rolling(key_figure: str) -> bool:
    return key_figure_is_rolling(key_figure)


@functools.lru_cache(maxsize=65536)  # a file's values repeat (two decimals, a narrow range)
def _number(number: float) -> Decimal:
    return Decimal(str(number)).quantize(_PLACES)


# The fields a file sets; a stored measurement with the same values of these is unchanged.
_COMPARED = ("value", "numerator", "denominator", "headcount", "approximate")
_WRITTEN = (*_COMPARED, "source", "imported_at")
_CHUNK = 500  # ids in one IN (...): with _PERIODS periods beside them, under SQLite's 999 parameters
_PERIODS = 400  # a file with more periods is read by their range


def _mark_actions(values: list[Value]) -> dict[tuple[int, dt.date], tuple]:
    """Mark each value create, update or unchanged against what is stored; returns (pk, the
    compared fields) of the stored measurements by (indicator id, period)."""
    pks, indicators, periods, *compared = _stored(values, *_COMPARED)
    keys = zip(indicators, periods, strict=True)
    stored = dict(zip(keys, zip(pks, zip(*compared, strict=True), strict=True), strict=True))
    fields = attrgetter(*_COMPARED)
    for value in values:
        found = stored.get((_indicator_id(value), value.period))
        if found is None:
            value.action = "create"
        elif found[1] == fields(value):
            value.action = "unchanged"
        else:
            value.action = "update"
    return stored


def _stored(values: list[Value], *fields: str) -> list[tuple]:
    """The columns pk, indicator_id, period, *fields of the stored measurements of the values'
    indicators (and periods: those of the values, or their range when there are many)."""
    indicator_ids = sorted({_indicator_id(v) for v in values})
    periods = sorted({v.period for v in values})
    querysets = []
    for chunk in _chunks(indicator_ids, _CHUNK):
        rows = Measurement.objects.filter(indicator_id__in=chunk).order_by()
        if len(periods) <= _PERIODS:
            rows = rows.filter(period__in=periods)
        else:
            rows = rows.filter(period__range=(periods[0], periods[-1]))
        querysets.append(rows)
    return _values_columns(querysets, "pk", "indicator_id", "period", *fields)


def _values_columns(querysets: list[QuerySet], *fields: str) -> list[tuple]:
    """The columns of `values_list(*fields)` of the querysets (of one model) together, read with
    a fetchall each and converted as the ORM converts them (a DecimalField read from SQLite, a
    date…) but once per distinct stored value: the rows of a file's indicators repeat a few
    periods and values. As many empty columns when there is no row."""
    rows: list[tuple] = []
    compiler = None
    for queryset in querysets:
        compiler = queryset.values_list(*fields).query.get_compiler(using=queryset.db)
        try:
            sql, params = compiler.as_sql()
        except EmptyResultSet:
            continue
        with compiler.connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows += cursor.fetchall()
    if not rows or compiler is None:
        return [()] * len(fields)
    selected = [column[0] for column in compiler.select[: compiler.col_count]]
    columns = list(zip(*rows, strict=True))[: compiler.col_count]
    for position, (functions, expression) in compiler.get_converters(selected).items():
        columns[position] = _Converted(functions, expression, compiler.connection).column(columns[position])
    return columns


class _Memo(dict):
    """value → what `convert` makes of it, each distinct value converted once."""

    def convert(self, value):
        raise NotImplementedError

    def __missing__(self, value):
        converted = self[value] = self.convert(value)
        return converted

    def column(self, values: Iterable) -> tuple:
        values = tuple(values)
        try:
            return tuple(map(self.__getitem__, values))
        except TypeError:  # an unhashable value (no field of a measurement has one)
            return tuple(map(self.convert, values))


class _Converted(_Memo):
    """A stored value → the value the ORM reads from it (its converters)."""

    def __init__(self, functions, expression, connection) -> None:
        super().__init__()
        self.functions, self.expression, self.connection = functions, expression, connection

    def convert(self, value):
        for function in self.functions:
            value = function(value, self.expression, self.connection)
        return value


class _Prepared(_Memo):
    """A Python value → the field's value for the database (`get_db_prep_save`)."""

    def __init__(self, field, connection) -> None:
        super().__init__()
        self.field, self.connection = field, connection

    def convert(self, value):
        return self.field.get_db_prep_save(value, self.connection)


_indicator_id = attrgetter(f"indicator.{Indicator._meta.pk.attname}")


def _chunks(items: list, size: int) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


_REFUSED = "Tallene blev ændret imens; indlæs filen igen."


def _field(meta, name: str) -> Field:
    """A concrete field of the model (never a relation's reverse side here)."""
    return cast(Field, meta.get_field(name))


def save_plan(plan: MeasurementPlan, *, source: str, remember_aliases: bool = True, user=None) -> dict[str, int]:
    """Write the plan in one transaction; returns the counts. The plan is made again inside the
    transaction's view of the rows it changes, so a value saved meanwhile is compared, not lost.
    Every measurement created or changed gets a history row, dated when the file is saved and
    naming `user` (None: the user of the request, as simple-history takes it)."""
    if user is None:
        user = Measurement.history.model.get_default_history_user(None)
    with gc_paused(), transaction.atomic(using=router.db_for_write(Measurement)):
        stored = _mark_actions(plan.values)
        new = [v for v in plan.values if v.action == "create"]
        changed = [v for v in plan.values if v.action == "update"]
        pks = [stored[(_indicator_id(v), v.period)][0] for v in changed]
        writer = _Writer(source=source, user=user)
        writer.lock(pks)
        try:
            writer.create(new)
        except IntegrityError as error:  # a row saved meanwhile: the whole file is not saved
            raise MeasurementsRefused(_REFUSED) from error
        writer.update(changed, pks)
        if remember_aliases:
            _remember(plan.aliases)
    return {"created": len(new), "updated": len(changed), "unchanged": plan.count("unchanged")}


class _Writer:
    """The writes of one file, in plain SQL inside its transaction: the new measurements inserted
    by one `executemany`, the changed ones updated by another, and the history rows of both
    (simple-history's table, its columns taken from the historical model's fields) copied from
    the rows as stored by INSERT … SELECT, with one history date and user for the whole file.
    (`bulk_create_with_history` built two model instances per row, compiled every value through
    the insert compiler, and asked for the user and the time per row.)"""

    def __init__(self, *, source: str, user) -> None:
        self.meta = Measurement._meta
        self.connection = connections[router.db_for_write(Measurement)]
        self.quote = self.connection.ops.quote_name
        self.table = self.quote(self.meta.db_table)
        self.now = timezone.now()  # imported_at of every row written, and its history date
        self.source = source[: _field(self.meta, "source").max_length]
        self.user = user
        self.history = getattr(settings, "SIMPLE_HISTORY_ENABLED", True)
        most = self.connection.features.max_query_params  # SQLite 999, PostgreSQL None
        self.chunk = min(_CHUNK, most - 10) if most else _CHUNK  # ids in one IN (...)

    def prepared(self, name: str, value):
        return _field(self.meta, name).get_db_prep_save(value, self.connection)

    def prepared_column(self, name: str, values: Iterable) -> tuple:
        return _Prepared(_field(self.meta, name), self.connection).column(values)

    def lock(self, pks: list[int]) -> None:
        """Lock the rows that change (PostgreSQL: SELECT … FOR UPDATE; SQLite locks the database)."""
        for chunk in _chunks(pks, self.chunk):
            list(Measurement.objects.select_for_update().filter(pk__in=chunk).order_by().values_list("pk"))

    def create(self, values: list[Value]) -> None:
        if not values:
            return
        fields = [f for f in self.meta.concrete_fields if f is not self.meta.auto_field]
        given = {"indicator_id": _indicator_id, "period": attrgetter("period")}
        given |= {name: attrgetter(name) for name in _COMPARED}
        varying = [f for f in fields if f.attname in given]
        constant = [f for f in fields if f.attname not in given]
        fixed = {"source": self.source, "imported_at": self.now}
        columns = [self.prepared_column(f.name, map(given[f.attname], values)) for f in varying]
        constants = [
            self.prepared(f.name, fixed[f.attname] if f.attname in fixed else f.get_default()) for f in constant
        ]
        rows = list(zip(*columns, *map(repeat, constants), strict=False))  # the constants repeat
        names = ", ".join(self.quote(f.column) for f in varying + constant)
        self._insert(f"INSERT INTO {self.table} ({names}) VALUES ", rows, len(fields))
        if not self.history:
            return
        # The rows just inserted are those of the file's indicators written now: the history
        # copies them. (Another file's rows written in the same microsecond would make the
        # counts differ: then nothing is saved.)
        indicator = self.quote(_field(self.meta, "indicator").column)
        written = f"{self.quote(_field(self.meta, 'imported_at').column)} = %s"
        now = self.prepared("imported_at", self.now)
        ids = sorted({_indicator_id(v) for v in values})
        copied = 0
        for chunk in _chunks(ids, self.chunk):
            where = f"{indicator} IN ({', '.join(['%s'] * len(chunk))}) AND {written}"
            copied += self._copy_to_history("+", where, [*self.prepared_column("indicator", chunk), now])
        if copied != len(values):
            raise MeasurementsRefused(_REFUSED)

    def _insert(self, statement: str, rows: list[tuple], width: int) -> None:
        """INSERT the rows. On PostgreSQL one row per statement in one `executemany` (psycopg
        pipelines it: faster than statements of many rows, which it parses in Python); elsewhere
        (SQLite) as many rows per statement as its parameter limit allows, because SQLite runs
        the statement's set-up, e.g. AUTOINCREMENT's scan of sqlite_sequence, once per statement:
        half the time of one row per statement (benchmarks/README.md, follow-up)."""
        row = f"({', '.join(['%s'] * width)})"
        per = (
            1
            if self.connection.vendor == "postgresql"
            else max(1, (self.connection.features.max_query_params or 999) // width)
        )
        whole = len(rows) - len(rows) % per
        with self.connection.cursor() as cursor:
            if whole:
                flat = list(chain.from_iterable(rows[:whole]))
                step = per * width
                batches = [flat[start : start + step] for start in range(0, len(flat), step)]
                cursor.executemany(statement + ", ".join([row] * per), batches)
            if whole < len(rows):
                cursor.executemany(statement + row, rows[whole:])

    def update(self, values: list[Value], pks: list[int]) -> None:
        if not values:
            return
        columns = [self.prepared_column(name, map(attrgetter(name), values)) for name in _COMPARED]
        constants = [self.prepared("source", self.source), self.prepared("imported_at", self.now)]
        pk = self.meta.pk
        rows = list(zip(*columns, *map(repeat, constants), self.prepared_column(pk.name, pks), strict=False))
        assignments = ", ".join(f"{self.quote(_field(self.meta, name).column)} = %s" for name in _WRITTEN)
        with self.connection.cursor() as cursor:
            cursor.executemany(f"UPDATE {self.table} SET {assignments} WHERE {self.quote(pk.column)} = %s", rows)
        if self.history:
            for chunk in _chunks(pks, self.chunk):
                where = f"{self.quote(pk.column)} IN ({', '.join(['%s'] * len(chunk))})"
                self._copy_to_history("~", where, list(self.prepared_column(pk.name, chunk)))

    def _copy_to_history(self, kind: str, where: str, args: list) -> int:
        """INSERT INTO the history table SELECT the rows WHERE …: the stored value of every
        tracked field, and this file's history date, type and user. Returns the rows copied."""
        history = Measurement.history.model
        tracked = {f.attname for f in history.tracked_fields}
        own = {
            "history_date": self.now,
            "history_type": kind,
            "history_user_id": getattr(self.user, "pk", None),
            "history_change_reason": None,
        }
        names, selected, params = [], [], []
        for f in history._meta.concrete_fields:
            if f.attname in tracked:  # the historical copy of a field: the stored value
                selected.append(self.quote(_field(self.meta, f.name).column))
            elif f.attname == "history_relation_id":  # HistoricalRecords(related_name=…)
                selected.append(self.quote(self.meta.pk.column))
            elif f.primary_key and getattr(f, "db_returning", False):  # the automatic history_id
                continue
            elif f.primary_key:  # a UUID history id would need a value per row
                raise NotImplementedError(f"{history.__name__}.{f.name}: only an automatic id is supported")
            else:
                selected.append("%s")
                params.append(
                    f.get_db_prep_save(own[f.attname] if f.attname in own else f.get_default(), self.connection)
                )
            names.append(self.quote(f.column))
        sql = (
            f"INSERT INTO {self.quote(history._meta.db_table)} ({', '.join(names)}) "
            f"SELECT {', '.join(selected)} FROM {self.table} WHERE {where}"
        )
        with self.connection.cursor() as cursor:
            cursor.execute(sql, [*params, *args])
            return cursor.rowcount


def _remember(aliases: dict[str, int]) -> None:
    """A unit name of a file mapped to a unit in the preview is that unit's alias from now on."""
    names = UnitNames()
    for name, unit_id in aliases.items():
        clean = " ".join(name.split())[:200]
        if clean and names.find(clean) is None and OrgUnit.objects.filter(pk=unit_id).exists():
            OrgUnitAlias.objects.get_or_create(alias=clean, defaults={"unit_id": unit_id})
