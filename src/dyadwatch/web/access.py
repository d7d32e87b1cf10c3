"""How web requests reach the store without ever keeping a lock an ingest needs.

DuckDB lets one process write a file or many read it (see store/locking.py). So the server holds no
connection between requests: every read request opens its own short read-only Store and closes it,
and `POST /api/ingest` (token mode) opens a read-write Store only for the time of its batch. A
`dyadwatch ingest` in another process therefore gets the file between two requests (its open
retries for a bounded time), and what it stored shows on the next request. A read that meets the
ingest's lock asks it for a turn (store/sharing.py): between two documents the ingest closes the file
for a moment, so the dashboard shows what a long run has stored so far.

While another process writes, a read request waits up to `read_timeout` seconds for the file, then
answers from the answer cache if the same question was answered before (stale but whole), else
raises DatabaseBusy (the app answers 503 with a Retry-After). Inside the process, DuckDB refuses a
read-write connection while read-only ones to the same file are open, so reads share and the
server's own ingest excludes them (a readers-writer lock).

The answer cache keys answers by the request and the database file's size and modification time,
so any write, by this process or another, invalidates them.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from dyadwatch.store import DatabaseBusy, Store
from dyadwatch.store.sharing import ask_for_turn

T = TypeVar("T")
READ_TIMEOUT = 3.0  # seconds a read request waits for a file another process is writing
WRITE_TIMEOUT = 30.0  # seconds POST /api/ingest waits for it


class ReadWriteLock:
    """Many readers or one writer among this process's threads; acquisitions time out."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._readers = 0
        self._writing = False

    @contextmanager
    def reading(self, timeout: float) -> Iterator[None]:
        with self._cond:
            if not self._cond.wait_for(lambda: not self._writing, timeout=timeout):
                raise DatabaseBusy("database busy (this server is ingesting); try again shortly")
            self._readers += 1
        try:
            yield
        finally:
            with self._cond:
                self._readers -= 1
                self._cond.notify_all()

    @contextmanager
    def writing(self, timeout: float) -> Iterator[None]:
        with self._cond:
            if not self._cond.wait_for(lambda: not self._writing and not self._readers, timeout=timeout):
                raise DatabaseBusy("database busy (this server is answering or ingesting); try again shortly")
            self._writing = True
        try:
            yield
        finally:
            with self._cond:
                self._writing = False
                self._cond.notify_all()


class StoreAccess:
    """Opens the store for one request at a time; nothing stays open between requests."""

    def __init__(self, db: Path, *, writable: bool = False, read_timeout: float = READ_TIMEOUT,
                 write_timeout: float = WRITE_TIMEOUT) -> None:
        self.db = Path(db)
        self.writable = writable
        self.read_timeout = read_timeout
        self.write_timeout = write_timeout
        self._lock = ReadWriteLock()

    @contextmanager
    def open(self) -> Iterator[Store]:
        """A read-only Store for one request."""
        with self._lock.reading(self.read_timeout), \
                Store(self.db, read_only=True, busy_timeout=self.read_timeout,
                      on_busy=lambda _: ask_for_turn(self.db)) as store:
            yield store

    @contextmanager
    def open_writer(self) -> Iterator[Store]:
        """A read-write Store for one ingest batch (token mode only)."""
        if not self.writable:
            raise PermissionError("this server is read-only")
        with self._lock.writing(self.write_timeout), \
                Store(self.db, busy_timeout=self.write_timeout, on_busy=None) as store:
            yield store

    def close(self) -> None:
        """Nothing is held between requests; kept for the app's shutdown hook."""


class AnswerCache:
    """Computed answers keyed by the request and the database file's version (size and modification
    time of the file and its WAL); at most `size` answers, least recent dropped. When the database is
    busy, the last answer to the same request is returned, whatever version it was computed on."""

    def __init__(self, db: Path, size: int = 64) -> None:
        self.db = Path(db)
        self.size = size
        self._answers: OrderedDict[tuple[Any, ...], Any] = OrderedDict()
        self._latest: OrderedDict[tuple[Any, ...], Any] = OrderedDict()
        self._lock = threading.Lock()

    def _version(self) -> tuple[int, ...]:
        parts: list[int] = []
        for path in (self.db, Path(str(self.db) + ".wal")):
            if path.exists():
                stat = path.stat()
                parts += [stat.st_size, stat.st_mtime_ns]
        return tuple(parts)

    def get(self, key: tuple[Any, ...], compute: Callable[[], T]) -> T:
        if self.size <= 0:
            return compute()
        full_key = (*key, self._version())
        with self._lock:
            if full_key in self._answers:
                self._answers.move_to_end(full_key)
                return self._answers[full_key]
        try:
            answer = compute()
        except DatabaseBusy:
            with self._lock:
                if key in self._latest:
                    return self._latest[key]
            raise
        with self._lock:
            self._remember(self._answers, full_key, answer)
            self._remember(self._latest, key, answer)
        return answer

    def _remember(self, answers: OrderedDict[tuple[Any, ...], Any], key: tuple[Any, ...], answer: Any) -> None:
        answers[key] = answer
        answers.move_to_end(key)
        while len(answers) > self.size:
            answers.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._answers.clear()
