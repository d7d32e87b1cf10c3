"""An ingest run: read inputs, validate, code and store each document, resumably and guarded.

Each document is stored with its events in one transaction, so a killed run leaves no half-written
document; documents already stored are skipped, so running the same command again finishes the job.
Every document is read, prepared and coded inside its own guard (dyadwatch.guarded): whatever goes
wrong with one becomes its stored rejection (`internal_error` with the exception's type, `timeout`,
...) and the run goes on with the next.
"""
from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from spacy.language import Language

from dyadwatch.guarded import DEFAULT_DOC_TIMEOUT, Coded, code_guarded
from dyadwatch.ingest import prepare, read_inputs
from dyadwatch.ingest.ids import internal_error, reject
from dyadwatch.pipeline import LEARNED_BY_DEFAULT, build_pipeline, shared_pipeline
from dyadwatch.records import Article, Document, Rejection
from dyadwatch.store import Store
from dyadwatch.store.sharing import marker_path
from dyadwatch.store.writer import StoreWriter
from dyadwatch.stories import assign_stories

DEFAULT_MAX_BYTES = 2_000_000


@dataclass(frozen=True)
class RunDefaults:
    """Metadata for documents that do not carry their own (`ingest --published --outlet --url`)."""

    published: date | None = None
    outlet: str | None = None
    url: str | None = None

    def fill(self, article: Article) -> Article:
        """`article` with its missing fields taken from these defaults (its own fields win)."""
        return replace(article, published=article.published or (self.published and self.published.isoformat()),
                       outlet=article.outlet or self.outlet, url=article.url or self.url)


@dataclass
class IngestReport:
    """What an ingest run did, and how long its stages took (seconds)."""

    stored: int = 0
    already_stored: int = 0
    events: int = 0
    words: int = 0  # words of the documents coded and stored
    rejected: list[Rejection] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    ignored_fields: Counter[str] = field(default_factory=Counter)  # JSON field name → records that had it
    started: float = field(default_factory=time.perf_counter)
    coding_seconds: float = 0.0  # from the start of the run to the last document coded
    stories_seconds: float = 0.0
    stage: str = "coding"  # "coding", then "stories"

    @property
    def seen(self) -> int:
        return self.stored + self.already_stored + len(self.rejected)

    def rejected_by_reason(self) -> Counter[str]:
        return Counter(r.reason for r in self.rejected)

    def elapsed(self) -> float:
        return time.perf_counter() - self.started


ProgressCallback = Callable[[IngestReport, int], None]


