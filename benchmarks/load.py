"""Load test (issue "Reports, open data and the API"): two `roedtraad serve` instances on
different ports sharing one PostgreSQL, as a municipality runs several app servers behind a load
balancer, and concurrent users split between them, browsing, posting follow-ups and pushing
measurements through the API. Every write is read back at once through the *other* instance
(its pages kept in that instance's page cache included), so a lost or stale write is counted.

usage: .venv/bin/python benchmarks/load.py [--users 50] [--seconds 120] [--workers 2]
       [--database postgres://postgres@127.0.0.1:5432/roedtraad_load]

The named database is dropped and created again, migrated and loaded with the demo. Each user
logs in to its own instance with a session of its own (the demo's director, so that every goal
and indicator may be written) and loops: the contract list, a contract page and a goal page;
every third round a follow-up entry posted through the form and read back on the goal page of
the other instance; every third round a measurement pushed through the API to the other
instance with a token and read back through the API of its own. Each user writes its own
(indicator, month), so the value read back must be the one it wrote last. Without a network
between the clients and the servers (loopback), the clients share the machine's cores with the
servers and PostgreSQL: the figures are a floor, not a capacity.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import signal
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def _run(*args: str, env: dict) -> str:
    done = subprocess.run([str(BIN / "roedtraad"), *args], env=env, capture_output=True, text=True, check=False)
    if done.returncode:
        raise SystemExit(f"roedtraad {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout


def _fresh_database(url: str) -> None:
    import psycopg

    parts = urllib.parse.urlparse(url)
    name = parts.path.lstrip("/")
    admin = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


class Client:
    """One user's HTTP/1.1 connection to one instance, with its cookies."""

    def __init__(self, port: int, cookies: dict[str, str] | None = None, token: str = ""):
        self.port, self.cookies, self.token = port, dict(cookies or {}), token
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)

    def request(self, method: str, path: str, body: bytes | None = None, headers: dict | None = None):
        headers = {"Host": f"127.0.0.1:{self.port}", **(headers or {})}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        try:
            self.connection.request(method, path, body=body, headers=headers)
            response = self.connection.getresponse()
        except (http.client.HTTPException, OSError):  # a closed keep-alive connection: once more
            self.connection.close()
            self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
            self.connection.request(method, path, body=body, headers=headers)
            response = self.connection.getresponse()
        data = response.read()
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name.strip()] = rest.split(";", 1)[0]
        return response.status, data, dict(response.getheaders())

    def form(self, path: str, fields: dict[str, str]):
        status, page, _ = self.request("GET", path)
        token = CSRF.search(page.decode())
        if status != 200 or token is None:
            return status, page, {}
        body = urllib.parse.urlencode({"csrfmiddlewaretoken": token.group(1), **fields}).encode()
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Referer": f"http://127.0.0.1:{self.port}{path}",
        }
        return self.request("POST", path, body, headers)


@dataclass
class Tally:
    times: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: list[str] = field(default_factory=list)
    writes: int = 0
    lost: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def timed(self, kind: str, call, expected: tuple[int, ...] = (200,)):
        started = time.perf_counter()
        try:
            status, data, headers = call()
        except Exception as error:  # a refused or broken connection is an error, not a crash
            with self.lock:
                self.errors.append(f"{kind}: {type(error).__name__}: {error}")
            return None
        with self.lock:
            self.times[kind].append(time.perf_counter() - started)
            if status not in expected:
                self.errors.append(f"{kind}: HTTP {status} {data[:200]!r}")
                return None
        return data


def _login(port: int, password: str) -> Client:
    client = Client(port)
    status, _data, headers = client.form("/login/", {"username": "direktoer", "password": password})
    if status != 302:
        raise SystemExit(f"login on {port} failed: HTTP {status}")
    return client


def _user(number: int, ports: tuple[int, int], plan: dict, tally: Tally, deadline: float) -> None:
    own, other = ports[number % 2], ports[(number + 1) % 2]
    browser = _login(own, plan["password"])
    elsewhere = Client(other, browser.cookies)  # the same session through the other instance
    api_other, api_own = Client(other, token=plan["token"]), Client(own, token=plan["token"])
    goal = plan["goals"][number % len(plan["goals"])]
    contract = plan["contracts"][number % len(plan["contracts"])]
    indicator = plan["indicators"][number % len(plan["indicators"])]
    month = number // len(plan["indicators"]) + 1
    round_ = 0
    while time.monotonic() < deadline:
        round_ += 1
        tally.timed("page: contract list", lambda: browser.request("GET", "/contracts/"))
        tally.timed("page: contract", lambda: browser.request("GET", f"/contracts/{contract}/"))
        tally.timed("page: goal", lambda: browser.request("GET", f"/goals/{goal}/"))
        if round_ % 3 == 1:
            _follow_up(number, round_, goal, browser, elsewhere, tally)
        if round_ % 3 == 2:
            _measurement(number, round_, indicator, month, api_other, api_own, tally)


