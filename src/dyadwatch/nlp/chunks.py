"""Long documents: coded in pieces, stored as ONE document.

`split_text` cuts a text into consecutive pieces that join back to it exactly, each at most
`limit` characters, cutting after a paragraph break where it can, else after a sentence end,
else at a space, else (a run of `limit` characters without one) anywhere. `code_pieces` runs the
whole pipeline on each piece and shifts each event into the whole text: evidence offsets,
trigger offsets and sentence indices are the document's, and the events carry the document's id.

Pieces are at most PIECE_CHARS characters (and always below spaCy's `nlp.max_length`): several
stages look across a whole document, so their cost grows faster than its length, and a
10,000-character piece (a long article) is coded in about a second where a 1 MB text in one piece
would take hours; texts up to that length are coded whole.
What is lost at a piece boundary: a relative date or a counterpart taken from the previous
paragraph when that paragraph ended the previous piece.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc

from dyadwatch.records import Event, Evidence

PIECE_CHARS = 10_000
_CUTS = (re.compile(r"\n\s*"), re.compile(r"[.!?][\"'”’)\]]*\s+"), re.compile(r"\s+"))


def piece_limit(nlp: Language) -> int:
    """The longest text coded in one piece."""
    return max(1, min(nlp.max_length - 1, PIECE_CHARS))


def split_text(text: str, limit: int) -> list[str]:
    """Consecutive pieces of `text`, each at most `limit` characters, joining back to `text`."""
    if limit < 1:
        raise ValueError("limit must be positive")
    pieces: list[str] = []
    start = 0
    while len(text) - start > limit:
        end = _cut(text, start, start + limit)
        pieces.append(text[start:end])
        start = end
    if start < len(text) or not pieces:
        pieces.append(text[start:])
    return pieces


def _cut(text: str, start: int, stop: int) -> int:
    """The end of the next piece: the last good cut in text[start:stop], in order of preference."""
    window = text[start:stop]
    for pattern in _CUTS:
        ends = [m.end() for m in pattern.finditer(window) if m.end() < len(window) or stop == len(text)]
        ends = [e for e in ends if e > len(window) // 4] or ends  # not a tiny piece when a fair one exists
        if ends:
            return start + ends[-1]
    return stop


def code_pieces(nlp: Language, text: str, label: Callable[[Doc, int], Doc],
                check: Callable[[], None] = lambda: None) -> tuple[list[Event], list[Doc]]:
    """The events of `text` coded piece by piece (see the module docstring), and the pieces' Docs.

    `label(doc, k)` sets the k-th piece's own attributes (document id, publication date) before
    the pipeline runs; `check` runs after every component (a deadline) and may raise. Pieces after
    the first are coded under the id "<doc id>#<k>", which keeps their event ids distinct; their
    events then carry the document's id.
    """
    events: list[Event] = []
    docs: list[Doc] = []
    offset = sentences = 0
    for k, piece_text in enumerate(split_text(text, piece_limit(nlp))):
        doc = label(nlp.make_doc(piece_text), k)
        for _, component in nlp.pipeline:
            doc = component(doc)
            check()
        doc_id = doc._.doc_id if k == 0 else doc._.doc_id.rsplit("#", 1)[0]
        events += [_shifted(e, doc_id, offset, sentences) for e in doc._.events or []]
        docs.append(doc)
        offset += len(piece_text)
        sentences += sentence_count(doc)
    return events, docs


def sentence_count(doc: Doc) -> int:
    """How many sentences `doc` has (1 when nothing set sentence boundaries)."""
    return sum(1 for _ in doc.sents) if doc.has_annotation("SENT_START") else 1


def shifted_events(events: list[Event], doc_id: str, chars: int, sentences: int) -> list[Event]:
    """The events of a piece that starts `chars` characters and `sentences` sentences into document `doc_id`."""
    return [_shifted(e, doc_id, chars, sentences) for e in events]


def _shifted(event: Event, doc_id: str, chars: int, sentences: int) -> Event:
    """`event` of a piece that starts `chars` characters and `sentences` sentences into the document."""
    if chars == 0:
        return event
    evidence = Evidence(event.evidence.text, event.evidence.start + chars, event.evidence.end + chars)
    trigger = event.trigger_start + chars if event.trigger_start is not None else None
    return replace(event, doc_id=doc_id, sentence_index=event.sentence_index + sentences, evidence=evidence,
                   trigger_start=trigger)
