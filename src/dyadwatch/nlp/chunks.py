"""Long documents: coded in pieces below spaCy's `nlp.max_length`, stored as ONE document.

`split_text` cuts a text into consecutive pieces that join back to it exactly, each at most
`limit` characters, cutting after a paragraph break where it can, else after a sentence end,
else at a space, else (a run of `limit` characters without one) anywhere. `code_long` runs the
model's own stages (tokeniser, tagger, parser, NER and our sentence-boundary components) on each
piece, joins the pieces into one Doc (`Doc.from_docs`, offsets those of the whole text), and only
then runs actors, times and events, so an event's evidence and sentence index are the whole
document's and the timeline runs across pieces.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc

# The first component that needs the whole document (actors and everything after it).
FIRST_WHOLE_DOC_COMPONENT = "dyadwatch_actors"
# Pieces are at most this long even when nlp.max_length allows more: the parser needs about
# 1 GB of memory per 100,000 characters it sees at once.
MAX_PIECE_CHARS = 100_000
_CUTS = (re.compile(r"\n\s*"), re.compile(r"[.!?][\"'”’)\]]*\s+"), re.compile(r"\s+"))


def piece_limit(nlp: Language) -> int:
    """The longest piece `code_long` gives the model."""
    return max(1, min(nlp.max_length - 1, MAX_PIECE_CHARS))


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


def code_long(nlp: Language, text: str, prepare: Callable[[Doc], None],
              check: Callable[[], None] = lambda: None) -> Doc:
    """One Doc for `text`, coded piece by piece (see the module docstring).

    `prepare` sets the Doc's own attributes (id, publication date) on each piece and on the
    joined Doc; `check` runs between stages (a deadline) and may raise.
    """
    names = nlp.pipe_names
    split = names.index(FIRST_WHOLE_DOC_COMPONENT) if FIRST_WHOLE_DOC_COMPONENT in names else len(names)
    early, late = nlp.pipeline[:split], nlp.pipeline[split:]
    pieces: list[Doc] = []
    for piece_text in split_text(text, piece_limit(nlp)):
        piece = nlp.make_doc(piece_text)
        prepare(piece)
        for _, component in early:
            piece = component(piece)
            check()
        pieces.append(piece)
    doc = _joined(pieces)
    prepare(doc)
    for _, component in late:
        doc = component(doc)
        check()
    return doc


def _joined(pieces: list[Doc]) -> Doc:
    """The pieces as one Doc, their wire-dateline token ranges shifted to the joined tokens."""
    if len(pieces) == 1:
        return pieces[0]
    datelines: list[tuple[int, int]] = []
    offset = 0
    for piece in pieces:
        datelines += [(start + offset, end + offset) for start, end in (piece._.datelines or [])]
        offset += len(piece)
    for piece in pieces:
        piece._.datelines = None  # doc-level values differ between pieces; set once below
    doc = Doc.from_docs(pieces, ensure_whitespace=False)
    doc._.datelines = datelines
    return doc
