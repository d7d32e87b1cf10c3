"""Errors of the store that are the user's to fix (a wrong --db, a busy file), not bugs."""
from __future__ import annotations


class StoreError(RuntimeError):
    """A database the user pointed at cannot be used as it is."""


class DatabaseBusy(StoreError):
    """Another process held the database file for longer than we were willing to wait."""


class NotADatabase(StoreError):
    """The file exists but is not a DuckDB database."""
