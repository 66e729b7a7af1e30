"""Follow-up benchmark: importing a measurement file, and the status with forecast of many indicators.

1. Import of one CSV file of --rows measurement rows (default 100,000: the first rows of 695 units x 144 months,
   `Enhed;Periode;Nøgletal;Værdi`, Danish decimal comma, periods "2015-01"…"2026-12") through the
   real path, `measurement_files.import_file` (as `roedtraad measurements import`), into a fresh
   SQLite database (migrated, under a temporary ROEDTRAAD_DATA_DIR) with one sick-leave
   indicator (rolling 12 months, of a goal of a contract) per unit. Timed twice: the first import
   (every value new) and the same file again (nothing changes). Baseline in the same run: the
   `sqlite3` command-line tool's `.import` of the same file into a table. Goal: within 10x of it.
2. Status with forecast of --indicators synthetic monthly series (default 10,000, 36 months with
   a target each, half rolling 12-month figures) through the pure `core.followup.forecast.
   forecast_indicator`; goal < 2 s. Then `followup.indicator_status.status_of` over
   --db-indicators indicators read from the database with `with_series`, for the ORM's share.
   Baselines in the same run: a least-squares slope per series in Python, and in numpy.

usage: .venv/bin/python benchmarks/followup.py [--rows N] [--indicators N] [--db-indicators N]
       [--repeat N] [--quick] [--profile]
Each case prints the median wall and CPU time (of this process; of the child for `sqlite3`) and
the 1-minute load average right after it (the machine may be shared, then wall > CPU). --quick
runs small sizes as a smoke test (goals not judged). --profile prints cProfile hotspots of one
first and one repeated import. The exit status is 1 when a goal is missed at the goal sizes.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import io
import math
import os
import platform
import pstats
import random
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

import numpy as np  # noqa: E402

from roedtraad.core.followup.forecast import forecast_indicator  # noqa: E402
from roedtraad.core.followup.status import Point, month_index  # noqa: E402

MONTHS = [dt.date(2015 + i // 12, i % 12 + 1, 1) for i in range(144)]  # 2015-01 … 2026-12
KEY_FIGURE = "Sygefravær, seneste 12 mdr."  # already a rolling figure: one row, one measurement
FILENAME = "sygefravaer.csv"
SERIES_START = dt.date(2024, 1, 1)
SERIES_MONTHS = 36  # 2024-01 … 2026-12
DEADLINE = dt.date(2027, 12, 31)
TODAY = dt.date(2027, 1, 15)
UNIT_KINDS = ("Plejecenter", "Hjemmeplejen", "Bostøtten", "Dagtilbud", "Skolen", "Jobcentret", "Botilbud")
GOAL_ROWS, GOAL_INDICATORS, GOAL_RATIO, GOAL_CORE_S = 100_000, 10_000, 10, 2.0


# --- measuring ---------------------------------------------------------------------------------


def load() -> float:
    return os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")


def machine() -> str:
    model = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        model = next((ln.split(":", 1)[1].strip() for ln in cpuinfo.read_text().splitlines() if "model name" in ln), "")
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    loads = "/".join(f"{x:.1f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    return (
        f"{cpus} CPUs (nproc), {model or platform.processor()}, Python {platform.python_version()}, "
        f"SQLite {sqlite3.sqlite_version}, load {loads} (1/5/15 min)"
    )


def peak_rss_mb() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return usage / (1024 * 1024) if sys.platform == "darwin" else usage / 1024


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


@dataclass
class Result:
    name: str
    size: str
    walls: list[float]
    cpus: list[float]
    load: float

    @property
    def wall(self) -> float:
        return statistics.median(self.walls)

    @property
    def cpu(self) -> float:
        return statistics.median(self.cpus)


def measure(name: str, size: str, fn, repeat: int, *, before=None, child: bool = False) -> Result:
    """`fn` run `repeat` times (`before` untimed before each run); CPU of this process, or of the
    children when `child`."""
    walls, cpus = [], []
    clock = children_cpu if child else time.process_time
    for _ in range(repeat):
        if before:
            before()
        wall, cpu = time.perf_counter(), clock()
        fn()
        walls.append(time.perf_counter() - wall)
        cpus.append(clock() - cpu)
    result = Result(name, size, walls, cpus, load())
    runs = ", ".join(f"{w:.3f}" for w in walls)
    print(f"{name} [{size}]: median {result.wall:.3f} s wall, {result.cpu:.3f} s CPU, load {result.load:.1f} ({runs})")
    return result


# --- Django and the database -------------------------------------------------------------------


def setup_django(data_dir: str) -> None:
    """Settings with SQLite in a fresh database under `data_dir`, migrated."""
    os.environ["ROEDTRAAD_DATA_DIR"] = data_dir
    os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "roedtraad.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def make_units(count: int, area_name: str, prefix: str = "") -> list:
    """`count` holders under a new area, each with a 2026 contract whose goal 1 is sick leave."""
    from roedtraad.contracts.models import Contract, Goal
    from roedtraad.org.models import OrgUnit, OrgUnitKind

    top = OrgUnit.objects.get_or_create(name="Benchby Kommune", kind=OrgUnitKind.MUNICIPALITY)[0]
    area = OrgUnit.objects.create(name=area_name, kind=OrgUnitKind.AREA, parent=top)
    units = OrgUnit.objects.bulk_create(
        OrgUnit(name=f"{prefix}{UNIT_KINDS[i % len(UNIT_KINDS)]} {i + 1}", kind=OrgUnitKind.HOLDER, parent=area)
        for i in range(count)
    )
    contracts = Contract.objects.bulk_create(Contract(holder=unit, year=2026, status="entered") for unit in units)
    goals = Goal.objects.bulk_create(Goal(contract=c, number=1, title="Lavt sygefravær") for c in contracts)
    return list(zip(units, goals, strict=True))


def import_indicators(count: int) -> list[str]:
    """The units named in the file, each with one rolling 12-month sick-leave indicator."""
    from roedtraad.followup.models import Aggregation, Indicator

    pairs = make_units(count, "Omsorg og trivsel")
    Indicator.objects.bulk_create(
        Indicator(
            key="sygefravaer",
            name="Sygefravær",
            org_unit=unit,
            goal=goal,
            aggregation=Aggregation.ROLLING_12_MONTHS,
            valid_from=MONTHS[0],
        )
        for unit, goal in pairs
    )
    return [unit.name for unit, _ in pairs]


def measurement_csv(names: list[str], rows: int) -> bytes:
    """The first `rows` of the units x months table, one unit's months after the other."""
    rng = random.Random(3)
    lines = ["Enhed;Periode;Nøgletal;Værdi"]
    for n in range(rows):
        unit, month = divmod(n, len(MONTHS))
        value = max(0.0, 6 + 2 * math.sin(unit) + math.cos(2 * math.pi * month / 12) + rng.gauss(0, 0.4))
        number = f"{value:.2f}".replace(".", ",")
        lines.append(f"{names[unit]};{MONTHS[month]:%Y-%m};{KEY_FIGURE};{number}")
    return ("\n".join(lines) + "\n").encode("utf-8")


