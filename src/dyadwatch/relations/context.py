"""Stories and contradictions around a dyad, read from issue 4's tables when the store has them.

Stories come from the `stories` and `story_documents` tables; contradictions from the
`clusters.contradictions` column. A store where those are missing or empty (clustering never ran)
still gets contradictions by a simple rule: an asserted report and a negated report of the same
PLOVER type between the same two parties with compatible dates (one date a prefix of the other).
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field

from dyadwatch.relations.evidence import Report, reports
from dyadwatch.relations.units import Dyad
from dyadwatch.store import Store
from dyadwatch.store.queries import SOURCE_PRIMARY, TARGET_PRIMARY


@dataclass
class StoryDocument:
    doc_id: str
    title: str | None
    outlet: str | None
    url: str | None
    published: str | None
    duplicate_of: str | None = None
    copy_kind: str | None = None


@dataclass
class Story:
    """A story: documents about one unfolding matter, with the dyad's reports in them."""

    story_id: str
    title: str | None
    n_docs: int
    first_published: str | None
    last_published: str | None
    documents: list[StoryDocument] = field(default_factory=list)
    reports: list[Report] = field(default_factory=list)


@dataclass
class Contradiction:
    kind: str
    detail: str
    reports: list[Report]
    sides: list[str] = field(default_factory=list)  # per report: "claim" or "against" (what it contradicts)


def _tables(store: Store) -> dict[str, set[str]]:
    rows = store.sql("SELECT table_name, column_name FROM information_schema.columns")
    found: dict[str, set[str]] = {}
    for table, column in rows:
        found.setdefault(table, set()).add(column)
    return found


def _has_rows(store: Store, table: str) -> bool:
    return bool(store.sql(f"SELECT 1 FROM {table} LIMIT 1"))


def has_stories(store: Store) -> bool:
    """Whether story clustering has run on this store (its tables exist and are filled)."""
    tables = _tables(store)
    return ({"story_id", "n_docs"} <= tables.get("stories", set())
            and {"doc_id", "story_id"} <= tables.get("story_documents", set()) and _has_rows(store, "stories"))


def _dyad_docs_sql(dyad: Dyad | None) -> tuple[str, list[str]]:
    if dyad is None:
        return "SELECT doc_id FROM story_documents", []
    where, params = dyad.sql()
    return f"SELECT DISTINCT doc_id FROM events WHERE {where}", params


def stories(store: Store, dyad: Dyad | None = None, *, limit: int = 50) -> list[Story]:
    """Stories with documents reporting the dyad (all stories without one), most documents first."""
    if not has_stories(store):
        return []
    docs_sql, params = _dyad_docs_sql(dyad)
    rows = store.sql(
        "SELECT s.story_id, s.n_docs, CAST(min(d.published) AS VARCHAR), CAST(max(d.published) AS VARCHAR), "
        "arg_min(d.title, coalesce(d.published, DATE '9999-12-31')) "
        "FROM stories s JOIN story_documents sd USING (story_id) JOIN documents d USING (doc_id) "
        f"WHERE s.story_id IN (SELECT story_id FROM story_documents WHERE doc_id IN ({docs_sql})) "
        "GROUP BY s.story_id, s.n_docs ORDER BY s.n_docs DESC, min(d.published), s.story_id LIMIT ?",
        [*params, limit])
    return [Story(sid, title, int(n), first, last) for sid, n, first, last, title in rows]


