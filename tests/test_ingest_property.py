"""Property: whatever JSON Lines records and file bytes come in, ingest raises nothing, every input is
stored or rejected with a reason, and the good documents of the same batch are stored.
Here 30 large batches coded by the real pipeline; test_ingest_property_small.py runs 500 small ones."""
from __future__ import annotations

import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dyadwatch.runner import ingest_paths
from dyadwatch.store import Store
from strategies import good_records, nasty_records, write_batch

pytestmark = pytest.mark.model
_counter = itertools.count()
RECORDS_PER_EXAMPLE = 25  # with max_examples: over 500 records in all, in under a minute


@st.composite
def batches(draw):
    n = next(_counter)
    nasty = draw(st.lists(nasty_records(), min_size=10, max_size=RECORDS_PER_EXAMPLE))
    good = [draw(good_records(index=n * 100 + i)) for i in range(draw(st.integers(1, 3)))]
    files = draw(st.lists(st.tuples(st.sampled_from([".txt", ".html"]), st.binary(max_size=300)), max_size=2))
    return nasty, good, files


@pytest.mark.slow
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow, HealthCheck.data_too_large])
@given(batches())
def test_no_input_crashes_a_run_or_costs_a_good_document(tmp_path_factory, batch):
    nasty, good, files = batch
    folder = tmp_path_factory.mktemp("batch")
    non_blank = write_batch(folder, nasty + good, files)
    with Store(tmp_path_factory.mktemp("db") / "db.duckdb") as store:
        report = ingest_paths([folder], store, doc_timeout=20)
        stored = {d.doc_id for d in store.documents()}
        rejections = store.rejections()
    assert {r["id"] for r in good} <= stored
    assert all(r.reason and r.origin for r in rejections)
    assert report.seen == non_blank
    assert report.stored + report.already_stored + len(report.rejected) == non_blank