def forget_measurements() -> None:
    """Every measurement and its history gone, by plain SQL (the ORM's delete would write a
    history row per measurement)."""
    from django.db import connection

    from roedtraad.followup.models import Measurement

    with connection.cursor() as cursor:
        for model in (Measurement, Measurement.history.model):
            cursor.execute(f'DELETE FROM "{model._meta.db_table}"')


def counts() -> tuple[int, int]:
    from roedtraad.followup.models import Measurement

    return Measurement.objects.count(), Measurement.history.count()


# --- case 1: the import ------------------------------------------------------------------------


class Importer:
    """`measurement_files.import_file` of one file (the path of `roedtraad measurements import`:
    plan and save in one go, compared once inside the save's transaction)."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.last: tuple | None = None

    def __call__(self) -> None:
        from roedtraad.followup.measurement_files import import_file

        plan = import_file(self.data, FILENAME, source=FILENAME)
        saved = {"created": plan.count("create"), "updated": plan.count("update"), "unchanged": plan.count("unchanged")}
        self.last = (plan, saved)


def check_import(importer: Importer, rows: int, *, first: bool) -> None:
    """Fail loudly when the import did not do what it is timed for."""
    plan, saved = importer.last
    assert not plan.rejected and not plan.unknown_units, (plan.rejected[:3], plan.unknown_units[:3])
    want = {"created": rows, "updated": 0, "unchanged": 0} if first else {"created": 0, "updated": 0, "unchanged": rows}
    assert saved == want, (saved, want)
    assert counts() == (rows, rows), (counts(), rows)


def sqlite_cli_import(csv_path: Path, db_path: Path) -> None:
    db_path.unlink(missing_ok=True)
    script = f'.mode csv\n.separator ;\n.import "{csv_path}" measurements\n'
    subprocess.run(["sqlite3", str(db_path)], input=script, text=True, check=True, capture_output=True)


def case_import(rows: int, repeat: int, tmp: Path, profile: bool) -> list[Result]:
    units = math.ceil(rows / len(MONTHS))
    built = time.perf_counter()
    names = import_indicators(units)
    data = measurement_csv(names, rows)
    csv_path = tmp / FILENAME
    csv_path.write_bytes(data)
    size = f"{rows:,} rows, {units} units, {len(data) / 1e6:.1f} MB"
    print(f"made {units} units with indicators and the file ({size}) in {time.perf_counter() - built:.1f} s")

    Importer(measurement_csv(names[:2], 30))()  # warm up (imports, regexes, content types)
    forget_measurements()

    results = []
    if shutil.which("sqlite3"):
        db_path = tmp / "baseline.sqlite3"
        results.append(
            measure("baseline: sqlite3 .import", size, lambda: sqlite_cli_import(csv_path, db_path), repeat, child=True)
        )
        with sqlite3.connect(db_path) as db:
            assert db.execute("SELECT count(*) FROM measurements").fetchone()[0] == rows
    else:
        print("sqlite3 not installed (apt-get install sqlite3): no baseline")

    first = Importer(data)
    checked = []

    def first_run() -> None:
        first()
        checked.append(True)

    def clear() -> None:
        if checked:
            check_import(first, rows, first=True)
        forget_measurements()

    results.append(measure("import, first (all new)", size, first_run, repeat, before=clear))
    check_import(first, rows, first=True)
    again = Importer(data)
    results.append(measure("import, same file again (unchanged)", size, again, repeat))
    check_import(again, rows, first=False)

    if profile:
        for label, importer, before in (("first import", Importer(data), forget_measurements), ("again", again, None)):
            if before:
                before()
            profiler = cProfile.Profile()
            profiler.runcall(importer)
            for order in ("tottime", "cumulative"):
                out = io.StringIO()
                pstats.Stats(profiler, stream=out).sort_stats(order).print_stats(25)
                print(f"\n--- cProfile, {label}, by {order} ---\n{out.getvalue()}")
    return results


# --- case 2: status with forecast --------------------------------------------------------------


@dataclass(frozen=True)
class Synthetic:
    points: list[Point]
    target: float
    rolling: bool


def _month(start: dt.date, offset: int) -> dt.date:
    index = month_index(start) + offset
    return dt.date(index // 12, index % 12 + 1, 1)


def synthetic_series(count: int, seed: int = 11) -> list[Synthetic]:
    """Sick-leave-like series: a level, a trend, a season, noise; every tenth misses a month;
    odd ones are rolling 12-month figures (forecast by drift), even ones monthly (seasonal)."""
    rng = random.Random(seed)
    out = []
    for i in range(count):
        level, trend = rng.uniform(4, 10), rng.uniform(-0.08, 0.05)
        season, noise = rng.uniform(0, 1.2), rng.uniform(0.05, 0.6)
        rolling = i % 2 == 1
        if rolling:
            season, noise = season / 6, noise / 4
        skip = rng.randrange(1, SERIES_MONTHS - 1) if i % 10 == 0 else None
        points = [
            Point(
                _month(SERIES_START, m),
                round(max(0.0, level + trend * m + season * math.cos(2 * math.pi * m / 12) + rng.gauss(0, noise)), 2),
            )
            for m in range(SERIES_MONTHS)
            if m != skip
        ]
        out.append(Synthetic(points, round(level - rng.uniform(-0.5, 1.5), 1), rolling))
    return out


def core_statuses(series: list[Synthetic]) -> list:
    return [
        forecast_indicator(s.points, s.target, DEADLINE, lower_is_better=True, today=TODAY, rolling=s.rolling)
        for s in series
    ]


def python_slopes(series: list[Synthetic]) -> list[float]:
    """Baseline: a least-squares slope per series, reading the same points."""
    return [
        statistics.linear_regression([month_index(p.period) for p in s.points], [p.value for p in s.points]).slope
        for s in series
    ]


def as_array(series: list[Synthetic]) -> np.ndarray:
    values = np.full((len(series), SERIES_MONTHS), np.nan)
    for row, s in enumerate(series):
        for p in s.points:
            values[row, month_index(p.period) - month_index(SERIES_START)] = p.value
    return values


def numpy_slopes(values: np.ndarray) -> np.ndarray:
    """Baseline (the floor): the mean and least-squares slope of every series at once."""
    x = np.where(np.isnan(values), np.nan, np.arange(values.shape[1], dtype=float))
    dx = x - np.nanmean(x, axis=1, keepdims=True)
    dy = values - np.nanmean(values, axis=1, keepdims=True)
    return np.nansum(dx * dy, axis=1) / np.nansum(dx * dx, axis=1)


def status_indicators(series: list[Synthetic]) -> int:
    """The series as indicators in the database, each with its 2027 target; the area's pk."""
    from roedtraad.followup.models import Aggregation, Indicator, Measurement, Target

    pairs = make_units(len(series), "Status", prefix="Status ")
    indicators = Indicator.objects.bulk_create(
        Indicator(
            key="sygefravaer",
            name="Sygefravær",
            org_unit=unit,
            goal=goal,
            aggregation=Aggregation.ROLLING_12_MONTHS if s.rolling else Aggregation.MONTH,
            valid_from=SERIES_START,
        )
        for (unit, goal), s in zip(pairs, series, strict=True)
    )
    Target.objects.bulk_create(
        Target(indicator=i, period_start=dt.date(2027, 1, 1), period_end=DEADLINE, value=Decimal(str(s.target)))
        for i, s in zip(indicators, series, strict=True)
    )
    Measurement.objects.bulk_create(
        (
            Measurement(indicator=i, period=p.period, value=Decimal(str(p.value)), source="benchmark")
            for i, s in zip(indicators, series, strict=True)
            for p in s.points
        ),
        batch_size=2000,
    )
    return pairs[0][0].parent_id


