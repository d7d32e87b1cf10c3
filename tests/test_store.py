"""The DuckDB store: exact round trips, idempotent and atomic writes, resume, queries, db path."""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import duckdb
import pytest

from dyadwatch.ingest import prepare, read_inputs
from dyadwatch.records import Actor, Attribution, Document, Event, Evidence, Rejection
from dyadwatch.store import SchemaError, Store, resolve_db_path
from dyadwatch.store.schema import schema_sql
from dyadwatch.store.writer import StoreWriter

PRK = Actor("North Korean leader Kim Jong-un", "PRKGOV", "PRK", "GOV", "Kim Jong-un")
CHN = Actor("China", "CHN", "CHN", None)
RUS = Actor("Moscow", "RUSGOV", "RUS", "GOV")
UN = Actor("the UN Security Council", "IGOUNO", None, None)


def document(doc_id: str, published: date | None = date(2024, 7, 31)) -> Document:
    text = f"Report {doc_id}: Pyongyang told its envoys to ignore Beijing, officials said."
    return Document(doc_id=doc_id, text=text, content_hash=f"hash-{doc_id}", origin=f"batch.jsonl:{doc_id}",
                    title=f"Title {doc_id}", url=f"https://wire.test/{doc_id}", outlet="wire.test",
                    published=published)


def event(doc_id: str, n: int, source: Actor | None = PRK, target: Actor | None = CHN, *, plover: str = "REJECT",
          status: str = "asserted", when: str | None = "2024-07-11", cluster_id: str | None = None) -> Event:
    return Event(event_id=f"e-{doc_id}-{n}", doc_id=doc_id, sentence_index=n, source=source, target=target,
                 cameo="120", plover=plover, goldstein=-4.0, quad_class=3, status=status, date=when,
                 date_basis="explicit" if when else None, evidence=Evidence("told its envoys to ignore", 20 + n, 45 + n),
                 attribution=[Attribution("officials", "official"), Attribution("Yonhap", "agency")],
                 cluster_id=cluster_id, trigger="told ... to ignore")


@pytest.fixture
def db(tmp_path) -> Path:
    return tmp_path / "sub" / "dyadwatch.duckdb"


def test_documents_and_events_round_trip_exactly(db):
    events = [event("a", 0), event("a", 1, target=None, when=None), event("a", 2, source=UN, target=RUS),
              Event("e-a-3", "a", 3, Actor("", "", None), None, "010", "CONSULT", 0.0, 1, "hypothetical",
                    "2024", "relative", Evidence("x", 0, 1))]
    with Store(db) as store:
        assert store.writer.save_document(document("a"), events)
    with Store(db, read_only=True) as store:
        assert store.document("a") == document("a")
        assert store.documents() == [document("a")]
        loaded = store.events(doc_id="a")
    assert loaded == events
    assert [Event.from_dict(e.to_dict()) for e in loaded] == events


def test_document_with_many_events_round_trips(db):
    events = [event("long", n) for n in range(450)]  # more than one INSERT statement's worth
    with Store(db) as store:
        assert store.writer.save_document(document("long"), events)
        assert store.events() == events


def test_document_without_published_date_round_trips(db):
    with Store(db) as store:
        store.writer.save_document(document("nodate", published=None), [])
        assert store.document("nodate").published is None
        assert store.document("missing") is None


def test_saving_a_document_twice_writes_it_once(db):
    with Store(db) as store:
        assert store.writer.save_document(document("a"), [event("a", 0)]) is True
        assert store.writer.save_document(document("a"), [event("a", 0), event("a", 1)]) is False
        assert store.counts() == {"documents": 1, "events": 1, "asserted_events": 1, "rejections": 0}
        assert store.has_document("a") and not store.has_document("b")


def test_rejections_are_saved_once_per_id(db):
    rej = Rejection("r-1", "in.jsonl:3", "bad_json", "Expecting value at column 1", None)
    with Store(db) as store:
        assert store.writer.save_rejection(rej) is True
        assert store.writer.save_rejection(rej) is False
        assert store.rejections() == [rej]


def test_failed_save_leaves_nothing_of_the_document(db):
    duplicate_ids = [event("a", 0), event("a", 0)]  # violates the events primary key mid-save
    with Store(db) as store:
        with pytest.raises(duckdb.ConstraintException):
            store.writer.save_document(document("a"), duplicate_ids)
        assert not store.has_document("a") and store.events() == []
        assert store.writer.save_document(document("a"), [event("a", 0)])  # the connection is still usable
    with Store(db, read_only=True) as store:
        assert store.counts()["documents"] == 1 and len(store.events()) == 1


