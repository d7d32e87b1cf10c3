"""Stories stage against a store: incremental assignment, copies, origins, queries, CLI and one model run."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dyadwatch.records import Actor, Attribution, Document, Event, Evidence
from dyadwatch.store import Store
from dyadwatch.stories import asserted_clusters, assign_stories, load_stories, load_story, rebuild_stories

CHN = Actor("the Chinese coast guard", "CHNMIL", "CHN", "MIL")
VNM = Actor("Vietnamese fishermen", "VNMCVL", "VNM", "CVL")
JPN = Actor("Tokyo", "JPNGOV", "JPN", "GOV")
PHL = Actor("Manila", "PHLGOV", "PHL", "GOV")

ORIGINAL = ("The Chinese coast guard seized two Vietnamese fishing trawlers near the Paracel Islands on Monday and "
            "detained their crews of eleven fishermen, according to people familiar with the matter. Hanoi's "
            "foreign ministry demanded the immediate release of the sailors and the return of the boats, calling "
            "the seizure a violation of Vietnamese sovereignty. Beijing said the trawlers had been fishing "
            "illegally during the annual summer moratorium and that the crews would be dealt with according to law.")
REWRITE = ("Chinese coast guard ships seized two Vietnamese fishing trawlers near the Paracel Islands on Monday and "
           "detained their crews of eleven fishermen, according to people familiar with the matter. The foreign "
           "ministry in Hanoi demanded the immediate release of the sailors and the return of both boats, calling "
           "the seizure a violation of Vietnamese sovereignty. Beijing said the trawlers were fishing illegally "
           "during the summer moratorium and the crews would be dealt with according to law.")
SECOND_VIEW = ("Hanoi summoned a Chinese diplomat on Wednesday over the seizure of two Vietnamese fishing trawlers by "
               "the Chinese coast guard near the Paracel Islands, where eleven fishermen remain detained. Vietnam's "
               "National Fisheries Directorate said the crews had been fishing in traditional grounds and urged "
               "Beijing to release the sailors and the boats. China says the islands are its territory and that the "
               "summer fishing moratorium applies to all vessels in the area.")
ELSEWHERE = ("Japan and the Philippines signed a reciprocal access agreement on Monday allowing their troops to "
             "train on each other's territory, the first such pact Tokyo has concluded in Southeast Asia. Officials "
             "in Manila said the agreement would take effect after ratification by both legislatures.")
SEIZURE = "The Chinese coast guard seized two Vietnamese fishing trawlers near the Paracel Islands on Monday"


def doc(doc_id: str, text: str, outlet: str, published: date) -> Document:
    return Document(doc_id, text, f"h-{doc_id}", f"test:{doc_id}", title=doc_id, outlet=outlet, published=published)


def seizure(doc_id: str, n: int = 0, *, evidence: str = SEIZURE, status: str = "asserted",
            attribution: list[Attribution] | None = None, when: str | None = "2025-06-09") -> Event:
    return Event(f"e-{doc_id}-{n}", doc_id, n, CHN, VNM, "171", "COERCE", -9.2, 4, status, when,
                 "explicit" if when else None, Evidence(evidence, 0, len(evidence)), attribution or [],
                 trigger="seized")


def pact(doc_id: str) -> Event:
    text = "Japan and the Philippines signed a reciprocal access agreement on Monday"
    return Event(f"e-{doc_id}-0", doc_id, 0, JPN, PHL, "057", "AGREE", 8.0, 1, "asserted", "2025-06-09", "explicit",
                 Evidence(text, 0, len(text)), [], trigger="signed")


ANONYMOUS = [Attribution("people familiar with the matter", "anonymous")]
CITING = [Attribution("Vietnam's National Fisheries Directorate", "government"),
          Attribution("the Vietnamese newspaper Thanh Nien", "outlet")]
CORPUS = [
    (doc("wire-1", ORIGINAL, "Meridian Wire", date(2025, 6, 10)), [seizure("wire-1", attribution=ANONYMOUS)]),
    (doc("ledger-1", ORIGINAL + "\nThis article was distributed by Meridian Wire.", "Harbor Ledger",
         date(2025, 6, 11)), [seizure("ledger-1", attribution=ANONYMOUS)]),
    (doc("bulletin-1", REWRITE, "Global Bulletin", date(2025, 6, 11)),
     [seizure("bulletin-1", evidence=REWRITE.split(",")[0], attribution=ANONYMOUS)]),
    (doc("post-1", SECOND_VIEW, "Continental Post", date(2025, 6, 12)),
     [seizure("post-1", evidence=SECOND_VIEW.split(", where")[0], attribution=CITING, when=None),
      seizure("post-1", 1, evidence="Beijing said its coast guard had not seized two trawlers near the Paracel "
                                     "Islands but had only turned them away", status="negated", when=None)]),
    (doc("post-2", ELSEWHERE, "Continental Post", date(2025, 6, 10)), [pact("post-2")]),
]


def build(path: Path | str, order: list[int], one_by_one: bool) -> Store:
    store = Store(path)
    for i in order:
        document, events = CORPUS[i]
        store.writer.save_document(document, events)
        if one_by_one:
            assign_stories(store, [document.doc_id])
    if not one_by_one:
        assign_stories(store)
    return store


def grouping(store: Store) -> tuple[set, set, dict]:
    stories = {(s.story_id, tuple(s.doc_ids)) for s in load_stories(store)}
    clusters = {(e.cluster_id, e.event_id) for e in store.events()}
    docs = {d.doc_id: (d.duplicate_of, d.copy_kind) for s in load_stories(store)
            for d in load_story(store, s.story_id).documents}
    return stories, clusters, docs


@pytest.fixture
def store():
    with build(":memory:", [0, 1, 2, 3, 4], one_by_one=False) as s:
        yield s


def test_copies_and_reports_of_one_story_share_it_and_another_dyad_does_not(store):
    stories = {tuple(s.doc_ids) for s in load_stories(store)}
    assert stories == {("bulletin-1", "ledger-1", "post-1", "wire-1"), ("post-2",)}
    [story] = [s for s in load_stories(store) if len(s.doc_ids) == 4]
    documents = {d.doc_id: d for d in load_story(store, story.story_id).documents}
    assert documents["ledger-1"].duplicate_of == "wire-1" and documents["ledger-1"].copy_kind == "copy"
    assert documents["bulletin-1"].duplicate_of == "wire-1"
    assert documents["bulletin-1"].copy_kind == "near_duplicate" and documents["bulletin-1"].similarity > 0.6
    assert documents["wire-1"].duplicate_of is None and documents["post-1"].duplicate_of is None


def test_copies_count_once_and_citing_outlets_count_as_their_source(store):
    [row] = asserted_clusters(store, dyad=("VNM", "CHN"))
    assert row.n_reports == 4 and len(row.event_ids) == 4
    # wire-1, its copy and its rewrite are one origin (anonymous sources of Meridian Wire);
    # post-1 cites a newspaper (citing the fisheries directorate): the newspaper is a second origin
    assert row.independent_origins == 2
    cluster = next(c for s in load_stories(store) for c in s.clusters if c.cluster_id == row.cluster_id)
    assert cluster.origins == ["outlet:meridian wire", "source:thanh nien"]


def test_negated_reports_join_the_cluster_as_a_contradiction(store):
    [row] = asserted_clusters(store, dyad=("CHN", "VNM"))
    cluster = next(c for s in load_stories(store) for c in s.clusters if c.cluster_id == row.cluster_id)
    assert "e-post-1-1" in cluster.event_ids
    [conflict] = [c for c in cluster.contradictions if c.kind == "negation"]
    assert conflict.against == ["e-post-1-1"] and "e-wire-1-0" in conflict.event_ids


def test_every_event_has_a_cluster_and_events_filter_by_it(store):
    events = store.events()
    assert all(e.cluster_id for e in events)
    pact_cluster = next(e.cluster_id for e in events if e.doc_id == "post-2")
    assert [e.event_id for e in store.events(cluster_id=pact_cluster)] == ["e-post-2-0"]


@pytest.mark.parametrize("order", [[0, 1, 2, 3, 4], [4, 3, 2, 1, 0], [2, 4, 0, 3, 1]])
def test_one_by_one_in_any_order_equals_one_batch(order):
    with build(":memory:", [0, 1, 2, 3, 4], one_by_one=False) as batch, build(":memory:", order, True) as steps:
        assert grouping(steps) == grouping(batch)
        assert [vars(r) for r in asserted_clusters(steps)] == [vars(r) for r in asserted_clusters(batch)]


def test_assignment_is_idempotent_and_rebuild_reproduces_it(store):
    before = grouping(store)
    assert assign_stories(store).documents == 0
    assert rebuild_stories(store).documents == 5
    assert grouping(store) == before


def test_unclustered_events_count_as_their_own_cluster():
    with Store(":memory:") as store:
        store.writer.save_document(*CORPUS[4])  # stored, not yet assigned
        [row] = asserted_clusters(store)
        assert row.cluster_id == "e-post-2-0" and row.n_reports == 1 and row.independent_origins == 1


def test_cli_stories_story_and_events_by_cluster(tmp_path):
    from dyadwatch.cli.main import app

    db = tmp_path / "s.duckdb"
    build(db, [0, 1, 2, 3, 4], one_by_one=False).close()
    runner = CliRunner()
    result = runner.invoke(app, ["--db", str(db), "stories", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    big = next(s for s in lines if len(s["doc_ids"]) == 4)
    cluster = next(c for c in big["clusters"] if c["plover"] == "COERCE")
    assert cluster["independent_origins"] == 2 and set(cluster["doc_ids"]) == set(big["doc_ids"])
    shown = runner.invoke(app, ["--db", str(db), "story", big["story_id"], "--format", "json"])
    assert shown.exit_code == 0 and json.loads(shown.stdout)["documents"][0]["doc_id"] == "wire-1"
    assert runner.invoke(app, ["--db", str(db), "story", big["story_id"]]).exit_code == 0
    assert runner.invoke(app, ["--db", str(db), "stories", "--min-docs", "2"]).exit_code == 0
    events = runner.invoke(app, ["--db", str(db), "events", "--format", "jsonl", "--cluster", cluster["cluster_id"]])
    assert sorted(json.loads(line)["event_id"] for line in events.stdout.splitlines()) == sorted(cluster["event_ids"])
    assert runner.invoke(app, ["--db", str(db), "stories", "--rebuild", "--format", "jsonl"]).stdout == result.stdout


SAMPLE_IDS = {"sample-010", "sample-011", "sample-012", "sample-023", "sample-024", "sample-029"}


@pytest.mark.model
def test_sample_corpus_end_to_end(tmp_path, nlp):
    from dyadwatch.resources import data_file
    from dyadwatch.runner import ingest_paths

    lines = data_file("sample", "articles.jsonl").read_text(encoding="utf-8").splitlines()
    chosen = tmp_path / "six.jsonl"
    chosen.write_text("\n".join(l for l in lines if json.loads(l)["id"] in SAMPLE_IDS) + "\n", encoding="utf-8")
    with Store(tmp_path / "db.duckdb") as store:
        ingest_paths([chosen], store, nlp=nlp)
        story_of = {d: s.story_id for s in load_stories(store) for d in s.doc_ids}
        assert story_of["sample-010"] == story_of["sample-011"]
        assert story_of["sample-023"] == story_of["sample-024"]
        assert story_of["sample-029"] not in {story_of["sample-010"], story_of["sample-023"]}
        assert story_of["sample-010"] != story_of["sample-023"]
        docs = {d.doc_id: d for d in load_story(store, story_of["sample-011"]).documents}
        assert docs["sample-011"].duplicate_of == "sample-010" and docs["sample-011"].copy_kind == "copy"
        shared = [c for s in load_stories(store) for c in s.clusters
                  if {"sample-010", "sample-011"} <= set(c.doc_ids)]
        assert shared, "the syndicated pair reports common events"
        only_the_pair = [c for c in shared if set(c.doc_ids) == {"sample-010", "sample-011"}]
        assert only_the_pair and all(c.independent_origins == 1 for c in only_the_pair if c.n_asserted)
        assert all(e.cluster_id for e in store.events())
