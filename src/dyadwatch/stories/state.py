"""Reading the stored story state: signatures, story memberships, event features and cluster members.

Only the stories stage's tables and the events' cluster_id are read here; writes go through
StoreWriter.save_story_rows (see assign.py).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from dyadwatch.store import Store
from dyadwatch.store.rows import in_list
from dyadwatch.stories.matching import DAY_TOLERANCE, Report, report_from_json
from dyadwatch.stories.signatures import DocSignature, from_blob


@dataclass
class Membership:
    """A document's row in story_documents."""

    doc_id: str
    story_id: str
    duplicate_of: str | None = None
    similarity: float | None = None
    copy_kind: str | None = None

    def row(self) -> tuple:
        return (self.doc_id, self.story_id, self.duplicate_of, self.similarity, self.copy_kind)


def pending_documents(store: Store, doc_ids: list[str] | None = None) -> list[str]:
    """Stored documents without a story yet (of `doc_ids`, when given), oldest first."""
    if doc_ids is None:
        rows = store.sql("SELECT d.doc_id FROM documents d ANTI JOIN story_documents s USING (doc_id) "
                         "ORDER BY d.published NULLS LAST, d.doc_id")
    else:
        rows = store.sql("SELECT doc_id FROM documents WHERE doc_id = ANY(?) AND doc_id NOT IN "
                         "(SELECT doc_id FROM story_documents WHERE doc_id = ANY(?)) "
                         "ORDER BY published NULLS LAST, doc_id", [doc_ids, doc_ids])
    return [r[0] for r in rows]


def signatures(store: Store, doc_ids: list[str] | set[str]) -> dict[str, DocSignature]:
    if not doc_ids:
        return {}
    ids = sorted(doc_ids)
    rows = store.sql("SELECT s.doc_id, s.published, s.outlet, s.dyads, s.content_minhash, s.shingle_minhash, "
                     "p.terms, p.weights FROM doc_signatures s LEFT JOIN doc_profiles p USING (doc_id) "
                     f"WHERE s.doc_id {in_list(ids)}", ids)
    return {r[0]: DocSignature(r[0], r[1], r[2], frozenset(r[3]), from_blob(r[4]), from_blob(r[5]),
                               dict(zip(r[6] or [], r[7] or []))) for r in rows}


MAX_TERM_CANDIDATES = 200  # documents sharing most heavy terms, when a common term is in very many


def candidate_documents(store: Store, sig: DocSignature, buckets: list[int], term_buckets: list[int]) -> list[str]:
    """Stored documents sharing an LSH bucket with `sig` (near-duplicates), or heavy terms within the story
    window (see signatures.term_query_buckets; the MAX_TERM_CANDIDATES sharing most): indexed lookups."""
    found = {r[0] for r in store.sql(f"SELECT DISTINCT doc_id FROM doc_lsh WHERE bucket {in_list(buckets)}",
                                     list(buckets))}
    if term_buckets:
        found.update(r[0] for r in store.sql(
            f"SELECT doc_id FROM doc_terms WHERE bucket {in_list(term_buckets)} GROUP BY doc_id "
            "ORDER BY count(*) DESC, doc_id LIMIT ?", [*term_buckets, MAX_TERM_CANDIDATES]))
    found.discard(sig.doc_id)
    return sorted(found)


def story_members(store: Store, doc_ids: set[str]) -> dict[str, Membership]:
    """Every document of the stories these documents belong to."""
    if not doc_ids:
        return {}
    ids = sorted(doc_ids)
    stories = sorted({r[0] for r in store.sql(f"SELECT story_id FROM story_documents WHERE doc_id {in_list(ids)}",
                                              ids)})
    if not stories:
        return {}
    rows = store.sql("SELECT doc_id, story_id, duplicate_of, similarity, copy_kind FROM story_documents "
                     f"WHERE story_id {in_list(stories)}", stories)
    return {r[0]: Membership(*r) for r in rows}


def memberships(store: Store, doc_ids: set[str]) -> dict[str, Membership]:
    if not doc_ids:
        return {}
    ids = sorted(doc_ids)
    rows = store.sql("SELECT doc_id, story_id, duplicate_of, similarity, copy_kind FROM story_documents "
                     f"WHERE doc_id {in_list(ids)}", ids)
    return {r[0]: Membership(*r) for r in rows}


