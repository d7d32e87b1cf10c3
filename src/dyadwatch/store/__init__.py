"""Store: documents, events and rejections in one DuckDB file.

`Store(path, read_only=False)` opens (and on first use creates) a database; `Store.writer` does all
writes, one transaction per document; opens wait a bounded time for a file another process holds
(locking.py, `DatabaseBusy` after that); `resolve_db_path` picks the file from --db or $DYADWATCH_DB.
"""
from dyadwatch.store.errors import DatabaseBusy, NotADatabase, StoreError
from dyadwatch.store.paths import DEFAULT_DB, ENV_VAR, resolve_db_path
from dyadwatch.store.schema import SCHEMA_VERSION, SchemaError
from dyadwatch.store.store import Store
from dyadwatch.store.writer import StoreWriter

__all__ = ["DEFAULT_DB", "ENV_VAR", "SCHEMA_VERSION", "DatabaseBusy", "NotADatabase", "SchemaError", "Store", "StoreError",
           "StoreWriter", "resolve_db_path"]
