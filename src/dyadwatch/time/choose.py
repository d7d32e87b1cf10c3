"""Choosing which of a sentence's dated expressions belongs to an event, and the publication fallback.

event_time() looks, in this order, for a time expression
1. attached to the trigger itself ("signed ... on June 19", "the summit on May 27", "Kim's 2018 visit");
2. attached by a preposition or as an adverbial to a nominal complement of the trigger, without
   crossing another verb ("attended the summit on May 27"; "removed a plaque commemorating Kim's
   visit in 2018" does not give "removed" 2018) or an ordering preposition ("recalled its envoy after
   a coup in July" does not give "recalled" July). A time that modifies a noun other than the trigger
   ("last year's incursion", "the 2016 sanctions") dates that noun only;
   Then, for a clause measured against another ("a day after ...", "48 hours before ...", see
   dyadwatch.time.ordering), the other clause's time moved by the measure, and nothing else;
3. attached to a predicate up the trigger's clause chain (coordination, adverbial and complement
   clauses: "launched a satellite the same night and protested") or to one coordinated with it;
4. attached to an adverbial clause of the trigger that sets the same occasion ("When troops crossed
   the border on Friday, X protested", "Shortly after the dam was bombed on Friday, X expelled ...");
   a plain "after" clause does not ("protested after Y shelled the town on Friday": not said when);
5. the time of a clause measured from the trigger's, moved back ("struck a day after leaving the
   talks on Monday": Tuesday);
6. the only time in the sentence, unless it is clearly attached to another predicate that is not
   above the trigger.
Without a dependency parse only step 4 applies.
"""
from __future__ import annotations

from datetime import date, datetime

from spacy.tokens import Span, Token

from dyadwatch.nlp.extensions import TIME_SPANS
from dyadwatch.nlp.spanindex import spans_between
from dyadwatch.time.ordering import measured_dependents, measured_link
from dyadwatch.time.syntax import (
    NOUN_MODIFIER_DEPS,
    attaching_dep,
    attachment,
    governing_predicate,
    is_possessive,
    is_predicate,
    path_up,
)
from dyadwatch.time.values import TimeValue, publication_value, shift

# Relations along which a trigger's clause takes its time from the clause above it.
CHAIN_DEPS = {"conj", "xcomp", "advcl", "ccomp", "pcomp", "acl"}
# "before/after/until/since X-ing": the clause inside happened at another time than the one outside.
ORDER_PREPOSITIONS = {"before", "after", "until", "since", "prior", "following"}
ARGUMENT_DEPS = {"dobj", "nsubj", "nsubjpass", "attr", "oprd"}
# Adverbial clauses that set the occasion of the clause they modify, and the words that make
# "after"/"before" immediate ("shortly after", "just before", "hours after").
OCCASION_MARKERS = {"when", "as", "while", "once", "whilst"}
OCCASION_PREPOSITIONS = {"during", "at", "amid"}
IMMEDIATE_ORDER = {"after", "before", "following"}
IMMEDIACY_WORDS = {"shortly", "soon", "just", "immediately", "right", "minutes", "hours", "moments", "directly"}


def sentence_times(sent: Span) -> list[Span]:
    """The dated spans of doc.spans["times"] that lie inside `sent`."""
    return [s for s in spans_between(sent.doc, TIME_SPANS, sent.start, sent.end) if s.end <= sent.end and s._.time]


def event_time(sent: Span, trigger: Token) -> TimeValue | None:
    """The time of the event whose trigger (verb or event noun) is `trigger`, or None."""
    return _event_time(sent, trigger, follow_measures=True)


def _event_time(sent: Span, trigger: Token, follow_measures: bool) -> TimeValue | None:
    times = [s for s in sentence_times(sent) if not s.start <= trigger.i < s.end]
    if not times:
        return None
    if not any(token.dep_ for token in sent):  # no parse (cheaper than doc.has_annotation per call)
        return times[0]._.time if len(times) == 1 else None
    for tier in (_attached_to(trigger, times), _via_complement(trigger, times)):
        if tier:
            return _nearest(trigger, tier)._.time
    clause = governing_predicate(trigger) if follow_measures else None
    link = measured_link(clause) if clause is not None else None
    if link is not None:
        return _shifted(sent, *link)
    for tier in (_up_the_chain(trigger, times), _same_occasion(trigger, times)):
        if tier:
            return _nearest(trigger, tier)._.time
    if clause is not None and (measured := _from_measured_clauses(sent, clause)) is not None:
        return measured
    if len(times) == 1 and not _bound_elsewhere(times[0], trigger):
        return times[0]._.time
    return None


def _shifted(sent: Span, clause: Token, days: int) -> TimeValue | None:
    """`clause`'s own time moved by `days` (only a day-precise one can be moved)."""
    base = _event_time(sent, clause, follow_measures=False)  # one hop: two clauses never date each other
    if base is None or base.precision != "day":
        return None
    return shift(base, "day", days, base.text)


def _from_measured_clauses(sent: Span, predicate: Token) -> TimeValue | None:
    """"struck the port a day after leaving the talks on Monday": the measured clause's time, moved."""
    for clause, days in measured_dependents(predicate):
        value = _shifted(sent, clause, days)
        if value is not None:
            return value
    return None


def publication_fallback(published: date | datetime | str | None) -> TimeValue | None:
    """The publication date as the event date of last resort (basis "publication", day precision)."""
    return publication_value(published)


