"""Periods of time (day, week, month, quarter, year) and the precision-aware placement of event dates.

Event dates carry their own precision: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. An event is placed only in
periods its precision determines: a day-dated event fits every period; a month-dated one fits a month,
a quarter and a year but no day or ISO week; a year-dated one fits only a year. Coarser-dated events
are never spread or guessed into finer periods; the index reports them apart (see index.py).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

PERIODS = ("day", "week", "month", "quarter", "year")
PRECISION_LENGTH = {"day": 10, "month": 7, "year": 4}
# The date precision each period needs, as the length of the date string.
NEEDED_LENGTH = {"day": 10, "week": 10, "month": 7, "quarter": 7, "year": 4}

_KEY_PATTERNS = (
    ("day", re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")),
    ("week", re.compile(r"^(\d{4})-W(\d{2})$")),
    ("quarter", re.compile(r"^(\d{4})-Q([1-4])$")),
    ("month", re.compile(r"^(\d{4})-(\d{2})$")),
    ("year", re.compile(r"^(\d{4})$")),
)
_DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@dataclass(frozen=True)
class Period:
    """One period: its key (e.g. "2024-07", "2024-W28", "2024-Q3"), kind and first and last day."""

    key: str
    by: str
    start: date
    end: date

    def holds(self, event_date: str | None) -> bool:
        """Whether an event with this date belongs to the period (its precision must be fine enough)."""
        if not event_date or len(event_date) < NEEDED_LENGTH[self.by] or not _DATE_RE.match(event_date):
            return False
        length = NEEDED_LENGTH[self.by]
        return self.start.isoformat()[:length] <= event_date[:length] <= self.end.isoformat()[:length]


def check_period_kind(by: str) -> str:
    if by not in PERIODS:
        raise ValueError(f"unknown period {by!r}: choose one of {', '.join(PERIODS)}")
    return by


def precision(event_date: str | None) -> str | None:
    """"day", "month" or "year" for a well-formed event date, else None."""
    if not event_date or not _DATE_RE.match(event_date):
        return None
    return {10: "day", 7: "month", 4: "year"}[len(event_date)]


def period_key(event_date: str | None, by: str) -> str | None:
    """The key of the `by` period holding this date, or None when the date is too coarse (or absent)."""
    if not event_date or len(event_date) < NEEDED_LENGTH[by] or not _DATE_RE.match(event_date):
        return None
    if by == "day":
        return event_date[:10]
    if by == "week":
        year, week, _ = date.fromisoformat(event_date[:10]).isocalendar()
        return f"{year}-W{week:02d}"
    if by == "month":
        return event_date[:7]
    if by == "quarter":
        return f"{event_date[:4]}-Q{(int(event_date[5:7]) + 2) // 3}"
    return event_date[:4]


def parse_period(key: str) -> Period:
    """The Period for a key of any kind; ValueError for anything else."""
    for by, pattern in _KEY_PATTERNS:
        m = pattern.match(key)
        if not m:
            continue
        year = int(m.group(1))
        try:
            return _period(key, by, year, m)
        except ValueError as exc:
            raise ValueError(f"not a valid {by}: {key!r} ({exc})") from None
    raise ValueError(f"not a period: {key!r} (use YYYY, YYYY-Qn, YYYY-MM, YYYY-Www or YYYY-MM-DD)")


def _period(key: str, by: str, year: int, m: re.Match[str]) -> Period:
    if by == "day":
        day = date(year, int(m.group(2)), int(m.group(3)))
        return Period(key, by, day, day)
    if by == "week":
        start = date.fromisocalendar(year, int(m.group(2)), 1)
        return Period(key, by, start, start + timedelta(days=6))
    if by == "month":
        start = date(year, int(m.group(2)), 1)
        return Period(key, by, start, _month_end(start))
    if by == "quarter":
        first_month = 3 * (int(m.group(2)) - 1) + 1
        start = date(year, first_month, 1)
        return Period(key, by, start, _month_end(date(year, first_month + 2, 1)))
    return Period(key, by, date(year, 1, 1), date(year, 12, 31))


def _month_end(first: date) -> date:
    following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return following - timedelta(days=1)


def next_key(key: str, by: str) -> str:
    """The key of the period right after `key`."""
    following = parse_period(key).end + timedelta(days=1)
    found = period_key(following.isoformat(), by)
    assert found is not None  # a full ISO date fits every period kind
    return found


def key_range(first: str, last: str, by: str) -> list[str]:
    """Every period key from `first` to `last` inclusive (empty when last < first)."""
    keys: list[str] = []
    current = first
    stop = parse_period(last).start
    while parse_period(current).start <= stop:
        keys.append(current)
        current = next_key(current, by)
    return keys


def shift_key(key: str, by: str, steps: int) -> str:
    """The key `steps` periods after (or, negative, before) `key`."""
    current = key
    for _ in range(abs(steps)):
        if steps > 0:
            current = next_key(current, by)
        else:
            previous = parse_period(current).start - timedelta(days=1)
            found = period_key(previous.isoformat(), by)
            assert found is not None
            current = found
    return current


def within_bounds(event_date: str | None, since: str | None = None, until: str | None = None) -> bool:
    """Whether an event date passes --since/--until bounds (YYYY[-MM[-DD]]), compared as `events --since`
    does: the bound against the same-length prefix of the date; undated events fail any bound."""
    if not since and not until:
        return True
    if not event_date:
        return False
    if since and event_date[:len(since)] < since:
        return False
    return not (until and event_date[:len(until)] > until)