class OrmStatus:
    """`status_of` over the indicators of an area read with `with_series`; the time of reading
    (queries and model instances) and of the statuses kept apart."""

    def __init__(self, area_id: int) -> None:
        self.area_id = area_id
        self.parts: list[tuple[float, float]] = []
        self.last: list = []

    def __call__(self) -> None:
        from roedtraad.followup.indicator_status import status_of, with_series
        from roedtraad.followup.models import Indicator

        started = time.perf_counter()
        indicators = list(with_series(Indicator.objects.filter(org_unit__parent_id=self.area_id).order_by("pk")))
        read = time.perf_counter()
        self.last = [status_of(indicator, TODAY) for indicator in indicators]
        self.parts.append((read - started, time.perf_counter() - read))

    def split(self) -> str:
        read = statistics.median(r for r, _ in self.parts)
        status = statistics.median(s for _, s in self.parts)
        return f"with_series read {read:.3f} s + status_of {status:.3f} s (medians)"


def case_status(indicators: int, db_indicators: int, repeat: int) -> list[Result]:
    series = synthetic_series(indicators)
    months = sum(len(s.points) for s in series)
    size = f"{indicators:,} series, {months:,} months"
    core_statuses(series[:50])  # warm up
    results = [measure("baseline: least-squares slope per series, Python", size, lambda: python_slopes(series), repeat)]
    values = as_array(series)
    results.append(measure("baseline: mean + slope of all series, numpy", size, lambda: numpy_slopes(values), repeat))
    results.append(measure("status + forecast, core forecast_indicator", size, lambda: core_statuses(series), repeat))
    core = core_statuses(series)
    assert len(core) == indicators and all(f.value is not None for f in core)
    tally = Counter(f.status for f in core)
    methods = Counter(f.method for f in core)
    print(f"  statuses {dict(tally)}; methods {dict(methods)}")

    db_series = series[:db_indicators]
    built = time.perf_counter()
    area_id = status_indicators(db_series)
    db_size = f"{db_indicators:,} indicators, {sum(len(s.points) for s in db_series):,} measurements"
    print(f"stored {db_size} in {time.perf_counter() - built:.1f} s")
    core_slice = measure("status + forecast, core, the same series", db_size, lambda: core_statuses(db_series), repeat)
    orm = OrmStatus(area_id)
    orm()  # warm up
    results += [core_slice, measure("status + forecast, Django status_of + with_series", db_size, orm, repeat)]
    print(f"  {orm.split()}")
    assert len(orm.last) == db_indicators
    same = [(s.status, s.forecast.value) for s in orm.last] == [(f.status, f.value) for f in core[:db_indicators]]
    assert same, "status_of and forecast_indicator disagree on the same series"
    return results


