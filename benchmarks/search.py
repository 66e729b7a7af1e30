"""Search benchmark (issue 12 "Search that scales"): median time of a search over ten years of a
municipality's contracts, narrowed by the database's full-text index, next to the search as it
was before (LIKE per stem, every candidate scored from its texts) in the same run.

usage: .venv/bin/python benchmarks/search.py [--repeat N] [--old-repeat N] [--holders N] [--years N]
Each backend runs in its own process: SQLite in a fresh database under a temporary
ROEDTRAAD_DATA_DIR, and PostgreSQL when DATABASE_URL=postgres://… is set (in a throw-away test
database, `test_<name>`, created and dropped by Django). The data: --holders holders (default 40)
× 10 goals × --years years (default 10), each goal with seven sections of made-up Danish text and
three activities, written by bulk_create and then indexed by `search_index.rebuild` (timed, as the
migration does it); ten contracts of the last year get a new revision through
`Contract.new_revision` (so the newest-revision rule has work). Timed per query, logged in as the
director, with the queryset of the search page:

- `search()`: the database narrows by the index, the stored stems rank, the top 100 are read;
- the whole search page (`/search/?q=…`, rendered afresh: the page cache's token replaced before each);
- baseline: the old search (icontains per stem, all candidates' texts read and scored in Python),
  and `SELECT count(*)` of the goals.
The script checks that new and old give the same hits with the same scores in the same order (on
goals without a newer revision, where the old one had no rule). Goal: median search < 50 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOAL_MS = 50
QUERIES = [
    "sygefravær",
    "fravær",
    "rekruttering af nyansatte",
    "velfærdsteknologi",
    "demens pårørende",
    "sprogvurderingen",
    "skolevægring",
    "genoptræning",
    "langtidsledige borgere",
    "madspild",
    "ensomhed frivillige",
    "udskrivelsen",
    "borgerne",
    "it",
    "kvalitetsstandard",
]

# --- Made-up Danish contract text --------------------------------------------------------------

AREAS = {
    "Ældre og Sundhed": ["Plejecenter", "Hjemmeplejen", "Sundhedscenter", "Træningsenheden"],
    "Børn og Unge": ["Dagtilbud", "Skolen", "Familiehuset", "Ungdomsskolen"],
    "Beskæftigelse": ["Jobcenter", "Ungeindsatsen"],
    "Teknik og Miljø": ["Vej og Park", "Affald og Genbrug"],
}
PLACES = ["Nord", "Syd", "Øst", "Vest", "Egely", "Bakkely", "Fjordby", "Skovhus", "Engparken", "Åbyen"]
THEMES = [
    (
        "Lavere sygefravær",
        ["sygefraværet", "korttidsfraværet", "langtidssygefraværet", "fraværssamtaler"]
        + ["arbejdsmiljøet", "trivslen", "tillidsrepræsentanten", "sundhedsordningen"],
    ),
    (
        "Rekruttering og fastholdelse",
        ["rekrutteringen", "fastholdelsen", "elevpladserne", "introduktionsforløb"]
        + ["nyansatte", "vikarforbruget", "kompetenceudviklingen", "karriereveje"],
    ),
    (
        "Digitale arbejdsgange",
        ["digitaliseringen", "velfærdsteknologien", "skærmbesøg", "journalføringen"]
        + ["fagsystemet", "it-understøttelsen", "dokumentationen", "datadrevet ledelse"],
    ),
    (
        "Et godt liv med demens",
        ["demensvenlige omgivelser", "de pårørende", "nattevagterne", "uroen om aftenen"]
        + ["livshistorien", "meningsfulde aktiviteter", "demenskoordinatoren", "medicinhåndteringen"],
    ),
    (
        "Sprog og læring",
        ["sprogvurderingerne", "sprogindsatsen", "læringsmiljøet", "legegrupperne"]
        + ["forældresamarbejdet", "overgangen til skole", "højtlæsningen", "pædagogernes praksis"],
    ),
    (
        "Inkluderende fællesskaber",
        ["inklusionen", "fællesskaberne", "trivselsmålingen", "specialundervisningen"]
        + ["elevernes fravær", "skolevægringen", "klasseledelsen", "ressourcepersonerne"],
    ),
    (
        "Rehabilitering i hverdagen",
        ["hverdagsrehabiliteringen", "genoptræningen", "træningsforløbene"]
        + ["terapeuterne", "selvhjulpenheden", "hjemmetræningen", "hjælpemidlerne", "borgerens egne mål"],
    ),
    (
        "Flere i job",
        ["beskæftigelsen", "ledighedsperioden", "virksomhedspraktikken", "jobsamtalerne"]
        + ["de langtidsledige", "opkvalificeringen", "virksomhedskonsulenterne", "uddannelsespålægget"],
    ),
    (
        "Grøn omstilling",
        ["klimaregnskabet", "energiforbruget", "madspildet", "affaldssorteringen"]
        + ["elbilerne", "bæredygtige indkøb", "udledningen af CO2", "genbruget"],
    ),
    (
        "Mindre ensomhed",
        ["ensomheden", "de frivillige", "besøgsvennerne", "foreningslivet"]
        + ["seniorklubben", "netværket", "fællesspisningen", "aktivitetscentret"],
    ),
    (
        "Sammenhængende forløb",
        ["udskrivelsen", "sektorovergangene", "genindlæggelserne", "kommunikationen"]
        + ["de tværfaglige møder", "sygeplejen", "akutfunktionen", "koordineringen"],
    ),
    (
        "God ledelse tæt på",
        ["ledelsesgrundlaget", "ledelsesudviklingen", "sparringen", "personalemøderne"]
        + ["MED-udvalget", "arbejdsglæden", "tilliden", "opgaveløsningen"],
    ),
]
SENTENCES = [
    "{Theme} er et af de vigtigste fokusområder for {holder} i {year}.",
    "Vi vil styrke {a} og {b}, så borgerne oplever en bedre og mere tryg hverdag.",
    "Målet er, at {a} forbedres mærkbart inden udgangen af {year}.",
    "Erfaringerne fra sidste år viser, at {a} hænger tæt sammen med {b}.",
    "Medarbejderne inddrages i arbejdet med {a} på personalemøderne og i arbejdsgrupper.",
    "Indsatsen følges op på kvartalsmøderne med fagchefen, hvor {a} drøftes.",
    "Borgerne skal mærke, at {a} giver mere tryghed, sammenhæng og kvalitet i opgaven.",
    "Ledelsen prioriterer {a} og afsætter tid til {b} i den daglige drift.",
    "Vi måler på {a} hver måned og drøfter resultaterne i MED-udvalget.",
    "Der er afsat midler til {a} i budgettet for {year}, og arbejdet evalueres til efteråret.",
    "Kommunalbestyrelsens politik for området peger på {a} som en forudsætning for {b}.",
    "Sammen med de andre enheder i området deler vi viden om {a} og {b}.",
]
ACTIVITIES = [
    "Temadag om {a} for alle medarbejdere",
    "Kortlægning af {a} i samarbejde med {b}",
    "Månedlig opfølgning på {a} i ledergruppen",
    "Pilotprojekt med {a} i et af teamene",
]
SECTION_KEYS = ["baggrund_formaal", "politisk_afsaet", "udviklingsmaal", "virkning_borger"]
SECTION_KEYS += ["tidsperspektiv", "aktiviteter", "opfoelgning"]


def holders(count: int) -> list[tuple[str, str]]:
    """(area, holder name) pairs, e.g. ("Ældre og Sundhed", "Plejecenter Egely")."""
    kinds = [(area, kind) for area, ks in AREAS.items() for kind in ks]
    names = [(area, f"{kind} {place}") for place in PLACES for area, kind in kinds]
    return random.Random(7).sample(names, count)


def paragraph(rng: random.Random, theme: int, other: int, holder: str, year: int, sentences: int) -> str:
    words, extra = THEMES[theme][1], THEMES[other][1]
    parts = []
    for _ in range(sentences):
        a, b = rng.choice(words), rng.choice(words + extra)
        template = rng.choice(SENTENCES)
        parts.append(template.format(Theme=THEMES[theme][0], holder=holder, year=year, a=a, b=b))
    return " ".join(parts)


def goal_texts(rng: random.Random, theme: int, holder: str, year: int) -> tuple[str, dict[str, str], list[str]]:
    other = rng.randrange(len(THEMES))
    title = f"{THEMES[theme][0]} i {holder}" if rng.random() < 0.5 else THEMES[theme][0]
    sections = {key: paragraph(rng, theme, other, holder, year, rng.randint(2, 4)) for key in SECTION_KEYS}
    words = THEMES[theme][1]
    activities = [rng.choice(ACTIVITIES).format(a=rng.choice(words), b=rng.choice(words)) for _ in range(3)]
    return title, sections, activities


def build(holder_count: int, years: int) -> dict:
    """The municipality, written by bulk_create (no signals: `rebuild` indexes it, timed)."""
    from roedtraad.contracts.models import Activity, Contract, Goal, GoalSection
    from roedtraad.org.models import OrgUnit, OrgUnitKind

    rng = random.Random(12)
    top = OrgUnit.objects.create(name="Benchby Kommune", kind=OrgUnitKind.MUNICIPALITY)
    areas = {name: OrgUnit.objects.create(name=name, kind=OrgUnitKind.AREA, parent=top) for name in AREAS}
    units = OrgUnit.objects.bulk_create(
        OrgUnit(name=name, kind=OrgUnitKind.HOLDER, parent=areas[area]) for area, name in holders(holder_count)
    )
    last = 2026
    first = last - years + 1
    contracts = Contract.objects.bulk_create(
        Contract(holder=unit, year=year, status="entered", title=f"Udviklingskontrakt {year}")
        for unit in units
        for year in range(first, last + 1)
    )
    goals, texts = [], []
    for c_index, contract in enumerate(contracts):
        for number in range(1, 11):
            theme = (c_index + number * 5) % len(THEMES)
            title, sections, activities = goal_texts(rng, theme, contract.holder.name, contract.year)
            goals.append(Goal(contract=contract, number=number, title=title))
            texts.append((sections, activities))
    goals = Goal.objects.bulk_create(goals)
    GoalSection.objects.bulk_create(
        GoalSection(goal=goal, key=key, text=text, order=order)
        for goal, (sections, _a) in zip(goals, texts, strict=True)
        for order, (key, text) in enumerate(sections.items())
    )
    Activity.objects.bulk_create(
        Activity(goal=goal, text=text, order=order)
        for goal, (_s, activities) in zip(goals, texts, strict=True)
        for order, text in enumerate(activities)
    )
    return {"goals": len(goals), "contracts": len(contracts), "first": first, "last": last}


# --- The search as it was (commit before issue 12), for the baseline ---------------------------


def old_search(goals, query: str, limit: int = 100) -> list[tuple[int, int]]:
    """The old `web/search.py`: icontains per stem on title, sections and activities; every
    candidate's texts read and scored in Python. Returns (goal id, score)."""
    from django.db.models import Exists, OuterRef, Q

    from roedtraad.contracts.models import Activity, GoalSection
    from roedtraad.web.search import WORD, highlight, query_stems, texts_of, word_matches

    def contains(field_name: str, term: str) -> Q:
        return Q(**{f"{field_name}__icontains": term}) | Q(**{f"{field_name}__contains": term.capitalize()})

    stems = query_stems(query)
    for term in stems:
        sections = GoalSection.objects.filter(contains("text", term), goal=OuterRef("pk"))
        activities = Activity.objects.filter(contains("text", term), goal=OuterRef("pk"))
        goals = goals.filter(contains("title", term) | Q(Exists(sections)) | Q(Exists(activities)))
    rows = goals.select_related("contract", "contract__holder", "contract__holder__parent").prefetch_related(
        "sections", "activities", "tracks"
    )
    hits = []
    for goal in rows:
        texts = texts_of(goal)
        found, count = set(), 0
        for text in texts:
            for word in WORD.findall(text):
                for term in stems:
                    if word_matches(word, [term]):
                        found.add(term)
                        count += 1
        if found != set(stems):
            continue
        _snippets = [s for s in (highlight(t, stems) for t in texts[1:]) if s][:2]
        bonus = 5 * sum(1 for w in WORD.findall(goal.title) if word_matches(w, stems))
        hits.append((goal, count + bonus))
    hits.sort(key=lambda h: (-h[1], -h[0].contract.year, h[0].contract.holder.name, h[0].number))
    return [(goal.pk, score) for goal, score in hits[:limit]]


