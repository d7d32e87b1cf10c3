"""The other party of a two-sided act whose own clause names only one side.

"X only sent junior officials to attend" and "X's delegation was downgraded" are acts towards
somebody the clause leaves out: the host of the occasion, usually named just before ("Y hosted a
reception, but X only sent ..."; "Y's ambassador skipped the parade. Similarly, X's delegation was
downgraded"). The counterpart is the nearest state actor of another country before the trigger in
its sentence, else the first one after it ("removed a plaque honouring Y's visit"), else the last one
in the previous sentence of the same paragraph.

`dominant_partner` is the document-level fallback: the country the article names most often besides the
actor's own, the other side of the article's main dyad ("India rejected the allegations" in an article
about Canada's accusations is a rejection of Canada's).

`dyad_partner` is stricter: the other side of the article's main dyad only when that dyad is clear (see
its docstring), for acts aimed at somebody that their sentence leaves without a party. When the article
has no clear dyad, `sentence_partner` takes the nearest state party of another country in the act's
own sentence that is not its speaker, its doer, a venue or a medium.
"""
from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Span, Token

from dyadwatch.actors.references import paragraph_numbers
from dyadwatch.attribution.chain import REPORTING_VERBS
from dyadwatch.coding.argument_words import VENUE_PREPS
from dyadwatch.nlp.extensions import ACTOR_SPANS
from dyadwatch.nlp.spanindex import spans_between
from dyadwatch.records import Actor

DYAD_MARGIN = 2.0
DYAD_MINIMUM = 3
# A state and its organs can be acted on; a newspaper, a firm or a crowd named in passing is not the other side.
STATE_PARTY_SECTORS = {None, "GOV", "MIL", "LEG", "JUD", "COP", "SPY"}
# Dependencies climbed from a mention to the phrase that attaches it to a clause.
ANCHOR_CLIMB = {"compound", "amod", "poss", "nmod", "appos", "conj", "pobj", "prep"}


def counterpart(trigger: Token, sentence: Span, sources: list[Actor], previous: bool = True) -> Actor | None:
    """The other party for `trigger`, or None when the context names none; with `previous` False, only
    the trigger's own sentence is looked at."""
    doc = trigger.doc
    own = {s.country for s in sources}
    before = [a for a in _state_mentions(doc, sentence.start, trigger.i) if a.country not in own]
    if before:
        return before[-1]
    after = [a for a in _state_mentions(doc, trigger.i + 1, sentence.end) if a.country not in own]
    if after:
        return after[0]
    previous = _previous_sentence(sentence) if previous else None
    if previous is None:
        return None
    paragraphs = paragraph_numbers(doc)
    if paragraphs[previous.start] != paragraphs[sentence.start]:
        return None
    found = [a for a in _state_mentions(doc, previous.start, previous.end) if a.country not in own]
    return found[-1] if found else None


def _state_mentions(doc: Doc, start: int, end: int) -> list[Actor]:
    """Actors with a country among the mentions that start in tokens [start, end)."""
    spans = spans_between(doc, ACTOR_SPANS, start, end)
    return [span._.actor for span in spans if span._.actor is not None and span._.actor.country]


def _previous_sentence(sentence: Span) -> Span | None:
    if sentence.start == 0:
        return None
    return sentence.doc[sentence.start - 1].sent



def dominant_partner(doc: Doc, own: set[str | None]) -> Actor | None:
    """The country mentioned most often in the document outside `own` (its first mention's state actor);
    None when two countries tie for it, as the article then names no single other side."""
    counts = _country_counts(doc)
    ranked = [(c, n) for c, n in counts.most_common() if c not in own]
    if not ranked or len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return None
    country = ranked[0][0]
    return Actor("", country, country, None)


