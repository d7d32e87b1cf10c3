"""Publication dates: ISO 8601 dates and datetimes (and RFC 2822, as feeds write them) to a date."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from email.utils import parsedate_to_datetime

MAX_CHARS = 100  # longer values are not dates (and would only cost time)
# Tried in order; each raises ValueError (or TypeError/IndexError for RFC 2822) when the text is not its format.
_PARSERS: tuple[Callable[[str], date], ...] = (
    date.fromisoformat,
    lambda text: datetime.fromisoformat(text).date(),
    lambda text: parsedate_to_datetime(text).date(),
)


def parse_published(value: str | None) -> date | None:
    """The calendar date as written (no time-zone shift), or None when the value is not a date
    (years outside 1-9999 and numbers such as epoch seconds are not dates here)."""
    text = (value or "").strip()
    if not text or len(text) > MAX_CHARS:
        return None
    for parse in _PARSERS:
        try:
            return parse(text)
        except (TypeError, ValueError, IndexError, OverflowError):
            continue  # not this format (or off the calendar); leaves `published` empty, by design
    return None
