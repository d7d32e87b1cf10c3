"""When two event reports denote the same real-world event: dyad, type, date and evidence compatibility.

`same_event(a, b, related)` is a symmetric test on two `Report`s and whether their documents tell one
story (a symmetric relation of the two documents, `stories.documents.doc_link`, or the same document),
so clusters (connected components of this relation) come out the same whatever order reports arrive in.
Between related documents one event is told in other words: the same dyad and type (or type family)
on the same days (at the finer of the two precisions) needs only one word about what happened in common.
Two sentences of one article need more: they share the article's topic by construction. Agreements,
requests and support are told apart by what they are about, not by the shared verb. An undated report
of a related document is news of its publication days when it uses the other's verb; an announcement
and the act it announces, on two days, are two events.
"""
from __future__ import annotations

import calendar
import json
from dataclasses import dataclass, fields
from datetime import date, timedelta

from dyadwatch.records import Actor, Event
from dyadwatch.stories.text import (evidence_words, is_denial_text, overlap, proper_words, stem, tokens, word_class,
                                    word_classes, year_hint)

# PLOVER types whose two parties can be named in either order for the same event ("A met B" = "B met A").
SYMMETRIC_TYPES = frozenset({"CONSULT", "COOPERATE", "AGREE"})

# Types that news reports use interchangeably for one event. Small on purpose: restrictions and
# measures against a party; endorsements and agreements; material help. A meeting stays apart from
# what was signed at it: those are two events on one day.
TYPE_FAMILIES: tuple[frozenset[str], ...] = (
    frozenset({"SANCTION", "REJECT", "COERCE"}),
    frozenset({"SUPPORT", "AGREE"}),
    frozenset({"AID", "COOPERATE"}),
    frozenset({"ACCUSE", "PROTEST"}),  # "condemned" / "accused" / "denounced"
    frozenset({"REJECT", "RETREAT", "SANCTION"}),  # quitting a deal: "withdrew from" / "refused to renew" / "suspended"
)
# Sectors that do not speak for the state: a leader, ministry, parliament or army and the state itself
# are one party; a community, rebels, opposition or a company of that country are another.
NON_STATE_SECTORS = frozenset("""CVL REB OPP INS SEP UAF REL BUS MED EDU LAB HLH REF AGR CRM NGO NGM HRI ENV
MOD RAD JEW MUS CHR""".split())

MEETING = "CONSULT"
# PLOVER's verbal types: things said, which two parties say to each other many times a day.
STATEMENT_TYPES = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "REQUEST", "ACCUSE", "REJECT", "THREATEN"})
ANSWER_TYPES = frozenset({"REJECT", "ACCUSE"})
ACCUSATION = word_class(stem("accusation"))
# Stems telling that a report is of an announcement or plan rather than the act ("announced" is a
# reporting word, so it is seen only in triggers).
ANNOUNCEMENT_STEMS = frozenset(stem(w) for w in "announce announced plan plans unveil unveiled vow vowed pledge pledged "
                               "schedule scheduled".split())
DENIAL_TYPES = frozenset({"REJECT", "ACCUSE"})
DAY_TOLERANCE = 3  # day-precision dates this close can be the same event (reports differ on the day)
CLOSE_DAYS = 2  # days "on the same days" may differ by: time zones, relative days read from another day
UNDATED_WINDOW_DAYS = 60  # an undated report is about something in the two months before publication


@dataclass(frozen=True)
class Threshold:
    """How much two evidence windows must share: stems in common, and that count over the smaller set."""

    shared: int
    ratio: float


SAME_TYPE_DATED = Threshold(2, 0.2)
RELATED_OR_UNDATED = Threshold(2, 0.3)
OTHER_TYPE_SAME_DATE = Threshold(3, 1 / 3)  # different families: same directed dyad and the same stated date
RELATED_DOCS = Threshold(1, 0.0)  # related documents, one type (family), the same days: one word in common
SAME_DOCUMENT = Threshold(2, 1 / 3)  # two sentences of one article: a repeated mention repeats its specifics
TRIGGER_BONUS = 0.1
# Types named after what was agreed, asked for or backed: one summit or statement holds several of them
# between the same parties on the same day, so the shared trigger ("agreed") and one more word ("summit")
# do not tell them apart; what they are about must be shared.
OBJECT_TYPES = frozenset({"AGREE", "REQUEST", "SUPPORT"})
OBJECT_WORDS = 2  # shared words besides the triggers that an OBJECT_TYPES match needs


