"""Turn-taking with readers: the writer gives the file up only when a reader asked, and not too often."""
from __future__ import annotations

from dyadwatch.store import Store
from dyadwatch.store.sharing import TurnTaking, ask_for_turn, marker_path
from test_store import document, event


def test_a_turn_is_due_only_when_asked_and_not_sooner_than_the_interval(tmp_path):
    db = tmp_path / "x.duckdb"
    turns = TurnTaking(db, every=0.0)
    assert not turns.due()  # nobody asked
    ask_for_turn(db)
    assert turns.due() and not marker_path(db).exists()  # the request is taken
    assert not turns.due()
    slow = TurnTaking(db, every=3600.0)
    ask_for_turn(db)
    assert not slow.due() and marker_path(db).exists()  # asked, but the last turn was too recent


def test_after_giving_way_the_writer_opens_the_file_again_and_goes_on(tmp_path):
    db = tmp_path / "x.duckdb"
    with Store(db) as store:
        store._turns = TurnTaking(db, every=0.0)
        store.writer.save_document(document("d1"), [event("d1", 1)])
        first = store._con
        assert not store.give_way_if_asked()  # nobody asked: the same connection
        ask_for_turn(db)
        assert store.give_way_if_asked() and store._con is not first
        store.writer.save_document(document("d2"), [event("d2", 1)])
    with Store(db, read_only=True) as store:
        assert store.counts()["documents"] == 2 and store.counts()["events"] == 2
    assert not marker_path(db).exists()
