"""Finding temporal expressions in a sentence and normalising each to a TimeValue.

Absolute dates ("June 19, 2024", "in 2016", "June 2019") become basis "explicit"; expressions
anchored on the publication date ("last September", "on Wednesday", "earlier this month") become
"relative" (see dyadwatch.time.anchoring for the anchoring rules); expressions that point back to
an earlier date in the text ("at that time", "two days later") carry a TimelineLink instead of a
value and are resolved by the caller's Timeline. Durations ("for two years"), ages ("71st
anniversary"), decades ("the 1950s"), times of day and bounds ("before May 27") are not dates.
A range ("2016-2017", "June 19-20") stands for its start.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache


from dyadwatch.time import patterns as p
from dyadwatch.time.anchoring import anchor_ago, anchor_day, anchor_month, anchor_period, anchor_weekday
from dyadwatch.time.timeline import TimelineLink
from dyadwatch.time.values import TimeValue, from_date, make_value, valid_day

FutureTest = Callable[[int, int], bool]  # (start, end) of an expression -> is its clause in the future?


@dataclass(frozen=True)
class TimeMention:
    """One temporal expression at [start, end) of the searched text: a value, or a link back."""

    start: int
    end: int
    text: str
    value: TimeValue | None = None
    link: TimelineLink | None = None


@dataclass(frozen=True)
class _Scan:
    text: str
    published: date | None
    future: FutureTest
    first_if_end: int  # where the text's first "if" ends ("if ... then" is logic); past the end if none


# A pattern ending in "$" that reads the words before an expression reads at most this many characters.
TAIL_CHARS = 80


def ends_before(pattern: re.Pattern[str], text: str, start: int) -> bool:
    """Whether `pattern` (ending in "$") matches text[:start] at its end, read within TAIL_CHARS.
    Word boundaries and look-behinds at the window's edge still see the characters before it."""
    return pattern.search(text, max(0, start - TAIL_CHARS), start) is not None


Handler = Callable[[re.Match[str], _Scan, int, int], "TimeValue | TimelineLink | None"]


def _month_number(name: str) -> int:
    return p.MONTH_NUMBERS[name.lower().rstrip(".")]


def _number(match: re.Match[str]) -> int:
    word = match.group("num")
    return int(word) if word.isdigit() else p.NUMBER_WORDS[word.lower()]


def _calendar_day(match: re.Match[str], scan: _Scan, start: int, end: int) -> TimeValue | None:
    month = int(match.group("mnum")) if "mnum" in match.re.groupindex else _month_number(match.group("month"))
    day = int(match.group("day"))
    text = scan.text[start:end]
    if match.group("year"):
        year = int(match.group("year"))
        return make_value(year, month, day, "explicit", text) if valid_day(year, month, day) else None
    if scan.published is None or not 1 <= day <= 31:
        return None
    return anchor_day(month, day, scan.published, scan.future(start, end), text)


def _month_year(match: re.Match[str], scan: _Scan, start: int, end: int) -> TimeValue:
    return make_value(int(match.group("year")), _month_number(match.group("month")), None, "explicit",
                      scan.text[start:end])


def _month(match: re.Match[str], scan: _Scan, start: int, end: int) -> TimeValue | None:
    if scan.published is None:
        return None
    mod = (match.groupdict().get("mod") or "").lower()
    mode = {"last": "last", "past": "last", "this": "this", "next": "next", "coming": "next"}.get(mod)
    if mode is None:
        mode = "future" if scan.future(start, end) else "past"
    name = match.groupdict().get("month") or match.group("core2")
    return anchor_month(_month_number(name), scan.published, mode, scan.text[start:end])


def _year(match: re.Match[str], scan: _Scan, start: int, end: int) -> TimeValue | None:
    if p.COUNT_NOUN_AFTER.match(scan.text, end):
        return None  # "the 2000 troops" is an amount
    return make_value(int(match.group("year")), None, None, "explicit", scan.text[start:end])


def _weekday(match: re.Match[str], scan: _Scan, start: int, end: int) -> TimeValue | None:
    if scan.published is None:
        return None
    if ends_before(p.NAME_BEFORE_WEEKDAY, scan.text, start) or p.NAME_AFTER_WEEKDAY.match(scan.text, end):
        return None
    mod = (match.group("mod") or "").lower()
    mode = {"last": "last", "past": "last", "this": "this", "coming": "this", "next": "next"}.get(mod)
    if mode is None:
        mode = "future" if scan.future(start, end) else "past"
    return anchor_weekday(match.group("weekday"), scan.published, mode, scan.text[start:end])


