"""Page benchmark (issue "web application"): median server time of the overview (/contracts/),
a contract page and a goal page, logged in as the director on the demo data, next to serving the
same HTML bytes as a static file through WhiteNoise in the same run.

usage: .venv/bin/python benchmarks/pages.py [--repeat N] [--warmup N] [--profile]
Each backend runs in its own process: SQLite in a fresh database under a temporary
ROEDTRAAD_DATA_DIR, and PostgreSQL when DATABASE_URL is set (in a throw-away test database,
`test_<name>`, created and dropped by Django, so the named database is left alone).
Pages are timed kept (served from the per-user page cache) and fresh (the content token replaced,
untimed, before each request), first in-process through Django's test Client (the whole
middleware stack, no sockets), then over HTTP through a real gunicorn on loopback. The static
baseline is the rendered HTML written under STATIC_ROOT and answered by WhiteNoise, fetched the
same two ways. Goal: every page within 5x of static. --profile prints cProfile hotspots of fresh
renders.
"""

from __future__ import annotations

import argparse
import cProfile
import functools
import http.client
import io
import json
import os
import platform
import pstats
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _machine() -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if "model name" in line
        ),
        platform.processor() or "?",
    )
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return f"{cpu}, {os.cpu_count()} CPUs (nproc), Python {platform.python_version()}, load {load:.1f}"


def _fetch(client, path: str) -> bytes:
    response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    if response.streaming:
        body = b"".join(response.streaming_content)
        response.close()
        return body
    return response.content


def _times(fetch, path: str, repeat: int, warmup: int, before=None) -> list[float]:
    """Median material: `repeat` timed fetches after `warmup` untimed ones; `before` runs untimed."""
    for _ in range(warmup):
        if before:
            before()
        fetch(path)
    runs = []
    for _ in range(repeat):
        if before:
            before()
        started = time.perf_counter()
        fetch(path)
        runs.append((time.perf_counter() - started) * 1000)
    return runs


class HttpClient:
    """Plain HTTP/1.1 over loopback to a real gunicorn, with the logged-in Client's cookies."""

    def __init__(self, port: int, cookies: str):
        self.port, self.cookies = port, cookies

    def __call__(self, path: str) -> bytes:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        connection.request("GET", path, headers={"Cookie": self.cookies, "Host": "127.0.0.1"})
        response = connection.getresponse()
        body = response.read()
        connection.close()
        assert response.status == 200, (path, response.status)
        return body


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _gunicorn(database_url: str | None):
    """One sync gunicorn worker serving Rødtråd (and WhiteNoise's static files) on a free port."""
    port = _free_port()
    env = dict(os.environ)
    if database_url:
        env["DATABASE_URL"] = database_url
    command = [sys.executable, "-m", "gunicorn", "roedtraad.wsgi:application", "--workers", "1"]
    process = subprocess.Popen(
        [*command, "--bind", f"127.0.0.1:{port}", "--log-level", "warning"], env=env, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return process, port
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise SystemExit("gunicorn did not start")


def _profile(client, path: str, runs: int = 30) -> str:
    """Hotspots of rendering the page afresh (the content token replaced before each request)."""
    from roedtraad.web.pagecache import replace_token

    profiler = cProfile.Profile()
    for _ in range(runs):
        replace_token()
        profiler.enable()
        _fetch(client, path)
        profiler.disable()
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out).sort_stats(os.environ.get("PAGES_SORT", "cumulative"))
    stats.print_stats(r"roedtraad|django/(template|db/models/sql|db/backends)", 18)
    return out.getvalue()


def _count_queries(fetch, path: str) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        fetch(path)
    return len(queries)


def _over_http(rows: list[dict], client, repeat: int, warmup: int) -> None:
    """The same pages and static copies through a real gunicorn over loopback (as users get them)."""
    from django.db import connection

    from roedtraad.web.pagecache import replace_token

    database_url = None
    if connection.vendor == "postgresql":  # the throw-away test database, not the named one
        database_url = os.environ["DATABASE_URL"].rsplit("/", 1)[0] + "/" + connection.settings_dict["NAME"]
    cookies = "; ".join(f"{name}={morsel.value}" for name, morsel in client.cookies.items())
    process, port = _gunicorn(database_url)
    try:
        fetch = HttpClient(port, cookies)
        for row in rows:
            row["http_static_ms"] = statistics.median(_times(fetch, row["static"], repeat, warmup))
            row["http_kept_ms"] = statistics.median(_times(fetch, row["path"], repeat, warmup))
            row["http_fresh_ms"] = statistics.median(_times(fetch, row["path"], repeat, warmup, before=replace_token))
    finally:
        process.terminate()
        process.wait(timeout=10)


