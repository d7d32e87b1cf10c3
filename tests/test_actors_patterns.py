"""The actor finder's PhraseMatcher patterns: LOWER hashes without building Docs, cached by content."""
from __future__ import annotations

import copy

from spacy.tokens import Doc

from dyadwatch.actors.gazetteer import AgentEntry, load_gazetteer, tokenizer_pipeline
from dyadwatch.actors.matching import PieceFinder, lowercase_patterns


def test_patterns_are_the_lower_attributes_a_doc_would_give(base_nlp):
    gazetteer = load_gazetteer()
    keys = list(gazetteer.names) + list(gazetteer.agents) + sorted(gazetteer.blocks) + list(gazetteer.conditional)
    vocab = base_nlp.vocab
    expected = [[token.lower for token in Doc(vocab, words=list(key))] for key in keys]
    assert lowercase_patterns(vocab, keys) == expected


def test_mixed_case_words_hash_as_lowercase():
    vocab = tokenizer_pipeline().vocab
    assert lowercase_patterns(vocab, [("Foreign", "MINISTRY")]) == lowercase_patterns(vocab, [("foreign", "ministry")])


def test_a_changed_gazetteer_is_not_served_the_cached_patterns(tmp_path, monkeypatch):
    monkeypatch.setenv("DYADWATCH_CACHE", str(tmp_path))
    nlp = tokenizer_pipeline()
    shipped = load_gazetteer()
    PieceFinder(nlp.vocab, shipped)  # warms the cache with the shipped keys
    changed = copy.copy(shipped)
    changed.agents = {**shipped.agents, ("zorblax", "wardens"): AgentEntry("MIL", "strong")}
    finder = PieceFinder(nlp.vocab, changed)
    doc = nlp("The Zorblax wardens moved in.")
    assert [(p.start, p.end, p.kind) for p in finder.pieces(doc)] == [(1, 3, "agent")]
    assert len(list(tmp_path.glob("actor-patterns-*.pickle"))) == 2
    assert PieceFinder(nlp.vocab, shipped).pieces(doc) == []  # and the shipped keys still get theirs
