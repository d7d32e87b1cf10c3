"""The stories stage in batches: one transaction per batch, the same rows as one document per transaction,
and a failure leaves the whole batch pending."""
from __future__ import annotations

import pytest

import dyadwatch.stories.assign as assign
from dyadwatch.store import Store
from dyadwatch.stories import assign_stories
from dyadwatch.stories.state import pending_documents
from test_stories_store import CORPUS

STORY_TABLES = ("doc_signatures", "doc_lsh", "doc_profiles", "doc_terms", "stories", "story_documents",
                "story_links", "event_features", "clusters")


def stored(path) -> Store:
    store = Store(path)
    for document, events in CORPUS:
        store.writer.save_document(document, events)
    return store


def snapshot(store: Store) -> dict[str, list]:
    tables = {t: sorted(map(repr, store.sql(f"SELECT * FROM {t}"))) for t in STORY_TABLES}
    tables["events"] = sorted(store.sql("SELECT event_id, cluster_id FROM events"))
    return tables


@pytest.mark.parametrize("size", [1, 2, 64])
def test_any_batch_size_writes_the_same_rows(size, monkeypatch):
    with stored(":memory:") as reference:
        monkeypatch.setattr(assign, "BATCH_DOCUMENTS", 1)
        assign_stories(reference)
        monkeypatch.setattr(assign, "BATCH_DOCUMENTS", size)
        with stored(":memory:") as batched:
            assert assign_stories(batched).documents == len(CORPUS)
            assert snapshot(batched) == snapshot(reference)
            assert any(cid for _, cid in snapshot(batched)["events"])  # something was clustered


def test_a_failure_rolls_back_its_batch_and_leaves_it_pending(monkeypatch):
    monkeypatch.setattr(assign, "BATCH_DOCUMENTS", 2)
    real = assign.plan_document
    planned = []

    def failing(store, document, events, report):
        planned.append(document.doc_id)
        if len(planned) == 4:
            raise RuntimeError("disk on fire")
        return real(store, document, events, report)

    monkeypatch.setattr(assign, "plan_document", failing)
    with stored(":memory:") as store:
        order = pending_documents(store)
        with pytest.raises(RuntimeError):
            assign_stories(store)
        assert pending_documents(store) == order[2:]  # the first batch committed, the failing one rolled back
        assert not store.writer.in_batch
        monkeypatch.setattr(assign, "plan_document", real)
        assert assign_stories(store).documents == len(CORPUS) - 2
        with stored(":memory:") as fresh:
            assign_stories(fresh)
            assert snapshot(store) == snapshot(fresh)


def test_reads_in_a_batch_see_its_writes_and_a_rollback_forgets_them():
    with stored(":memory:") as store:
        with pytest.raises(KeyError):
            with store.writer.batch():
                row = ("s-test", 1, None, None)
                store.writer.save_story_rows(assign.StoryRows(rows={"stories": [row]}))
                assert store.sql("SELECT story_id FROM stories") == [("s-test",)]
                raise KeyError("abandon")
        assert store.sql("SELECT story_id FROM stories") == []


def test_events_and_documents_by_batch_equal_one_by_one():
    with stored(":memory:") as store:
        ids = [d.doc_id for d, _ in CORPUS] + ["missing"]
        events = store.events_of_documents(ids)
        assert set(events) == {d.doc_id for d, _ in CORPUS}
        for doc_id, found in events.items():
            assert found == store.events(doc_id=doc_id)
        assert store.documents_by_ids(ids) == {d.doc_id: store.document(d.doc_id) for d, _ in CORPUS}
