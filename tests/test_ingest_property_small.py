"""Property, 500 times: whatever JSON Lines records and file bytes come in, ingest raises nothing, every
input is stored or rejected with a reason, and the good documents of the same batch are stored.

Small batches coded by a tokenizer-only spaCy pipeline (`spacy.blank("en")`: no events come out; every
other step of `ingest`, reading, decoding, validating, cleaning, guarding, storing and assigning stories,
is the real one), so that many hostile inputs fit in the suite's time; test_ingest_property.py runs
large batches through the real pipeline."""
from __future__ import annotations

import itertools

import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dyadwatch.runner import ingest_paths
from dyadwatch.store import Store
from strategies import good_records, nasty_records, write_batch

_counter = itertools.count()

@st.composite
def small_batches(draw):
    n = next(_counter)
    nasty = draw(st.lists(nasty_records(), min_size=1, max_size=3))
    good = [draw(good_records(index=n * 100))] if draw(st.booleans()) else []
    files = draw(st.lists(st.tuples(st.sampled_from([".txt", ".html"]), st.binary(max_size=200)), max_size=1))
    return nasty, good, files


@pytest.fixture(scope="module")
def tokenizer_only():
    from dyadwatch.nlp import register_extensions

    register_extensions()
    return spacy.blank("en")


@pytest.fixture(scope="module")
def shared_store():
    """One in-memory store for all 500 batches (ids repeat across batches: a repeat is `already stored` or an
    id conflict); in memory, the batches spend their time in ingest rather than in syncing a file."""
    with Store(":memory:") as store:
        yield store


@pytest.mark.slow(seconds=22)
@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow, HealthCheck.data_too_large])
@given(small_batches())
def test_five_hundred_small_batches_never_crash_ingest(tmp_path_factory, tokenizer_only, shared_store, batch):
    nasty, good, files = batch
    folder = tmp_path_factory.mktemp("small")
    non_blank = write_batch(folder, nasty + good, files)
    report = ingest_paths([folder], shared_store, nlp=tokenizer_only, doc_timeout=20)
    assert all(shared_store.has_document(r["id"]) for r in good)
    assert all(r.reason and r.origin for r in report.rejected)
    assert report.seen == non_blank
    assert report.stored + report.already_stored + len(report.rejected) == non_blank