# --- Measuring --------------------------------------------------------------------------------


def machine() -> str:
    cpu = next(
        (ln.split(":", 1)[1].strip() for ln in Path("/proc/cpuinfo").read_text().splitlines() if "model name" in ln),
        platform.processor() or "?",
    )
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return f"{cpu}, {os.cpu_count()} CPUs (nproc), Python {platform.python_version()}, load {load:.1f}"


def median_ms(fn, repeat: int, warmup: int = 1, before=None) -> float:
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeat):
        if before:
            before()
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def index_size_mb() -> float | None:
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT pg_total_relation_size('contracts_goal_search')")
        else:
            try:
                cursor.execute("SELECT SUM(pgsize) FROM dbstat WHERE name LIKE 'contracts_goal_search%'")
            except Exception:  # dbstat is a compile-time option of SQLite
                return None
        size = cursor.fetchone()[0]
    return size / 1e6 if size else None


def plan(goals, query: str) -> str:
    """The database's plan of the narrowing query: it must use the full-text index."""
    from django.db import connection

    from roedtraad.contracts import search_index
    from roedtraad.web.search import newest, query_stems

    queryset = search_index.narrow(newest(goals), query_stems(query)).order_by().values_list("pk", search_index.stats())
    sql, params = queryset.query.sql_with_params()
    explain = "EXPLAIN QUERY PLAN " if connection.vendor == "sqlite" else "EXPLAIN "
    with connection.cursor() as cursor:
        cursor.execute(explain + sql, params)
        return "\n".join(" ".join(str(c) for c in row) for row in cursor.fetchall())


