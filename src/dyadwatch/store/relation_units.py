"""The relation units table (for dyadwatch.relations): every undirected dyad's cluster units, kept
by the store's single writer.

Computing a dyad's units from the events table means scanning every event and regrouping the dyad's
clusters, seconds at 10M events. So the writer keeps `relation_units` (schema.sql): exactly the rows
`UnitSource.units_sql` gives for count="clusters" and an undirected dyad, for every dyad at once
(a <= b its primary codes), written in dyad order so that DuckDB's zone maps skip every row group
of other dyads. The cluster origins are not copied: they are read from `clusters` at query time.

Freshness never rests on the refresh having run: every write that adds events or changes cluster
ids records the dyads it touched in `relation_pending` in the same transaction (or, for a change
to all clusters, empties `relation_state`, meaning "not built"); readers use the table only for a
dyad that is not pending in a built table, and compute from the events table otherwise. `refresh`
(run by the writer when a writable store is closed) recomputes the pending dyads, or everything
when the table is not built, in one transaction.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import duckdb

from dyadwatch.store.queries import SOURCE_PRIMARY, TARGET_PRIMARY

TABLES = ("relation_units", "relation_pending", "relation_state")
# For readers: whether the store has the tables (stores made before them do not), and whether one dyad
# (parameters a, b with a <= b) is current in a built table.
HAS_TABLES_SQL = (f"SELECT count(*) = {len(TABLES)} FROM information_schema.tables WHERE table_name IN "
                  f"({', '.join(repr(t) for t in TABLES)})")
FRESH_SQL = ("SELECT (SELECT count(*) FROM relation_state WHERE built) > 0 AND NOT EXISTS "
             "(SELECT 1 FROM relation_pending WHERE a = ? AND b = ?)")
COLUMNS = ("a", "b", "unit_id", "event_id", "source", "target", "plover", "cameo", "goldstein", "quad_class", "date",
           "n_reports", "n_docs", "clustered", "event_ids")
_KEYS = "va, vb, "
RESORT_SHARE = 0.25  # re-sort relation_units once refreshes have appended this share of its rows
RESORT_MIN_ROWS = 100_000  # ... and at least this many (a small table is scanned whole in no time anyway)
_PICKED = (f"SELECT least({SOURCE_PRIMARY}, {TARGET_PRIMARY}) AS va, greatest({SOURCE_PRIMARY}, {TARGET_PRIMARY}) AS vb, "
           f"event_id, cluster_id, {SOURCE_PRIMARY} AS source, {TARGET_PRIMARY} AS target, plover, cameo, goldstein, "
           'quad_class, "date", doc_id, sentence_index, true AS hit FROM events '
           f"WHERE status = 'asserted' AND {SOURCE_PRIMARY} IS NOT NULL AND {TARGET_PRIMARY} IS NOT NULL")
_SINGLES = ('SELECT va, vb, event_id AS unit_id, event_id, source, target, plover, cameo, goldstein, quad_class, "date", '
            "1 AS n_reports, 1 AS n_docs, false AS clustered, [event_id] AS event_ids FROM picked WHERE cluster_id IS NULL")
_CLUSTERS = ("SELECT va, vb, cluster_id AS unit_id, m.lead.event_id, m.lead.source, m.lead.target, m.plover, m.lead.cameo, "
             'm.lead.goldstein, m.lead.quad_class, best_date AS "date", n_reports, n_docs, true AS clustered, event_ids '
             "FROM per_cluster")


def dyad_key(source: str | None, target: str | None) -> tuple[str, str] | None:
    """The (a, b) key of an event's undirected dyad from its primary codes; None without both."""
    if source is None or target is None:
        return None
    return (source, target) if source <= target else (target, source)


def primary_code(country: str | None, code: str | None) -> str | None:
    """An actor's primary code as SOURCE_PRIMARY computes it in SQL."""
    if country is not None:
        return country
    return code[:3] if code is not None else None


def mark_pending(con: duckdb.DuckDBPyConnection, keys: Iterable[tuple[str, str] | None]) -> None:
    """Record dyads whose units changed (inside the caller's transaction)."""
    wanted = sorted({k for k in keys if k is not None})
    for start in range(0, len(wanted), 500):
        chunk = wanted[start:start + 500]
        con.execute(f"INSERT INTO relation_pending VALUES {', '.join(['(?, ?)'] * len(chunk))}",
                    [v for key in chunk for v in key])


