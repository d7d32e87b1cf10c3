"""Taking turns with readers of the same file: a long writing run gives the file up when a reader asks.

DuckDB lets one process write a file or many read it (locking.py), so a long `ingest` would keep
`serve` from reading for its whole run. A reader that meets the writer's lock asks for a turn by
creating a marker file beside the database (`<db>.readers-waiting`); the writer looks for it between
two documents (a stat, nothing more when nobody asks), and when it is there, at most once every
GIVE_WAY_EVERY seconds, removes it, closes its connection (committed work is on disk), waits
READER_WINDOW seconds for the readers to open the file, and opens it again, waiting for them to finish.
So the dashboard shows what the run has stored so far, and a run nobody reads from never pauses.
"""
from __future__ import annotations

import time
from pathlib import Path

GIVE_WAY_EVERY = 2.0  # seconds of writing at least between two turns given (readers cannot starve the run)
READER_WINDOW = 0.2  # seconds the file stays free; readers retry every 0.05 s (locking.RETRY_EVERY)
_MARKER_SUFFIX = ".readers-waiting"


def marker_path(db: str | Path) -> Path:
    """The file whose presence says that a reader waits for the database `db`."""
    db = Path(db)
    return db.with_name(db.name + _MARKER_SUFFIX)


def ask_for_turn(db: str | Path) -> None:
    """Tell the process writing `db` that a reader waits (creating the marker; an existing one is fine)."""
    try:
        marker_path(db).touch()
    except OSError:
        pass  # a read-only folder: the reader waits or answers from its cache, as without a marker


class TurnTaking:
    """The writer's side: `due()` says whether to give the file up now."""

    def __init__(self, db: str | Path, every: float = GIVE_WAY_EVERY) -> None:
        self.marker = marker_path(db)
        self.every = every
        self.last = time.monotonic()

    def due(self) -> bool:
        """True (and the request taken) when a reader asked and the last turn was long enough ago."""
        if time.monotonic() - self.last < self.every or not self.marker.exists():
            return False
        self.marker.unlink(missing_ok=True)
        return True

    def given(self) -> None:
        self.last = time.monotonic()
