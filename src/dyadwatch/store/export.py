"""Exports for analysts: events, documents, clusters and stories as Parquet, CSV or JSON Lines.

Tables come out of DuckDB as Arrow tables and are written with pyarrow. In Parquet, events are a
Hive-partitioned dataset by month (`events/month=2024-07/...`; events dated only to the year, or not
at all, are under `month=none`); every other table is one file. An export replaces what an earlier
export wrote under the same names and leaves other files alone.
"""
from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq

from dyadwatch.store.queries import events_query
from dyadwatch.store.store import Store

FORMATS = ("parquet", "csv", "jsonl")
NO_MONTH = "none"
JSON_COLUMNS = frozenset({"attribution", "origins", "contradictions"})  # stored as JSON text, read back as values
EVENTS_SQL = f"""SELECT *, CASE WHEN length("date") >= 7 THEN substr("date", 1, 7) ELSE '{NO_MONTH}' END AS month
FROM events ORDER BY doc_id, sentence_index, trigger_start NULLS LAST, event_id"""
TABLE_SQL = {
    "events": EVENTS_SQL,
    "documents": "SELECT doc_id, title, url, outlet, published, origin, content_hash, ingested_at, text "
                 "FROM documents ORDER BY doc_id",
    "clusters": "SELECT * FROM clusters ORDER BY cluster_id",
    "stories": "SELECT * FROM stories ORDER BY story_id",
    "story_documents": "SELECT * FROM story_documents ORDER BY story_id, doc_id",
}


@dataclass(frozen=True)
class Exported:
    """One table written: its name, where, and how many rows."""

    table: str
    path: Path
    rows: int


def export_store(store: Store, out: Path, fmt: str) -> list[Exported]:
    """Write every table of `store` under the folder `out` in format `fmt`."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    out.mkdir(parents=True, exist_ok=True)
    return [write_table(store.arrow(sql), out, name, fmt, partition="month" if name == "events" else None)
            for name, sql in TABLE_SQL.items()]


def write_events_file(store: Store, path: Path, **filters) -> int:
    """The events matching `filters` (see Store.events) as one Parquet file; returns their number."""
    sql, params = events_query(**filters)
    table = store.arrow(sql, params)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_file(table, path, "parquet")
    return table.num_rows


def write_table(table: pa.Table, out: Path, name: str, fmt: str, partition: str | None = None) -> Exported:
    if fmt == "parquet" and partition:
        target = out / name
        _remove(target)
        pq.write_to_dataset(table, target, partition_cols=[partition])
    else:
        target = out / f"{name}.{fmt}"
        _remove(target)
        write_file(table, target, fmt)
    return Exported(name, target, table.num_rows)


def write_file(table: pa.Table, path: Path, fmt: str) -> None:
    """One table in one file."""
    if fmt == "parquet":
        pq.write_table(table, path)
    elif fmt == "csv":
        pa_csv.write_csv(table, path)
    else:
        with path.open("w", encoding="utf-8") as handle:
            for row in _rows(table):
                handle.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")


def _rows(table: pa.Table) -> Iterator[dict]:
    for batch in table.to_batches(max_chunksize=10_000):
        for row in batch.to_pylist():
            yield {k: json.loads(v) if k in JSON_COLUMNS and isinstance(v, str) else v for k, v in row.items()}


def _remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path)
    elif path.exists():
        path.unlink()
