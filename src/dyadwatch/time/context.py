"""The date a sentence without a time of its own takes from the sentence before it.

News reports tell a past episode over several sentences and date only the first: "On Monday
the minister met the envoy. She also demanded his recall." The second act took place on that
Monday, not on the publication day. inherited_time() gives such an event the last date of the
preceding sentence when
- the event's sentence has no dated expression at all (any time in it belongs to some event
  of that sentence, and event_time already decided the trigger does not take it);
- both sentences are in one paragraph (a blank line starts another episode);
- the event's clause is told in the simple or pluperfect past ("demanded", "had demanded"):
  the present perfect and the present tell of the reporting time, the future of a later one;
- the inherited date is not after publication (a planned date is no account of a past act);
- the inherited date is not background: not in a relative or participial clause, not in a flashback
  told in the pluperfect (the next sentence goes on from the story's own time, not from those).

episode_time() is the fallback after that, before the publication day: a report published the day
after (or two days after) the day its lead tells of ("Azerbaijan on Tuesday launched ..." in a
Wednesday paper) narrates that day; an undated past-tense event in an undated sentence takes the
lead's day rather than the day the paper came out.
"""
from __future__ import annotations

from datetime import date, datetime

from spacy.tokens import Span, Token

from dyadwatch.time.choose import sentence_times
from dyadwatch.time.syntax import governing_predicate
from dyadwatch.time.values import TimeValue, as_date


def inherited_time(sent: Span, trigger: Token, published: date | datetime | str | None) -> TimeValue | None:
    """The previous sentence's last date for an event of an undated past-tense sentence, or None."""
    if sentence_times(sent) or not _told_in_past(trigger):
        return None
    previous = _previous_sentence(sent)
    if previous is None or _paragraph_break(previous, sent):
        return None
    times = [span for span in sentence_times(previous) if not _background(span)]
    if not times:
        return None
    value = times[-1]._.time
    day = as_date(published)
    if day is not None and value.first_day() > day:
        return None
    return value.restated("relative", times[-1].text)


BACKGROUND_DEPS = {"relcl", "acl"}


def _background(span: Span) -> bool:
    """A time of the story's background, which the next sentence does not go on from: one in a relative or
    participial clause ("the deal, which was brokered in July 2022, ..."), or in a flashback told in the
    pluperfect ("Ukraine had signed the deal in 2022")."""
    predicate = governing_predicate(span.root)
    if predicate is None:
        return False
    if any(c.dep_ == "aux" and c.lower_ == "had" for c in predicate.children) and predicate.tag_ == "VBN":
        return True
    current = predicate
    while current.head.i != current.i:
        if current.dep_ in BACKGROUND_DEPS:
            return True
        current = current.head
    return False


PAST_AUXILIARIES = {"had", "was", "were", "did"}


def _told_in_past(trigger: Token) -> bool:
    """Whether the trigger's clause is in the simple past or the pluperfect ("had demanded",
    "was expelled"); "has demanded", "will demand", "would demand" are not."""
    predicate = governing_predicate(trigger)
    if predicate is None or predicate.tag_ not in ("VBD", "VBN"):
        return False
    auxiliaries = {c.lower_ for c in predicate.children if c.dep_ in ("aux", "auxpass")}
    if predicate.tag_ == "VBD":
        return auxiliaries <= PAST_AUXILIARIES
    return bool(auxiliaries) and auxiliaries <= PAST_AUXILIARIES


def _previous_sentence(sent: Span) -> Span | None:
    if sent.start == 0:
        return None
    return sent.doc[sent.start - 1].sent


def _paragraph_break(previous: Span, sent: Span) -> bool:
    """Whether a blank line separates the two sentences' words (whitespace tokens may sit in either).

    Reads only the tokens around the boundary: Doc.text and Span.text are built token by token at each
    access, which made this check cost as much as the document's length once per event.
    """
    doc = sent.doc
    last = _last_worded(previous)
    first = _first_worded(sent)
    end = previous.start_char if last is None else last.idx + len(last.text.rstrip())
    start = sent.end_char if first is None else first.idx + len(first.text) - len(first.text.lstrip())
    if start <= end:
        return False
    gap_from = previous.start if last is None else last.i
    gap_to = sent.end if first is None else first.i + 1
    gap = doc[gap_from:gap_to]
    return gap.text.count("\n", end - gap.start_char, start - gap.start_char) >= 2


def _last_worded(span: Span) -> Token | None:
    """The span's last token with a character other than whitespace."""
    return next((t for t in reversed(span) if not t.text.isspace() and t.text), None)


def _first_worded(span: Span) -> Token | None:
    """The span's first token with a character other than whitespace."""
    return next((t for t in span if not t.text.isspace() and t.text), None)


LEAD_SENTENCES = 3
EPISODE_LAG_DAYS = (1, 2)


def episode_time(sent: Span, trigger: Token, published: date | datetime | str | None) -> TimeValue | None:
    """The day the article's lead tells of, for an undated past-tense event, when that day is a day or two
    before publication ("Azerbaijan on Tuesday launched ..." in a Wednesday paper)."""
    day = as_date(published)
    if day is None or sentence_times(sent) or not _told_in_past(trigger):
        return None
    doc = sent.doc
    for index, lead in enumerate(doc.sents):
        if index >= LEAD_SENTENCES or lead.start > sent.start:
            return None
        for span in sentence_times(lead):
            value = span._.time
            if value.precision == "day" and value.basis == "relative" and \
                    EPISODE_LAG_DAYS[0] <= (day - value.first_day()).days <= EPISODE_LAG_DAYS[1]:
                return value.restated("relative", span.text)
    return None
