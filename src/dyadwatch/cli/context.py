"""State shared by the CLI commands: the database path chosen by --db / DYADWATCH_DB, and --debug."""
from __future__ import annotations

from pathlib import Path

from rich.console import Console

from dyadwatch.cli.errors import UserError

err = Console(stderr=True)


class State:
    db: Path = Path("dyadwatch.duckdb")
    debug: bool = False


state = State()


def require_db() -> Path:
    """The database path, or a user error (exit 2) when there is no database there."""
    if not state.db.exists():
        raise UserError(f"no database at {state.db} (ingest something first, or pass --db)")
    if state.db.is_dir():
        raise UserError(f"{state.db} is a folder, not a database file (pass --db with a .duckdb file)")
    return state.db
