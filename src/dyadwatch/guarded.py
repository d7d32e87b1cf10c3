"""Coding that one bad document never costs another: every document is coded inside its own guard.

Documents are coded in batches through `nlp.pipe` (fast). When a batch raises or runs over its
time budget, its documents are coded again one at a time, each with its own budget: the one
that fails comes out as a rejection (`timeout`, or `internal_error` with the exception's type
and message) and the others as usual. Documents longer than a piece (10,000 characters) are coded one at a
time in pieces, as one document (dyadwatch.nlp.chunks).
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from spacy.language import Language
from spacy.tokens import Doc

from dyadwatch import deadline
from dyadwatch.ingest.ids import internal_error, reject
from dyadwatch.nlp.chunks import code_pieces, piece_limit, sentence_count
from dyadwatch.records import Document, Event, Rejection

BATCH_SIZE = 16
DEFAULT_DOC_TIMEOUT = 30.0


@dataclass
class Coded:
    """The outcome of coding one document: its events, or the rejection saying why not."""

    document: Document
    events: list[Event] = field(default_factory=list)
    failure: Rejection | None = None
    sentences: int = 0  # how many sentences the coded text has (a piece's count shifts the pieces after it)


def code_guarded(documents: Iterable[Document], nlp: Language, *, batch_size: int = BATCH_SIZE,
                 doc_timeout: float | None = DEFAULT_DOC_TIMEOUT) -> Iterator[Coded]:
    """Code each document; yields one Coded per document, in input order; never raises for a document.

    At most `batch_size` documents are read ahead of the one being yielded.
    """
    stream = iter(documents)
    while batch := list(islice(stream, batch_size)):
        yield from _code_batch(batch, nlp, doc_timeout)


def _code_batch(batch: list[Document], nlp: Language, doc_timeout: float | None) -> list[Coded]:
    if all(len(d.text) <= piece_limit(nlp) for d in batch):
        try:
            with deadline.time_budget(doc_timeout):
                docs = list(nlp.pipe((_make(nlp, d) for d in batch), batch_size=len(batch)))
                deadline.check()  # off the main thread nothing interrupts nlp.pipe: check once it returns
            return [Coded(d, _events(doc), sentences=sentence_count(doc)) for d, doc in zip(batch, docs)]
        except Exception:  # noqa: BLE001 - the batch is retried one document at a time, which records the error
            pass
    return [code_one(d, nlp, doc_timeout) for d in batch]


def code_one(document: Document, nlp: Language, doc_timeout: float | None = DEFAULT_DOC_TIMEOUT) -> Coded:
    """Code one document within its time budget, checking the deadline between components.

    A document coded in pieces gets the budget once per piece (pieces of up to 10,000 characters).
    """
    budget = doc_timeout * max(1, -(-len(document.text) // piece_limit(nlp))) if doc_timeout else None
    try:
        with deadline.time_budget(budget):
            events, docs = code_pieces(nlp, document.text, lambda doc, k: _label(doc, document, k), deadline.check)
            return Coded(document, events, sentences=sum(sentence_count(doc) for doc in docs))
    except deadline.DocTimeout:
        return Coded(document, failure=reject(document.origin, "timeout", f"not coded within {budget:g} s "
                                              "(--doc-timeout)", doc_id=document.doc_id))
    except Exception as exc:  # noqa: BLE001 - recorded as this document's rejection, the run goes on
        return Coded(document, failure=internal_error(document.origin, exc, doc_id=document.doc_id))


def _make(nlp: Language, document: Document) -> Doc:
    return _label(nlp.make_doc(document.text), document)


def _label(doc: Doc, document: Document, piece: int = 0) -> Doc:
    doc._.doc_id = document.doc_id if piece == 0 else f"{document.doc_id}#{piece}"
    doc._.published = document.published
    return doc


def _events(doc: Doc) -> list[Event]:
    return list(doc._.events or [])
