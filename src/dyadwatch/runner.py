"""An ingest run: read inputs, validate, code and store each document, resumably.

Each document is stored with its events in one transaction, so a killed run leaves no half-written
document; documents already stored are skipped, so running the same command again finishes the job.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language

from dyadwatch.ingest import prepare, read_inputs
from dyadwatch.ingest.ids import reject
from dyadwatch.pipeline import code_documents, shared_pipeline
from dyadwatch.records import Document, Rejection
from dyadwatch.store import Store
from dyadwatch.stories import assign_stories

DEFAULT_MAX_BYTES = 2_000_000


@dataclass
class IngestReport:
    """What an ingest run did."""

    stored: int = 0
    already_stored: int = 0
    events: int = 0
    rejected: list[Rejection] = field(default_factory=list)

    @property
    def seen(self) -> int:
        return self.stored + self.already_stored + len(self.rejected)


ProgressCallback = Callable[[IngestReport, int], None]


def ingest_paths(paths: Iterable[str | Path], store: Store, *, max_bytes: int = DEFAULT_MAX_BYTES,
                 nlp: Language | None = None, progress: ProgressCallback | None = None) -> IngestReport:
    """Ingest every article under `paths` into `store`; never raises for bad input."""
    report = IngestReport()
    writer = store.writer

    seen: dict[str, str] = {}  # doc_id → content hash, for this run

    def accepted() -> Iterator[Document]:
        for item in read_inputs(paths, max_bytes=max_bytes):
            result = prepare(item, max_bytes=max_bytes) if not isinstance(item, Rejection) else item
            if not isinstance(result, Rejection):
                known = seen.get(result.doc_id) or store.document_hash(result.doc_id)
                if known is not None and known != result.content_hash:
                    result = reject(result.origin, "id_conflict", f"id {result.doc_id} is taken by a different "
                                    "text; give this document its own id", doc_id=result.doc_id)
            if isinstance(result, Rejection):
                writer.save_rejection(result)
                report.rejected.append(result)
                _notify(progress, report, 0)
                continue
            if result.doc_id in seen or store.has_document(result.doc_id):
                report.already_stored += 1
                _notify(progress, report, 0)
                continue
            seen[result.doc_id] = result.content_hash
            yield result

    for document, events in code_documents(accepted(), nlp or shared_pipeline()):
        if writer.save_document(document, events):
            report.stored += 1
            report.events += len(events)
        else:
            report.already_stored += 1
        _notify(progress, report, len(document.text.split()))
    assign_stories(store)  # stories and event clusters for the new documents (and any left pending)
    return report


def _notify(progress: ProgressCallback | None, report: IngestReport, words: int) -> None:
    if progress is not None:
        progress(report, words)
