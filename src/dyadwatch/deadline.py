"""A per-document time budget: `with time_budget(seconds): ...` raises DocTimeout when it runs out.

Two mechanisms, because signals reach only the main thread:
- in the main thread (the `ingest` command) a SIGALRM timer interrupts whatever Python code is
  running, spaCy's and ours alike, when the budget is spent;
- in any other thread (the web server's `POST /api/ingest`) the budget is cooperative:
  `check()` raises once the deadline has passed, and the coder calls it between pipeline
  components, so a runaway document is stopped at the next component boundary.
Budgets do not nest: an inner budget replaces the outer one until it ends.
"""
from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

_local = threading.local()


class DocTimeout(Exception):
    """A document used up its time budget."""


def check() -> None:
    """Raise DocTimeout when the current thread's budget has run out (no budget: never)."""
    deadline = getattr(_local, "deadline", None)
    if deadline is not None and time.monotonic() > deadline:
        raise DocTimeout("time budget exceeded")


@contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Run the block within `seconds` (None or <= 0: no limit)."""
    if seconds is None or seconds <= 0:
        yield
        return
    previous = getattr(_local, "deadline", None)
    _local.deadline = time.monotonic() + seconds
    use_alarm = threading.current_thread() is threading.main_thread() and hasattr(signal, "SIGALRM")
    old_handler = signal.signal(signal.SIGALRM, _on_alarm) if use_alarm else None
    if use_alarm:
        signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        if use_alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, old_handler)
        _local.deadline = previous


def _on_alarm(signum: int, frame: object) -> None:
    raise DocTimeout("time budget exceeded")