@dataclass(frozen=True)
class Report:
    """An event as clustering sees it: who, what, when and the words around its trigger."""

    event_id: str
    doc_id: str
    sentence: int
    trigger: str
    source: str | None
    target: str | None
    plover: str
    status: str
    date: str | None  # the stated date, else a year named next to the trigger; never the publication date
    stated_date: str | None  # explicit or relative dates only (for date contradictions)
    published: date | None
    states: bool  # both parties are states (have a country)
    words: frozenset[str]
    denial: bool = False  # a party denying something ("the ministry denied ...")
    attributed: bool = False  # the text reports it as someone's claim
    actor_words: frozenset[str] = frozenset()  # stems of its actors' own words ("coast guard")
    answers_sentence: int | None = None  # for a denial: the sentence of its document it answers
    source_role: str | None = None  # "state", or the non-state sector ("CVL", "REB"); None when unknown
    target_role: str | None = None
    target_is_country: bool = False  # the target is a country named as such ("strikes on Yemen"), no sector

    @property
    def dyad_key(self) -> str:
        """The unordered pair of primary codes, for blocking."""
        return dyad_key(self.source, self.target)

    @property
    def span(self) -> tuple[date, date] | None:
        """The days the event can fall on: its date's range, else the weeks before publication."""
        if self.date:
            return date_span(self.date)
        if self.published:
            return self.published - timedelta(days=UNDATED_WINDOW_DAYS), self.published
        return None


def dyad_key(source: str | None, target: str | None) -> str:
    return "-".join(sorted([source or "", target or ""]))


def primary_code(actor: Actor | None) -> str | None:
    """ISO3 country, else the first three letters of the CAMEO code (IGO, NGO, ...)."""
    if actor is None:
        return None
    return actor.country or (actor.code[:3] if actor.code else None)


def is_country(actor: Actor | None) -> bool:
    """The actor is a country itself (a code of three letters, no sector): "Yemen", "Vietnam"."""
    return bool(actor and actor.code and actor.country and len(actor.code) == 3 and not actor.sector)


def role(actor: Actor | None) -> str | None:
    """Whom an actor speaks for: the state (no sector, or a state sector) or a non-state sector."""
    if actor is None or not actor.code:
        return None
    sector = actor.sector or actor.code[3:6]
    return sector if sector in NON_STATE_SECTORS else "state"


def date_span(value: str) -> tuple[date, date]:
    """First and last day of a YYYY, YYYY-MM or YYYY-MM-DD date."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 1:
        return date(parts[0], 1, 1), date(parts[0], 12, 31)
    if len(parts) == 2:
        return date(parts[0], parts[1], 1), date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
    day = date(*parts)
    return day, day


def report_of(event: Event, published: date | None) -> Report:
    """The clustering view of a stored event; `published` is its document's publication date."""
    source, target = primary_code(event.source), primary_code(event.target)
    states = bool(event.source and event.source.country and event.target and event.target.country)
    stated = event.date if event.date and event.date_basis != "publication" else None
    hint = year_hint(event.evidence.text, event.trigger) if stated is None else None
    if hint and published and int(hint) > published.year:
        hint = None
    actors = [actor for actor in (event.source, event.target) if actor]
    names = frozenset().union(*(proper_words(f"{actor.text} {actor.name or ''}") for actor in actors))
    words = evidence_words(event.evidence.text, event.trigger, exclude=names)
    actor_words = frozenset().union(*(word_classes(actor.text) for actor in actors))
    denial = event.plover in DENIAL_TYPES and is_denial_text(event.trigger, event.evidence.text)
    return Report(event.event_id, event.doc_id, event.sentence_index, " ".join(tokens(event.trigger)), source,
                  target, event.plover, event.status, stated or hint, stated, published, states, frozenset(words),
                  denial, bool(event.attribution), actor_words & words, None, role(event.source),
                  role(event.target), is_country(event.target))


def report_to_json(report: Report) -> str:
    # fields one level deep (all plain values): dataclasses.asdict's recursive copy costs 5x more
    data = {f.name: getattr(report, f.name) for f in fields(Report)}
    data["published"] = report.published.isoformat() if report.published else None
    data["words"] = sorted(report.words)
    data["actor_words"] = sorted(report.actor_words)
    return json.dumps(data, ensure_ascii=False)


