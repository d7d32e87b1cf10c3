"""The spaCy component "dyadwatch_time": every dated expression of a document, as doc.spans["times"].

It reads doc._.published (a date, datetime, ISO string or None), walks the sentences in order
and keeps the document's timeline, so that "at that time" or "the same night" take the date last
mentioned before them. Each span's span._.time is a dyadwatch.time.TimeValue. Expressions come
from our patterns (enough for spacy.blank("en")) plus the model's DATE/TIME entities that the
patterns missed; with a parser, future tense is read from the parse rather than from nearby words,
and a bare weekday's parse is repaired when it swallowed the verb's object ("met Peru Wednesday").
"""
from __future__ import annotations

from bisect import bisect_left
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc, Span

from dyadwatch.nlp.extensions import TIME_SPANS, register_extensions
from dyadwatch.time.expressions import (
    FutureTest,
    TimeMention,
    find_time_expressions,
    future_by_words,
    normalize_expression,
)
from dyadwatch.time.repair import detach_names_from_weekday
from dyadwatch.time.syntax import is_future_clause
from dyadwatch.time.timeline import Timeline
from dyadwatch.time.values import TimeValue, as_date

ENTITY_LABELS = ("DATE", "TIME")
PARTS_OF_DAY = {"morning", "afternoon", "evening", "night", "dawn", "noon", "midnight", "overnight"}


class TimeTagger:
    """Finds and dates the temporal expressions of a Doc (see the module docstring)."""

    def __call__(self, doc: Doc) -> Doc:
        published = as_date(doc._.published)
        parsed = doc.has_annotation("DEP")  # read once: each of these scans the whole doc
        entities = [e for e in doc.ents if e.label_ in ENTITY_LABELS] if doc.has_annotation("ENT_IOB") else []
        entity_starts = [e.start for e in entities]  # doc.ents come in text order
        timeline = Timeline()
        spans: list[Span] = []
        for sentence in _sentences(doc, parsed):
            first, last = bisect_left(entity_starts, sentence.start), bisect_left(entity_starts, sentence.end)
            inside = [e for e in entities[first:last] if e.end <= sentence.end]
            for mention in _sentence_mentions(sentence, published, parsed, inside):
                value = mention.value
                if mention.link is not None:
                    value = timeline.resolve(mention.link, mention.text)
                if value is None:
                    continue
                timeline.add(value)
                span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
                if span is None:
                    raise ValueError(f"time expression {mention.text!r} has no tokens in the doc")
                span = _with_part_of_day(span)
                if parsed:
                    detach_names_from_weekday(span)
                span._.time = value
                spans.append(span)
        doc.spans[TIME_SPANS] = spans
        return doc


@Language.factory("dyadwatch_time")
def make_time_tagger(nlp: Language, name: str) -> TimeTagger:
    """Factory for nlp.add_pipe("dyadwatch_time")."""
    register_extensions()
    return TimeTagger()


def _with_part_of_day(span: Span) -> Span:
    """"Tuesday evening": the part of the day is the head the parser hangs the weekday on."""
    doc = span.doc
    if span.end < len(doc) and doc[span.end].lower_ in PARTS_OF_DAY:
        return doc[span.start:span.end + 1]
    return span


def _sentences(doc: Doc, parsed: bool) -> list[Span]:
    """The doc's sentences, or the whole doc as one when it has no sentence boundaries."""
    if parsed or doc.has_annotation("SENT_START"):
        return list(doc.sents)
    return [doc[:]]


def _sentence_mentions(
    sentence: Span, published: date | None, parsed: bool, entities: list[Span]
) -> list[TimeMention]:
    """Pattern matches and otherwise-missed entities of one sentence, in doc character offsets."""
    offset = sentence.start_char
    future = _parsed_future_test(sentence) if parsed else future_by_words(sentence.text)
    found = [
        TimeMention(m.start + offset, m.end + offset, m.text, m.value, m.link)
        for m in find_time_expressions(sentence.text, published, future=future)
    ]
    for entity in entities:
        if any(m.start < entity.end_char and entity.start_char < m.end for m in found):
            continue
        value = normalize_expression(entity.text, published)
        if value is not None:
            found.append(TimeMention(entity.start_char, entity.end_char, entity.text, value=value))
    return sorted(found, key=lambda m: m.start)


def _parsed_future_test(sentence: Span) -> FutureTest:
    """The tense test for expressions found in `sentence.text`, read from the parse."""
    doc, offset = sentence.doc, sentence.start_char

    def test(start: int, end: int) -> bool:
        span = doc.char_span(start + offset, end + offset, alignment_mode="expand")
        return span is not None and is_future_clause(span)

    return test


def tag_times(doc: Doc) -> list[tuple[Span, TimeValue]]:
    """Convenience for callers outside a pipeline: run the tagger, return (span, value) pairs."""
    TimeTagger()(doc)
    return [(span, span._.time) for span in doc.spans[TIME_SPANS]]