def _attached_to(head: Token, times: list[Span]) -> list[Span]:
    """Times hanging from `head`; one that dates a noun counts only when `head` is that noun."""
    return [
        s for s in times
        if (a := attachment(s)) is not None and a.i == head.i and not (_dates_a_noun(s) and is_predicate(head))
    ]


def _via_complement(trigger: Token, times: list[Span]) -> list[Span]:
    chosen = []
    for span in times:
        anchor = attachment(span)
        if anchor is None or anchor.i == trigger.i or (_dates_a_noun(span) and not _dates_an_occasion(span)):
            continue
        path = path_up(anchor, trigger)
        if path is not None and not any(_crosses_clause(token, trigger) or _orders(token) for token in path):
            chosen.append(span)
    return chosen


def _orders(token: Token) -> bool:
    """"recalled its envoy after a coup in July": what comes after "after", "before", "since" ... is
    another event, and its time is not the trigger's."""
    return token.dep_ == "prep" and token.lower_ in ORDER_PREPOSITIONS


def _dates_a_noun(span: Span) -> bool:
    """"last year's incursion", "the 2016 sanctions": the time belongs to that noun's event only
    (condemning the 2016 sanctions need not happen in 2016)."""
    return is_possessive(span) or attaching_dep(span) in NOUN_MODIFIER_DEPS


def _dates_an_occasion(span: Span) -> bool:
    """"asked during Thursday's talks": a possessive time on the noun of "during" (or "at") dates
    the meeting the clause took place at, hence the clause too."""
    if not is_possessive(span):
        return False
    noun = span.root.head
    return noun.dep_ == "pobj" and noun.head.lower_ in OCCASION_PREPOSITIONS


def _crosses_clause(token: Token, trigger: Token) -> bool:
    """A predicate between a time and the trigger, other than a clause describing the trigger noun
    or a present participle describing a noun ("removed a plaque commemorating X in May", where
    the plaque commemorates X at no particular time)."""
    if not is_predicate(token):
        return False
    if token.dep_ in ("acl", "relcl") and token.head.i == trigger.i:
        return False
    if token.dep_ == "advcl" and token.head.i == trigger.i and token.tag_ in ("VBG", "VBN") and not any(
            c.dep_ in ("nsubj", "nsubjpass", "mark") for c in token.children):
        return False  # "Speaking in Hanoi on Thursday, Putin warned ...": one occasion
    return not (token.dep_ == "acl" and token.tag_ == "VBG")


def _up_the_chain(trigger: Token, times: list[Span]) -> list[Span]:
    for head in _clause_chain(trigger):
        direct = _attached_to(head, times)
        if direct:
            return direct
    for sibling in trigger.children:
        if sibling.dep_ == "conj" and is_predicate(sibling):
            direct = _attached_to(sibling, times)
            if direct:
                return direct
    return []


def _same_occasion(trigger: Token, times: list[Span]) -> list[Span]:
    """Times hanging from an adverbial clause of the trigger that sets its occasion."""
    chosen = []
    for clause in trigger.children:
        if clause.dep_ != "advcl" or not _sets_occasion(clause):
            continue
        chosen += _attached_to(clause, times)
    return chosen


def _sets_occasion(clause: Token) -> bool:
    words = {c.lower_ for c in clause.children if c.dep_ in ("mark", "advmod")}
    if words & OCCASION_MARKERS:
        return True
    return bool(words & IMMEDIATE_ORDER) and bool(words & IMMEDIACY_WORDS)


def _clause_chain(trigger: Token) -> list[Token]:
    """The heads above the trigger whose time it shares, nearest first (prepositions skipped)."""
    chain: list[Token] = []
    current = trigger
    while current.head.i != current.i and _shares_time_with_head(current):
        current = current.head
        if current.pos_ != "ADP":
            chain.append(current)
    return chain


def _shares_time_with_head(token: Token) -> bool:
    if token.dep_ == "pcomp" and token.head.lower_ in ORDER_PREPOSITIONS:
        return False  # "visited Seoul in 2014 before meeting Kim": the meeting came later
    if token.dep_ in CHAIN_DEPS or token.dep_ in ("pobj", "prep"):
        return True
    return not is_predicate(token) and token.dep_ in ARGUMENT_DEPS


def _bound_elsewhere(span: Span, trigger: Token) -> bool:
    """Whether the time hangs from a predicate other than the trigger or one above it."""
    anchor = attachment(span)
    if _dates_a_noun(span) and (anchor is None or anchor.i != trigger.i or is_predicate(trigger)):
        return True
    if anchor is not None and any(_orders(token) for token in path_up(anchor, trigger) or ()):
        return True  # "expelled diplomats after the summit in May"
    predicate = governing_predicate(anchor) if anchor is not None else None
    if predicate is None or predicate.i == trigger.i:
        return False
    return all(ancestor.i != predicate.i for ancestor in _same_time_ancestors(trigger))


def _same_time_ancestors(token: Token) -> list[Token]:
    """Ancestors up to (not past) a "before/after X-ing" boundary."""
    out: list[Token] = []
    while token.head.i != token.i:
        if token.dep_ == "pcomp" and token.head.lower_ in ORDER_PREPOSITIONS:
            break
        token = token.head
        out.append(token)
    return out


def _nearest(trigger: Token, spans: list[Span]) -> Span:
    return min(spans, key=lambda s: (min(abs(s.start - trigger.i), abs(s.end - 1 - trigger.i)), s.start))
