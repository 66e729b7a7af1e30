"""Benchmark of the checks (issue "Checks").

1. All checks (requirements, shared goals, overlaps) for 40 contracts: < 1 s.
   The contracts are the corpus contracts (read at run time from ../shared/corpus, parsed by
   the importer) repeated under different holder names, else synthetic ones.
2. Overlap among 60,000 synthetic goals: < 30 s and < 2 GB peak RSS.

Usage: .venv/bin/python benchmarks/checks.py [--repeat 3] [--goals 60000]
Peak RSS is the process maximum (resource.getrusage), so run 2 after 1 includes 1's.
Each case prints the median wall time and the median CPU time of the process (the machine
may be shared, then wall > CPU), and a baseline in the same run: the time to just split the
same texts into sentences and words. The goals' TF-IDF space, which one run of the checks
shares between shared goals and overlap, is forgotten before each timed run; the memos of
stems, sentences and term patterns stay warm, as in a running server.
"""

from __future__ import annotations

import argparse
import itertools
import os
import platform
import random
import resource
import statistics
import sys
import time
from pathlib import Path

from roedtraad.core.rules import ContractInput, GoalInput, default_requirements, evaluate
from roedtraad.core.rules.overlap import find_overlaps
from roedtraad.core.rules.shared import UnitIndex, check_shared, linked_pairs
from roedtraad.core.rules.space import clear_cache
from roedtraad.core.rules.text import WORD, _sentences

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
SYLLABLES = [
    "ka",
    "le",
    "mi",
    "no",
    "su",
    "ra",
    "te",
    "vi",
    "lo",
    "fa",
    "dy",
    "gø",
    "bæ",
    "på",
    "ske",
    "stre",
    "ling",
    "hed",
    "ning",
    "sk",
]


def peak_rss_mb() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return usage / (1024 * 1024) if sys.platform == "darwin" else usage / 1024


def corpus_contracts() -> list[ContractInput]:
    from roedtraad.core.ingest.parse import parse_text
    from roedtraad.core.rules.adapt import contract_input_from_parsed

    out = []
    for path in sorted(CORPUS.glob("*.txt")):
        doc = parse_text(path.read_text(encoding="utf-8"), path.name)
        if doc.kind != "dus":
            out.append(contract_input_from_parsed(doc))
    return out


def forty_contracts() -> list[ContractInput]:
    base = corpus_contracts() if CORPUS.is_dir() else []
    if not base:
        rng = random.Random(7)
        vocab = make_vocabulary(rng, 5_000)
        base = [synthetic_contract(rng, vocab, f"Holder {i}", 8) for i in range(4)]
    out = []
    for copy in range(40):
        src = base[copy % len(base)]
        goals = [
            GoalInput(g.number, g.title, dict(g.sections), list(g.shared_with), list(g.indicators)) for g in src.goals
        ]
        out.append(ContractInput(f"{src.holder} {copy // len(base)}", src.year, goals, list(src.stop_doing)))
    return out


def all_checks(contracts: list[ContractInput]) -> None:
    clear_cache()
    specs = default_requirements()
    units = {c.holder: [] for c in contracts}
    index = UnitIndex(units)
    for contract in contracts:
        evaluate(contract, specs, units=index)
    shared = check_shared(contracts, units)
    find_overlaps(contracts, top=50, linked=linked_pairs(shared))


def make_vocabulary(rng: random.Random, size: int) -> list[str]:
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choices(SYLLABLES, k=rng.randint(2, 5))))
    return sorted(words)


def synthetic_contract(rng: random.Random, vocab: list[str], holder: str, goals: int) -> ContractInput:
    cum = list(itertools.accumulate(1 / (rank + 1) for rank in range(len(vocab))))  # Zipf-like
    made = []
    for number in range(1, goals + 1):
        text = rng.choices(vocab, cum_weights=cum, k=120)
        sections = {
            "baggrund_formaal": " ".join(text[:50]) + ".",
            "udviklingsmaal": " ".join(text[50:80]) + ".",
            "aktiviteter": "\n".join("• " + " ".join(text[i : i + 10]) for i in range(80, 120, 10)),
        }
        made.append(GoalInput(number, " ".join(rng.choices(vocab, cum_weights=cum, k=4)), sections))
    return ContractInput(holder, 2023, made)


def synthetic_goals(total: int, per_holder: int = 100, seed: int = 1) -> list[ContractInput]:
    rng = random.Random(seed)
    vocab = make_vocabulary(rng, 20_000)
    return [synthetic_contract(rng, vocab, f"Enhed {h}", per_holder) for h in range(total // per_holder)]


def read_texts(contracts: list[ContractInput]) -> int:
    """Baseline: split every goal text into sentences (no memo) and words."""
    count = 0
    for contract in contracts:
        for goal in contract.goals:
            for text in [goal.title, *goal.sections.values()]:
                count += sum(len(WORD.findall(s)) for s in _sentences.__wrapped__(text))
    return count


def overlaps(contracts: list[ContractInput]) -> None:
    clear_cache()
    find_overlaps(contracts)


def timed(fn, *args) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    fn(*args)
    return time.perf_counter() - wall, time.process_time() - cpu


def report(name: str, fn, args: tuple, repeat: int) -> float:
    runs = [timed(fn, *args) for _ in range(repeat)]
    wall, cpu = statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)
    walls = ", ".join(f"{r[0]:.3f}" for r in runs)
    print(f"{name}: median {wall:.3f} s wall, {cpu:.3f} s CPU (runs: {walls})")
    return wall


def machine() -> str:
    model = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        model = next((ln.split(":", 1)[1].strip() for ln in cpuinfo.read_text().splitlines() if "model name" in ln), "")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return f"{cpus} CPUs (nproc), {model or platform.processor()}, Python {platform.python_version()}, load {load:.1f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--goals", type=int, default=60_000)
    parser.add_argument("--overlap-repeat", type=int, help="runs of the large overlap case (default: --repeat)")
    args = parser.parse_args()
    print(f"machine: {machine()}")
    contracts = forty_contracts()
    goals = sum(len(c.goals) for c in contracts)
    all_checks(contracts)  # warm up (imports, term patterns)
    report(f"baseline, read {goals} goals' texts", read_texts, (contracts,), args.repeat)
    small = report(f"all checks, {len(contracts)} contracts ({goals} goals)", all_checks, (contracts,), args.repeat)
    build = time.perf_counter()
    big = synthetic_goals(args.goals)
    print(f"generated {sum(len(c.goals) for c in big)} synthetic goals in {time.perf_counter() - build:.1f} s")
    repeat = args.overlap_repeat or args.repeat
    report(f"baseline, read {args.goals} goals' texts", read_texts, (big,), repeat)
    large = report(f"overlap, {args.goals} goals", overlaps, (big,), repeat)
    print(f"peak RSS {peak_rss_mb():.0f} MB (load now {machine().rsplit(' ', 1)[-1]})")
    ok = small < 1 and large < 30 and peak_rss_mb() < 2048
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
