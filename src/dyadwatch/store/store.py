"""The DuckDB store: open a database file, query documents, events and rejections.

Writes go through `Store.writer` (see writer.py); closing a writable store after a successful block
brings the relation units table up to date (relation_units.py). Open with read_only=True for query commands:
DuckDB allows many readers or one writer process per file, so an open that meets another process's
lock waits for it a bounded time (locking.py; `busy_timeout` seconds, default $DYADWATCH_BUSY_TIMEOUT).
"""
from __future__ import annotations

import sys
import time
from pathlib import Path
from types import TracebackType
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import duckdb

from dyadwatch.records import Document, Event, Rejection
from dyadwatch.store.locking import connect, stderr_notice
from dyadwatch.store.queries import COUNTS, DYAD_MONTH_COUNTS, EVENTS_ORDER, READ_ONLY_KEYWORDS, events_query
from dyadwatch.store.rows import (
    DOCUMENT_COLUMNS,
    EVENT_COLUMNS,
    REJECTION_COLUMNS,
    column_list,
    in_list,
    document_from_row,
    event_from_row,
    rejection_from_row,
)
from dyadwatch.store.schema import apply_schema, check_schema
from dyadwatch.store.sharing import READER_WINDOW, TurnTaking
from dyadwatch.store.writer import StoreWriter

if TYPE_CHECKING:
    import pyarrow

IN_MEMORY = ":memory:"


