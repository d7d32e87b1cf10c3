"""Coding on a Dask cluster, for when one machine is not enough.

`code_on_dask` sends batches of documents to Dask workers (dask.distributed): each worker process builds
the pipeline once (on its first batch) and codes batches inside the same guards as the local engines,
returning coded records; this process stores them, in input order, through the one writer, so a killed
run resumes as the local one does. With no scheduler address, a LocalCluster of worker processes is
started for the run and closed after it.

At most `2 * workers` batches are in flight, so memory stays bounded. The workers must have dyadwatch
installed (the same version) to unpickle documents and import the coder.
"""
from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from itertools import islice

from dyadwatch.engine.pool import default_jobs
from dyadwatch.guarded import BATCH_SIZE, Coded, code_guarded
from dyadwatch.ingest.ids import reject
from dyadwatch.records import Document

_nlp_by_flag: dict[bool, object] = {}


def code_batch_on_worker(batch: list[Document], doc_timeout: float | None, learned: bool) -> list[Coded]:
    """A Dask task: code one batch with this worker process's pipeline (built on first use)."""
    nlp = _nlp_by_flag.get(learned)
    if nlp is None:
        from dyadwatch.pipeline import build_pipeline

        nlp = _nlp_by_flag[learned] = build_pipeline(learned=learned)
    return list(code_guarded(batch, nlp, batch_size=len(batch), doc_timeout=doc_timeout))


@contextmanager
def dask_client(scheduler: str | None, workers: int):
    """A client of the cluster at `scheduler`, or of a LocalCluster of `workers` processes."""
    from distributed import Client, LocalCluster

    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        yield client


def code_on_dask(documents: Iterable[Document], *, scheduler: str | None = None, workers: int | None = None,
                 learned: bool = True, doc_timeout: float | None = None,
                 batch_size: int = BATCH_SIZE) -> Iterator[Coded]:
    """Code each document on Dask workers; yields one Coded per document, in input order."""
    stream = iter(documents)
    with dask_client(scheduler, workers or default_jobs()) as client:
        slots = 2 * max(1, len(client.scheduler_info().get("workers", {})) or 1)
        in_flight: deque = deque()
        while True:
            while len(in_flight) < slots and (batch := list(islice(stream, batch_size))):
                # pure=False: the same batch sent twice (a resumed run) is coded again, not looked up
                in_flight.append((batch, client.submit(code_batch_on_worker, batch, doc_timeout, learned,
                                                       pure=False)))
            if not in_flight:
                return
            batch, future = in_flight.popleft()
            try:
                yield from future.result()
            except Exception:  # noqa: BLE001 - Dask already retried it on other workers: find the culprit
                yield from (_alone(client, d, doc_timeout, learned) for d in batch)


def _alone(client, document: Document, doc_timeout: float | None, learned: bool) -> Coded:
    """One document of a failed batch, coded in a task of its own; rejected if that fails too."""
    try:
        return client.submit(code_batch_on_worker, [document], doc_timeout, learned, pure=False).result()[0]
    except Exception as exc:  # noqa: BLE001 - recorded as this document's rejection, the run goes on
        return Coded(document, failure=reject(document.origin, "internal_error", "the Dask task coding it failed "
                                              f"({type(exc).__name__}: {exc})", doc_id=document.doc_id))
