"""The units the relations index counts: event clusters (default) or single reports, asserted only.

A cluster is one real-world event however many articles report it, so counting clusters keeps a
story syndicated to ten outlets from weighing ten times. Units are computed in DuckDB from the
events table with the same definition as issue 4's `dyadwatch.stories.queries.asserted_clusters`
(tests/test_relations.py checks the two agree whenever that module is installed): asserted events
grouped by `cluster_id`, an event without one being its own cluster; the cluster's type is its most
frequent PLOVER type (ties: the earliest report by doc_id, sentence), its source, target, CAMEO code
and Goldstein value those of the first report of that type, its date the most precise report date,
and its independent origins those stored by clustering (else its number of distinct documents).
Doing it in SQL keeps Python records out of the loop; at millions of events the scan and regrouping
still take seconds, so for an undirected dyad counted by clusters the units are read from the
relation units table the writer keeps (store/relation_units.py), where it is current for the dyad,
and computed here otherwise. With count="reports" every asserted event counts.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from dyadwatch.coding.ontology import PLOVER_TYPES
from dyadwatch.display import dyad_label
from dyadwatch.relations.periods import NEEDED_LENGTH, Period
from dyadwatch.store import Store, relation_units
from dyadwatch.store.queries import SOURCE_PRIMARY, TARGET_PRIMARY

CountMode = Literal["clusters", "reports"]
COUNT_MODES = ("clusters", "reports")
UNIT_COLUMNS = ("unit_id", "event_id", "source", "target", "plover", "cameo", "goldstein", "quad_class",
                "date", "n_reports", "independent_origins", "event_ids")


@dataclass(frozen=True)
class Dyad:
    """Two primary actor codes (ISO3 countries, or IGO/NGO/...); undirected unless `directed`."""

    a: str
    b: str
    directed: bool = False

    def __post_init__(self) -> None:
        for code in (self.a, self.b):
            if len(code) != 3 or not code.isalpha() or not code.isupper():
                raise ValueError(f"not a three-letter upper-case actor code: {code!r}")

    @property
    def label(self) -> str:
        """How a dyad is written everywhere (CLI, API, report, dashboard): "PRK-CHN", or "PRK→CHN" directed."""
        return dyad_label(self.a, self.b, self.directed)

    def sql(self) -> tuple[str, list[str]]:
        """WHERE clause (over the events table) and parameters selecting this dyad."""
        one_way = f"({SOURCE_PRIMARY} = ? AND {TARGET_PRIMARY} = ?)"
        if self.directed:
            return one_way, [self.a, self.b]
        return f"({one_way} OR {one_way})", [self.a, self.b, self.b, self.a]


@dataclass
class Unit:
    """One counted unit: a cluster (or a single report), described by its representative report."""

    unit_id: str
    event_id: str  # the representative report
    source: str | None
    target: str | None
    plover: str
    cameo: str
    goldstein: float
    quad_class: int
    date: str | None
    n_reports: int = 1
    independent_origins: int = 1
    event_ids: list[str] = field(default_factory=list)


@dataclass
class DateAggregate:
    """Units sharing one event date string (any precision), summed."""

    date: str | None
    units: int
    reports: int
    quad: tuple[int, int, int, int]
    plover: dict[str, int]
    goldstein_sum: float


# A report's place in store order (doc_id, sentence_index, event_id) as one string: string keys in
# arg_min/min are several times faster in DuckDB than struct keys or window functions.
_ORD = "doc_id || chr(31) || lpad(CAST(sentence_index AS VARCHAR), 9, '0') || chr(31) || event_id"
# Most precise date first ("00" for YYYY-MM-DD ... "10" for no date), then store order.
_DATE_KEY = f"lpad(CAST(10 - length(coalesce(\"date\", '')) AS VARCHAR), 2, '0') || {_ORD}"
_PICKED = (f'SELECT event_id, cluster_id, {SOURCE_PRIMARY} AS source, {TARGET_PRIMARY} AS target, plover, '
           f'cameo, goldstein, quad_class, "date", doc_id, sentence_index, @HIT@ AS hit '
           f"FROM events WHERE status = 'asserted' AND ")
_SINGLE = ('SELECT event_id AS unit_id, event_id, source, target, plover, cameo, goldstein, quad_class, "date", '
           '1 AS n_reports, 1 AS independent_origins, [event_id] AS event_ids FROM picked')
_PER_TYPE = (
    f"SELECT @KEYS@cluster_id, plover, count(*) AS n, min({_ORD}) AS first_ord, "
    "arg_min({'event_id': event_id, 'source': source, 'target': target, 'cameo': cameo, 'goldstein': goldstein, "
    f"'quad_class': quad_class}}, {_ORD}) AS lead, min({_DATE_KEY}) AS date_key, arg_min(\"date\", {_DATE_KEY}) AS type_date"
    ", bool_or(hit) AS hit@DETAIL@ FROM picked WHERE cluster_id IS NOT NULL GROUP BY @KEYS@cluster_id, plover")
_PER_CLUSTER = (
    "SELECT @KEYS@cluster_id, arg_min({'plover': plover, 'lead': lead}, "
    "lpad(CAST(1000000000 - n AS VARCHAR), 10, '0') || first_ord) AS m, arg_min(type_date, date_key) AS best_date, "
    "sum(n) AS n_reports, bool_or(hit) AS hit@DETAIL@ FROM per_type GROUP BY @KEYS@cluster_id")
_CLUSTER_UNITS = (
    "SELECT p.cluster_id AS unit_id, p.m.lead.event_id, p.m.lead.source, p.m.lead.target, p.m.plover, "
    "p.m.lead.cameo, p.m.lead.goldstein, p.m.lead.quad_class, p.best_date AS \"date\", p.n_reports, "
    "{origins} AS independent_origins, p.event_ids FROM per_cluster p {join} WHERE p.hit")


def cluster_sql(*, detail: bool = True, keys: str = "") -> tuple[str, str]:
    """The per-type and per-cluster SELECTs over `picked`, grouped also by `keys` (e.g. "va, vb, ") when given."""
    per_type = _PER_TYPE.replace("@KEYS@", keys).replace(
        "@DETAIL@", ", list(event_id) AS ids, list(doc_id) AS docs" if detail else "")
    per_cluster = _PER_CLUSTER.replace("@KEYS@", keys).replace(
        "@DETAIL@", (", list_sort(flatten(list(ids))) AS event_ids, length(list_distinct(flatten(list(docs)))) AS n_docs"
                     if detail else ", NULL AS event_ids, NULL AS n_docs"))
    return per_type, per_cluster


def cut_date(length: int, column: str = '"date"') -> str:
    """SQL for a well-formed date cut to its first `length` characters (a coarser or malformed one unchanged):
    every period needing at most that precision holds the cut date exactly when it holds the full one."""
    return (f"CASE WHEN regexp_full_match({column}, '\\d{{4}}(-\\d{{2}}(-\\d{{2}})?)?') AND length({column}) >= {length} "
            f"THEN substr({column}, 1, {length}) ELSE {column} END")


ORIGIN_LOOKUPS = 2000  # clusters looked up by key in IN lists up to this many; beyond, one scan of the table


class UnitSource:
    """Units of a store for one count mode, as SQL over the events table, or over relation_units
    (store/relation_units.py) for an undirected dyad counted by clusters where that table is current."""

    def __init__(self, store: Store, count: CountMode = "clusters", *, materialized: bool = True) -> None:
        if count not in COUNT_MODES:
            raise ValueError(f"unknown count {count!r}: choose clusters or reports")
        self.store = store
        self.count = count
        self.has_cluster_table = count == "clusters" and _has_column(store, "clusters", "independent_origins")
        # relation_units (store/relation_units.py) holds undirected cluster units; False always computes from events
        self.materialized = materialized and count == "clusters" and bool(store.sql(relation_units.HAS_TABLES_SQL)[0][0])
        self.describe = ("reports (every asserted report counts once)" if count == "reports" else
                         "clusters (one unit per real-world event; unclustered reports count alone)")

    def units_sql(self, where: str, params: Sequence[Any] = (), *, member_filter: str | None = None,
                  member_params: Sequence[Any] = (), detail: bool = True) -> tuple[str, list[Any]]:
        """SELECT of units (UNIT_COLUMNS) among asserted events matching `where`, and its parameters.

        `member_filter` keeps only units with at least one report matching it (whole clusters are kept,
        so their report counts stay right); without `detail`, event_ids and origins are left NULL.
        """
        if not member_filter:
            picked, all_params = _PICKED.replace("@HIT@", "true") + f"({where})", list(params)
        elif self.count == "reports":
            picked = _PICKED.replace("@HIT@", "true") + f"({where}) AND ({member_filter})"
            all_params = [*params, *member_params]
        else:
            # One scan: every clustered report of the dyad (a cluster is kept when any report matches, and
            # keeps all its reports) plus the matching unclustered ones.
            picked = (_PICKED.replace("@HIT@", f"({member_filter})")
                      + f"({where}) AND (cluster_id IS NOT NULL OR ({member_filter}))")
            all_params = [*member_params, *params, *member_params]
        if self.count == "reports":
            return f"WITH picked AS ({picked}) {_SINGLE}", all_params
        per_type, per_cluster = cluster_sql(detail=detail)
        origins, join = "p.n_docs", ""
        if self.has_cluster_table and detail:
            origins, join = "coalesce(k.independent_origins, p.n_docs)", "LEFT JOIN clusters k USING (cluster_id)"
        clustered = _CLUSTER_UNITS.format(origins=origins, join=join)
        return (f"WITH picked AS ({picked}), per_type AS ({per_type}), per_cluster AS ({per_cluster}) "
                f"{_SINGLE} WHERE cluster_id IS NULL UNION ALL {clustered}"), all_params

    def stored_units(self, dyad: Dyad) -> tuple[str, list[Any]] | None:
        """SELECT of the dyad's units from relation_units when that table is current for it, else None."""
        if not self.materialized or dyad.directed:
            return None
        a, b = sorted((dyad.a, dyad.b))
        if not self.store.sql(relation_units.FRESH_SQL, [a, b])[0][0]:
            return None
        return relation_units.UNITS_SQL, [a, b]

    def date_aggregates(self, dyad: Dyad, cut: int | None = None) -> list[DateAggregate]:
        """The dyad's units summed per event date string (cut to its first `cut` characters when given,
        see cut_date)."""
        units, params = self.stored_units(dyad) or self.units_sql(*dyad.sql(), detail=False)
        date = cut_date(cut) if cut else '"date"'
        quads = ", ".join(f"count(*) FILTER (WHERE quad_class = {q})" for q in (1, 2, 3, 4))
        types = ", ".join(f"count(*) FILTER (WHERE plover = '{p}')" for p in PLOVER_TYPES)
        sql = (f'SELECT {date} AS cut, count(*), sum(n_reports), sum(goldstein), {quads}, {types} '
               f'FROM ({units}) GROUP BY cut ORDER BY cut NULLS LAST')
        return [DateAggregate(row[0], int(row[1]), int(row[2]), tuple(int(n) for n in row[4:8]),  # type: ignore[arg-type]
                              {p: int(n) for p, n in zip(PLOVER_TYPES, row[8:]) if n}, float(row[3]))
                for row in self.store.sql(sql, params)]

    def units(self, dyad: Dyad, *, within: Sequence[Period] = (), query: str | None = None,
              limit: int | None = None) -> list[Unit]:
        """The dyad's units dated inside one of `within` (precision-aware; all when empty) with a report
        whose evidence contains `query` (case-insensitive), by date."""
        member: list[str] = []
        member_params: list[Any] = []
        for period in within:
            length = NEEDED_LENGTH[period.by]
            member.append(f'(length("date") >= {length} AND substr("date", 1, {length}) BETWEEN ? AND ?)')
            member_params += [period.start.isoformat()[:length], period.end.isoformat()[:length]]
        period_filter = f"({' OR '.join(member)})" if member else None
        filters = [f for f in (period_filter, "contains(lower(evidence_text), lower(?))" if query else None) if f]
        if query:
            member_params.append(query)
        stored = None if query else self.stored_units(dyad)
        if stored:  # a unit dated inside a period has a report dated there: no member filter is needed
            units, params = stored
        else:
            units, params = self.units_sql(*dyad.sql(), member_filter=" AND ".join(filters) or None,
                                           member_params=member_params)
        outer_params = member_params[:-1] if query else member_params
        sql = (f"SELECT {', '.join(UNIT_COLUMNS)}{', clustered' if stored else ''} FROM ({units}) "
               f"{'WHERE ' + period_filter if period_filter else ''} ORDER BY \"date\" NULLS LAST, unit_id"
               f"{f' LIMIT {int(limit)}' if limit else ''}")
        rows = self.store.sql(sql, params + outer_params)
        if not stored:
            return [Unit(**dict(zip(UNIT_COLUMNS, row))) for row in rows]
        found = [Unit(**dict(zip(UNIT_COLUMNS, row[:-1]))) for row in rows]
        if self.has_cluster_table:
            self._add_origins([unit for unit, row in zip(found, rows) if row[-1]])
        return found

    def _add_origins(self, clustered: list[Unit]) -> None:
        """Independent origins from the clusters table (n_docs stays where it has no row), looked up by
        key: a join would scan every cluster of the store."""
        ids = [u.unit_id for u in clustered]
        if len(ids) <= ORIGIN_LOOKUPS:
            rows = [row for start in range(0, len(ids), 500) for row in self.store.sql(
                f"SELECT cluster_id, independent_origins FROM clusters WHERE cluster_id IN "
                f"({', '.join('?' for _ in ids[start:start + 500])})", ids[start:start + 500])]
        else:
            rows = self.store.sql("SELECT cluster_id, independent_origins FROM clusters "
                                  "WHERE cluster_id IN (SELECT unnest(?::VARCHAR[]))", [ids])
        origins = dict(rows)
        for unit in clustered:
            unit.independent_origins = origins.get(unit.unit_id, unit.independent_origins)


def _has_column(store: Store, table: str, column: str) -> bool:
    rows = store.sql("SELECT 1 FROM information_schema.columns WHERE table_name = ? AND column_name = ?",
                     [table, column])
    return bool(rows)


def unit_source(store: Store, count: CountMode = "clusters", *, materialized: bool = True) -> UnitSource:
    return UnitSource(store, count, materialized=materialized)
