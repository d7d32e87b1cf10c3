"""Records to table rows and back: Documents, Events (actors flattened) and Rejections.

Column lists here are the single place that knows the table layouts of schema.sql; loading a
row gives back a record equal to the one saved.
"""
from __future__ import annotations

import json
from typing import Any

from dyadwatch.records import Actor, Attribution, Document, Event, Evidence, Rejection

DOCUMENT_COLUMNS = ("doc_id", "title", "url", "outlet", "published", "text", "content_hash", "origin")
ACTOR_FIELDS = ("text", "code", "country", "sector", "name")
EVENT_COLUMNS = (
    "event_id", "doc_id", "sentence_index",
    *(f"source_{f}" for f in ACTOR_FIELDS), *(f"target_{f}" for f in ACTOR_FIELDS),
    "cameo", "plover", "goldstein", "quad_class", "status", "date", "date_basis", "attribution",
    "evidence_text", "evidence_start", "evidence_end", "cluster_id", "trigger", "trigger_start",
)
REJECTION_COLUMNS = ("rejection_id", "origin", "reason", "detail", "doc_id")


def column_list(columns: tuple[str, ...]) -> str:
    """Quoted, comma-separated column names (a few, like "date", are also SQL keywords)."""
    return ", ".join(f'"{c}"' for c in columns)


def placeholders(columns: tuple[str, ...]) -> str:
    return ", ".join("?" for _ in columns)


def document_row(doc: Document) -> tuple[Any, ...]:
    return (doc.doc_id, doc.title, doc.url, doc.outlet, doc.published, doc.text, doc.content_hash, doc.origin)


def document_from_row(row: tuple[Any, ...]) -> Document:
    values = dict(zip(DOCUMENT_COLUMNS, row))
    return Document(**values)


def _actor_values(actor: Actor | None) -> tuple[Any, ...]:
    if actor is None:
        return (None,) * len(ACTOR_FIELDS)
    return (actor.text, actor.code, actor.country, actor.sector, actor.name)


def _actor_from(values: dict[str, Any], prefix: str) -> Actor | None:
    if values[f"{prefix}_text"] is None:
        return None
    return Actor(*(values[f"{prefix}_{f}"] for f in ACTOR_FIELDS))


def event_row(event: Event) -> tuple[Any, ...]:
    attribution = json.dumps([a.to_dict() for a in event.attribution], ensure_ascii=False)
    return (
        event.event_id, event.doc_id, event.sentence_index,
        *_actor_values(event.source), *_actor_values(event.target),
        event.cameo, event.plover, event.goldstein, event.quad_class, event.status, event.date,
        event.date_basis, attribution, event.evidence.text, event.evidence.start, event.evidence.end,
        event.cluster_id, event.trigger, event.trigger_start,
    )


def event_from_row(row: tuple[Any, ...]) -> Event:
    v = dict(zip(EVENT_COLUMNS, row))
    return Event(
        event_id=v["event_id"], doc_id=v["doc_id"], sentence_index=v["sentence_index"],
        source=_actor_from(v, "source"), target=_actor_from(v, "target"),
        cameo=v["cameo"], plover=v["plover"], goldstein=v["goldstein"], quad_class=v["quad_class"],
        status=v["status"], date=v["date"], date_basis=v["date_basis"],
        evidence=Evidence(v["evidence_text"], v["evidence_start"], v["evidence_end"]),
        attribution=[Attribution(a["text"], a["kind"]) for a in json.loads(v["attribution"])],
        cluster_id=v["cluster_id"], trigger=v["trigger"], trigger_start=v["trigger_start"],
    )


def rejection_row(rej: Rejection) -> tuple[Any, ...]:
    return (rej.rejection_id, rej.origin, rej.reason, rej.detail, rej.doc_id)


def rejection_from_row(row: tuple[Any, ...]) -> Rejection:
    return Rejection(**dict(zip(REJECTION_COLUMNS, row)))


def in_list(values: list[Any] | tuple[Any, ...]) -> str:
    """`IN (?, ?, ...)` for these values: DuckDB looks an IN list of parameters up in an index, while
    `= ANY(?)` with a list parameter scans the whole table."""
    return f"IN ({', '.join('?' * len(values))})" if values else "IN (NULL)"