def measure(backend: str, repeat: int, warmup: int, profile: bool) -> dict:
    """In a child process: set up Django and the database, then time the pages."""
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from roedtraad.contracts.models import Contract
    from roedtraad.demo.build import build
    from roedtraad.web.pagecache import replace_token

    # No setup_test_environment(): its instrumented template rendering (a signal and a copy of the
    # context per template, for assertTemplateUsed) would be timed too. "testserver" is allowed.
    test_db = None
    if backend == "postgresql":
        test_db = connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    else:
        call_command("migrate", verbosity=0)
    try:
        build()
        director = get_user_model().objects.get(username="direktoer")
        contract = Contract.objects.filter(holder__name="Hjemmeplejen Fjordby").order_by("-year", "-revision").first()
        goal = contract.goals.filter(deleted_at__isnull=True).order_by("number").first()
        pages = {
            "overview /contracts/": "/contracts/",
            f"contract /contracts/{contract.pk}/": f"/contracts/{contract.pk}/",
            f"goal /goals/{goal.pk}/": f"/goals/{goal.pk}/",
        }
        client = Client()
        client.force_login(director)

        # The static copies: the rendered HTML of each page, served by WhiteNoise (a new Client has
        # its own handler, whose WhiteNoise middleware scans STATIC_ROOT when it starts).
        static_dir = Path(settings.STATIC_ROOT) / "bench"
        static_dir.mkdir(parents=True, exist_ok=True)
        html = {}
        for i, path in enumerate(pages.values()):
            html[path] = _fetch(client, path)
            (static_dir / f"page{i}.html").write_bytes(html[path])
        static_client = Client()
        static_paths = {
            path: f"/{settings.STATIC_URL.strip('/')}/bench/page{i}.html" for i, path in enumerate(pages.values())
        }
        for path, static_path in static_paths.items():
            assert _fetch(static_client, static_path) == html[path], "WhiteNoise did not serve the same bytes"

        rows = []
        for label, path in pages.items():
            fetch = functools.partial(_fetch, client)
            static_fetch = functools.partial(_fetch, static_client)
            row = {"page": label, "kb": len(html[path]) / 1024, "path": path, "static": static_paths[path]}
            row["static_ms"] = statistics.median(_times(static_fetch, static_paths[path], repeat, warmup))
            row["kept_ms"] = statistics.median(_times(fetch, path, repeat, warmup))
            row["fresh_ms"] = statistics.median(_times(fetch, path, repeat, warmup, before=replace_token))
            row["kept_queries"] = _count_queries(fetch, path)
            replace_token()
            row["fresh_queries"] = _count_queries(fetch, path)
            if profile:
                row["profile"] = _profile(client, path)
            rows.append(row)
        _over_http(rows, client, repeat, warmup)
        return {"backend": backend, "vendor": connection.vendor, "rows": rows}
    finally:
        if test_db is not None:
            connection.creation.destroy_test_db(test_db, verbosity=0)


def _run_child(backend: str, args) -> dict:
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="roedtraad.settings", PYTHONPATH=str(ROOT / "src"))
    with tempfile.TemporaryDirectory(prefix="rt-pages-") as data_dir:
        env["ROEDTRAAD_DATA_DIR"] = data_dir
        if backend == "sqlite":
            env.pop("DATABASE_URL", None)
        command = [
            sys.executable,
            __file__,
            "--child",
            backend,
            "--repeat",
            str(args.repeat),
            "--warmup",
            str(args.warmup),
        ]
        if args.profile:
            command.append("--profile")
        done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{backend} run failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=50, help="timed requests per page (default 50)")
    parser.add_argument("--warmup", type=int, default=5, help="untimed requests per page first (default 5)")
    parser.add_argument("--profile", action="store_true", help="print cProfile hotspots of every page")
    parser.add_argument("--child", choices=["sqlite", "postgresql"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.repeat < 30:
        parser.error("--repeat must be at least 30")
    if args.child:
        print(json.dumps(measure(args.child, args.repeat, args.warmup, args.profile)))
        return

    backends = ["sqlite"] + (["postgresql"] if os.environ.get("DATABASE_URL", "").startswith("postgres") else [])
    print(f"Machine: {_machine()}")
    print(f"Median of {args.repeat} requests after {args.warmup} warm-up, Django test Client, logged in as direktoer")
    print()
    print(
        "| database | page | HTML KB | queries kept / fresh | static ms | kept ms | fresh ms "
        "| HTTP static ms | HTTP kept ms | HTTP fresh ms |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    profiles = []
    for backend in backends:
        result = _run_child(backend, args)
        for row in result["rows"]:
            ratio = row["kept_ms"] / row["static_ms"]
            http_ratio = row["http_kept_ms"] / row["http_static_ms"]
            http_fresh_ratio = row["http_fresh_ms"] / row["http_static_ms"]
            print(
                f"| {backend} | {row['page']} | {row['kb']:.0f} | {row['kept_queries']} / {row['fresh_queries']} "
                f"| {row['static_ms']:.2f} | {row['kept_ms']:.2f} ({ratio:.1f}x) | {row['fresh_ms']:.1f} "
                f"| {row['http_static_ms']:.2f} | {row['http_kept_ms']:.2f} ({http_ratio:.1f}x) "
                f"| {row['http_fresh_ms']:.1f} ({http_fresh_ratio:.1f}x) |"
            )
            if "profile" in row:
                profiles.append((backend, row["page"], row["profile"]))
    for backend, page, text in profiles:
        print(f"\n--- cProfile, {backend}, {page} (cumulative) ---\n{text}")


if __name__ == "__main__":
    main()
