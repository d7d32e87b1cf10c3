"""The one way into the store: every write goes through StoreWriter, one transaction per call.

A document and its events are written together or not at all, so a run killed mid-way never
leaves a half-written document; writing a document or rejection that is already stored is a
no-op that returns False, which makes re-running an ingest safe.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import duckdb

from dyadwatch.records import Document, Event, Rejection
from dyadwatch.store import relation_units
from dyadwatch.store.rows import (
    DOCUMENT_COLUMNS,
    EVENT_COLUMNS,
    REJECTION_COLUMNS,
    column_list,
    in_list,
    document_row,
    event_row,
    placeholders,
    rejection_row,
)

INSERT_DOCUMENT = f"INSERT INTO documents ({column_list(DOCUMENT_COLUMNS)}) VALUES ({placeholders(DOCUMENT_COLUMNS)})"
# A document's events go in as one Arrow table: about 7x less CPU than multi-row INSERT ... VALUES
# statements, whose thousands of parameters DuckDB binds one by one.
INSERT_EVENTS = (f"INSERT INTO events ({column_list(EVENT_COLUMNS)}) "
                 f"SELECT {column_list(EVENT_COLUMNS)} FROM dyadwatch_new_events")
_INTEGER_EVENT_COLUMNS = {"sentence_index", "quad_class", "evidence_start", "evidence_end", "trigger_start"}
INSERT_REJECTION = (f"INSERT INTO rejections ({column_list(REJECTION_COLUMNS)}) "
                    f"VALUES ({placeholders(REJECTION_COLUMNS)})")

# Story tables (schema.sql, dyadwatch.stories): their columns, and the key of those rewritten by key.
STORY_COLUMNS: dict[str, tuple[str, ...]] = {
    "doc_signatures": ("doc_id", "published", "outlet", "dyads", "content_minhash", "shingle_minhash"),
    "doc_lsh": ("bucket", "doc_id"),
    "doc_profiles": ("doc_id", "terms", "weights"),
    "doc_terms": ("bucket", "doc_id"),
    "stories": ("story_id", "n_docs", "first_published", "last_published"),
    "story_documents": ("doc_id", "story_id", "duplicate_of", "similarity", "copy_kind"),
    "story_links": ("doc_a", "doc_b", "kind", "similarity"),
    "event_features": ("event_id", "doc_id", "dyad", "span_start", "span_end", "denial", "report", "cluster_id"),
    "clusters": ("cluster_id", "plover", "cameo", "source_country", "target_country", "date", "n_reports",
                 "n_asserted", "n_docs", "independent_origins", "origins", "contradictions"),
}
STORY_KEYS = {"doc_signatures": "doc_id", "doc_profiles": "doc_id", "stories": "story_id",
              "story_documents": "doc_id", "event_features": "event_id", "clusters": "cluster_id"}
ROWS_PER_STATEMENT = 200
# What marks an event's dyad pending in relation_units: its actors' country and code, read back by UPDATE ... RETURNING.
_DYAD_COLUMNS = ("source_country", "source_code", "target_country", "target_code")
_RETURNING_DYAD = " RETURNING " + ", ".join(f"events.{c}" for c in _DYAD_COLUMNS)
_COLUMN_AT = {c: i for i, c in enumerate(EVENT_COLUMNS)}


@dataclass
class StoryRows:
    """One consistent change to the story tables: rows to write (replacing rows with the same key in
    keyed tables, appended to doc_lsh, doc_terms and story_links), keys to delete, and events' new cluster ids
    (set in events and event_features)."""

    rows: dict[str, list[tuple[Any, ...]]] = field(default_factory=dict)
    deleted: dict[str, list[str]] = field(default_factory=dict)
    cluster_ids: dict[str, str] = field(default_factory=dict)

    def add(self, table: str, row: tuple[Any, ...]) -> None:
        self.rows.setdefault(table, []).append(row)


class StoreWriter:
    """Transactional writes to one open DuckDB connection."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self._con = con
        self._batch = False

    @property
    def in_batch(self) -> bool:
        """Whether a `batch()` transaction is open (reads on this connection then see its writes)."""
        return self._batch

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Every write of the block in one transaction: committed when it finishes, all rolled back (and
        re-raised) on any exception or interrupt. Saves a commit per call when many small changes follow
        each other (the stories stage: one change per document)."""
        if self._batch:
            yield
            return
        self._con.begin()
        self._batch = True
        try:
            yield
        except BaseException:
            self._batch = False
            self._con.rollback()
            raise
        self._batch = False
        self._con.commit()

    @contextmanager
    def _transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """Commit when the block finishes; roll back (and re-raise) on any exception or interrupt.
        Inside `batch()` the block is part of the batch's transaction."""
        if self._batch:
            yield self._con
            return
        self._con.begin()
        try:
            yield self._con
        except BaseException:
            self._con.rollback()
            raise
        self._con.commit()

    def reconnected(self, con: duckdb.DuckDBPyConnection) -> None:
        """Write through `con` from now on (the store gave the file to readers and opened it again)."""
        if self._batch:
            raise RuntimeError("the store cannot give the file up inside a batch")
        self._con = con

    def _exists(self, table: str, key: str, value: str) -> bool:
        return self._con.execute(f"SELECT 1 FROM {table} WHERE {key} = ? LIMIT 1", [value]).fetchone() is not None

    def save_document(self, doc: Document, events: list[Event]) -> bool:
        """Store `doc` with its events in one transaction; False (nothing written) if already stored."""
        stray = [e.event_id for e in events if e.doc_id != doc.doc_id]
        if stray:
            raise ValueError(f"events {stray[:3]} do not belong to document {doc.doc_id}")
        return self._insert_once("documents", "doc_id", doc.doc_id, lambda con: self._write_document(con, doc, events))

    @staticmethod
    def _write_document(con: duckdb.DuckDBPyConnection, doc: Document, events: list[Event]) -> None:
        con.execute(INSERT_DOCUMENT, document_row(doc))
        if events:
            rows = [event_row(e) for e in events]
            con.register("dyadwatch_new_events", _events_table(rows))
            con.execute(INSERT_EVENTS)
            # Not in a `finally`: after a failed INSERT the transaction is aborted and unregistering would
            # raise over the real error; the next document's register replaces the view anyway.
            con.unregister("dyadwatch_new_events")
            asserted = [row for row, e in zip(rows, events) if e.status == "asserted"]
            relation_units.mark_rows_pending(con, [tuple(row[_COLUMN_AT[c]] for c in _DYAD_COLUMNS)
                                                   for row in asserted])

    def save_rejection(self, rej: Rejection) -> bool:
        """Store a rejection; False (nothing written) if one with that rejection_id is stored."""
        return self._insert_once("rejections", "rejection_id", rej.rejection_id,
                                 lambda con: con.execute(INSERT_REJECTION, rejection_row(rej)))

    def _insert_once(self, table: str, key: str, value: str, write: Callable[[duckdb.DuckDBPyConnection], object]) -> bool:
        with self._transaction() as con:
            if self._exists(table, key, value):
                return False
            write(con)
        return True

    def set_cluster_ids(self, mapping: dict[str, str], *, replace: bool = False) -> int:
        """Set events' cluster_id from {event_id: cluster_id}; with replace, clear all others first.

        Returns the number of events updated from the mapping.
        """
        import pyarrow as pa  # imported here: only clustering needs it, and it costs 0.1 s at start-up

        cluster_map = pa.table({"event_id": list(mapping), "cluster_id": list(mapping.values())},
                               schema=pa.schema([("event_id", pa.string()), ("cluster_id", pa.string())]))
        with self._transaction() as con:
            if replace:
                con.execute("UPDATE events SET cluster_id = NULL WHERE cluster_id IS NOT NULL")
                relation_units.mark_unbuilt(con)
            con.register("dyadwatch_cluster_map", cluster_map)
            try:
                updated = con.execute(
                    "UPDATE events SET cluster_id = m.cluster_id FROM dyadwatch_cluster_map m "
                    "WHERE events.event_id = m.event_id" + _RETURNING_DYAD).fetchall()
            finally:
                con.unregister("dyadwatch_cluster_map")
            relation_units.mark_rows_pending(con, updated)
        return len(updated)

    def save_story_rows(self, change: StoryRows) -> None:
        """Apply one StoryRows change in a single transaction (all of it or none of it)."""
        with self._transaction() as con:
            # rows deleted and rows about to be rewritten go in one DELETE per table
            gone = {table: set(keys) for table, keys in change.deleted.items()}
            for table, rows in change.rows.items():
                if table in STORY_KEYS:
                    gone.setdefault(table, set()).update(row[0] for row in rows)
            for table, keys in gone.items():
                if keys:
                    con.execute(f"DELETE FROM {table} WHERE {STORY_KEYS[table]} {in_list(sorted(keys))}", sorted(keys))
            for table, rows in change.rows.items():
                _insert_rows(con, table, rows)
            written = {row[0] for row in change.rows.get("event_features", [])}  # carry their cluster_id
            updated = _set_cluster_ids(con, "events", list(change.cluster_ids.items()), returning=_RETURNING_DYAD)
            relation_units.mark_rows_pending(con, updated)
            # event_features keeps a copy for blocking
            _set_cluster_ids(con, "event_features", [p for p in change.cluster_ids.items() if p[0] not in written])

    def clear_stories(self) -> None:
        """Forget every story, link, signature and cluster (events keep their rows, cluster_id cleared)."""
        with self._transaction() as con:
            for table in STORY_COLUMNS:
                con.execute(f"DELETE FROM {table}")
            con.execute("UPDATE events SET cluster_id = NULL WHERE cluster_id IS NOT NULL")
            relation_units.mark_unbuilt(con)

    def refresh_relations(self) -> str:
        """Bring the relation units table up to date in one transaction (see store/relation_units.py)."""
        with self._transaction() as con:
            return relation_units.refresh(con)

    def relations_stale(self) -> bool:
        return relation_units.needs_refresh(self._con)


