"""The other party of a two-sided act whose own clause names only one side.

"X only sent junior officials to attend" and "X's delegation was downgraded" are acts towards
somebody the clause leaves out: the host of the occasion, usually named just before ("Y hosted a
reception, but X only sent ..."; "Y's ambassador skipped the parade. Similarly, X's delegation was
downgraded"). The counterpart is the nearest state actor of another country before the trigger in
its sentence, else the first one after it ("removed a plaque honouring Y's visit"), else the last one
in the previous sentence of the same paragraph.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from dyadwatch.actors.references import paragraph_numbers
from dyadwatch.nlp.extensions import ACTOR_SPANS
from dyadwatch.nlp.spanindex import spans_between
from dyadwatch.records import Actor


def counterpart(trigger: Token, sentence: Span, sources: list[Actor]) -> Actor | None:
    """The other party for `trigger`, or None when the context names none."""
    doc = trigger.doc
    own = {s.country for s in sources}
    before = [a for a in _state_mentions(doc, sentence.start, trigger.i) if a.country not in own]
    if before:
        return before[-1]
    after = [a for a in _state_mentions(doc, trigger.i + 1, sentence.end) if a.country not in own]
    if after:
        return after[0]
    previous = _previous_sentence(sentence)
    if previous is None:
        return None
    paragraphs = paragraph_numbers(doc)
    if paragraphs[previous.start] != paragraphs[sentence.start]:
        return None
    found = [a for a in _state_mentions(doc, previous.start, previous.end) if a.country not in own]
    return found[-1] if found else None


def _state_mentions(doc: Doc, start: int, end: int) -> list[Actor]:
    """Actors with a country among the mentions that start in tokens [start, end)."""
    spans = spans_between(doc, ACTOR_SPANS, start, end)
    return [span._.actor for span in spans if span._.actor is not None and span._.actor.country]


def _previous_sentence(sentence: Span) -> Span | None:
    if sentence.start == 0:
        return None
    return sentence.doc[sentence.start - 1].sent

