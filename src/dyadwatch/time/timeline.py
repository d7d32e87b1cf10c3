"""A document's running timeline: expressions that point back ("at that time", "the same night",
"two days later") resolve against the most recent date mentioned before them."""
from __future__ import annotations

from dataclasses import dataclass

from dyadwatch.time.values import PRECISIONS, TimeValue, shift

# Vague offsets ("days later", "the following week") keep no finer precision than this.
_VAGUE_PRECISION = {"day": "month", "week": "month", "month": "year", "year": "year"}


@dataclass(frozen=True)
class TimelineLink:
    """How an expression depends on the previous date in the text.

    unit None: a plain anaphor ("at that time", "that year"), cut to `granularity` when given.
    unit set: an offset of `amount` units ("two days later" = day, +2); `vague` when the amount
    is only approximate ("days later", "the following week"), which coarsens the result.
    """

    unit: str | None = None
    amount: int = 0
    granularity: str | None = None
    vague: bool = False


def resolve_link(link: TimelineLink, anchor: TimeValue, text: str) -> TimeValue:
    """The date an anaphor or offset expression refers to, given the date it points back to."""
    if link.unit is None:
        value = anchor.restated("relative", text)
        return value.coarsened(link.granularity) if link.granularity else value
    value = shift(anchor, link.unit, link.amount, text)
    return value.coarsened(_VAGUE_PRECISION[link.unit]) if link.vague else value


class Timeline:
    """The dates mentioned so far in a document, in reading order."""

    def __init__(self) -> None:
        self._latest: TimeValue | None = None

    @property
    def latest(self) -> TimeValue | None:
        return self._latest

    def add(self, value: TimeValue) -> None:
        """Record a date the text has just mentioned."""
        self._latest = value

    def resolve(self, link: TimelineLink, text: str) -> TimeValue | None:
        """Resolve a backward-pointing expression, or None when nothing precedes it."""
        if self._latest is None or _too_coarse(self._latest, link):
            return None
        return resolve_link(link, self._latest, text)


def _too_coarse(anchor: TimeValue, link: TimelineLink) -> bool:
    """"the same day" after "in July 2022": a day-sized anaphor cannot point back to a month; the
    month named last is background, not the day the text is telling of."""
    if link.unit is not None or link.granularity is None:
        return False
    return PRECISIONS.index(anchor.precision) < PRECISIONS.index(link.granularity)