# --- main --------------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, help=f"measurement rows in the file (default {GOAL_ROWS:,})")
    parser.add_argument("--indicators", type=int, help=f"series for the core status (default {GOAL_INDICATORS:,})")
    parser.add_argument("--db-indicators", type=int, help="indicators for status_of from the database (default 1,000)")
    parser.add_argument("--repeat", type=int, help="timed runs of each case (default 3)")
    parser.add_argument("--quick", action="store_true", help="small sizes, a smoke test in seconds")
    parser.add_argument("--profile", action="store_true", help="cProfile hotspots of the imports")
    args = parser.parse_args()
    quick = {"rows": 2_000, "indicators": 500, "db_indicators": 100, "repeat": 2}
    full = {"rows": GOAL_ROWS, "indicators": GOAL_INDICATORS, "db_indicators": 1_000, "repeat": 3}
    for name, value in (quick if args.quick else full).items():
        if getattr(args, name) is None:
            setattr(args, name, value)
    args.db_indicators = min(args.db_indicators, args.indicators)

    print(f"machine: {machine()}")
    with tempfile.TemporaryDirectory(prefix="rt-followup-") as tmp:
        setup_django(tmp)
        results = case_import(args.rows, args.repeat, Path(tmp), args.profile)
        results += case_status(args.indicators, args.db_indicators, args.repeat)
        from django.db import connections

        connections.close_all()

    by_name = {r.name: r for r in results}
    baseline = by_name.get("baseline: sqlite3 .import")
    print(f"\nmedian of {args.repeat} runs; peak RSS {peak_rss_mb():.0f} MB; load now {load():.1f}\n")
    compared = {  # case -> what it is compared with
        "import, first (all new)": "baseline: sqlite3 .import",
        "import, same file again (unchanged)": "baseline: sqlite3 .import",
        "status + forecast, core forecast_indicator": "baseline: least-squares slope per series, Python",
        "status + forecast, Django status_of + with_series": "status + forecast, core, the same series",
    }
    print("| case | size | wall s | CPU s | load | vs baseline (wall / CPU) |")
    print("| --- | --- | --- | --- | --- | --- |")
    for r in results:
        ratio = ""
        if (base := by_name.get(compared.get(r.name, ""))) is not None:
            ratio = f"{r.wall / base.wall:.1f}x / {r.cpu / max(base.cpu, 1e-9):.1f}x"
        print(f"| {r.name} | {r.size} | {r.wall:.3f} | {r.cpu:.3f} | {r.load:.1f} | {ratio} |")

    judged = args.rows >= GOAL_ROWS and args.indicators >= GOAL_INDICATORS
    verdicts = []
    if baseline:
        for name in ("import, first (all new)", "import, same file again (unchanged)"):
            ratio = by_name[name].wall / baseline.wall
            verdicts.append((f"{name} within {GOAL_RATIO}x of sqlite3 .import: {ratio:.1f}x", ratio <= GOAL_RATIO))
    core = by_name["status + forecast, core forecast_indicator"]
    verdicts.append((f"core status of {args.indicators:,} < {GOAL_CORE_S:g} s: {core.wall:.2f} s", core.wall < 2))
    print()
    for text, ok in verdicts:
        print(f"{text} -> {('yes' if ok else 'NO') if judged else 'not judged (below the goal sizes)'}")
    return 0 if not judged or all(ok for _, ok in verdicts) else 1


if __name__ == "__main__":
    sys.exit(main())