def _events_table(rows: list[tuple[Any, ...]]) -> Any:
    """Event rows (`event_row`) as a pyarrow Table with the events table's columns (VARCHAR, INTEGER, DOUBLE)."""
    import pyarrow as pa  # imported here: it costs 0.1 s at start-up, and only writing events needs it

    types = {c: pa.int64() if c in _INTEGER_EVENT_COLUMNS else pa.float64() if c == "goldstein" else pa.string()
             for c in EVENT_COLUMNS}
    columns = list(zip(*rows))  # one pass over the rows, not one per column
    return pa.table({c: pa.array(columns[i], type=types[c]) for i, c in enumerate(EVENT_COLUMNS)})


def _insert_rows(con: duckdb.DuckDBPyConnection, table: str, rows: list[tuple[Any, ...]]) -> None:
    # (INSERT OR REPLACE would save the DELETE before it, but costs DuckDB more than both together)
    columns = STORY_COLUMNS[table]
    if len(rows) > ROWS_PER_STATEMENT:  # many rows (a long document's reports): one Arrow table, one INSERT
        _insert_arrow(con, table, columns, rows)
        return
    if rows:
        values = ", ".join([f"({placeholders(columns)})"] * len(rows))
        con.execute(f"INSERT INTO {table} ({column_list(columns)}) VALUES {values}", [v for row in rows for v in row])