def story_documents_of(store: Store, story_ids: set[str]) -> dict[str, Membership]:
    if not story_ids:
        return {}
    ids = sorted(story_ids)
    rows = store.sql("SELECT doc_id, story_id, duplicate_of, similarity, copy_kind FROM story_documents "
                     f"WHERE story_id {in_list(ids)}", ids)
    return {r[0]: Membership(*r) for r in rows}


def published_range(store: Store, doc_ids: set[str]) -> tuple[date | None, date | None]:
    ids = sorted(doc_ids)
    row = store.sql(f"SELECT min(published), max(published) FROM doc_signatures WHERE doc_id {in_list(ids)}", ids)
    return row[0] if row else (None, None)


def candidate_reports(store: Store, new: list[Report]) -> list[tuple[Report, str]]:
    """Stored reports, with their current cluster ids, that share a dyad with one of `new` whose possible
    days come within DAY_TOLERANCE of its own, and at least one evidence word (every way of being the
    same event needs one: `matching.similar`)."""
    slack = timedelta(days=DAY_TOLERANCE)
    wanted = [(r.dyad_key, r.span[0] - slack, r.span[1] + slack, sorted(r.words)) for r in new
              if r.source and r.span is not None and r.words]
    if not wanted:
        return []
    values = ", ".join(["(?, ?, ?, ?::VARCHAR[])"] * len(wanted))
    rows = store.sql(
        f"SELECT DISTINCT f.report, f.cluster_id FROM event_features f JOIN (VALUES {values}) AS q(dyad, lo, hi, words) "
        "ON f.dyad = q.dyad AND f.span_start <= q.hi AND f.span_end >= q.lo "
        "WHERE len(list_intersect(CAST(json_extract(f.report, '$.words') AS VARCHAR[]), q.words)) > 0",
        [v for w in wanted for v in w])
    return [(report_from_json(r[0]), r[1]) for r in rows]


def cluster_members(store: Store, cluster_ids: set[str]) -> dict[str, set[str]]:
    """cluster_id -> its stored event ids."""
    return {cid: set(ids) for cid, ids in _by_cluster(store, cluster_ids, "event_id").items()}


def dated_cluster_reports(store: Store, cluster_ids: set[str]) -> dict[str, list[Report]]:
    """cluster_id -> the reports of its stored events that state a date (all that the merge guard compares)."""
    rows = _by_cluster(store, cluster_ids, "report", "json_extract_string(report, '$.date') IS NOT NULL")
    return {cid: [report_from_json(r) for r in reports] for cid, reports in rows.items()}


def _by_cluster(store: Store, cluster_ids: set[str], column: str, condition: str = "TRUE") -> dict[str, list]:
    found: dict[str, list] = {}
    if not cluster_ids:
        return found
    ids = sorted(cluster_ids)
    for cid, value in store.sql(f"SELECT cluster_id, {column} FROM event_features "
                                f"WHERE cluster_id {in_list(ids)} AND {condition}", ids):
        found.setdefault(cid, []).append(value)
    return found


def clusters_of_documents(store: Store, doc_ids: set[str]) -> set[str]:
    if not doc_ids:
        return set()
    ids = sorted(doc_ids)
    # a second predicate next to the IN list makes DuckDB scan the table instead of using the index
    rows = store.sql(f"SELECT DISTINCT cluster_id FROM events WHERE doc_id {in_list(ids)}", ids)
    return {r[0] for r in rows if r[0] is not None}


def reports(store: Store, event_ids: set[str]) -> dict[str, Report]:
    if not event_ids:
        return {}
    ids = sorted(event_ids)
    rows = store.sql(f"SELECT report FROM event_features WHERE event_id {in_list(ids)}", ids)
    found = [report_from_json(r[0]) for r in rows]
    return {r.event_id: r for r in found}


def denial_reports(store: Store, doc_ids: set[str]) -> list[Report]:
    if not doc_ids:
        return []
    ids = sorted(doc_ids)
    rows = store.sql(f"SELECT denial, report FROM event_features WHERE doc_id {in_list(ids)}", ids)  # IN alone
    return [report_from_json(r[1]) for r in rows if r[0]]


def outlets(store: Store, doc_ids: set[str]) -> dict[str, str | None]:
    if not doc_ids:
        return {}
    ids = sorted(doc_ids)
    rows = store.sql(f"SELECT doc_id, outlet FROM doc_signatures WHERE doc_id {in_list(ids)}", ids)
    return {r[0]: r[1] for r in rows}