def _period(match: re.Match[str], scan: _Scan, start: int, end: int) -> TimeValue | None:
    if scan.published is None or ends_before(p.DETERMINER_BEFORE, scan.text, start):
        return None  # "over the last year" is a duration
    offset = {"last": -1, "this": 0, "current": 0, "next": 1, "coming": 1}[match.group("mod").lower()]
    qualifier = scan.text[start:match.start("mod")].lower()
    ahead = "late" in qualifier or ("earl" not in qualifier and scan.future(start, end))
    return anchor_period(match.group("unit").lower(), offset, scan.published, scan.text[start:end], ahead)


# Publication years on which relative dates are anchored: a year's margin from the calendar's ends.
ANCHOR_YEARS = (2, 9998)
_DAY_WORD_OFFSETS = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1, "last night": -1,
                     "this morning": 0, "this afternoon": 0, "this evening": 0, "the day before yesterday": -2}


def _day_word(match: re.Match[str], scan: _Scan, start: int, end: int) -> TimeValue | None:
    word = " ".join(match.group("word").lower().split())
    if scan.published is None:
        return None
    if match.group("word") == "Today" and ends_before(p.TITLE_BEFORE, scan.text, start):
        return None  # a title: "USA Today"
    day = date.fromordinal(scan.published.toordinal() + _DAY_WORD_OFFSETS[word])
    return from_date(day, "day", "relative", scan.text[start:end])


def _ago(match: re.Match[str], scan: _Scan, start: int, end: int) -> TimeValue | None:
    if scan.published is None:
        return None
    amount = None if match.group("few") else _number(match)
    return anchor_ago(match.group("unit").lower(), amount, scan.published, scan.text[start:end])


def _writing_time(match: re.Match[str], scan: _Scan, start: int, end: int) -> TimeValue | None:
    if scan.published is None:
        return None
    return from_date(scan.published, "day", "relative", scan.text[start:end])


_GRANULARITY = {"day": "day", "night": "day", "evening": "day", "morning": "day", "afternoon": "day",
                "week": "month", "month": "month", "year": "year"}


def _anaphor(match: re.Match[str], scan: _Scan, start: int, end: int) -> TimelineLink:
    unit = (match.group("gran") or "").lower()
    return TimelineLink(granularity=_GRANULARITY.get(unit))


def _bare_then(match: re.Match[str], scan: _Scan, start: int, end: int) -> TimelineLink | None:
    if scan.first_if_end <= start:
        return None  # "if ... then" is logic, not time
    return TimelineLink()


def _offset(match: re.Match[str], scan: _Scan, start: int, end: int) -> TimelineLink:
    sign = -1 if match.group("dir").lower() == "earlier" else 1
    return TimelineLink(unit=match.group("unit").lower(), amount=sign * _number(match))


def _vague_offset(match: re.Match[str], scan: _Scan, start: int, end: int) -> TimelineLink:
    return TimelineLink(unit=match.group("unit").lower(), amount=0, vague=True)


def _neighbour(match: re.Match[str], scan: _Scan, start: int, end: int) -> TimelineLink | None:
    direction = match.group("dir").lower()
    if ends_before(p.DURATION_BEFORE, scan.text, start) and (
            direction == "next" or not ends_before(p.IN_BEFORE, scan.text, start)):
        return None  # "within the next year" is a span of time, not a date
    sign = 1 if direction in ("following", "next") else -1
    unit = match.group("unit").lower()
    unit = "day" if _GRANULARITY.get(unit) == "day" else unit
    return TimelineLink(unit=unit, amount=sign, vague=unit == "week")


def _day_before_after(match: re.Match[str], scan: _Scan, start: int, end: int) -> TimelineLink:
    sign = -1 if match.group("dir").lower() == "before" else 1
    unit = match.group("unit").lower()
    return TimelineLink(unit=unit, amount=sign, vague=unit == "week")


_RULES: tuple[tuple[re.Pattern[str], Handler], ...] = (
    (p.ISO_DATE, _calendar_day),
    (p.MONTH_DAY, _calendar_day),
    (p.DAY_MONTH, _calendar_day),
    (p.MONTH_YEAR, _month_year),
    (p.MODIFIED_MONTH, _month),
    (p.MONTH_IN_CONTEXT, _month),
    (p.YEAR_IN_CONTEXT, _year),
    (p.MODIFIED_WEEKDAY, _weekday),
    (p.PERIOD, _period),
    (p.DAY_WORD, _day_word),
    (p.AGO, _ago),
    (p.WRITING_TIME, _writing_time),
    (p.ANAPHOR, _anaphor),
    (p.OFFSET, _offset),
    (p.VAGUE_OFFSET, _vague_offset),
    (p.NEIGHBOUR_PERIOD, _neighbour),
    (p.DAY_BEFORE_AFTER, _day_before_after),
    (p.BARE_THEN, _bare_then),
)
# With outside evidence that a string is a date (a DATE entity), a bare year or month is enough.
_LOOSE_RULES = _RULES + ((p.YEAR_ALONE, _year), (p.MONTH_ALONE, _month))