def _follow_up(number: int, round_: int, goal: int, browser: Client, elsewhere: Client, tally: Tally) -> None:
    text = f"Belastningstest bruger {number} runde {round_}"
    fields = {"date": "2026-06-01", "forum": "LMU", "status": "green", "text": text}
    if (
        tally.timed("write: follow-up (form)", lambda: browser.form(f"/goals/{goal}/follow-ups/new/", fields), (302,))
        is None
    ):
        return
    page = tally.timed("read back: goal page, other instance", lambda: elsewhere.request("GET", f"/goals/{goal}/"))
    with tally.lock:
        tally.writes += 1
        if page is not None and text.encode() not in page:
            tally.lost.append(f"follow-up {text!r} not on the other instance's goal page")


def _measurement(number: int, round_: int, indicator: int, month: int, api_other, api_own, tally: Tally) -> None:
    value = round(3 + (number * 7 + round_) % 500 / 100, 2)
    body = json.dumps({"indicator": indicator, "period": f"2026-{month:02d}", "value": value}).encode()
    headers = {"Content-Type": "application/json"}
    if (
        tally.timed("write: measurement (API)", lambda: api_other.request("POST", "/api/measurements", body, headers))
        is None
    ):
        return
    data = tally.timed(
        "read back: measurements (API), other instance",
        lambda: api_own.request("GET", f"/api/measurements?indicator={indicator}&year=2026&limit=100"),
    )
    with tally.lock:
        tally.writes += 1
        if data is None:
            return
        rows = json.loads(data)
        items = rows["items"] if isinstance(rows, dict) else rows
        found = [r["value"] for r in items if r["period"] == f"2026-{month:02d}-01"]
        if found != [value]:
            tally.lost.append(f"measurement {indicator} 2026-{month:02d}: wrote {value}, read {found}")


def _plan(env: dict, port: int) -> dict:
    token = _run("api-token", "--user", "direktoer", "--name", "belastningstest", env=env).split()[-1]
    api = Client(port, token=token)
    contracts = json.loads(api.request("GET", "/api/contracts?year=2026&limit=100")[1])
    entered = [c["id"] for c in contracts["items"] if c["status"] == "entered"]
    goals = json.loads(api.request("GET", "/api/goals?year=2026&limit=100")[1])["items"]
    indicators = json.loads(api.request("GET", "/api/indicators?year=2026&limit=100")[1])["items"]
    return {
        "token": token,
        "password": "demo-roedtraad",
        "contracts": entered,
        "goals": [g["id"] for g in goals if g["contract"] in entered],
        "indicators": [i["id"] for i in indicators],
    }


def _serve(port: int, workers: int, env: dict) -> subprocess.Popen:
    command = [str(BIN / "roedtraad"), "serve", "--port", str(port), "--workers", str(workers), "--no-worker"]
    # a session of its own: serve starts gunicorn as a child, and both are stopped together
    return subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )


def _wait(port: int) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if Client(port).request("GET", "/login/")[0] == 200:
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"the instance on port {port} did not start")


def _report(tally: Tally, seconds: float, users: int, workers: int) -> None:
    every = [t for times in tally.times.values() for t in times]
    print(f"# {users} users, {seconds:.0f} s, 2 instances × {workers} gunicorn workers, one PostgreSQL")
    print(
        f"requests: {len(every)}, {len(every) / seconds:.1f}/s; errors: {len(tally.errors)}; "
        f"writes read back: {tally.writes}, lost or stale: {len(tally.lost)}"
    )
    print("| request | count | p50 | p95 |")
    print("| --- | --- | --- | --- |")
    for kind, times in sorted(tally.times.items()):
        q = statistics.quantiles(times, n=20) if len(times) > 1 else [times[0]] * 19
        print(f"| {kind} | {len(times)} | {statistics.median(times) * 1000:.0f} ms | {q[18] * 1000:.0f} ms |")
    q = statistics.quantiles(every, n=20)
    print(f"| all | {len(every)} | {statistics.median(every) * 1000:.0f} ms | {q[18] * 1000:.0f} ms |")
    for line in (tally.errors + tally.lost)[:10]:
        print("  ", line)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=120)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--database", default="postgres://postgres@127.0.0.1:5432/roedtraad_load")
    parser.add_argument("--ports", default="8811,8812")
    args = parser.parse_args()
    env = {**os.environ, "DATABASE_URL": args.database}
    _fresh_database(args.database)
    _run("migrate", "--noinput", "-v0", env=env)
    _run("demo", env=env)
    ports = tuple(int(p) for p in args.ports.split(","))
    servers = [_serve(port, args.workers, env) for port in ports]
    try:
        for port in ports:
            _wait(port)
        plan = _plan(env, ports[0])
        tally = Tally()
        deadline = time.monotonic() + args.seconds
        started = time.monotonic()
        threads = [
            threading.Thread(target=_user, args=(n, ports, plan, tally, deadline), daemon=True)
            for n in range(args.users)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        _report(tally, time.monotonic() - started, args.users, args.workers)
        return 1 if tally.errors or tally.lost else 0
    finally:
        for server in servers:
            os.killpg(server.pid, signal.SIGTERM)
        for server in servers:
            server.wait(timeout=30)


if __name__ == "__main__":
    sys.exit(main())