def measure(backend: str, args) -> dict:
    """In a child process: set up Django and the database, build the data, time the searches."""
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from roedtraad.contracts import search_index
    from roedtraad.contracts.models import Contract, Goal
    from roedtraad.org.models import UserRole
    from roedtraad.web import access
    from roedtraad.web.filters import SearchFilter
    from roedtraad.web.pagecache import replace_token
    from roedtraad.web.search import search

    test_db = None
    if backend == "postgresql":
        test_db = connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    else:
        call_command("migrate", verbosity=0)
    try:
        sizes = build(args.holders, args.years)
        start = time.perf_counter()
        search_index.rebuild()
        rebuild_s = time.perf_counter() - start
        revised = Contract.objects.filter(year=sizes["last"]).order_by("pk")[:10]
        for contract in revised:
            contract.new_revision()  # a transaction: indexed on commit, through the signals
        if connection.vendor == "postgresql":  # as autovacuum would have done after the load
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        some = list(Goal.objects.order_by("?").values_list("pk", flat=True)[:50])
        refresh_ms = median_ms(lambda: [search_index.refresh([pk]) for pk in some], 3) / len(some)

        director = get_user_model().objects.create_user("direktoer", "", "x")
        UserRole.objects.create(user=director, role="director")
        visible = access.contracts_visible_to(director)

        def page_goals(query: str):  # as the search view builds them
            form = SearchFilter({"q": query}, visible)
            assert form.is_valid(), form.errors
            return access.goals_visible_to(director).filter(contract__in=form.apply(visible))

        client = Client()
        client.force_login(director)
        live_unrevised = Goal.objects.filter(deleted_at__isnull=True, revised_to__isnull=True)
        rows = []
        for query in QUERIES:
            goals = page_goals(query)
            hits = search(goals, query)
            same = [(h.goal.pk, h.score) for h in search(live_unrevised, query)] == old_search(live_unrevised, query)
            row = {"query": query, "hits": len(hits), "same": same}
            row["search_ms"] = median_ms(lambda q=query, g=goals: search(g, q), args.repeat)
            url = f"/search/?q={query}"
            row["page_ms"] = median_ms(lambda u=url: client.get(u), max(5, args.repeat // 4), before=replace_token)
            row["old_ms"] = median_ms(lambda q=query, g=goals: old_search(g, q), args.old_repeat, warmup=0)
            rows.append(row)

        def count() -> None:
            with connection.cursor() as cursor:
                cursor.execute("SELECT count(*) FROM contracts_goal")
                cursor.fetchone()

        return {
            "backend": backend,
            "sizes": sizes,
            "goals": Goal.objects.count(),
            "rebuild_s": rebuild_s,
            "refresh_ms": refresh_ms,
            "index_mb": index_size_mb(),
            "count_ms": median_ms(count, args.repeat),
            "rows": rows,
            "plan": plan(page_goals(QUERIES[0]), QUERIES[0]),
        }
    finally:
        if test_db is not None:
            connection.creation.destroy_test_db(test_db, verbosity=0)


def run_child(backend: str, args) -> dict:
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="roedtraad.settings", PYTHONPATH=f"{ROOT / 'src'}:{ROOT}")
    with tempfile.TemporaryDirectory(prefix="rt-search-") as data_dir:
        env["ROEDTRAAD_DATA_DIR"] = data_dir
        if backend == "sqlite":
            env.pop("DATABASE_URL", None)
        command = [sys.executable, __file__, "--child", backend]
        command += ["--repeat", str(args.repeat), "--old-repeat", str(args.old_repeat)]
        command += ["--holders", str(args.holders), "--years", str(args.years)]
        done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{backend} run failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def report(result: dict, args) -> bool:
    rows = result["rows"]
    sizes = result["sizes"]
    print(
        f"\n### {result['backend']}: {result['goals']} goals ({sizes['contracts']} contracts, "
        f"{sizes['first']}–{sizes['last']}, 10 revised)\n"
    )
    print("| query | hits | same as old | search ms | page ms (fresh) | old search ms | old / new |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for r in rows:
        ratio = r["old_ms"] / r["search_ms"]
        print(
            f"| {r['query']} | {r['hits']} | {'yes' if r['same'] else '**no**'} | {r['search_ms']:.1f} "
            f"| {r['page_ms']:.1f} | {r['old_ms']:.0f} | {ratio:.0f}x |"
        )
    median = statistics.median(r["search_ms"] for r in rows)
    page, old = (statistics.median(r[key] for r in rows) for key in ("page_ms", "old_ms"))
    worst = max(r["search_ms"] for r in rows)
    size = f"{result['index_mb']:.1f} MB" if result["index_mb"] else "? MB"
    print(
        f"\nmedian over the queries: search {median:.1f} ms (worst {worst:.1f} ms), page {page:.1f} ms, "
        f"old search {old:.0f} ms; SELECT count(*) of the goals {result['count_ms']:.2f} ms"
    )
    print(
        f"index: rebuild of all goals {result['rebuild_s']:.1f} s, refresh of one goal "
        f"{result['refresh_ms']:.2f} ms, size {size}"
    )
    print(f"plan of the narrowing query ({QUERIES[0]!r}):\n{result['plan']}")
    return median < GOAL_MS and all(r["same"] for r in rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=20, help="timed runs of each search (default 20)")
    parser.add_argument("--old-repeat", type=int, default=3, help="timed runs of the old search (default 3)")
    parser.add_argument("--holders", type=int, default=40, help="contract holders (default 40)")
    parser.add_argument("--years", type=int, default=10, help="years of contracts (default 10)")
    parser.add_argument("--child", choices=["sqlite", "postgresql"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.child, args)))
        return 0
    backends = ["sqlite"] + (["postgresql"] if os.environ.get("DATABASE_URL", "").startswith("postgres") else [])
    print(f"Machine: {machine()}")
    print(f"Median of {args.repeat} searches per query ({args.old_repeat} of the old search), as the director")
    met = [report(run_child(backend, args), args) for backend in backends]
    print(f"\ngoal (median search < {GOAL_MS} ms, same hits as the old search): {'met' if all(met) else 'NOT met'}")
    return 0 if all(met) else 1


if __name__ == "__main__":
    sys.exit(main())
