"""Coding in worker processes: the same stored result as one process, and a dying worker costs only
the document that killed it."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from dyadwatch.engine.pool import code_in_pool
from dyadwatch.guarded import Coded
from dyadwatch.records import Document

SAMPLE = Path(__file__).resolve().parents[1] / "src" / "dyadwatch" / "data" / "sample"


def fake_coder(batch: list[Document], doc_timeout: float | None) -> list[Coded]:
    """A worker task that dies on a document whose text says so (as a crash in native code would)."""
    if any(d.text == "die" for d in batch):
        os._exit(3)
    return [Coded(d) for d in batch]


def doc(n: int, text: str | None = None) -> Document:
    return Document(doc_id=f"d{n}", text=text or f"text {n}", content_hash=f"h{n}", origin=f"o{n}")


def test_a_worker_that_dies_costs_only_its_document_and_order_is_kept():
    docs = [doc(n) for n in range(7)] + [doc(7, "die")] + [doc(n) for n in range(8, 12)]
    coded = list(code_in_pool(docs, 2, batch_size=3, worker=fake_coder))
    assert [c.document.doc_id for c in coded] == [d.doc_id for d in docs]
    failed = [c.document.doc_id for c in coded if c.failure is not None]
    assert failed == ["d7"]
    assert coded[7].failure.reason == "internal_error" and "died" in coded[7].failure.detail


@pytest.mark.slow
@pytest.mark.model
def test_two_worker_processes_store_what_one_process_stores(tmp_path):
    from dyadwatch.runner import ingest_paths
    from dyadwatch.store import Store

    lines = [line for path in sorted(SAMPLE.glob("*.jsonl")) for line in path.read_text(encoding="utf-8").splitlines()]
    inputs = [tmp_path / "some.jsonl"]
    inputs[0].write_text("\n".join(lines[:10]) + "\n", encoding="utf-8")
    results = []
    for jobs in (1, 2):
        with Store(tmp_path / f"j{jobs}.duckdb") as store:
            report = ingest_paths(inputs, store, jobs=jobs)
            rows = sorted(json.dumps(e.to_dict(), sort_keys=True) for e in store.events())
        results.append((report.stored, rows))
    assert results[0][0] == 10 and results[0][1]
    assert results[0] == results[1]


@pytest.mark.slow
def test_workers_end_when_the_ingest_process_is_killed(tmp_path):
    import signal
    import subprocess
    import sys
    import time

    import psutil

    lines = [line for path in sorted(SAMPLE.glob("*.jsonl")) for line in path.read_text(encoding="utf-8").splitlines()]
    articles = tmp_path / "a.jsonl"
    articles.write_text("\n".join(lines) + "\n", encoding="utf-8")
    ingest = subprocess.Popen([sys.executable, "-m", "dyadwatch.cli.main", "--db", str(tmp_path / "k.duckdb"), "ingest",
                               str(articles), "--jobs", "2"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    parent = psutil.Process(ingest.pid)
    deadline = time.monotonic() + 60
    while len(parent.children()) < 2 and time.monotonic() < deadline:
        time.sleep(0.2)
    workers = parent.children()
    assert len(workers) >= 2
    ingest.send_signal(signal.SIGKILL)
    ingest.wait()
    gone, alive = psutil.wait_procs(workers, timeout=20)
    assert not alive, f"workers outlived the killed ingest: {[p.pid for p in alive]}"


@pytest.mark.slow
def test_a_run_with_workers_ends_with_a_clean_stderr(tmp_path):
    """Workers exit quietly: no traceback and no native library's leak report (a frozen garbage collector
    at exit made DuckDB's bindings print "nanobind: leaked N instances!")."""
    import subprocess
    import sys

    articles = tmp_path / "a.jsonl"
    lines = [line for path in sorted(SAMPLE.glob("*.jsonl")) for line in path.read_text(encoding="utf-8").splitlines()]
    articles.write_text("\n".join(lines[:12]) + "\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "dyadwatch.cli.main", "--db", str(tmp_path / "c.duckdb"), "ingest",
                          str(articles), "--jobs", "2"], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert "stored 12 documents" in run.stderr
    assert "leaked" not in run.stderr and "Traceback" not in run.stderr, run.stderr[-2000:]
