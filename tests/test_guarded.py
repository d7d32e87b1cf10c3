"""Per-document guards: an exception or a runaway document in a batch costs only itself; pieces join."""
from __future__ import annotations

import threading
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language

from dyadwatch.guarded import code_guarded
from dyadwatch.nlp.chunks import split_text
from dyadwatch.pipeline import shared_pipeline
from dyadwatch.records import Document

BOOM, SLOW = "Zanzibarite", "Quuxville"


@Language.component("test_troublemaker")
def troublemaker(doc):
    if BOOM in doc.text:
        raise ValueError("boom")
    if SLOW in doc.text:
        for _ in range(60):
            time.sleep(0.05)  # a runaway stage: 3 s unless the budget stops it
    return doc


@pytest.fixture()
def nlp():
    model = shared_pipeline()
    model.add_pipe("test_troublemaker", after="dyadwatch_actors")
    yield model
    model.remove_pipe("test_troublemaker")


def _docs(*extra):
    texts = ["Chile recalled its ambassador from Peru on Monday.", *extra, "Japan praised India on Friday."]
    return [Document(f"g-{i}", t, "", f"o{i}") for i, t in enumerate(texts)]


@pytest.mark.model
def test_an_exception_in_one_document_does_not_cost_the_batch(nlp):
    coded = list(code_guarded(_docs(f"{BOOM} officials met Kenya."), nlp))
    assert [c.document.doc_id for c in coded] == ["g-0", "g-1", "g-2"]
    assert coded[1].failure.reason == "internal_error" and coded[1].failure.detail == "ValueError: boom"
    assert coded[0].failure is None and coded[0].events and coded[2].failure is None and coded[2].events


@pytest.mark.model
@pytest.mark.parametrize("in_thread", [False, True])
def test_a_runaway_document_is_rejected_as_timeout(nlp, in_thread):
    result = {}

    def run():
        result["coded"] = list(code_guarded(_docs(f"{SLOW} officials met Kenya."), nlp, doc_timeout=0.5))

    started = time.perf_counter()
    if in_thread:  # the web server's case: no signals, the budget is checked between components
        worker = threading.Thread(target=run)
        worker.start()
        worker.join()
    else:
        run()
    coded = result["coded"]
    assert [c.failure.reason if c.failure else "ok" for c in coded] == ["ok", "timeout", "ok"]
    if not in_thread:  # SIGALRM stops the stage itself; off the main thread it is stopped when it returns
        assert time.perf_counter() - started < 2.5


@settings(max_examples=200, deadline=None)
@given(st.text(st.sampled_from("ab .\n"), max_size=200), st.integers(1, 40))
def test_pieces_join_back_and_respect_the_limit(text, limit):
    pieces = split_text(text, limit)
    assert "".join(pieces) == text and all(len(p) <= limit for p in pieces)


def test_pieces_end_at_paragraphs_when_they_can():
    text = "One two three.\n\nFour five six seven.\n\nEight nine."
    assert split_text(text, 25) == ["One two three.\n\n", "Four five six seven.\n\n", "Eight nine."]