def dyad_partner(doc: Doc, country: str | None) -> Actor | None:
    """The other side of the article's main dyad, when `country` is one side of it and the dyad is clear:
    the two countries it names most, the second of them at least DYAD_MARGIN times as often as any third
    (an article about Iran and Israel that also mentions the US a few times), and at least DYAD_MINIMUM
    times. None otherwise: with several parties of like weight the other side is a guess."""
    ranked = _country_counts(doc).most_common(3)
    if country is None or len(ranked) < 2 or ranked[1][1] < DYAD_MINIMUM:
        return None
    third = ranked[2][1] if len(ranked) > 2 else 0
    if ranked[1][1] < DYAD_MARGIN * third:
        return None
    sides = {ranked[0][0], ranked[1][0]}
    if country not in sides:
        return None
    other = next(iter(sides - {country}))
    return Actor("", other, other, None)


def _country_counts(doc: Doc) -> Counter:
    """Mentions per country in the document, counted once per document."""
    cached = doc.user_data.get("dyadwatch_country_counts")
    if cached is None:
        spans = doc.spans[ACTOR_SPANS] if ACTOR_SPANS in doc.spans else []
        cached = Counter(s._.actor.country for s in spans if s._.actor is not None and s._.actor.country)
        doc.user_data["dyadwatch_country_counts"] = cached
    return cached


def sentence_partner(trigger: Token, sentence: Span, sources: list[Actor]) -> Actor | None:
    """The other party of a directed act ("Iran launched its attack") whose clause names none, and the
    article no clear main dyad: the nearest state party of another country in the trigger's own sentence,
    before it, else after it, outside the act's own clause. Not the reporting speaker ("..., Chilean
    officials said"), the act's own subject, a venue ("talks in Bolivia") or a medium ("officials told the
    BBC"): none of them is acted on."""
    own = {s.country for s in sources}
    verbs = {trigger.i} | {t.i for t in trigger.ancestors if t.pos_ in {"VERB", "AUX"}}
    read = _own_clause(trigger)
    spans = spans_between(trigger.doc, ACTOR_SPANS, sentence.start, sentence.end)
    candidates = [span for span in spans if span.root.i not in read and _could_be_acted_on(span, own, verbs)]
    before = [span for span in candidates if span.start < trigger.i]
    after = [span for span in candidates if span.start > trigger.i]
    chosen = before[-1] if before else after[0] if after else None
    return chosen._.actor if chosen is not None else None


def _own_clause(trigger: Token) -> set[int]:
    """Tokens of the trigger's own clause, which argument finding has read already: what it left out there
    ("condemned the attacks against X": X suffered them) was left out on purpose. Coordinated clauses
    ("... and hoped that X would ...") and subordinate clauses with a subject of their own ("after X
    expelled ...") are not its own."""
    clause = {t.i for t in trigger.subtree}
    for other in (c for c in trigger.children if c.pos_ in {"VERB", "AUX"} and (
            c.dep_ == "conj" or c.dep_ == "advcl" and any(s.dep_ in {"nsubj", "nsubjpass"} for s in c.children))):
        clause -= {t.i for t in other.subtree}
    return clause


def _could_be_acted_on(span: Span, own: set[str | None], verbs: set[int]) -> bool:
    actor = span._.actor
    if actor is None or not actor.country or actor.country in own or actor.sector not in STATE_PARTY_SECTORS:
        return False
    anchor, via_venue = _clause_anchor(span.root)
    if via_venue:
        return False
    clause_head = anchor.head.head if anchor.dep_ == "pobj" else anchor.head
    reporting = clause_head.lemma_.lower() in REPORTING_VERBS
    if anchor.dep_ == "nsubj" and (reporting or anchor.head.i in verbs):
        return False  # who says it, or who does it
    return not (reporting and anchor.dep_ in {"dobj", "dative", "pobj"})  # whom it was told to


def _clause_anchor(token: Token) -> tuple[Token, bool]:
    """The phrase a mention sits in, climbed up to where it attaches to a clause, and whether the climb went
    through a venue preposition ("in Bolivia", "at the embassy in Lima")."""
    via_venue = False
    while token.dep_ in ANCHOR_CLIMB and token.head != token:
        if token.dep_ == "prep" and token.lower_ in VENUE_PREPS:
            via_venue = True
        if token.dep_ == "pobj" and token.head.head.pos_ in {"VERB", "AUX"}:
            via_venue = via_venue or token.head.lower_ in VENUE_PREPS
            return token, via_venue
        token = token.head
    return token, via_venue

