"""Exports: every table as Parquet (events partitioned by month), CSV and JSON Lines, read back whole."""
from __future__ import annotations

import csv
import json
import subprocess
import sys

import duckdb
import pandas as pd
import pytest

from dyadwatch.store import Store
from dyadwatch.store.export import export_store, write_events_file
from dyadwatch.records import Actor, Attribution, Document, Event, Evidence

PRK = Actor("North Korean leader Kim Jong-un", "PRKGOV", "PRK", "GOV", "Kim Jong-un")
CHN = Actor("China", "CHN", "CHN", None)
RUS = Actor("Moscow", "RUSGOV", "RUS", "GOV")


def document(doc_id: str) -> Document:
    return Document(doc_id=doc_id, text=f"Report {doc_id}: Pyongyang told its envoys to ignore Beijing.",
                    content_hash=f"hash-{doc_id}", origin=f"batch.jsonl:{doc_id}", outlet="wire.test")


def event(doc_id: str, n: int, source: Actor = PRK, target: Actor = CHN, when: str | None = "2024-07-11") -> Event:
    return Event(event_id=f"e-{doc_id}-{n}", doc_id=doc_id, sentence_index=n, source=source, target=target,
                 cameo="120", plover="REJECT", goldstein=-4.0, quad_class=3, status="asserted", date=when,
                 date_basis="explicit" if when else None, evidence=Evidence("told its envoys to ignore", 20, 45),
                 attribution=[Attribution("officials", "official"), Attribution("Yonhap", "agency")],
                 trigger="told ... to ignore")


@pytest.fixture
def store_path(tmp_path):
    path = tmp_path / "x.duckdb"
    with Store(path) as store:
        store.writer.save_document(document("a"), [event("a", 0), event("a", 1, when="2023-05-02"),
                                                   event("a", 2, when="2024"), event("a", 3, when=None)])
        store.writer.save_document(document("b"), [event("b", 0, source=RUS, target=PRK, when="2023-05")])
    return path


def counts(path):
    with Store(path, read_only=True) as store:
        return {t: store.sql(f"SELECT count(*) FROM {t}")[0][0]
                for t in ("events", "documents", "clusters", "stories", "story_documents")}


def test_parquet_export_reads_back_in_duckdb_and_pandas_with_the_same_rows(store_path, tmp_path):
    out = tmp_path / "out"
    with Store(store_path, read_only=True) as store:
        written = {e.table: e.rows for e in export_store(store, out, "parquet")}
    assert written == counts(store_path)
    months = duckdb.sql(f"SELECT month, count(*) FROM read_parquet('{out}/events/**/*.parquet', "
                        "hive_partitioning = true) GROUP BY month ORDER BY month").fetchall()
    assert months == [("2023-05", 2), ("2024-07", 1), ("none", 2)]
    assert sorted(p.name for p in (out / "events").iterdir()) == ["month=2023-05", "month=2024-07", "month=none"]
    frame = pd.read_parquet(out / "events")
    assert len(frame) == 5 and set(frame["doc_id"]) == {"a", "b"}
    assert len(pd.read_parquet(out / "documents.parquet")) == 2


def test_export_again_replaces_the_earlier_one(store_path, tmp_path):
    out = tmp_path / "out"
    with Store(store_path, read_only=True) as store:
        export_store(store, out, "parquet")
        export_store(store, out, "parquet")
    assert duckdb.sql(f"SELECT count(*) FROM read_parquet('{out}/events/**/*.parquet')").fetchall() == [(5,)]


def test_csv_and_jsonl_exports_hold_every_row(store_path, tmp_path):
    with Store(store_path, read_only=True) as store:
        export_store(store, tmp_path / "c", "csv")
        export_store(store, tmp_path / "j", "jsonl")
    with (tmp_path / "c" / "events.csv").open(encoding="utf-8") as handle:
        assert len(list(csv.DictReader(handle))) == 5
    rows = [json.loads(line) for line in (tmp_path / "j" / "events.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 5
    assert rows[0]["attribution"] == [{"text": "officials", "kind": "official"}, {"text": "Yonhap", "kind": "agency"}]


def test_filtered_events_go_to_one_parquet_file(store_path, tmp_path):
    path = tmp_path / "sub" / "e.parquet"
    with Store(store_path, read_only=True) as store:
        assert write_events_file(store, path, dyad=("CHN", "PRK"), since="2024") == 2
    assert set(pd.read_parquet(path)["date"]) == {"2024-07-11", "2024"}


def test_the_cli_exports_and_refuses_a_parquet_listing_without_a_file(store_path, tmp_path):
    run = [sys.executable, "-m", "dyadwatch.cli.main", "--db", str(store_path)]
    done = subprocess.run(run + ["export", "--out", str(tmp_path / "o"), "--format", "jsonl"], capture_output=True,
                          text=True)
    assert done.returncode == 0 and "events: 5 rows" in done.stderr
    refused = subprocess.run(run + ["events", "--format", "parquet"], capture_output=True, text=True)
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    wrote = subprocess.run(run + ["events", "--format", "parquet", "--out", str(tmp_path / "e.parquet")],
                           capture_output=True, text=True)
    assert wrote.returncode == 0 and len(pd.read_parquet(tmp_path / "e.parquet")) == 5
