"""Setting many sentence starts on an unparsed Doc in one pass.

spaCy's `token.is_sent_start = ...` checks `doc.has_annotation("DEP")` on every assignment, and on an
unparsed doc that check reads every token: setting one start per paragraph or per dateline token cost
the square of the document's length. `set_sentence_starts` writes them all through one array.
"""
from __future__ import annotations

import numpy
from spacy.attrs import SENT_START
from spacy.tokens import Doc

_VALUES = {True: 1, False: -1, None: 0}  # spaCy's encoding of TokenC.sent_start


def set_sentence_starts(doc: Doc, starts: dict[int, bool | None]) -> None:
    """Set token i's is_sent_start to starts[i] for every i (as the token setter would, in one pass)."""
    if not starts:
        return
    if doc.has_annotation("DEP"):
        raise ValueError("sentence starts cannot be set on a parsed Doc")
    array = doc.to_array(SENT_START).astype(numpy.int64)
    for i, value in starts.items():
        array[i] = _VALUES[value]
    doc.from_array([SENT_START], array.astype(numpy.uint64))
