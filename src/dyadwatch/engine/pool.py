"""Coding in worker processes: each worker builds the pipeline once and codes batches of documents
inside the same guards as the local engine; results come back in input order.

A batch holds at most `batch_size` documents and BATCH_CHARS characters (unless one document is
longer), and at most `2 * jobs` batches are in flight, so memory stays bounded whatever the input size. A worker
that dies (killed, out of memory, a crash in native code) breaks the pool: the batches it held are
coded again one document per task in a fresh pool, and a document that kills a worker on its own is
rejected as `internal_error`, so one bad document never costs another. A long document reaches the
workers as its pieces (dyadwatch.engine.pieces), so its pieces are coded side by side, and is joined
back into one document before it is yielded.
"""
from __future__ import annotations

import atexit
import gc
import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from dyadwatch.engine.pieces import code_split
from dyadwatch.guarded import BATCH_SIZE, Coded, code_guarded
from dyadwatch.ingest.ids import reject
from dyadwatch.records import Document

BATCH_CHARS = 40_000  # four pieces of a long text: a batch's memory and time stay those of a few articles

_worker_nlp = None
_worker_learned = True


def default_jobs() -> int:
    """Every core this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _start_worker(learned: bool, parent: int) -> None:
    global _worker_learned
    _worker_learned = learned
    _exit_with_parent(parent)  # the pid the parent gave: it may already be gone by the time this runs


def _exit_with_parent(parent: int, every: float = 1.0) -> None:
    """End this worker when the ingest process is gone (killed with -9, it cannot tell its workers)."""
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(every)
        os._exit(0)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def _code_batch(batch: list[Document], doc_timeout: float | None) -> list[Coded]:
    global _worker_nlp
    if _worker_nlp is None:  # built on the first task, once per worker process
        from dyadwatch.pipeline import build_pipeline

        _worker_nlp = build_pipeline(learned=_worker_learned)
        # The pipeline's objects (model, lexicon, gazetteer) last as long as the worker: collecting
        # garbage need not walk them again and again.
        gc.collect()
        gc.freeze()
        # Frozen objects are never collected, not even at exit, where DuckDB's bindings then report them
        # as leaked ("nanobind: leaked N instances!"): hand them back to the collector before shutdown.
        atexit.register(gc.unfreeze)
    return list(code_guarded(batch, _worker_nlp, batch_size=len(batch), doc_timeout=doc_timeout))


BatchCoder = Callable[[list[Document], "float | None"], list[Coded]]


class WorkerPool:
    """A process pool whose workers hold a built pipeline; spawned, so no parent state is inherited.
    `worker` is the (module-level, picklable) function a task runs; tests substitute their own."""

    def __init__(self, jobs: int, learned: bool, worker: BatchCoder = _code_batch):
        self.jobs, self.learned, self.worker = jobs, learned, worker
        self._executor = self._new()

    def _new(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=self.jobs, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=_start_worker, initargs=(self.learned, os.getpid()))

    def submit(self, batch: list[Document], doc_timeout: float | None) -> Future:
        return self._executor.submit(self.worker, batch, doc_timeout)

    def renew(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)
        self._executor = self._new()

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)


def code_in_pool(documents: Iterable[Document], jobs: int, *, learned: bool = True,
                 doc_timeout: float | None = None, batch_size: int = BATCH_SIZE,
                 worker: BatchCoder = _code_batch) -> Iterator[Coded]:
    """Code each document in `jobs` worker processes; yields one Coded per document, in input order."""
    return code_split(documents, lambda parts: _code_parts(parts, jobs, learned, doc_timeout, batch_size, worker))


def _code_parts(documents: Iterator[Document], jobs: int, learned: bool, doc_timeout: float | None,
                batch_size: int, worker: BatchCoder) -> Iterator[Coded]:
    """One Coded per document (a short document or a piece of a long one), in input order."""
    batches = _batches(documents, batch_size)
    pool = WorkerPool(jobs, learned, worker)
    in_flight: deque[tuple[list[Document], Future]] = deque()
    try:
        while True:
            while len(in_flight) < 2 * jobs and (batch := next(batches, None)):
                in_flight.append((batch, pool.submit(batch, doc_timeout)))
            if not in_flight:
                return
            batch, future = in_flight.popleft()
            try:
                yield from future.result()
            except BrokenProcessPool:
                yield from _recover([batch] + [b for b, _ in in_flight], pool, doc_timeout)
                in_flight.clear()
    finally:
        pool.close()


def _batches(documents: Iterable[Document], batch_size: int, max_chars: int = BATCH_CHARS) -> Iterator[list[Document]]:
    """Consecutive batches of at most `batch_size` documents and `max_chars` characters (or one document)."""
    batch: list[Document] = []
    chars = 0
    for document in documents:
        if batch and (len(batch) == batch_size or chars + len(document.text) > max_chars):
            yield batch
            batch, chars = [], 0
        batch.append(document)
        chars += len(document.text)
    if batch:
        yield batch


def _recover(batches: list[list[Document]], pool: WorkerPool, doc_timeout: float | None) -> Iterator[Coded]:
    """Code the documents of broken batches one per task, in order, renewing the pool after each break."""
    pool.renew()
    for document in (d for batch in batches for d in batch):
        try:
            yield from pool.submit([document], doc_timeout).result()
        except BrokenProcessPool as exc:
            yield Coded(document, failure=reject(document.origin, "internal_error",
                                                 f"the worker process coding it died ({exc})", doc_id=document.doc_id))
            pool.renew()
