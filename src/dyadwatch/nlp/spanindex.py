"""Sorted, cached views of a Doc's span groups, so that per-sentence and per-mention look-ups cost
the size of the answer (plus a binary search), not the size of the document.

Iterating `doc.spans[key]` builds a new Span object for every span of the document; doing that once
per sentence or per mention made coding quadratic in document length. `spans_of(doc, key)` builds
the list once and keeps it in `doc.user_data` until the group is replaced or changes length;
`spans_between(doc, key, start, end)` gives the spans that start in [start, end);
`words_between(doc, words, start, end)` the tokens of a few given words in a token range.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

_CACHE_KEY = "dyadwatch.spanindex"
_WORDS_KEY = "dyadwatch.wordindex"


@dataclass(frozen=True)
class _Index:
    group: object  # the SpanGroup the view was built from (identity and length tell staleness)
    length: int
    spans: tuple[Span, ...]  # by first token; spans starting together in the group's order
    starts: tuple[int, ...]


def _index(doc: Doc, key: str) -> _Index | None:
    if key not in doc.spans:
        return None
    group = doc.spans[key]
    cache: dict[str, _Index] = doc.user_data.setdefault(_CACHE_KEY, {})
    index = cache.get(key)
    if index is None or index.group is not group or index.length != len(group):
        spans = tuple(sorted(group, key=lambda s: s.start))  # stable: ties keep the group's order
        index = _Index(group, len(group), spans, tuple(s.start for s in spans))
        cache[key] = index
    return index


def spans_of(doc: Doc, key: str) -> tuple[Span, ...]:
    """Every span of doc.spans[key] in document order (empty when the group is missing)."""
    index = _index(doc, key)
    return index.spans if index is not None else ()


def spans_between(doc: Doc, key: str, start: int, end: int) -> tuple[Span, ...]:
    """The spans of doc.spans[key] whose first token lies in [start, end), in document order."""
    index = _index(doc, key)
    if index is None:
        return ()
    lo = bisect_left(index.starts, start)
    hi = bisect_left(index.starts, end, lo)
    return index.spans[lo:hi]



def words_between(doc: Doc, words: frozenset[str], start: int, end: int) -> list[Token]:
    """Tokens in [start, end) whose lower-case text is in `words` (positions indexed once per doc)."""
    cache: dict[frozenset[str], tuple[int, ...]] = doc.user_data.setdefault(_WORDS_KEY, {})
    positions = cache.get(words)
    if positions is None:
        positions = tuple(t.i for t in doc if t.lower_ in words)
        cache[words] = positions
    lo = bisect_left(positions, start)
    hi = bisect_left(positions, end, lo)
    return [doc[i] for i in positions[lo:hi]]