def _insert_arrow(con: duckdb.DuckDBPyConnection, table: str, columns: tuple[str, ...] | list[str],
                  rows: list[tuple[Any, ...]]) -> None:
    import pyarrow as pa  # imported here: only writing needs it

    data = pa.table({f"c{i}": pa.array([row[i] for row in rows]) for i in range(len(columns))})
    con.register("dyadwatch_new_rows", data)
    con.execute(f"INSERT INTO {table} ({column_list(columns)}) SELECT * FROM dyadwatch_new_rows")
    con.unregister("dyadwatch_new_rows")  # not in a `finally`: see _write_document


def _set_cluster_ids(con: duckdb.DuckDBPyConnection, table: str, pairs: list[tuple[str, str]],
                     returning: str = "") -> list[tuple]:
    """cluster_id of each (event_id, cluster_id) pair's row in `table`; the rows `returning` asks for."""
    if not pairs:
        return []
    import pyarrow as pa  # imported here: only writing needs it

    mapping = pa.table({"event_id": pa.array([p[0] for p in pairs], pa.string()),
                        "cluster_id": pa.array([p[1] for p in pairs], pa.string())})
    con.register("dyadwatch_cluster_pairs", mapping)
    result = con.execute(f"UPDATE {table} SET cluster_id = m.cluster_id FROM dyadwatch_cluster_pairs m "
                         f"WHERE {table}.event_id = m.event_id{returning}")
    updated = result.fetchall() if returning else []
    con.unregister("dyadwatch_cluster_pairs")  # not in a `finally`: see _write_document
    return updated
