"""The relation units table: the relations index read from it equals the one computed from events,
whatever was written since (new documents, cluster changes, a re-ingest, a killed run and its resume)."""
from __future__ import annotations

import random
from dataclasses import asdict
from datetime import date
from pathlib import Path

import pytest

from dyadwatch.records import Actor, Document, Event, Evidence
from dyadwatch.relations import relations
from dyadwatch.relations.evidence import unit_views
from dyadwatch.relations.periods import parse_period
from dyadwatch.relations.units import Dyad, UnitSource
from dyadwatch.store import Store
from dyadwatch.store.writer import StoryRows

ACTORS = [Actor("Pyongyang", "PRKGOV", "PRK", "GOV"), Actor("Beijing", "CHNMIL", "CHN", "MIL"),
          Actor("Moscow", "RUSGOV", "RUS", "GOV"), Actor("Washington", "USABUS", "USA", "BUS"),
          Actor("the relief agency", "NGOHLH", None, None)]
CODES = [("040", "CONSULT", 1.0, 1), ("057", "AGREE", 8.0, 1), ("070", "AID", 7.4, 2), ("111", "ACCUSE", -2.0, 3),
         ("130", "THREATEN", -4.4, 3), ("190", "ASSAULT", -10.0, 4)]
DYADS = [("PRK", "CHN"), ("CHN", "RUS"), ("USA", "NGO"), ("PRK", "USA"), ("RUS", "USA")]


def _date(rng: random.Random) -> str | None:
    day = date(2019, 1, 1).toordinal() + rng.randrange(5 * 365)
    full = date.fromordinal(day).isoformat()
    return rng.choice([full, full, full, full[:7], full[:4], None])


def _event(doc_id: str, n: int, rng: random.Random) -> Event:
    source, target = rng.sample(ACTORS[:4] if rng.random() < 0.8 else ACTORS, 2)
    cameo, plover, goldstein, quad = rng.choice(CODES)
    text = f"Officials described step {n} of the talks."
    return Event(event_id=f"e-{doc_id}-{n}", doc_id=doc_id, sentence_index=n, source=source,
                 target=None if rng.random() < 0.05 else target, cameo=cameo, plover=plover, goldstein=goldstein,
                 quad_class=quad, status=rng.choice(["asserted"] * 4 + ["negated", "hypothetical"]),
                 date=_date(rng), date_basis="explicit", evidence=Evidence(text, 0, len(text)))


def _document(doc_id: str) -> Document:
    return Document(doc_id=doc_id, text="A digest of wire reports.", content_hash=f"h-{doc_id}", origin="test",
                    title="Digest", outlet="Wire", published=date(2024, 1, 1))


def _save(store: Store, doc_ids: range, rng: random.Random) -> list[str]:
    event_ids = []
    for i in doc_ids:
        events = [_event(f"d{i}", n, rng) for n in range(rng.randrange(1, 6))]
        store.writer.save_document(_document(f"d{i}"), events)
        event_ids += [e.event_id for e in events]
    return event_ids


def _clusters(event_ids: list[str], rng: random.Random, prefix: str) -> dict[str, str]:
    """Random clusters of 2-4 events (across dyads and directions too)."""
    ids = list(event_ids)
    rng.shuffle(ids)
    mapping, i = {}, 0
    while i < len(ids) * 0.6:
        size = rng.randrange(2, 5)
        mapping.update({eid: f"{prefix}{i}" for eid in ids[i:i + size]})
        i += size
    return mapping


ALL_QUERIES = ({"by": "month"}, {"by": "quarter"}, {"by": "year"}, {"by": "week"}, {"by": "day"},
               {"by": "month", "since": "2020-03", "until": "2022"}, {"by": "month", "since": "2021-02-15"},
               {"by": "month", "count": "reports"}, {"by": "month", "directed": True})


def _assert_same(store: Store, expect_stored: bool | None = None, queries: tuple[dict, ...] = ({"by": "month"},)) -> None:
    """The index and units read through relation_units equal those computed from the events table."""
    for a, b in DYADS:
        if expect_stored is not None:
            assert (UnitSource(store).stored_units(Dyad(a, b)) is not None) == expect_stored
        for kwargs in queries:
            stored = relations(store, a, b, **kwargs)
            direct = relations(store, a, b, materialized=False, **kwargs)
            assert asdict(stored) == asdict(direct), (a, b, kwargs)
        dyad = Dyad(a, b)
        within = [parse_period("2020-05"), parse_period("2021-Q2")]
        assert UnitSource(store).units(dyad, within=within) == UnitSource(store, materialized=False).units(dyad, within=within)
        assert UnitSource(store).units(dyad) == UnitSource(store, materialized=False).units(dyad)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    rng = random.Random(16)
    path = tmp_path / "units.duckdb"
    with Store(path) as store:
        ids = _save(store, range(60), rng)
        clusters = _clusters(ids, rng, "c-")
        store.writer.set_cluster_ids(clusters)
        # half the clusters have a row in `clusters` with their independent origins (the rest count documents)
        rows = [(cid, "CONSULT", "040", None, None, None, 2, 2, 2, 7 + n % 3, "[]", "[]")
                for n, cid in enumerate(sorted(set(clusters.values()))) if n % 2]
        store.writer.save_story_rows(StoryRows(rows={"clusters": rows}))
    return path


