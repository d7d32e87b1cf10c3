"""Long documents across workers: split into piece documents before the pool, joined back after it.

A document longer than a piece (dyadwatch.nlp.chunks) becomes one piece document per piece, coded
like any short document, so the pieces of one long text go to different workers. The k-th piece is
coded under the id "<doc id>#<k>" (the first under the document's own id), exactly as
`code_pieces` codes it in one process; joining shifts each piece's events by the characters and
sentences before it, so the one stored document has the same events, offsets and sentence indices
as when coded in one process. A piece that fails fails its whole document (the piece's rejection,
under the document's id).
"""
from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace

from dyadwatch.guarded import Coded
from dyadwatch.nlp.chunks import PIECE_CHARS, shifted_events, split_text
from dyadwatch.records import Document


@dataclass(frozen=True)
class _Plan:
    """One input document and how many parts (piece documents, or itself) stand for it."""

    document: Document
    parts: int


def piece_documents(document: Document, limit: int = PIECE_CHARS) -> list[Document]:
    """`document` itself when it is one piece long, else one document per piece of its text."""
    if len(document.text) <= limit:
        return [document]
    return [replace(document, doc_id=document.doc_id if k == 0 else f"{document.doc_id}#{k}", text=text, warnings=())
            for k, text in enumerate(split_text(document.text, limit))]


def code_split(documents: Iterable[Document], code_parts: Callable[[Iterator[Document]], Iterator[Coded]],
               limit: int = PIECE_CHARS) -> Iterator[Coded]:
    """One Coded per document, in order, where `code_parts` codes a stream of documents (one Coded each,
    in order) and long documents reach it as their pieces."""
    plans: deque[_Plan] = deque()

    def parts() -> Iterator[Document]:
        for document in documents:
            pieces = piece_documents(document, limit)
            plans.append(_Plan(document, len(pieces)))
            yield from pieces

    coded = code_parts(parts())
    try:
        for first in coded:
            plan = plans.popleft()  # appended when its first part was read, so before that part was coded
            if plan.parts == 1:
                yield first
            else:
                yield joined(plan.document, [first] + [next(coded) for _ in range(plan.parts - 1)])
    finally:
        close = getattr(coded, "close", None)
        if close is not None:
            close()  # a generator that holds workers: end them now, not when it is collected


def joined(document: Document, pieces: list[Coded]) -> Coded:
    """The Coded of `document` from the Coded of its pieces, in order."""
    failed = next((c.failure for c in pieces if c.failure is not None), None)
    if failed is not None:
        return Coded(document, failure=replace(failed, doc_id=document.doc_id))
    events, chars, sentences = [], 0, 0
    for piece in pieces:
        events += shifted_events(piece.events, document.doc_id, chars, sentences)
        chars += len(piece.document.text)
        sentences += piece.sentences
    return Coded(document, events, sentences=sentences)