def story(store: Store, story_id: str, dyad: Dyad | None = None) -> Story | None:
    """One story with its documents and (the dyad's, or all) reports in them; None when unknown."""
    if not has_stories(store):
        return None
    head = store.sql("SELECT story_id, n_docs FROM stories WHERE story_id = ?", [story_id])
    if not head:
        return None
    has_copies = "copy_kind" in _tables(store).get("story_documents", set())
    copy_cols = "sd.duplicate_of, sd.copy_kind" if has_copies else "NULL, NULL"
    docs = [StoryDocument(*row) for row in store.sql(
        f"SELECT d.doc_id, d.title, d.outlet, d.url, CAST(d.published AS VARCHAR), {copy_cols} "
        "FROM story_documents sd JOIN documents d USING (doc_id) WHERE sd.story_id = ? ORDER BY d.published, d.doc_id",
        [story_id])]
    where, params = dyad.sql() if dyad else ("true", [])
    ids = [r[0] for r in store.sql(
        f"SELECT event_id FROM events WHERE doc_id IN (SELECT doc_id FROM story_documents WHERE story_id = ?) "
        f"AND {where} ORDER BY \"date\" NULLS LAST, doc_id, sentence_index LIMIT 500", [story_id, *params])]
    found = reports(store, ids)
    dated = [d.published for d in docs if d.published]
    return Story(story_id, docs[0].title if docs else None, int(head[0][1]), min(dated, default=None),
                 max(dated, default=None), docs, [found[i] for i in ids if i in found])


def contradictions(store: Store, dyad: Dyad, *, limit: int = 20) -> list[Contradiction]:
    """Reports of the dyad that disagree: from clustering's records when present, else the simple rule."""
    tables = _tables(store)
    if "contradictions" in tables.get("clusters", set()) and _has_rows(store, "clusters"):
        return _stored_contradictions(store, dyad, limit)
    return _denials(store, dyad, limit)


def _stored_contradictions(store: Store, dyad: Dyad, limit: int) -> list[Contradiction]:
    where, params = dyad.sql()
    rows = store.sql(
        "SELECT cluster_id, contradictions FROM clusters WHERE json_array_length(contradictions) > 0 AND cluster_id IN "
        f"(SELECT cluster_id FROM events WHERE cluster_id IS NOT NULL AND {where}) ORDER BY cluster_id", params)
    items: list[tuple[str, str, list[tuple[str, str]]]] = []
    for _, raw in rows:
        for entry in json.loads(raw):
            ids = [*((e, "claim") for e in entry.get("event_ids", [])),
                   *((e, "against") for e in entry.get("against", []))]
            items.append((str(entry.get("kind", "contradiction")), str(entry.get("detail", "")), ids))
    found = reports(store, [eid for *_, ids in items[:limit] for eid, _ in ids])
    return [Contradiction(kind, detail, [found[e] for e, _ in ids if e in found],
                          [side for e, side in ids if e in found]) for kind, detail, ids in items[:limit]]


_DENIALS = f"""
WITH d AS (
    SELECT event_id, doc_id, status, plover, "date",
           least({SOURCE_PRIMARY}, {TARGET_PRIMARY}) AS p1, greatest({SOURCE_PRIMARY}, {TARGET_PRIMARY}) AS p2
    FROM events WHERE status IN ('asserted', 'negated') AND {{where}}
)
SELECT a.event_id, n.event_id FROM d a JOIN d n
  ON a.status = 'asserted' AND n.status = 'negated' AND a.plover = n.plover AND a.p1 = n.p1 AND a.p2 = n.p2
 AND a."date" IS NOT NULL AND n."date" IS NOT NULL
 AND (starts_with(a."date", n."date") OR starts_with(n."date", a."date"))
ORDER BY a."date", a.event_id, n.event_id LIMIT ?
"""


def _denials(store: Store, dyad: Dyad, limit: int) -> list[Contradiction]:
    where, params = dyad.sql()
    pairs = store.sql(_DENIALS.format(where=where), [*params, limit])
    found = reports(store, [e for pair in pairs for e in pair])
    out = []
    for asserted, negated in pairs:
        if asserted in found and negated in found:
            a, n = found[asserted], found[negated]
            out.append(Contradiction("asserted_vs_negated",
                                     f"{a.outlet or a.doc_id} reports {a.plover} on {a.date}; "
                                     f"{n.outlet or n.doc_id} says it did not happen", [a, n], ["claim", "against"]))
    return out
