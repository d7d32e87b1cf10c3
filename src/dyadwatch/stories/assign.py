"""Incremental assignment: each new document joins (or starts, or merges) stories and event clusters.

A document is compared only with candidates found through indexes (LSH buckets, a publication window
on shared dyads, event blocks by dyad and date span), never with the whole store. Every document's
change is written in a transaction (one per batch of documents), so an interrupted run leaves
documents either fully assigned or still pending; re-running assigns the pending ones (idempotent). Because the document and event
relations are symmetric and clusters/stories are their connected components with member-derived ids,
adding documents one by one gives the same result as adding them in one batch.
"""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass

from dyadwatch.records import Document, Event
from dyadwatch.store import Store
from dyadwatch.store.writer import StoryRows
from dyadwatch.stories import state
from dyadwatch.stories.clustering import ClusterChange, cluster_reports
from dyadwatch.stories.clusters import canonical_id, summarise
from dyadwatch.stories.contradictions import with_answered_sentences
from dyadwatch.stories.documents import STORY_WINDOW_DAYS, VERBATIM_COPY, DocLink, doc_link, original_of
from dyadwatch.stories.matching import Report, report_of, report_to_json
from dyadwatch.stories.model import AssignReport, Cluster
from dyadwatch.stories.origins import origin_of, outlet_key
from dyadwatch.stories.signatures import (DocSignature, lsh_buckets, signature_of, term_buckets, term_query_buckets,
                                          to_blob)
from dyadwatch.stories.state import Membership


# Documents assigned in one transaction: each still plans against every change before it (a transaction
# reads its own writes), one commit instead of one per document. A failure rolls back the whole batch,
# which leaves its documents pending.
BATCH_DOCUMENTS = 64


def assign_stories(store: Store, doc_ids: list[str] | None = None) -> AssignReport:
    """Assign stories and clusters to stored documents that have none yet (only `doc_ids`, if given)."""
    report = AssignReport()
    pending = state.pending_documents(store, doc_ids)
    for start in range(0, len(pending), BATCH_DOCUMENTS):
        batch = pending[start:start + BATCH_DOCUMENTS]
        documents, events = store.documents_by_ids(batch), store.events_of_documents(batch)
        with store.writer.batch():
            for doc_id in batch:
                if doc_id in documents:
                    change = plan_document(store, documents[doc_id], events.get(doc_id, []), report)
                    store.writer.save_story_rows(change)
        store.give_way_if_asked()  # between two transactions, a waiting reader gets the file
    return report


def rebuild_stories(store: Store) -> AssignReport:
    """Forget all stories and clusters and assign every document again."""
    store.writer.clear_stories()
    return assign_stories(store)


@dataclass
class StoryPlan:
    """The story a new document ends up in, with every member's (possibly changed) membership."""

    story_id: str
    members: dict[str, Membership]
    removed: set[str]


def plan_document(store: Store, document: Document, events: list[Event], report: AssignReport) -> StoryRows:
    """Every row change that adding `document` (already stored with its events) makes."""
    reports = with_answered_sentences([report_of(e, document.published) for e in events])
    dyad_counts = Counter(r.dyad_key for r in reports if r.source and r.target and r.source != r.target)
    sig = signature_of(document.doc_id, document.text, document.published, document.outlet, frozenset(dyad_counts),
                       document.title, dyad_counts)
    buckets = lsh_buckets(sig.content)
    candidates = state.candidate_documents(store, sig, buckets, term_query_buckets(sig, STORY_WINDOW_DAYS))
    others = state.signatures(store, candidates)
    links = [link for other in others.values() if (link := doc_link(sig, other)) is not None]
    story = plan_story(store, sig, links)
    linked = {l.doc_b if l.doc_a == sig.doc_id else l.doc_a for l in links}
    clusters = cluster_reports(store, reports, linked)

    change = StoryRows()
    change.add("doc_signatures", (sig.doc_id, sig.published, sig.outlet, sorted(sig.dyads), to_blob(sig.content),
                                  to_blob(sig.text)))
    change.rows["doc_lsh"] = [(bucket, sig.doc_id) for bucket in buckets]
    change.add("doc_profiles", (sig.doc_id, list(sig.profile), list(sig.profile.values())))
    change.rows["doc_terms"] = [(bucket, sig.doc_id) for bucket in term_buckets(sig)]
    change.rows["story_links"] = [(l.doc_a, l.doc_b, l.kind, l.similarity) for l in links]
    change.rows["story_documents"] = [m.row() for m in story.members.values()]
    story_docs = _story_documents(store, story)
    change.rows["stories"] = [_story_row(store, story.story_id, set(story_docs), sig)]
    change.deleted["stories"] = sorted(story.removed)
    change.rows["event_features"] = [_feature_row(r, clusters.assigned[r.event_id]) for r in reports]
    change.cluster_ids = clusters.assigned
    summaries = summarise_clusters(store, story_docs, clusters, {r.event_id: r for r in reports}, sig, events)
    change.rows["clusters"] = [_cluster_row(c) for c in summaries]
    change.deleted["clusters"] = sorted(clusters.removed)

    report.documents += 1
    report.events += len(events)
    report.stories_merged += len(story.removed)
    report.clusters_changed += len(clusters.members)
    return change


