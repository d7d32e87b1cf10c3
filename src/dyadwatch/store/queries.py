"""SQL for the store's read queries: event filters and the dyad-by-month summary."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from dyadwatch.store.rows import EVENT_COLUMNS, column_list

# An actor's primary code: its ISO3 country, else the first three letters of its CAMEO code (IGO, NGO, ...).
SOURCE_PRIMARY = "coalesce(source_country, substr(source_code, 1, 3))"
TARGET_PRIMARY = "coalesce(target_country, substr(target_code, 1, 3))"


@dataclass
class EventFilter:
    """WHERE clauses with their parameters, built one filter at a time."""

    clauses: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, clause: str, *params: Any) -> None:
        self.clauses.append(clause)
        self.params.extend(params)

    def where(self) -> str:
        return f"WHERE {' AND '.join(self.clauses)}" if self.clauses else ""


EVENTS_ORDER = "ORDER BY doc_id, sentence_index, trigger_start NULLS LAST, event_id"  # text order


def events_query(*, dyad: tuple[str, str] | None = None, since: str | None = None, until: str | None = None,
                 plover: str | None = None, status: str | None = None, doc_id: str | None = None,
                 cluster_id: str | None = None) -> tuple[str, list[Any]]:
    """SELECT for events matching every given filter, in text order: doc_id, sentence_index, trigger_start.

    `dyad` matches the two primary codes in either direction. `since`/`until` are date prefixes
    (YYYY, YYYY-MM or YYYY-MM-DD) compared with the same-length prefix of the event date, so
    until="2024-07" keeps "2024-07-31"; events without a date are left out when a bound is given.
    """
    f = EventFilter()
    if dyad is not None:
        a, b = (code.upper() for code in dyad)
        f.add(f"(({SOURCE_PRIMARY} = ? AND {TARGET_PRIMARY} = ?) OR ({SOURCE_PRIMARY} = ? AND {TARGET_PRIMARY} = ?))",
              a, b, b, a)
    if since:
        f.add('"date" IS NOT NULL AND substr("date", 1, ?) >= ?', len(since), since)
    if until:
        f.add('"date" IS NOT NULL AND substr("date", 1, ?) <= ?', len(until), until)
    for column, value in (("plover", plover), ("status", status), ("doc_id", doc_id), ("cluster_id", cluster_id)):
        if value is not None:
            f.add(f"{column} = ?", value)
    sql = f"SELECT {column_list(EVENT_COLUMNS)} FROM events {f.where()} {EVENTS_ORDER}"
    return sql, f.params


# Asserted events dated at least to the month, between two different primary codes, as an undirected
# dyad "AAA-BBB" (codes sorted); the `limit` dyads with most such events, then month by month.
DYAD_MONTH_COUNTS = f"""
WITH dated AS (
    SELECT {SOURCE_PRIMARY} AS a, {TARGET_PRIMARY} AS b, substr("date", 1, 7) AS month
    FROM events
    WHERE status = 'asserted' AND length("date") >= 7
), pairs AS (
    SELECT least(a, b) || '-' || greatest(a, b) AS dyad, month
    FROM dated
    WHERE a IS NOT NULL AND b IS NOT NULL AND a <> b
), top AS (
    SELECT dyad, count(*) AS total FROM pairs GROUP BY dyad ORDER BY total DESC, dyad LIMIT ?
)
SELECT pairs.dyad, pairs.month, count(*) AS n
FROM pairs JOIN top USING (dyad)
GROUP BY pairs.dyad, pairs.month, top.total
ORDER BY top.total DESC, pairs.dyad, pairs.month
"""

COUNTS = """
SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM events),
       (SELECT count(*) FROM events WHERE status = 'asserted'), (SELECT count(*) FROM rejections)
"""

READ_ONLY_KEYWORDS = frozenset({"select", "with", "from", "values", "describe", "show", "summarize",
                                "explain", "table"})
