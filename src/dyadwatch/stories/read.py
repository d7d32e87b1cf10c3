"""Reading stories and clusters back from the store, as `Story` and `Cluster` records."""
from __future__ import annotations

import json
from collections import defaultdict

from dyadwatch.store import Store
from dyadwatch.stories.contradictions import Contradiction, Side
from dyadwatch.stories.model import Cluster, Story, StoryDocument

CLUSTER_SELECT = ("SELECT cluster_id, plover, cameo, source_country, target_country, \"date\", n_reports, n_asserted, "
                  "independent_origins, origins, contradictions FROM clusters")


def load_stories(store: Store, min_docs: int = 1) -> list[Story]:
    """Every story with at least `min_docs` documents, largest first, with its clusters."""
    ids = [r[0] for r in store.sql("SELECT story_id FROM stories WHERE n_docs >= ? ORDER BY n_docs DESC, "
                                   "first_published NULLS LAST, story_id", [min_docs])]
    return _stories(store, ids, with_documents=False)


def load_story(store: Store, story_id: str) -> Story | None:
    """One story with its documents (copies naming their originals), clusters, origins and contradictions."""
    found = _stories(store, [story_id], with_documents=True)
    return found[0] if found else None


def load_cluster(store: Store, cluster_id: str) -> Cluster | None:
    rows = store.sql(f"{CLUSTER_SELECT} WHERE cluster_id = ?", [cluster_id])
    if not rows:
        return None
    members = _members(store, [cluster_id])
    return with_sides(store, [_cluster(rows[0], *members.get(cluster_id, ([], [])))])[0]


def _stories(store: Store, story_ids: list[str], with_documents: bool) -> list[Story]:
    if not story_ids:
        return []
    docs: dict[str, list[str]] = defaultdict(list)
    for story_id, doc_id in store.sql("SELECT story_id, doc_id FROM story_documents WHERE story_id = ANY(?) "
                                      "ORDER BY doc_id", [story_ids]):
        docs[story_id].append(doc_id)
    story_clusters: dict[str, set[str]] = defaultdict(set)
    for story_id, cluster_id in store.sql(
            "SELECT DISTINCT s.story_id, e.cluster_id FROM events e JOIN story_documents s USING (doc_id) "
            "WHERE s.story_id = ANY(?) AND e.cluster_id IS NOT NULL", [story_ids]):
        story_clusters[story_id].add(cluster_id)
    all_clusters = sorted(set().union(*story_clusters.values())) if story_clusters else []
    rows = {r[0]: r for r in store.sql(f"{CLUSTER_SELECT} WHERE cluster_id = ANY(?)", [all_clusters])}
    members = _members(store, all_clusters)
    stories = []
    for story_id in story_ids:
        if story_id not in docs:
            continue
        clusters = [_cluster(rows[c], *members.get(c, ([], []))) for c in sorted(story_clusters[story_id]) if c in rows]
        clusters.sort(key=lambda c: (-len(c.doc_ids), -c.n_reports, c.date or "", c.cluster_id))
        story = Story(story_id, docs[story_id], with_sides(store, clusters))
        if with_documents:
            story.documents = _documents(store, docs[story_id])
        stories.append(story)
    return stories


def _members(store: Store, cluster_ids: list[str]) -> dict[str, tuple[list[str], list[str]]]:
    """cluster_id -> (event ids, doc ids)."""
    events: dict[str, list[str]] = defaultdict(list)
    docs: dict[str, set[str]] = defaultdict(set)
    if cluster_ids:
        for cid, eid, did in store.sql("SELECT cluster_id, event_id, doc_id FROM events WHERE cluster_id = ANY(?) "
                                       "ORDER BY event_id", [cluster_ids]):
            events[cid].append(eid)
            docs[cid].add(did)
    return {cid: (events[cid], sorted(docs[cid])) for cid in events}


def _cluster(row: tuple, event_ids: list[str], doc_ids: list[str]) -> Cluster:
    (cluster_id, plover, cameo, source, target, when, n_reports, n_asserted, origins_n, origins,
     contradictions) = row
    return Cluster(cluster_id=cluster_id, event_ids=event_ids, doc_ids=doc_ids, independent_origins=origins_n,
                   origins=json.loads(origins), plover=plover, cameo=cameo, source=source, target=target,
                   date=when, n_reports=n_reports, n_asserted=n_asserted,
                   contradictions=[Contradiction(c["kind"], c["event_ids"], c["against"], c.get("detail", ""))
                                   for c in json.loads(contradictions)])


def with_sides(store: Store, clusters: list[Cluster]) -> list[Cluster]:
    """The clusters with each contradiction's sides: the sentence, outlet, status and date of every report."""
    ids = sorted({e for c in clusters for x in c.contradictions for e in (*x.event_ids, *x.against)})
    if not ids:
        return clusters
    rows = {r[0]: r[1:] for r in store.sql(
        "SELECT e.event_id, e.doc_id, d.outlet, e.status, e.\"date\", e.evidence_text FROM events e "
        "JOIN documents d USING (doc_id) WHERE e.event_id = ANY(?)", [ids])}
    for cluster in clusters:
        for x in cluster.contradictions:
            x.sides = [Side(e, side, *rows[e]) for side, group in (("claim", x.event_ids), ("against", x.against))
                       for e in group if e in rows]
    return clusters


def _documents(store: Store, doc_ids: list[str]) -> list[StoryDocument]:
    rows = store.sql("SELECT d.doc_id, d.title, d.outlet, d.published, s.duplicate_of, s.similarity, s.copy_kind "
                     "FROM documents d JOIN story_documents s USING (doc_id) WHERE d.doc_id = ANY(?) "
                     "ORDER BY d.published NULLS LAST, d.doc_id", [doc_ids])
    return [StoryDocument(*r) for r in rows]
