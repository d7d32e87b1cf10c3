"""Relations benchmark: `relations A B --by month` on synthetic stores of 1M and 10M events.

For each size: generates a store in a temporary folder with bulk SQL (bench/synthetic_store.py: 200
countries, skewed dyads, 2000-2026, sectors, clusters, statuses), builds the relation units table as
the writer does when a writable store closes, then times (median of --runs after one warm-up, wall
clock and CPU):

- the library call the CLI and the dashboard make, `relations(store, "PRK", "CHN", by="month")`, on
  the heavy dyad and on a mid-sized one (USA-RUS), plus the same from the events table alone
  (`materialized=False`, today's direct computation) with a check that both give the same answer;
- the whole `dyadwatch relations PRK CHN --by month` process (start-up included; CPU of the child);
- the dashboard's /api/relations and the drill-down /api/events?period through FastAPI's TestClient
  (with --all-api also /api/dyads, /api/search and /api/stories, which scan every event).

The temporary folder is deleted at the end (--keep keeps it). Usage:

    .venv/bin/python bench/relations.py [--sizes 1000000,10000000] [--runs 5] [--all-api] [--tmp DIR]
"""
from __future__ import annotations

import argparse
import inspect
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic_store import HEAVY, generate  # noqa: E402  (a sibling module of this script)

from dyadwatch.relations import relations  # noqa: E402
from dyadwatch.store import Store  # noqa: E402

MID = ("USA", "RUS")


def timed(fn: Callable[[], object], runs: int) -> tuple[float, float, object]:
    """Median wall and CPU milliseconds of `runs` calls after one warm-up, and the last result."""
    result = fn()
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        result = fn()
        walls.append((time.perf_counter() - wall) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
    return statistics.median(walls), statistics.median(cpus), result


def timed_process(command: list[str], runs: int) -> tuple[float, float]:
    """Median wall and child-CPU milliseconds of running `command` `runs` times (after one warm-up)."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    subprocess.run(command, check=True, capture_output=True, env=env)
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        wall = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env=env)
        walls.append((time.perf_counter() - wall) * 1000)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append((after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime) * 1000)
    return statistics.median(walls), statistics.median(cpus)


def has_index() -> bool:
    return "materialized" in inspect.signature(relations).parameters


def build_index(db: Path) -> None:
    if not has_index():
        print("  (this dyadwatch has no relation units table)")
        return
    start, cpu = time.perf_counter(), time.process_time()
    with Store(db) as store:
        outcome = store.writer.refresh_relations()
    print(f"  relation units {outcome} in {time.perf_counter() - start:.1f} s (CPU {time.process_time() - cpu:.1f} s)")


def bench_library(db: Path, runs: int) -> None:
    with Store(db, read_only=True) as store:
        total, units = store.sql("SELECT count(*), count(*) FILTER (WHERE status = 'asserted') FROM events")[0]
        print(f"  store: {total:,} events ({units:,} asserted)")
        for a, b in (HEAVY, MID):
            wall, cpu, rel = timed(lambda: relations(store, a, b, by="month"), runs)
            print(f"  relations({a}, {b}, by=month): {wall:7.1f} ms wall, {cpu:7.1f} ms CPU  ({len(rel.periods)} months, "
                  f"{rel.totals.events:,} clusters of {rel.totals.reports:,} reports, {len(rel.turning_points)} turning "
                  f"points)")
            if has_index():
                wall, cpu, direct = timed(lambda: relations(store, a, b, by="month", materialized=False), max(1, runs // 2))
                print(f"    from the events table alone: {wall:7.1f} ms wall, {cpu:7.1f} ms CPU; identical answer: "
                      f"{asdict(direct) == asdict(rel)}")


def bench_process(db: Path, runs: int) -> None:
    a, b = HEAVY
    command = [sys.executable, "-m", "dyadwatch.cli.main", "--db", str(db), "relations", a, b, "--by", "month"]
    wall, cpu = timed_process(command, runs)
    print(f"  process `dyadwatch relations {a} {b} --by month`: {wall:7.1f} ms wall, {cpu:7.1f} ms CPU")
    wall, cpu = timed_process([sys.executable, "-m", "dyadwatch.cli.main", "--help"], runs)
    print(f"  process `dyadwatch --help` (start-up alone):  {wall:7.1f} ms wall, {cpu:7.1f} ms CPU")


def bench_api(db: Path, runs: int, all_calls: bool) -> None:
    from fastapi.testclient import TestClient

    from dyadwatch.web.app import create_app

    a, b = HEAVY
    client = TestClient(create_app(db, cache_size=0))  # no answer cache: every call computes
    month = client.get("/api/relations", params={"a": a, "b": b, "by": "month"}).json()["periods"][-6]["period"]
    calls = [("/api/relations", {"a": a, "b": b, "by": "month"}), ("/api/events", {"dyad": f"{a}-{b}", "period": month})]
    if all_calls:
        calls += [("/api/dyads", {}), ("/api/events", {"dyad": f"{a}-{b}", "q": "sanctions"}),
                  ("/api/search", {"q": "seized ships"}), ("/api/stories", {"dyad": f"{a}-{b}"})]
    for path, params in calls:
        def call(path=path, params=params):
            response = client.get(path, params=params)
            response.raise_for_status()
            return response
        wall, cpu, _ = timed(call, runs)
        print(f"  GET {path}?{'&'.join(f'{k}={v}' for k, v in params.items())}: {wall:7.1f} ms wall, {cpu:7.1f} ms CPU")


def run_size(n_events: int, folder: Path, runs: int, all_api: bool) -> None:
    db = folder / f"relations-{n_events}.duckdb"
    print(f"{n_events:,} events")
    start, cpu = time.perf_counter(), time.process_time()
    generate(db, n_events)
    print(f"  generated in {time.perf_counter() - start:.1f} s (CPU of this process {time.process_time() - cpu:.1f} s), "
          f"{db.stat().st_size / 1e9:.2f} GB")
    build_index(db)
    bench_library(db, runs)
    bench_process(db, runs)
    bench_api(db, runs, all_api)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000000,10000000", help="comma-separated numbers of events")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--all-api", action="store_true", help="also time the API calls that scan every event")
    parser.add_argument("--tmp", type=Path, default=None, help="where the temporary folder goes")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="dyadwatch-bench-relations-", dir=args.tmp))
    started = time.perf_counter()
    try:
        for size in (int(s) for s in args.sizes.split(",")):
            run_size(size, folder, args.runs, args.all_api)
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
    print(f"total {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
