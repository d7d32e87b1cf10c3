"""The indexes that keep coding linear give what the document-wide scans they replace gave."""
from __future__ import annotations

import random

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Span

from dyadwatch.coding.unresolved import _entity_at
from dyadwatch.nlp.sentstarts import set_sentence_starts
from dyadwatch.nlp.spanindex import spans_between, spans_of, words_between
from dyadwatch.time import patterns as p
from dyadwatch.time.expressions import ends_before, find_time_expressions

NLP = spacy.blank("en")


def _doc(n: int):
    return NLP.make_doc(" ".join(random.Random(n).choice(["the", "other", "talks", "Chile", "met"]) for _ in range(n)))


@settings(max_examples=60, deadline=None)
@given(st.integers(5, 60), st.data())
def test_spans_between_is_the_filtered_group(n, data):
    doc = _doc(n)
    starts = data.draw(st.lists(st.integers(0, n - 1), max_size=12))
    doc.spans["x"] = [Span(doc, s, min(n, s + 1 + s % 3), label="A") for s in starts]
    lo = data.draw(st.integers(0, n))
    hi = data.draw(st.integers(lo, n))
    expected = sorted((s for s in doc.spans["x"] if lo <= s.start < hi), key=lambda s: s.start)
    assert [(s.start, s.end) for s in spans_between(doc, "x", lo, hi)] == [(s.start, s.end) for s in expected]


def test_span_index_follows_a_replaced_or_grown_group():
    doc = _doc(20)
    doc.spans["x"] = [Span(doc, 3, 4)]
    assert len(spans_of(doc, "x")) == 1
    doc.spans["x"] = [Span(doc, 1, 2), Span(doc, 5, 6)]
    assert [s.start for s in spans_of(doc, "x")] == [1, 5]
    doc.spans["x"].append(Span(doc, 0, 1))
    assert [s.start for s in spans_of(doc, "x")] == [0, 1, 5]
    assert spans_between(doc, "missing", 0, 20) == ()


def test_words_between():
    doc = _doc(50)
    expected = [t.i for t in doc[10:40] if t.lower_ in {"other", "chile"}]
    assert [t.i for t in words_between(doc, frozenset({"other", "chile"}), 10, 40)] == expected


@settings(max_examples=60, deadline=None)
@given(st.integers(2, 40), st.data())
def test_sentence_starts_in_one_pass_match_the_token_setter(n, data):
    changes = data.draw(st.dictionaries(st.integers(0, n - 1), st.sampled_from([True, False, None]), max_size=n))
    one, other = _doc(n), _doc(n)
    for i, value in changes.items():
        one[i].is_sent_start = value
    set_sentence_starts(other, changes)
    assert [t.is_sent_start for t in one] == [t.is_sent_start for t in other]


def test_entity_at_agrees_with_doc_ents():
    doc = _doc(30)
    doc.ents = [Span(doc, 2, 5, label="ORG"), Span(doc, 5, 6, label="GPE"), Span(doc, 10, 14, label="PERSON")]
    for token in doc:
        expected = next(((e.start, e.end, e.label_) for e in doc.ents if e.start <= token.i < e.end), None)
        found = _entity_at(token)
        assert (None if found is None else (found.start, found.end, found.label_)) == expected


TEXT = st.lists(st.sampled_from(["before", "by", "the", "its", "in", "within", "Good", "USA", "  ", " ", "x",
                                 "prior to", "’s", "-"]), max_size=40).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(TEXT)
@pytest.mark.parametrize("pattern", [p.BOUND_BEFORE, p.DETERMINER_BEFORE, p.DURATION_BEFORE, p.IN_BEFORE,
                                     p.NAME_BEFORE_WEEKDAY, p.TITLE_BEFORE], ids=lambda x: x.pattern[:20])
def test_windowed_tail_patterns_agree_with_the_whole_prefix(pattern, text):
    assert ends_before(pattern, text, len(text)) == bool(pattern.search(text))


def test_many_dates_in_one_sentence_are_all_found():
    clauses = [f"talks on {month} {day}, 2023" for month in ("March", "June") for day in range(1, 29)]
    text = "Officials held " + ", then ".join(clauses) + "."
    found = find_time_expressions(text)
    assert len([m for m in found if m.value is not None]) == len(clauses)
