"""A real `dyadwatch ingest` killed with SIGKILL twice at random moments, then resumed, ends with exactly
the documents and events of an uninterrupted run."""
from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import time

import pytest

from dyadwatch.store import Store
from strategies import COUNTRIES, VERBS, good_text

pytestmark = pytest.mark.model
DOCUMENTS = 150


def _articles(path):
    rows = []
    for i in range(DOCUMENTS):
        a, b = COUNTRIES[i % len(COUNTRIES)], COUNTRIES[(i // len(COUNTRIES) + i + 1) % len(COUNTRIES)]
        rows.append({"id": f"k-{i}", "published": f"2024-0{1 + i % 9}-1{i % 10}",
                     "text": good_text(a, b, VERBS[i % len(VERBS)], "Monday") + f" Delegation {i} flew home."})
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")


def _run(db, articles):
    return subprocess.Popen([sys.executable, "-m", "dyadwatch.cli.main", "--db", str(db), "ingest", str(articles)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _stored(db):
    with Store(db, read_only=True) as store:
        docs = sorted((d.doc_id, d.content_hash) for d in store.documents())
        events = sorted((e.event_id, e.doc_id, e.cameo, e.date, e.evidence.start, e.evidence.end,
                         e.source.code if e.source else None, e.target.code if e.target else None)
                        for e in store.events())
    return docs, events


@pytest.mark.slow(seconds=50)
def test_two_kill9s_then_resume_equal_an_uninterrupted_run(tmp_path):
    articles = tmp_path / "a.jsonl"
    _articles(articles)
    whole = tmp_path / "whole.duckdb"
    started = time.monotonic()
    uninterrupted = _run(whole, articles)
    _, err = uninterrupted.communicate(timeout=300)
    assert uninterrupted.returncode == 0, err.decode()
    took = time.monotonic() - started  # start-up, coding, storing, stories: the kills fall inside it
    rng = random.Random()
    killed = tmp_path / "killed.duckdb"
    for share in (0.6, 0.3):  # the second run has less left to do: it is killed sooner
        process = _run(killed, articles)
        time.sleep(rng.uniform(0.1, share) * took)
        assert process.poll() is None, "the run ended before it could be killed"
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        assert process.returncode == -signal.SIGKILL
    resumed = _run(killed, articles)
    _, err = resumed.communicate(timeout=300)
    assert resumed.returncode == 0, err.decode()
    assert _stored(killed) == _stored(whole)
    assert len(_stored(whole)[0]) == DOCUMENTS