def test_interrupted_save_rolls_back(db, monkeypatch):
    def write_then_die(con, doc, events):
        con.execute("INSERT INTO documents (doc_id, text, content_hash, origin) VALUES (?, ?, ?, ?)",
                    [doc.doc_id, doc.text, doc.content_hash, doc.origin])
        raise KeyboardInterrupt

    with Store(db) as store:
        monkeypatch.setattr(StoreWriter, "_write_document", staticmethod(write_then_die))
        with pytest.raises(KeyboardInterrupt):
            store.writer.save_document(document("b"), [event("b", 0)])
        assert not store.has_document("b")
    with Store(db, read_only=True) as store:
        assert store.counts()["documents"] == 0


def test_events_must_belong_to_their_document(db):
    with Store(db) as store, pytest.raises(ValueError):
        store.writer.save_document(document("a"), [event("other", 0)])


def test_resume_after_half_a_batch_loses_and_duplicates_nothing(db):
    batch = [(document(f"doc-{i}"), [event(f"doc-{i}", n) for n in range(i % 3)]) for i in range(6)]
    with Store(db) as store:
        for doc, events in batch[:3]:
            store.writer.save_document(doc, events)
    with Store(db) as store:
        saved = [store.writer.save_document(doc, events) for doc, events in batch]
        assert saved == [False, False, False, True, True, True]
        assert store.documents() == [doc for doc, _ in batch]
        assert store.events() == [e for _, events in batch for e in events]
        assert store.sql("SELECT count(*), count(DISTINCT event_id) FROM events") == [(6, 6)]


@pytest.fixture
def filled(db) -> Path:
    with Store(db) as store:
        w = store.writer
        w.save_document(document("a"), [event("a", 0), event("a", 1, CHN, PRK, plover="ACCUSE", when="2024-07"),
                                        event("a", 2, when=None), event("a", 3, status="negated", when="2024-06-02")])
        w.save_document(document("b"), [event("b", 0, RUS, PRK, plover="COOPERATE", when="2024-06-19"),
                                        event("b", 1, UN, PRK, plover="SANCTION", when="2016-03-02"),
                                        event("b", 2, RUS, PRK, plover="CONSULT", when="2023-09-13"),
                                        event("b", 3, PRK, target=None, plover="MOBILIZE", when="2024-05-27")])
        w.save_rejection(Rejection("r-x", "x.txt", "non_english", "", None))
    return db


def ids(events: list[Event]) -> list[str]:
    return [e.event_id for e in events]


def test_event_filters(filled):
    with Store(filled, read_only=True) as s:
        assert ids(s.events()) == ["e-a-0", "e-a-1", "e-a-2", "e-a-3", "e-b-0", "e-b-1", "e-b-2", "e-b-3"]
        assert ids(s.events(dyad=("chn", "prk"))) == ["e-a-0", "e-a-1", "e-a-2", "e-a-3"]
        assert ids(s.events(dyad=("PRK", "RUS"))) == ["e-b-0", "e-b-2"]
        assert ids(s.events(dyad=("IGO", "PRK"))) == ["e-b-1"]
        assert ids(s.events(since="2024-06")) == ["e-a-0", "e-a-1", "e-a-3", "e-b-0"]
        assert ids(s.events(until="2024-06")) == ["e-a-3", "e-b-0", "e-b-1", "e-b-2", "e-b-3"]
        assert ids(s.events(since="2024-07-01", until="2024-07-31")) == ["e-a-0"]  # "2024-07" is not after 07-01
        assert ids(s.events(since="2024", until="2024")) == ["e-a-0", "e-a-1", "e-a-3", "e-b-0", "e-b-3"]
        assert ids(s.events(plover="ACCUSE")) == ["e-a-1"]
        assert ids(s.events(status="negated")) == ["e-a-3"]
        assert ids(s.events(doc_id="b", dyad=("RUS", "PRK"), since="2024")) == ["e-b-0"]


def test_counts_and_dyad_months(filled):
    with Store(filled, read_only=True) as s:
        assert s.counts() == {"documents": 2, "events": 8, "asserted_events": 7, "rejections": 1}
        assert s.dyad_month_counts() == [("CHN-PRK", "2024-07", 2), ("PRK-RUS", "2023-09", 1),
                                         ("PRK-RUS", "2024-06", 1), ("IGO-PRK", "2016-03", 1)]
        assert s.dyad_month_counts(limit_dyads=1) == [("CHN-PRK", "2024-07", 2)]


