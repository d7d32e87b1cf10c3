"""The store's schema: applying schema.sql to a new or existing database and checking its version."""
from __future__ import annotations

from importlib.resources import files

import duckdb

from dyadwatch.store.errors import StoreError

SCHEMA_VERSION = 2  # 2: events.trigger_start (added to version-1 stores by apply_schema)


class SchemaError(StoreError):
    """The database is not a dyadwatch store this version can use."""


def schema_sql() -> str:
    return files("dyadwatch.store").joinpath("schema.sql").read_text(encoding="utf-8")


def apply_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create missing tables and indexes, record the schema version; refuse newer databases."""
    con.execute(schema_sql())
    found = stored_version(con)
    if found is not None and found > SCHEMA_VERSION:
        raise SchemaError(f"database schema version {found} is newer than this dyadwatch ({SCHEMA_VERSION})")
    if found is None or found < SCHEMA_VERSION:  # schema.sql has already added what the older version lacked
        con.execute("INSERT INTO schema_version (version) VALUES (?)", [SCHEMA_VERSION])


def check_schema(con: duckdb.DuckDBPyConnection) -> None:
    """For read-only opens: the database must already be a dyadwatch store of a known version."""
    tables = {row[0] for row in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    if "schema_version" not in tables:
        raise SchemaError("not a dyadwatch database (no schema_version table)")
    found = stored_version(con)
    if found is None or found > SCHEMA_VERSION:
        raise SchemaError(f"unsupported dyadwatch schema version {found}")
    if found < SCHEMA_VERSION:
        raise SchemaError(f"database schema version {found} is older than this dyadwatch ({SCHEMA_VERSION}); any "
                          "writing command upgrades it, e.g. ingesting a file again (stored documents are skipped)")


def stored_version(con: duckdb.DuckDBPyConnection) -> int | None:
    row = con.execute("SELECT max(version) FROM schema_version").fetchone()
    return None if row is None or row[0] is None else int(row[0])
