"""A run killed half-way loses nothing and duplicates nothing when the same command runs again."""
from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

from dyadwatch.store import Store

pytestmark = pytest.mark.model

# Dies abruptly (os._exit, no cleanup) while saving the fourth document, as a killed process would.
CRASHING_RUN = textwrap.dedent("""
    import os, sys
    from dyadwatch.store.writer import StoreWriter
    original = StoreWriter.save_document
    calls = {"n": 0}
    def save_then_die(self, doc, events):
        calls["n"] += 1
        if calls["n"] == 4:
            os._exit(137)
        return original(self, doc, events)
    StoreWriter.save_document = save_then_die
    from dyadwatch.cli.main import app
    sys.argv = ["dyadwatch", "--db", sys.argv[1], "ingest", sys.argv[2]]
    app()
""")


@pytest.mark.slow
def test_killed_ingest_resumes_without_loss_or_duplicates(tmp_path):
    articles = tmp_path / "articles.jsonl"
    rows = [{"id": f"r-{i}", "published": "2024-05-0{}".format(1 + i % 9),
             "text": f"Officials said Brazil and Argentina held talks in Brasilia on trade number {i}. "
                     f"Argentina later signed a customs agreement with Brazil, the ministry said."}
            for i in range(7)]
    articles.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    db = tmp_path / "resume.duckdb"
    crashed = subprocess.run([sys.executable, "-c", CRASHING_RUN, str(db), str(articles)], capture_output=True)
    assert crashed.returncode == 137
    with Store(db, read_only=True) as store:
        assert store.counts()["documents"] == 3

    again = subprocess.run([sys.executable, "-m", "dyadwatch.cli.main", "--db", str(db), "ingest", str(articles)],
                           capture_output=True, text=True)
    assert again.returncode == 0, again.stderr
    assert "stored 4 documents" in again.stderr and "3 already stored" in again.stderr
    with Store(db, read_only=True) as store:
        docs = store.documents()
        events = store.events()
    assert sorted(d.doc_id for d in docs) == sorted(r["id"] for r in rows)
    assert len({e.event_id for e in events}) == len(events)
    assert {e.doc_id for e in events} == {r["id"] for r in rows}


def test_a_second_text_under_a_taken_id_is_rejected_not_dropped(tmp_path):
    import json

    from dyadwatch.runner import ingest_paths
    from dyadwatch.store import Store

    first = {"id": "same-id", "text": "Japan and India signed a defence pact in Tokyo on Monday.", "published": "2024-05-01"}
    second = {"id": "same-id", "text": "Chile recalled its ambassador from Peru on Tuesday.", "published": "2024-05-02"}
    path = tmp_path / "articles.jsonl"
    path.write_text("\n".join(json.dumps(a) for a in (first, second, first)) + "\n")
    with Store(tmp_path / "db.duckdb") as store:
        report = ingest_paths([path], store)
        again = ingest_paths([path], store)
        rejected = store.sql("SELECT reason, doc_id FROM rejections")
        stored = store.document("same-id")
    assert report.stored == 1 and report.already_stored == 1
    assert [r.reason for r in report.rejected] == ["id_conflict"] and rejected == [("id_conflict", "same-id")]
    assert stored is not None and stored.text.startswith("Japan")
    assert again.stored == 0 and [r.reason for r in again.rejected] == ["id_conflict"]