def report_from_json(text: str) -> Report:
    data = json.loads(text)
    data["published"] = date.fromisoformat(data["published"]) if data["published"] else None
    data["words"] = frozenset(data["words"])
    data["actor_words"] = frozenset(data["actor_words"])
    return Report(**data)


def same_event(a: Report, b: Report, related: bool = False) -> bool:
    """True when the two reports can denote one real-world event; `related`: their documents tell one
    story (or are one document)."""
    if a.event_id == b.event_id or not a.source or not dyad_compatible(a, b):
        return False
    if a.doc_id == b.doc_id and a.sentence == b.sentence:
        return a.trigger == b.trigger  # one sentence, two triggers: two events (or it says so twice)
    kind = "related" if answers_accusation(a, b) else type_relation(a.plover, b.plover)
    if kind != "same" and MEETING in {a.plover, b.plover}:
        return False  # a meeting and what was done at it are two events
    dates = date_relation(a, b)
    if dates == "conflict" or not object_agrees(a, b) or announcement_and_act(a, b):
        return False
    if a.doc_id == b.doc_id and kind != "other":
        # one article: its sentences share its topic words by construction, and an undated mention
        # trivially falls in the article's window, so neither says the two mentions are one event
        return similar(a, b, SAME_DOCUMENT, trigger_bonus=False)
    if related and same_days(a, b) and kind in {"same", "related"} and similar(a, b, RELATED_DOCS):
        return True
    if related and news_of_the_day(a, b) and kind == "same" and triggers_agree(a, b) \
            and similar(a, b, RELATED_DOCS):
        return True
    if kind == "other":
        same_direction = (a.source, a.target) == (b.source, b.target)
        both_stated = a.stated_date is not None and b.stated_date is not None
        return dates == "equal" and same_direction and both_stated and similar(a, b, OTHER_TYPE_SAME_DATE)
    if kind == "same" and (dates in {"equal", "compatible"} or (dates == "undated" and (a.date or b.date))):
        # An undated report whose reporting window holds the other's stated date is as good as dated.
        return similar(a, b, SAME_TYPE_DATED)
    return similar(a, b, RELATED_OR_UNDATED)


def answers_accusation(a: Report, b: Report) -> bool:
    """A rejection and a condemnation whose words both name accusations are one answer to them ("rejected
    the allegations" / "slammed the accusations"): coders read it either way."""
    return {a.plover, b.plover} == ANSWER_TYPES and ACCUSATION in a.words and ACCUSATION in b.words


def announces(report: Report) -> bool:
    """The report tells of plans or an announcement ("unveiled plans to hold drills"), not the act itself."""
    return bool((_trigger_classes(report.trigger) | report.words) & ANNOUNCEMENT_STEMS)


def announcement_and_act(a: Report, b: Report) -> bool:
    """One report tells of an announcement, the other of the act, on two different stated days: the day
    something was announced and the day it was done are two events."""
    two_days = bool(a.date and b.date) and len(a.date) == len(b.date) == 10 and a.date != b.date
    return two_days and announces(a) != announces(b)


def news_of_the_day(a: Report, b: Report) -> bool:
    """One report states a day and the other, undated, is news of those days: published on that day or
    within CLOSE_DAYS after it, or, for a material act, published within CLOSE_DAYS of the dated report
    (related documents of the same days recount the same few acts; statements between two parties come
    many a day, so theirs must be dated by their own publication)."""
    dated, undated = (a, b) if a.date else (b, a)
    if undated.date or undated.published is None or not dated.date or len(dated.date) != 10:
        return False
    day, close = date.fromisoformat(dated.date), timedelta(days=CLOSE_DAYS)
    if day > undated.published:
        return False
    if undated.published - day <= close:
        return True
    material = dated.plover not in STATEMENT_TYPES and undated.plover not in STATEMENT_TYPES
    return material and dated.published is not None and abs(undated.published - dated.published) <= close


def triggers_agree(a: Report, b: Report) -> bool:
    """The two triggers share a word, words of one class compared as one ("struck" ~ "attack")."""
    return bool(_trigger_classes(a.trigger) & _trigger_classes(b.trigger))