def test_cluster_ids(filled):
    with Store(filled) as s:
        assert s.writer.set_cluster_ids({"e-a-0": "c-1", "e-b-0": "c-1", "e-nope": "c-9"}) == 2
        assert ids(s.events(cluster_id="c-1")) == ["e-a-0", "e-b-0"]
        s.writer.set_cluster_ids({"e-a-1": "c-2"}, replace=True)
        assert ids(s.events(cluster_id="c-1")) == [] and ids(s.events(cluster_id="c-2")) == ["e-a-1"]


def test_sql_reads_but_never_writes(filled):
    with Store(filled) as s:
        assert s.sql("SELECT plover FROM events WHERE doc_id = ? AND sentence_index = ?", ["b", 1]) == [("SANCTION",)]
        with pytest.raises(PermissionError):
            s.sql("DELETE FROM events")
        assert s.sql("WITH x AS (SELECT 1) SELECT count(*) FROM events") == [(8,)]


def test_read_only_store_has_no_writer_and_needs_an_existing_file(filled, tmp_path):
    with Store(filled, read_only=True) as s, pytest.raises(PermissionError):
        s.writer
    with pytest.raises(FileNotFoundError):
        Store(tmp_path / "absent.duckdb", read_only=True)


def test_newer_schema_is_refused(db):
    Store(db).close()
    con = duckdb.connect(str(db))
    con.execute("INSERT INTO schema_version (version) VALUES (99)")
    con.close()
    with pytest.raises(SchemaError):
        Store(db)
    with pytest.raises(SchemaError):
        Store(db, read_only=True)


def test_a_version_1_store_is_upgraded_by_a_writer_and_refused_by_a_reader(db):
    version_1 = re.sub(r",\n\s*trigger_start[^\n]*", "", schema_sql())
    version_1 = re.sub(r"ALTER TABLE events ADD COLUMN[^\n]*", "", version_1)
    db.parent.mkdir(parents=True)
    con = duckdb.connect(str(db))
    con.execute(version_1)
    con.execute("INSERT INTO schema_version (version) VALUES (1)")
    assert "trigger_start" not in {r[0] for r in con.execute("DESCRIBE events").fetchall()}
    con.close()
    with pytest.raises(SchemaError, match="older"):
        Store(db, read_only=True)
    with Store(db) as store:
        store.writer.save_document(document("new"), [event("new", 0)])
    with Store(db, read_only=True) as store:
        assert [e.event_id for e in store.events()] == ["e-new-0"]


def test_events_of_a_sentence_come_out_in_text_order(db):
    second = replace(event("d", 0), event_id="e-0000", trigger_start=40)
    first = replace(event("d", 0), event_id="e-ffff", trigger_start=12)
    with Store(db) as store:
        store.writer.save_document(document("d"), [second, first])
        assert [e.event_id for e in store.events()] == ["e-ffff", "e-0000"]


def test_db_path_precedence(monkeypatch):
    monkeypatch.delenv("DYADWATCH_DB", raising=False)
    assert resolve_db_path(None) == Path("dyadwatch.duckdb")
    monkeypatch.setenv("DYADWATCH_DB", "/data/env.duckdb")
    assert resolve_db_path(None) == Path("/data/env.duckdb")
    assert resolve_db_path("cli.duckdb") == Path("cli.duckdb")


def test_read_prepare_and_store_a_folder_without_the_model(tmp_path, db):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(
        "Border crossings reopen\n\nThailand and Cambodia agreed on Friday to reopen two border crossings that "
        "had been closed since the spring, the Thai foreign ministry said after talks in Bangkok.\n", encoding="utf-8")
    (folder / "german.txt").write_text(
        "Die Regierung hat am Montag in Berlin neue Gespräche mit der Delegation aus Peking begonnen, und die "
        "Beratungen sollen nach Angaben des Ministeriums noch bis zum Ende der Woche dauern.\n", encoding="utf-8")
    (folder / "broken.jsonl").write_text('{"id": "x", "text": \n', encoding="utf-8")
    (folder / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    with Store(db) as store:
        for _ in range(2):  # the second run changes nothing
            for item in read_inputs([folder]):
                result = item if isinstance(item, Rejection) else prepare(item)
                if isinstance(result, Rejection):
                    store.writer.save_rejection(result)
                else:
                    store.writer.save_document(result, [])
        assert sorted(r.reason for r in store.rejections()) == ["bad_json", "non_english", "unsupported_type"]
        assert [d.title for d in store.documents()] == ["Border crossings reopen"]
