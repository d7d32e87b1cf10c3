"""Opening a DuckDB file beside other processes: bounded retries while another process holds the lock.

DuckDB (2.0 as before) lets one process write a database file, or many processes read it, never both:
a read-write open takes an exclusive lock on the file and a read-only open a shared one, and an open
that meets a conflicting lock fails at once with "Could not set lock on file". So a writer (`ingest`)
waits while a reader (a `serve` request, an `events` export) holds the file, and the other way round;
`connect` retries such opens for a bounded time, tells the user once that it is waiting, and then
raises `DatabaseBusy`. Inside one process DuckDB refuses a read-only and a read-write connection to
the same file at once; that conflict is waited for the same way. A file that exists but is not a DuckDB database raises `NotADatabase`.

The wait comes from `DYADWATCH_BUSY_TIMEOUT` (seconds, default 30) unless the caller gives one.
"""
from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

import duckdb

from dyadwatch.store.errors import DatabaseBusy, NotADatabase, StoreError

BUSY_ENV = "DYADWATCH_BUSY_TIMEOUT"
DEFAULT_BUSY_TIMEOUT = 30.0
RETRY_EVERY = 0.05  # seconds between attempts (DuckDB readers often hold the file for a few ms only)
_LOCK_MARK = "could not set lock on file"
# The same conflict inside one process: a read-only and a read-write connection to one file.
_SAME_PROCESS_MARK = "different configuration than existing connections"
_NOT_DUCKDB_MARK = "not a valid duckdb database file"


def busy_timeout(given: float | None = None) -> float:
    """Seconds to wait for a lock: `given`, else $DYADWATCH_BUSY_TIMEOUT, else 30."""
    if given is not None:
        return max(0.0, given)
    raw = os.environ.get(BUSY_ENV, "").strip()
    if not raw:
        return DEFAULT_BUSY_TIMEOUT
    try:
        return max(0.0, float(raw))
    except ValueError:
        raise StoreError(f"{BUSY_ENV}={raw!r} is not a number of seconds") from None


def is_lock_conflict(exc: BaseException) -> bool:
    text = str(exc).lower()
    return (isinstance(exc, duckdb.IOException) and _LOCK_MARK in text) or \
        (isinstance(exc, duckdb.ConnectionException) and _SAME_PROCESS_MARK in text)


def stderr_notice(message: str) -> None:
    """The default way to tell the user we are waiting: one line on stderr."""
    print(message, file=sys.stderr, flush=True)


def connect(path: str | Path, *, read_only: bool, timeout: float | None = None,
            notify: Callable[[str], None] | None = stderr_notice) -> duckdb.DuckDBPyConnection:
    """A connection to `path`, retrying while another process holds a conflicting lock."""
    wait = busy_timeout(timeout)
    deadline = time.monotonic() + wait
    told = False
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only)
        except (duckdb.IOException, duckdb.ConnectionException) as exc:
            if _NOT_DUCKDB_MARK in str(exc).lower():
                raise NotADatabase(f"{path} is not a DuckDB database (pass --db with a dyadwatch database)") from None
            if not is_lock_conflict(exc):
                raise
            if time.monotonic() >= deadline:
                raise DatabaseBusy(f"database {path} is busy (held by another process) and stayed busy for "
                                   f"{wait:g} s; try again when it is done (or set {BUSY_ENV})") from None
            if not told and notify is not None:
                notify(f"database busy (held by another process), retrying for up to {wait:g} s...")
                told = True
            time.sleep(RETRY_EVERY)