def ingest_paths(paths: Iterable[str | Path], store: Store, *, max_bytes: int = DEFAULT_MAX_BYTES,
                 nlp: Language | None = None, progress: ProgressCallback | None = None,
                 defaults: RunDefaults | None = None,
                 doc_timeout: float | None = DEFAULT_DOC_TIMEOUT, jobs: int = 1,
                 learned: bool = LEARNED_BY_DEFAULT, engine: str = "local", scheduler: str | None = None) -> IngestReport:
    """Ingest every article under `paths` into `store`; never raises for bad input.

    `engine="dask"` codes on Dask workers (the cluster at `scheduler`, or a LocalCluster of `jobs`
    processes); else `jobs` > 1 codes in that many worker processes (each building the pipeline, with
    the learned layer when `learned`); otherwise documents are coded here with `nlp` (default: the
    shared pipeline). Either way documents are stored in input order by this process's single writer.
    """
    report = IngestReport()
    writer = store.writer
    defaults = defaults or RunDefaults()
    seen: dict[str, str] = {}  # doc_id → content hash, for this run

    def rejected(rejection: Rejection) -> None:
        writer.save_rejection(rejection)
        report.rejected.append(rejection)
        _notify(progress, report, 0)

    def accepted() -> Iterator[Document]:
        for item in read_inputs(paths, max_bytes=max_bytes, skip=_store_files(store)):
            result = _prepared(item, defaults, max_bytes, report)
            if not isinstance(result, Rejection):
                known = seen.get(result.doc_id) or store.document_hash(result.doc_id)
                if known is not None and known != result.content_hash:
                    result = reject(result.origin, "id_conflict", f"id {result.doc_id} is taken by a different "
                                    "text; give this document its own id", doc_id=result.doc_id)
            if isinstance(result, Rejection):
                rejected(result)
                continue
            if result.doc_id in seen or store.has_document(result.doc_id):
                report.already_stored += 1
                _notify(progress, report, 0)
                continue
            seen[result.doc_id] = result.content_hash
            report.warnings += [f"{result.origin}: {w}" for w in result.warnings]
            yield result

    coded_stream = _on_dask(accepted(), jobs, learned, doc_timeout, scheduler) if engine == "dask" else \
        _coded(accepted(), nlp, jobs, learned, doc_timeout)
    for coded in coded_stream:
        document = coded.document
        report.coding_seconds = report.elapsed()
        saved = _saved(writer, coded) if coded.failure is None else coded.failure
        if isinstance(saved, Rejection):
            seen.pop(document.doc_id, None)  # not stored: a later copy of it may still be
            rejected(saved)
        elif saved:
            report.stored += 1
            report.events += len(coded.events)
            words = len(document.text.split())
            report.words += words
            _notify(progress, report, words)
        else:
            report.already_stored += 1
            _notify(progress, report, 0)
        store.give_way_if_asked()  # a `serve` reading this file gets it between two documents
    stories_started = time.perf_counter()
    report.stage = "stories"
    _notify(progress, report, 0)
    try:
        assign_stories(store)  # stories and event clusters for the new documents (and any left pending)
    except Exception as exc:  # noqa: BLE001 - documents are stored; the warning says how to finish
        report.warnings.append(f"stories not updated ({type(exc).__name__}: {exc}); the documents are stored, "
                               "run `dyadwatch stories --update` to assign them")
    report.stories_seconds = time.perf_counter() - stories_started
    return report


def _on_dask(documents: Iterator[Document], jobs: int, learned: bool, doc_timeout: float | None,
             scheduler: str | None) -> Iterator[Coded]:
    from dyadwatch.engine.dask import code_on_dask

    return code_on_dask(documents, scheduler=scheduler, workers=jobs, learned=learned, doc_timeout=doc_timeout)


def _coded(documents: Iterator[Document], nlp: Language | None, jobs: int, learned: bool,
           doc_timeout: float | None) -> Iterator[Coded]:
    if jobs > 1 and nlp is None:
        from dyadwatch.engine.pool import code_in_pool

        return code_in_pool(documents, jobs, learned=learned, doc_timeout=doc_timeout)
    if nlp is None:
        nlp = shared_pipeline() if learned == LEARNED_BY_DEFAULT else build_pipeline(learned=learned)
    return code_guarded(documents, nlp, doc_timeout=doc_timeout)


def _prepared(item: Article | Rejection, defaults: RunDefaults, max_bytes: int,
              report: IngestReport) -> Document | Rejection:
    """The Document (or Rejection) for one read item; an exception becomes its internal_error rejection."""
    if isinstance(item, Rejection):
        return item
    report.ignored_fields.update(item.ignored_fields)
    try:
        return prepare(defaults.fill(item), max_bytes=max_bytes)
    except Exception as exc:  # noqa: BLE001 - recorded as this document's rejection, the run goes on
        return internal_error(item.origin, exc, doc_id=item.id)


def _saved(writer: StoreWriter, coded: Coded) -> bool | Rejection:
    """Whether the document was written (False: already stored), or the rejection when writing failed."""
    try:
        return writer.save_document(coded.document, coded.events)
    except Exception as exc:  # noqa: BLE001 - the transaction rolled back; recorded as this document's rejection
        return internal_error(coded.document.origin, exc, doc_id=coded.document.doc_id)


def _notify(progress: ProgressCallback | None, report: IngestReport, words: int) -> None:
    if progress is not None:
        progress(report, words)


def _store_files(store: Store) -> set[Path]:
    """The database being written, its write-ahead log and its readers' marker (store/sharing.py): a folder
    that holds them does not ingest them."""
    path = Path(store.path).resolve()
    return {path, path.with_name(path.name + ".wal"), marker_path(path)}
