"""A synthetic dyadwatch store of millions of events, generated in DuckDB SQL (no Python loop over rows).

The spread imitates a news event store: 200 actor countries with a power-law share of events (a few
countries take most of them) plus ~3 % IGO/NGO actors without a country and ~4 % events without a
target; eight sectors; dates from 2000-01-01 to 2026-12-31 (85 % to the day, 10 % to the month, 3 %
to the year, 2 % undated); 80 % asserted, 12 % hypothetical, 8 % negated; a third of the events in
clusters of three consecutive reports of one real-world event (same dyad, mostly the same type,
dated with differing precision). PRK–CHN is the heavy dyad of the benchmark (~1 % of all events, more with the skew),
turning from cooperation to conflict in 2021. Events are inserted in chunks of CHUNK rows, so memory
stays bounded whatever the size, and the clusters table gets one row per cluster. Being written
behind the store writer's back, the store is left with its relation units table marked as not built.

    generate(Path("/tmp/x.duckdb"), 10_000_000)
"""
from __future__ import annotations

import itertools
import string
from pathlib import Path

import duckdb

from dyadwatch.store import Store

CHUNK = 1_000_000
N_COUNTRIES = 200
HEAVY = ("PRK", "CHN")
KNOWN = ["PRK", "CHN", "USA", "RUS", "KOR", "JPN", "UKR", "IRN", "ISR", "PHL", "VNM", "IND", "PAK", "GBR", "FRA",
         "DEU", "TUR", "SYR", "IRQ", "SAU", "EGY", "ETH", "SDN", "NGA", "ZAF", "BRA", "VEN", "COL", "MEX", "CAN",
         "AUS", "IDN", "MYS", "THA", "MMR", "AFG", "POL", "BLR", "QAT", "YEM"]
SECTORS = ["GOV", "MIL", "BUS", "MED", "CVL", "OPP", "REB", "JUD"]
ORGANISATIONS = ["IGO", "NGO", "MNC"]  # codes without a country: their primary code is these letters
# (cameo, plover, goldstein, quad class, verb phrase for the evidence sentence)
CODES = [("040", "CONSULT", 1.0, 1, "held talks with"), ("057", "AGREE", 8.0, 1, "signed an accord with"),
         ("051", "COOPERATE", 3.4, 1, "praised cooperation with"), ("070", "AID", 7.0, 2, "sent aid to"),
         ("111", "ACCUSE", -2.0, 3, "criticised"), ("120", "REJECT", -4.0, 3, "rejected a proposal from"),
         ("130", "THREATEN", -4.4, 3, "threatened"), ("163", "SANCTION", -8.0, 4, "imposed sanctions on"),
         ("171", "COERCE", -9.2, 4, "seized ships of"), ("190", "ASSAULT", -10.0, 4, "shelled positions of")]
START = "2000-01-01"
DAYS = 9862  # 2000-01-01 .. 2026-12-31
TURN_DAY = 7852  # 2021-07-01: PRK-CHN turns sour

GENERATE = f"""
INSERT INTO events
WITH base AS (
    SELECT i,
           -- a third of the events come in clusters of three consecutive reports of one real-world event
           CASE WHEN hash(i - i % 3, 8) % 100 < 33 THEN i - i % 3 END AS cluster_seed,
           (hash(i, 6) % 100)::INT AS prec, (hash(i, 7) % 100)::INT AS stat
    FROM range(?, ?) r(i)
), grouped AS (
    SELECT *, coalesce(cluster_seed, i) AS g,
           -- one report in five of a cluster is coded with a neighbouring type (the cluster type is the majority)
           CASE WHEN cluster_seed IS NOT NULL AND hash(i, 10) % 5 = 0 THEN 1 ELSE 0 END AS drift
    FROM base
), drawn AS (
    SELECT *, hash(g, 1) % 1000 < 10 AS heavy,
           least({N_COUNTRIES - 1}, floor(pow((hash(g, 2) % 100000) / 100000.0, 1.6) * {N_COUNTRIES})::INT) AS s,
           least({N_COUNTRIES - 2}, floor(pow((hash(g, 3) % 100000) / 100000.0, 1.4) * {N_COUNTRIES - 1})::INT) AS t_raw,
           (hash(g, 5) % {DAYS})::INT AS day_offset,
           (hash(g, 11) % 100)::INT AS kind_draw, (hash(g, 12) % {len(SECTORS)})::INT AS s_sector,
           (hash(g, 13) % {len(SECTORS)})::INT AS t_sector
    FROM grouped
), shaped AS (
    SELECT *,
           CASE WHEN heavy THEN (hash(g, 14) % 2)::INT ELSE s END AS src,
           CASE WHEN heavy THEN 1 - (hash(g, 14) % 2)::INT WHEN t_raw >= s THEN t_raw + 1 ELSE t_raw END AS tgt,
           (CASE WHEN heavy AND day_offset >= {TURN_DAY} THEN 4 + hash(g, 4) % 6
                 WHEN heavy THEN hash(g, 4) % 6 ELSE hash(g, 4) % 10 END + drift)::INT % 10 AS code,
           DATE '{START}' + day_offset AS d
    FROM drawn
), actors AS (
    SELECT *,
           CASE WHEN NOT heavy AND kind_draw < 3 THEN NULL ELSE c1.name END AS s_country,
           CASE WHEN NOT heavy AND kind_draw < 3 THEN o.name || 'UNO' ELSE c1.name || s1.name END AS s_code,
           CASE WHEN NOT heavy AND kind_draw BETWEEN 3 AND 6 THEN NULL ELSE c2.name || s2.name END AS t_code,
           c2.name AS t_country_name, s1.name AS s_sector_name, s2.name AS t_sector_name
    FROM shaped
    JOIN countries c1 ON c1.idx = src
    JOIN countries c2 ON c2.idx = tgt
    JOIN sectors s1 ON s1.idx = s_sector
    JOIN sectors s2 ON s2.idx = t_sector
    JOIN organisations o ON o.idx = kind_draw % {len(ORGANISATIONS)}
)
SELECT 'e-' || i, 'd-' || (i // 5), (i % 5)::INT,
       CASE WHEN s_country IS NULL THEN 'the organisation' ELSE 'officials' END, s_code, s_country,
       CASE WHEN s_country IS NULL THEN NULL ELSE s_sector_name END, NULL,
       CASE WHEN t_code IS NULL THEN NULL ELSE 'officials' END, t_code,
       CASE WHEN t_code IS NULL THEN NULL ELSE t_country_name END,
       CASE WHEN t_code IS NULL THEN NULL ELSE t_sector_name END, NULL,
       k.cameo, k.plover, k.goldstein, k.quad,
       CASE WHEN stat < 80 THEN 'asserted' WHEN stat < 92 THEN 'hypothetical' ELSE 'negated' END,
       CASE WHEN prec < 85 THEN strftime(d, '%Y-%m-%d') WHEN prec < 95 THEN strftime(d, '%Y-%m')
            WHEN prec < 98 THEN strftime(d, '%Y') END,
       CASE WHEN prec < 98 THEN 'explicit' END,
       '[{{"text": "officials", "kind": "official"}}]',
       'Officials of ' || coalesce(s_country, s_code) || ' ' || k.verb || ' ' || coalesce(t_country_name, 'others')
           || ' on day ' || day_offset || '.',
       0, 60,
       CASE WHEN cluster_seed IS NOT NULL THEN 'c-' || cluster_seed END,
       k.verb, 10
FROM actors
JOIN codes k ON k.idx = code
"""