class Store:
    """One DuckDB database of documents, events and rejections; a context manager."""

    def __init__(self, path: str | Path, read_only: bool = False, *, busy_timeout: float | None = None,
                 on_busy: Callable[[str], None] | None = stderr_notice) -> None:
        self.path = Path(path)
        self.read_only = read_only
        in_memory = str(path) == IN_MEMORY
        if read_only and not in_memory and not self.path.exists():
            raise FileNotFoundError(f"no dyadwatch database at {self.path}")
        if not in_memory and not read_only:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self._con = connect(path, read_only=read_only, timeout=busy_timeout, notify=on_busy)
        try:
            if read_only:
                check_schema(self._con)
            else:
                apply_schema(self._con)
        except BaseException:
            self._con.close()
            raise
        self._writer = None if read_only else StoreWriter(self._con)
        self._busy_timeout = busy_timeout
        self._turns = None if read_only or in_memory else TurnTaking(self.path)

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        try:
            if exc_type is None and self._writer is not None:
                self._refresh_relations()
        finally:
            self.close()

    def _refresh_relations(self) -> None:
        """Bring the relation units table up to date with what this session wrote. A failure leaves its
        dyads pending (they are computed from events meanwhile): a warning, not a failed command."""
        assert self._writer is not None
        try:
            if self._writer.relations_stale():
                self._writer.refresh_relations()
        except duckdb.Error as exc:
            print(f"warning: the relation units table was not refreshed ({exc}); the next writing command "
                  "retries", file=sys.stderr)

    def close(self) -> None:
        self._con.close()
        if self._turns is not None:
            self._turns.marker.unlink(missing_ok=True)  # a request nobody took is moot once the writer is gone

    def give_way_if_asked(self) -> bool:
        """Between two writes: when a reader asked for the file (sharing.py), close it for a moment and
        open it again; True when the turn was given. Never inside a transaction."""
        if self._turns is None or not self._turns.due():
            return False
        self._con.close()
        time.sleep(READER_WINDOW)
        self._con = connect(self.path, read_only=False, timeout=self._busy_timeout, notify=None)
        assert self._writer is not None
        self._writer.reconnected(self._con)
        self._turns.given()
        return True

    @property
    def writer(self) -> StoreWriter:
        """The store's single writer; a read-only store has none."""
        if self._writer is None:
            raise PermissionError(f"{self.path} is open read-only")
        return self._writer

    # -- documents ---------------------------------------------------------------------------

    def document_hash(self, doc_id: str) -> str | None:
        """The content hash stored for `doc_id`, or None when no such document is stored."""
        row = self._con.execute("SELECT content_hash FROM documents WHERE doc_id = ?", [doc_id]).fetchone()
        return row[0] if row else None

    def has_document(self, doc_id: str) -> bool:
        return self._con.execute("SELECT 1 FROM documents WHERE doc_id = ? LIMIT 1", [doc_id]).fetchone() is not None

    def document(self, doc_id: str) -> Document | None:
        row = self._con.execute(f"SELECT {column_list(DOCUMENT_COLUMNS)} FROM documents WHERE doc_id = ?",
                                [doc_id]).fetchone()
        return document_from_row(row) if row else None

    def documents_by_ids(self, doc_ids: list[str]) -> dict[str, Document]:
        """The stored documents with these ids, by id (absent ids are left out)."""
        if not doc_ids:
            return {}
        rows = self._con.execute(f"SELECT {column_list(DOCUMENT_COLUMNS)} FROM documents WHERE doc_id {in_list(doc_ids)}",
                                 list(doc_ids)).fetchall()
        return {row[0]: document_from_row(row) for row in rows}

    def documents(self) -> list[Document]:
        rows = self._con.execute(f"SELECT {column_list(DOCUMENT_COLUMNS)} FROM documents ORDER BY doc_id").fetchall()
        return [document_from_row(r) for r in rows]

    # -- events ------------------------------------------------------------------------------

    def events(self, *, dyad: tuple[str, str] | None = None, since: str | None = None, until: str | None = None,
               plover: str | None = None, status: str | None = None, doc_id: str | None = None,
               cluster_id: str | None = None) -> list[Event]:
        """Stored events matching every given filter (see queries.events_query for their meaning)."""
        sql, params = events_query(dyad=dyad, since=since, until=until, plover=plover, status=status,
                                   doc_id=doc_id, cluster_id=cluster_id)
        return [event_from_row(r) for r in self._con.execute(sql, params).fetchall()]

    def events_by_ids(self, event_ids: list[str]) -> list[Event]:
        """The stored events with these ids, ordered by event_id."""
        if not event_ids:
            return []
        rows = self._con.execute(f"SELECT {column_list(EVENT_COLUMNS)} FROM events "
                                 f"WHERE event_id {in_list(event_ids)} ORDER BY event_id", list(event_ids)).fetchall()
        return [event_from_row(r) for r in rows]

    def events_of_documents(self, doc_ids: list[str]) -> dict[str, list[Event]]:
        """Each document's stored events, in the order `events(doc_id=...)` gives them."""
        if not doc_ids:
            return {}
        sql = f"SELECT {column_list(EVENT_COLUMNS)} FROM events WHERE doc_id {in_list(doc_ids)} {EVENTS_ORDER}"
        by_doc: dict[str, list[Event]] = {}
        for row in self._con.execute(sql, list(doc_ids)).fetchall():
            event = event_from_row(row)
            by_doc.setdefault(event.doc_id, []).append(event)
        return by_doc

    def dyad_month_counts(self, limit_dyads: int = 5) -> list[tuple[str, str, int]]:
        """(dyad "AAA-BBB", month "YYYY-MM", asserted events) for the top `limit_dyads` dyads."""
        return [(d, m, int(n)) for d, m, n in self._con.execute(DYAD_MONTH_COUNTS, [limit_dyads]).fetchall()]

    # -- rejections and totals ---------------------------------------------------------------

    def rejections(self) -> list[Rejection]:
        rows = self._con.execute(f"SELECT {column_list(REJECTION_COLUMNS)} FROM rejections "
                                 "ORDER BY rejected_at, rejection_id").fetchall()
        return [rejection_from_row(r) for r in rows]

    def counts(self) -> dict[str, int]:
        row = self._con.execute(COUNTS).fetchone()
        assert row is not None  # an aggregate query always returns one row
        return dict(zip(("documents", "events", "asserted_events", "rejections"), map(int, row)))

    def arrow(self, query: str, params: list[Any] | tuple[Any, ...] | None = None) -> pyarrow.Table:
        """The result of a read query as an Arrow table (for exports)."""
        _check_read_only(query)
        cursor = self._con.cursor()  # its own result, whatever the main connection has pending
        try:
            return cursor.sql(query, params=list(params) if params else None).to_arrow_table()
        finally:
            cursor.close()

    def sql(self, query: str, params: list[Any] | tuple[Any, ...] | None = None) -> list[tuple]:
        """Rows of an ad-hoc read query; statements that could write are refused, and run in a
        transaction that is always rolled back."""
        _check_read_only(query)
        if self.read_only or (self._writer is not None and self._writer.in_batch):
            return self._con.execute(query, params or []).fetchall()
        self._con.begin()
        try:
            return self._con.execute(query, params or []).fetchall()
        finally:
            self._con.rollback()


def _check_read_only(query: str) -> None:
    first = query.lstrip().split(None, 1)[0].lower() if query.strip() else ""
    if first not in READ_ONLY_KEYWORDS:
        raise PermissionError(f"only read queries are allowed, not {first.upper() or 'an empty query'}")