def mark_rows_pending(con: duckdb.DuckDBPyConnection, rows: Iterable[tuple[Any, ...]]) -> None:
    """Mark the dyads of event rows (source_country, source_code, target_country, target_code)."""
    mark_pending(con, (dyad_key(primary_code(r[0], r[1]), primary_code(r[2], r[3])) for r in rows))


def mark_unbuilt(con: duckdb.DuckDBPyConnection) -> None:
    """Every dyad may have changed: the table is rebuilt from scratch at the next refresh."""
    con.execute("DELETE FROM relation_state")


def is_built(con: duckdb.DuckDBPyConnection) -> bool:
    row = con.execute("SELECT count(*) FROM relation_state WHERE built").fetchone()
    return bool(row and row[0])


def needs_refresh(con: duckdb.DuckDBPyConnection) -> bool:
    return not is_built(con) or con.execute("SELECT 1 FROM relation_pending LIMIT 1").fetchone() is not None


def build_sql(only_pending: bool) -> str:
    """INSERT of the units of every dyad (or of the pending ones), in dyad order."""
    from dyadwatch.relations.units import cluster_sql  # units imports this module

    picked = _PICKED
    if only_pending:
        picked = (f"SELECT * FROM ({_PICKED}) WHERE (va, vb) IN (SELECT (a, b) FROM relation_pending)")
    per_type, per_cluster = cluster_sql(keys=_KEYS)
    return (f"INSERT INTO relation_units ({', '.join(f'{chr(34)}{c}{chr(34)}' for c in COLUMNS)}) "
            f"WITH picked AS ({picked}), per_type AS ({per_type}), per_cluster AS ({per_cluster}) "
            f"SELECT * FROM ({_SINGLES} UNION ALL {_CLUSTERS}) ORDER BY va, vb, unit_id")


def refresh(con: duckdb.DuckDBPyConnection) -> str:
    """Bring relation_units up to date (inside the caller's transaction): "rebuilt", "refreshed" (and
    perhaps "re-sorted") or "fresh"."""
    row = con.execute("SELECT current_setting('enable_progress_bar')").fetchone()
    con.execute("SET enable_progress_bar = false")  # the refresh runs when a command ends: no bar after its output
    try:
        return _refresh(con)
    finally:
        con.execute(f"SET enable_progress_bar = {'true' if row and row[0] else 'false'}")


def _refresh(con: duckdb.DuckDBPyConnection) -> str:
    if not is_built(con):
        con.execute("DELETE FROM relation_units")
        con.execute(build_sql(only_pending=False))
        con.execute("DELETE FROM relation_pending")
        con.execute("DELETE FROM relation_state")
        con.execute("INSERT INTO relation_state VALUES (true, 0)")
        return "rebuilt"
    if con.execute("SELECT 1 FROM relation_pending LIMIT 1").fetchone() is None:
        return "fresh"
    con.execute("DELETE FROM relation_units WHERE (a, b) IN (SELECT (a, b) FROM relation_pending)")
    added = con.execute(build_sql(only_pending=True)).fetchone()
    con.execute("DELETE FROM relation_pending")
    con.execute("UPDATE relation_state SET appended = appended + ?", [int(added[0]) if added else 0])
    if _out_of_order(con):
        _resort(con)
        return "refreshed and re-sorted"
    return "refreshed"


def _out_of_order(con: duckdb.DuckDBPyConnection) -> bool:
    """Rows appended by refreshes land after the sorted ones, where zone maps cover many dyads at once."""
    row = con.execute("SELECT (SELECT max(appended) FROM relation_state), (SELECT count(*) FROM relation_units)").fetchone()
    return bool(row and row[0] and row[0] > RESORT_SHARE * max(row[1], 1) and row[0] >= RESORT_MIN_ROWS)


def _resort(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("CREATE TEMP TABLE relation_units_sorted AS SELECT * FROM relation_units ORDER BY a, b, unit_id")
    con.execute("DELETE FROM relation_units")
    con.execute("INSERT INTO relation_units SELECT * FROM relation_units_sorted ORDER BY a, b, unit_id")
    con.execute("DROP TABLE relation_units_sorted")
    con.execute("UPDATE relation_state SET appended = 0")


# The units of one dyad (parameters a, b with a <= b) as UnitSource's UNIT_COLUMNS plus `clustered`; the origins
# are n_docs here, replaced by the clusters table's independent_origins by the reader.
UNITS_SQL = ('SELECT unit_id, event_id, source, target, plover, cameo, goldstein, quad_class, "date", n_reports, '
             "CASE WHEN clustered THEN n_docs ELSE 1 END AS independent_origins, event_ids, clustered "
             "FROM relation_units WHERE a = ? AND b = ?")