DOCUMENTS = f"""
INSERT INTO documents (doc_id, title, url, outlet, published, text, content_hash, origin)
SELECT 'd-' || j, 'Synthetic report ' || j, 'https://wire.test/' || j, 'Wire ' || (j % 7),
       DATE '{START}' + (hash(j) % {DAYS})::INT, 'Synthetic article text.', 'h-' || j, 'bench'
FROM range(?, ?) r(j)
"""

CLUSTERS = """
INSERT INTO clusters
SELECT cluster_id, mode(plover), mode(cameo), any_value(source_country), any_value(target_country), max("date"),
       count(*), count(*) FILTER (WHERE status = 'asserted'), count(DISTINCT doc_id), count(DISTINCT doc_id),
       '[]', '[]'
FROM events WHERE cluster_id IS NOT NULL GROUP BY cluster_id
"""


def country_codes(n: int = N_COUNTRIES) -> list[str]:
    """The KNOWN codes, then made-up three-letter codes, `n` in all (index 0 and 1 are PRK and CHN)."""
    made_up = ("".join(p) for p in itertools.product(string.ascii_uppercase, repeat=3))
    extra = [c for c in made_up if c not in KNOWN and c not in ORGANISATIONS and c[0] in "QXZ"]
    return (KNOWN + extra)[:n]


def _lookup(con: duckdb.DuckDBPyConnection, table: str, names: list[str]) -> None:
    con.execute(f"CREATE TEMP TABLE {table} AS SELECT unnest(?) AS name, generate_subscripts(?, 1) - 1 AS idx",
                [names, names])


def generate(db: Path, n_events: int, *, memory_limit: str = "3GB") -> None:
    """A fresh store at `db` holding `n_events` synthetic events, their documents and clusters."""
    for suffix in ("", ".wal"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    with Store(db):
        pass  # creates the schema (tables and indexes) as dyadwatch does
    con = duckdb.connect(str(db))
    try:
        con.execute(f"SET memory_limit = '{memory_limit}'")
        con.execute("SET preserve_insertion_order = false")
        con.execute("SET enable_progress_bar = false")
        _lookup(con, "countries", country_codes())
        _lookup(con, "sectors", SECTORS)
        _lookup(con, "organisations", ORGANISATIONS)
        con.execute("CREATE TEMP TABLE codes (idx INT, cameo VARCHAR, plover VARCHAR, goldstein DOUBLE, quad INT, "
                    "verb VARCHAR)")
        con.executemany("INSERT INTO codes VALUES (?, ?, ?, ?, ?, ?)", [(i, *c) for i, c in enumerate(CODES)])
        for start in range(0, n_events, CHUNK):
            con.execute(GENERATE, [start, min(n_events, start + CHUNK)])
        n_documents = (n_events + 4) // 5
        for start in range(0, n_documents, CHUNK):
            con.execute(DOCUMENTS, [start, min(n_documents, start + CHUNK)])
        con.execute(CLUSTERS)
        if con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'relation_state'").fetchone()[0]:
            # these rows went in behind the writer's back: its relation units table must be built again
            con.execute("DELETE FROM relation_state")
        con.execute("CHECKPOINT")
    finally:
        con.close()