def test_units_table_gives_the_direct_answer_and_is_used(db):
    with Store(db, read_only=True) as store:
        assert store.sql("SELECT count(*) FROM relation_units")[0][0] > 0
        assert store.sql("SELECT count(*) FROM relation_pending")[0][0] == 0
        _assert_same(store, expect_stored=True, queries=ALL_QUERIES)


def test_origins_come_from_the_clusters_table_by_either_lookup(db, monkeypatch):
    with Store(db, read_only=True) as store:
        direct = UnitSource(store, materialized=False).units(Dyad("PRK", "CHN"))
        assert {u.independent_origins for u in direct} >= {1, 7, 8}
        assert UnitSource(store).units(Dyad("PRK", "CHN")) == direct
        monkeypatch.setattr("dyadwatch.relations.units.ORIGIN_LOOKUPS", 1)
        assert UnitSource(store).units(Dyad("PRK", "CHN")) == direct


def test_drill_down_from_the_table_reaches_the_reports(db):
    with Store(db, read_only=True) as store:
        units = UnitSource(store).units(Dyad("PRK", "CHN"))
        views = unit_views(store, units, max_reports=10)
        clustered = [u for u in units if u.n_reports > 1]
    assert clustered and all(len(v.reports) == v.n_reports for v in views)
    assert all(set(u.event_ids) == {r.event_id for r in v.reports} for u, v in zip(units, views))


def test_new_documents_are_read_from_events_until_refreshed_then_from_the_table(db):
    rng = random.Random(7)
    store = Store(db)  # closed without `with`: no refresh
    _save(store, range(60, 70), rng)
    assert store.sql("SELECT count(*) FROM relation_pending")[0][0] > 0
    _assert_same(store)
    store.close()
    with Store(db, read_only=True) as reader:
        assert any(UnitSource(reader).stored_units(Dyad(a, b)) is None for a, b in DYADS)
        _assert_same(reader)
    with Store(db) as store:
        store.writer.save_document(_document("d3"), [])  # a re-ingest of a stored document changes nothing
    with Store(db, read_only=True) as reader:
        _assert_same(reader, expect_stored=True)


def test_cluster_changes_mark_their_dyads_and_replacing_all_rebuilds(db):
    rng = random.Random(3)
    with Store(db) as store:
        ids = [row[0] for row in store.sql("SELECT event_id FROM events WHERE status = 'asserted' ORDER BY event_id")]
        store.writer.set_cluster_ids({ids[0]: "c-new", ids[1]: "c-new", ids[2]: "c-new"})
        assert store.sql("SELECT count(*) FROM relation_pending")[0][0] > 0
        _assert_same(store)
    with Store(db, read_only=True) as reader:
        _assert_same(reader, expect_stored=True)
    with Store(db) as store:
        store.writer.set_cluster_ids(_clusters(ids, rng, "k-"), replace=True)
        assert store.sql("SELECT count(*) FROM relation_state")[0][0] == 0
        _assert_same(store, expect_stored=False)
    with Store(db, read_only=True) as reader:
        _assert_same(reader, expect_stored=True)
    with Store(db) as store:
        store.writer.clear_stories()
    with Store(db, read_only=True) as reader:
        assert reader.sql("SELECT count(*) FROM relation_units WHERE clustered")[0][0] == 0
        _assert_same(reader, expect_stored=True)


def test_a_run_that_fails_leaves_its_dyads_pending_and_the_resume_refreshes_them(db):
    rng = random.Random(11)
    with pytest.raises(RuntimeError):
        with Store(db) as store:
            _save(store, range(70, 80), rng)
            raise RuntimeError("killed")
    with Store(db, read_only=True) as reader:
        _assert_same(reader)
    with Store(db) as store:
        _save(store, range(70, 85), random.Random(11))  # the resume: stored documents are skipped
    with Store(db, read_only=True) as reader:
        _assert_same(reader, expect_stored=True)


def test_a_store_without_the_table_is_read_from_events(db):
    store = Store(db)
    expected = asdict(relations(store, "PRK", "CHN"))
    for table in ("relation_units", "relation_pending", "relation_state"):  # as in a store made before them
        store._con.execute(f"DROP TABLE {table}")
    store.close()
    with Store(db, read_only=True) as reader:
        assert not UnitSource(reader).materialized
        assert asdict(relations(reader, "PRK", "CHN")) == expected


def test_refreshes_that_appended_many_rows_re_sort_the_table(db, monkeypatch):
    from dyadwatch.store import relation_units

    monkeypatch.setattr(relation_units, "RESORT_MIN_ROWS", 10)
    rng = random.Random(5)
    store = Store(db)
    _save(store, range(90, 140), rng)
    assert store.writer.refresh_relations() == "refreshed and re-sorted"
    keys = store.sql("SELECT a, b, unit_id FROM relation_units")  # a plain scan returns rows in stored order
    assert keys == sorted(keys)
    assert store.sql("SELECT appended FROM relation_state") == [(0,)]
    _assert_same(store, expect_stored=True)
    store.close()