def _trigger_classes(trigger: str) -> set[str]:
    return {word_class(stem(w)) for w in trigger.split()}


def dyad_compatible(a: Report, b: Report) -> bool:
    """The same parties: one source in one role; one target in one role, or a country's own name on
    one side, since what is done to a country ("strikes on Yemen") is done to anyone in it (its rebels)."""
    if (a.source, a.target) == (b.source, b.target):
        targets_agree = a.target_is_country or b.target_is_country or _roles_agree(a.target_role, b.target_role)
        return _roles_agree(a.source_role, b.source_role) and targets_agree
    reversed_ok = a.states and b.states and a.plover in SYMMETRIC_TYPES and b.plover in SYMMETRIC_TYPES
    return reversed_ok and (a.source, a.target) == (b.target, b.source) and \
        _roles_agree(a.source_role, b.target_role) and _roles_agree(a.target_role, b.source_role)


def _roles_agree(x: str | None, y: str | None) -> bool:
    return x is None or y is None or x == y


def same_days(a: Report, b: Report) -> bool:
    """Both reports state a day or month for the event and they agree at the finer of the two precisions
    (one day, or a day inside the other's month; two days differ by at most CLOSE_DAYS); a bare year, or
    no date, says too little."""
    if not a.date or not b.date or len(a.date) < 7 or len(b.date) < 7:
        return False
    if len(a.date) == len(b.date) == 10:
        return abs(date.fromisoformat(a.date) - date.fromisoformat(b.date)) <= timedelta(days=CLOSE_DAYS)
    return date_relation(a, b) in {"equal", "compatible"}


def object_agrees(a: Report, b: Report) -> bool:
    """Reports of an OBJECT_TYPES event share OBJECT_WORDS words besides their triggers."""
    if not {a.plover, b.plover} & OBJECT_TYPES:
        return True
    beyond = (a.words & b.words) - a.actor_words - b.actor_words - _trigger_stems(a, b)
    return len(beyond) >= OBJECT_WORDS


def type_relation(x: str, y: str) -> str:
    """'same', 'related' (one family of the compatibility table) or 'other'."""
    if x == y:
        return "same"
    if any(x in family and y in family for family in TYPE_FAMILIES):
        return "related"
    return "other"


def date_relation(a: Report, b: Report) -> str:
    """'equal', 'compatible' (one a prefix of the other, or days apart), 'undated' or 'conflict'.

    An undated report conflicts with a date, or with another undated report, that cannot be near it.
    """
    if a.date and b.date:
        if a.date == b.date:
            return "equal"
        shorter, longer = sorted((a.date, b.date), key=len)
        if longer.startswith(shorter):
            return "compatible"
        if len(a.date) == len(b.date) == 10:
            gap = abs(date.fromisoformat(a.date) - date.fromisoformat(b.date))
            return "compatible" if gap <= timedelta(days=DAY_TOLERANCE) else "conflict"
        return "conflict"
    sa, sb = a.span, b.span
    if sa is None or sb is None:
        return "undated" if a.doc_id == b.doc_id else "conflict"
    return "conflict" if sa[0] > sb[1] or sb[0] > sa[1] else "undated"


def similar(a: Report, b: Report, threshold: Threshold, trigger_bonus: bool = True) -> bool:
    """Enough shared evidence words, at least one of them about what happened rather than who did it;
    a shared trigger word ("instructions" ~ "instructed") lowers the share needed by TRIGGER_BONUS."""
    shared_words = a.words & b.words
    shared, ratio = overlap(set(a.words), set(b.words))
    about_what = shared_words - a.actor_words - b.actor_words
    bonus = trigger_bonus and bool(shared_words & _trigger_stems(a, b))
    needed = threshold.ratio - (TRIGGER_BONUS if bonus else 0.0)
    return shared >= threshold.shared and ratio >= needed and bool(about_what)


def _trigger_stems(a: Report, b: Report) -> set[str]:
    return {word_class(stem(w)) for w in f"{a.trigger} {b.trigger}".split()}


def dates_conflict(a: Report, b: Report) -> bool:
    """Both reports state a date for the event and they disagree (even within the clustering tolerance)."""
    if not a.stated_date or not b.stated_date:
        return False
    shorter, longer = sorted((a.stated_date, b.stated_date), key=len)
    return not longer.startswith(shorter)