def future_by_words(text: str) -> FutureTest:
    """A tense test from the words of the expression's clause before it ("will meet on Monday")."""

    def test(start: int, end: int) -> bool:
        before = text[max(0, start - 80):start]
        breaks = list(p.CLAUSE_BREAK.finditer(before))
        clause = before[breaks[-1].end():] if breaks else before
        return p.FUTURE_MARKER.search(clause) is not None

    return test


def anchorable(published: date | None) -> date | None:
    """`published` when relative dates can be anchored on it, None within a year of the calendar's
    ends (0001, 9999), where "last Wednesday" or "next May" would fall off the calendar."""
    if published is None or not ANCHOR_YEARS[0] <= published.year <= ANCHOR_YEARS[1]:
        return None
    return published


def find_time_expressions(
    text: str, published: date | datetime | None = None, *, future: FutureTest | None = None, loose: bool = False
) -> list[TimeMention]:
    """The temporal expressions in `text`, in order, without overlaps (the longest wins).

    `published` anchors relative expressions (without it they are skipped); `future` tells
    whether an expression's clause is in the future tense (default: a look at the words before it);
    `loose` also accepts a bare year or month name (for strings already known to be dates).
    """
    published_day = anchorable(published.date() if isinstance(published, datetime) else published)
    first_if = p.IF_BEFORE.search(text)
    scan = _Scan(text, published_day, future or future_by_words(text), first_if.end() if first_if else len(text) + 1)
    found: list[tuple[int, int, int, TimeMention]] = []
    present: dict[re.Pattern[str], bool] = {}
    for rank, (pattern, handler) in enumerate(_LOOSE_RULES if loose else _RULES):
        if not _may_match(pattern, text, present):
            continue
        for match in pattern.finditer(text):
            core = "core2" if match.groupdict().get("core2") else "core"
            start, end = match.span(core)
            if ends_before(p.BOUND_BEFORE, text, start):
                continue
            try:
                result = handler(match, scan, start, end)
            except OverflowError:
                result = None  # "400 years ago" and the like fall off the calendar: left undated
            if result is None:
                continue
            mention = TimeMention(start, end, text[start:end],
                                  value=result if isinstance(result, TimeValue) else None,
                                  link=result if isinstance(result, TimelineLink) else None)
            found.append((start, -(end - start), rank, mention))
    return _without_overlaps([item[3] for item in sorted(found, key=lambda item: item[:3])])


def _may_match(pattern: re.Pattern[str], text: str, present: dict[re.Pattern[str], bool]) -> bool:
    """Whether `text` has what `pattern` needs (patterns.REQUIRED); each need is looked for once per text."""
    required = p.REQUIRED.get(pattern)
    if required is None:
        return True
    if required not in present:
        present[required] = required.search(text) is not None
    return present[required]


def _without_overlaps(mentions: list[TimeMention]) -> list[TimeMention]:
    kept: list[TimeMention] = []
    for mention in mentions:
        if kept and mention.start < kept[-1].end:
            continue
        kept.append(mention)
    return kept


def normalize_expression(text: str, published: date | datetime | None = None) -> TimeValue | None:
    """The date a string known to be a temporal expression (e.g. a DATE entity) stands for.

    Tries dateparser for day-level dates our patterns may not spell ("June the 5th"), then the
    patterns in loose mode. Anaphors and offsets need a timeline, so they give None here.
    """
    stripped = " ".join(text.split())
    published_day = anchorable(published.date() if isinstance(published, datetime) else published)
    if p.ANY_MONTH.search(stripped) and p.DAY_NUMBER.search(stripped):
        parsed = _parse_day(stripped, published_day)
        if parsed is not None:
            return parsed
    for mention in find_time_expressions(stripped, published_day, loose=True):
        if mention.value is not None:
            return mention.value
    return None


@lru_cache(maxsize=4096)
def _parse_day(text: str, published: date | None) -> TimeValue | None:
    """A day-precision date through dateparser; the year, when the text omits it, is anchored by us."""
    has_year = p.YEAR_ALONE.search(text) is not None
    if not has_year and published is None:
        return None
    settings = {"PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["day", "month"] + (["year"] if has_year else [])}
    if published is not None:
        settings["RELATIVE_BASE"] = datetime(published.year, published.month, published.day)
    import dateparser  # imported here: only a day-level date our patterns do not read needs it

    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    if parsed is None:
        return None
    if has_year:
        return make_value(parsed.year, parsed.month, parsed.day, "explicit", text)
    assert published is not None
    return anchor_day(parsed.month, parsed.day, published, False, text)