def plan_story(store: Store, sig: DocSignature, links: list[DocLink]) -> StoryPlan:
    """Merge the new document with the stories of every document it links to."""
    linked = {l.doc_b if l.doc_a == sig.doc_id else l.doc_a for l in links}
    members = state.story_members(store, linked)
    old_stories = {m.story_id for m in members.values()}
    members[sig.doc_id] = Membership(sig.doc_id, "")
    story_id = canonical_id("s", set(members))
    changed = {d: m for d, m in members.items() if m.story_id != story_id}
    for m in changed.values():
        m.story_id = story_id
    duplicates = {l.doc_b if l.doc_a == sig.doc_id else l.doc_a for l in links if l.duplicate}
    if duplicates:
        changed.update(_regroup_copies(store, sig, duplicates, members))
    return StoryPlan(story_id, changed, old_stories - {story_id})


def _regroup_copies(store: Store, sig: DocSignature, duplicates: set[str],
                    members: dict[str, Membership]) -> dict[str, Membership]:
    """The new document and the copy groups it joins become one group under the earliest original."""
    roots = {members[d].duplicate_of or d for d in duplicates}
    group = {d for d, m in members.items() if d in roots or m.duplicate_of in roots} | {sig.doc_id}
    sigs = state.signatures(store, group - {sig.doc_id})
    sigs[sig.doc_id] = sig
    original = original_of(list(sigs.values()))
    for doc_id, doc_sig in sigs.items():
        m = members[doc_id]
        if doc_id == original.doc_id:
            m.duplicate_of = m.similarity = m.copy_kind = None
            continue
        m.duplicate_of, m.similarity = original.doc_id, doc_sig.content_similarity(original)
        m.copy_kind = "copy" if doc_sig.text_similarity(original) >= VERBATIM_COPY else "near_duplicate"
    return {d: members[d] for d in group}


def summarise_clusters(store: Store, story_docs: dict[str, Membership], clusters: ClusterChange,
                       new_reports: dict[str, Report], sig: DocSignature, new_events: list[Event]) -> list[Cluster]:
    """Fresh summaries for the clusters that changed and every cluster reported in the new document's story
    (`story_docs`: its documents, see _story_documents; `new_events`: the new document's events, as stored)."""
    members = dict(clusters.members)
    untouched = state.clusters_of_documents(store, set(story_docs)) - clusters.removed - set(members)
    members.update(state.cluster_members(store, untouched))
    event_ids = set().union(*members.values()) if members else set()
    events = {e.event_id: e for e in new_events if e.event_id in event_ids}
    events.update({e.event_id: e for e in store.events_by_ids(sorted(event_ids - set(events)))})
    reports = state.reports(store, event_ids - set(new_reports))
    reports.update({k: v for k, v in new_reports.items() if k in event_ids})
    doc_ids = {e.doc_id for e in events.values()}
    outside = state.memberships(store, doc_ids - set(story_docs))  # the other stories' documents among them
    origin_outlets = _origin_outlets(store, doc_ids, story_docs, outside, sig)
    origins = {eid: origin_of(e, origin_outlets[e.doc_id]) for eid, e in events.items()}
    denial_scope = _stories_documents(store, story_docs, outside)
    denials = state.denial_reports(store, denial_scope - {sig.doc_id})
    denials += [r for r in new_reports.values() if r.denial and sig.doc_id in denial_scope]
    return [summarise(cid, [events[e] for e in sorted(ids) if e in events], reports, origins, denials)
            for cid, ids in sorted(members.items())]


def _story_documents(store: Store, story: StoryPlan) -> dict[str, Membership]:
    """All documents of the new document's story, with their planned memberships."""
    docs = state.story_documents_of(store, {story.story_id} | story.removed)
    docs.update(story.members)
    for m in docs.values():
        m.story_id = story.story_id
    return docs


def _origin_outlets(store: Store, doc_ids: set[str], story_docs: dict[str, Membership],
                    outside: dict[str, Membership], sig: DocSignature) -> dict[str, str]:
    """doc_id -> key of the outlet behind it: its own, or its original's for a copy or near-duplicate
    (`outside`: the memberships of those not in `story_docs`)."""
    rows = dict(outside)
    rows.update({d: m for d, m in story_docs.items() if d in doc_ids})
    original = {d: (rows[d].duplicate_of if d in rows and rows[d].duplicate_of else d) for d in doc_ids}
    names = state.outlets(store, set(original.values()) - {sig.doc_id})
    names[sig.doc_id] = sig.outlet
    return {d: outlet_key(names.get(o), o) for d, o in original.items()}


def _stories_documents(store: Store, story_docs: dict[str, Membership], outside: dict[str, Membership]) -> set[str]:
    """Documents of the new document's story and of every story an `outside` document belongs to."""
    others = {m.story_id for m in outside.values()}
    return set(story_docs) | set(state.story_documents_of(store, others))


def _story_row(store: Store, story_id: str, docs: set[str], sig: DocSignature) -> tuple:
    first, last = state.published_range(store, docs - {sig.doc_id})
    dates = [d for d in (first, last, sig.published) if d is not None]
    return (story_id, len(docs), min(dates) if dates else None, max(dates) if dates else None)


def _feature_row(r: Report, cluster_id: str) -> tuple:
    span = r.span if r.source else None
    return (r.event_id, r.doc_id, r.dyad_key, span[0] if span else None, span[1] if span else None, r.denial,
            report_to_json(r), cluster_id)


def _cluster_row(c: Cluster) -> tuple:
    return (c.cluster_id, c.plover, c.cameo, c.source, c.target, c.date, c.n_reports, c.n_asserted, len(c.doc_ids),
            c.independent_origins, json.dumps(c.origins, ensure_ascii=False),
            json.dumps([x.to_dict() for x in c.contradictions], ensure_ascii=False))
