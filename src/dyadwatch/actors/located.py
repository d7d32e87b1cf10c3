"""Actors the text places but does not name a country for.

Groups: "prisoners rioted at a jail in Dili", "thousands of people blocked streets in Hong Kong",
"a newspaper based in Beirut". An agent noun with no country of its own ("prisoners", "people",
"rebels", "newspaper") takes the country of the place where its clause happens, or where the phrase
says it is based: the convention coders use for unaffiliated groups acting at home.

Office holders: "President Ruto threatened a curfew in Nairobi". A title with a name the gazetteer
does not know takes the one country its sentence names outside what the person acts on ("visited
China", "sanctions against Russia") and unless the person is travelling ("arrived in Jakarta").

Needs the dependency parse; a place is a mention of a country or a city the gazetteer knows (not a
person or a body).
"""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from dyadwatch.actors.mentions import Mention
from dyadwatch.records import Actor

LOCATION_PREPOSITIONS = {"in", "at", "near", "across", "throughout", "through", "inside", "around", "outside"}
BASED_VERBS = {"base", "station", "locate", "headquarter", "live", "operate"}
QUANTITY_HEADS = {"hundreds", "thousands", "tens", "dozens", "millions", "scores", "group", "groups", "crowd",
                  "crowds", "number", "members", "some", "many", "most", "all", "one", "third", "half", "up"}
TRAVEL_VERBS = {"arrive", "travel", "fly", "land", "come", "go", "return", "visit", "tour", "head", "leave",
                "depart", "reach", "attend", "meet", "welcome", "receive", "host"}
TARGET_PREPOSITIONS = {"against", "to", "with", "toward", "towards", "on", "into", "at", "over", "for", "upon"}
MAX_PLACE_DEPTH = 3  # "at a jail in East Timor's capital Dili": prepositions chained under the first


def located_mentions(doc: Doc, unresolved: list[Mention], actor_spans: list[Span]) -> list[tuple[Mention, Actor]]:
    """Agent-only mentions that a place in their phrase or clause gives a country."""
    places = _place_index(actor_spans)
    out = []
    for mention in _free_mentions(doc, unresolved, actor_spans):
        sector = _sector(mention)
        if sector is None:
            continue
        country = _place_of(doc[mention.start:mention.end].root, places)
        if country is not None:
            text = doc[mention.start:mention.end].text
            out.append((mention, Actor(text, country + sector, country, sector)))
    return out


def placed_office_holders(doc: Doc, unresolved: list[Mention], actor_spans: list[Span]
                          ) -> list[tuple[Mention, Actor]]:
    """Titled people with unknown names whose sentence names exactly one other country."""
    out = []
    for mention in _free_mentions(doc, unresolved, actor_spans):
        title = _office(mention)
        if title is None:
            continue
        head = doc[mention.start:mention.end].root
        verb = head.head if head.dep_ in {"nsubj", "nsubjpass"} else None
        if verb is None or verb.lemma_.lower() in TRAVEL_VERBS:
            continue
        acted_on_tokens = acted_on(verb)
        sentence = head.sent
        countries = {span._.actor.country for span in actor_spans
                     if sentence.start <= span.start < sentence.end and span._.actor is not None
                     and span._.actor.country and span.start not in acted_on_tokens}
        if len(countries) == 1:
            country = countries.pop()
            name = doc[mention.name_span[0]:mention.name_span[1]].text if mention.name_span else None
            out.append((mention, Actor(doc[mention.start:mention.end].text, country + title, country, title, name)))
    return out


def _free_mentions(doc: Doc, unresolved: list[Mention], actor_spans: list[Span]) -> list[Mention]:
    """Unresolved mentions no actor span covers; none in an unparsed doc (placing needs the parse)."""
    if not any(tok.dep_ for tok in doc[:10]):
        return []
    taken = {i for span in actor_spans for i in range(span.start, span.end)}
    return [m for m in unresolved if not any(i in taken for i in range(m.start, m.end))]


def _office(mention: Mention) -> str | None:
    """The sector of a person's domestic title ("President", "Judge"); None for envoys and untitled names."""
    if mention.primaries or mention.name_span is None:
        return None
    agents = [p for p in mention.agents if p.role in {"weak", "strong"} and p.agent and p.agent.sector]
    return agents[-1].agent.sector if agents else None


def acted_on(verb: Token) -> set[int]:
    """Tokens of what the verb acts on: objects and phrases behind target prepositions, at any depth."""
    heads = [verb] + [c for c in verb.children if c.dep_ in {"xcomp", "ccomp"}]
    stack = [c for h in heads for c in h.children
             if c.dep_ in {"dobj", "dative", "attr"} or c.dep_ == "prep" and c.lower_ in TARGET_PREPOSITIONS]
    out: set[int] = set()
    while stack:  # the object's own phrase, but not where it is ("a curfew in Algiers")
        tok = stack.pop()
        out.add(tok.i)
        stack.extend(c for c in tok.children if not (c.dep_ == "prep" and c.lower_ in LOCATION_PREPOSITIONS))
    return out


def _sector(mention: Mention) -> str | None:
    if mention.primaries or mention.name_span is not None:
        return None  # a named person may be a visitor: "President X arrived in Jakarta"
    agents = [p for p in mention.agents if p.role not in {"event", "envoy"} and p.agent and p.agent.sector]
    return agents[-1].agent.sector if agents else None


def _place_index(actor_spans: list[Span]) -> dict[int, str]:
    """Token index → country, for mentions that are places (proper nouns only, no person's name)."""
    index: dict[int, str] = {}
    for span in actor_spans:
        actor = span._.actor
        if actor is None or not actor.country or actor.name or actor.sector not in (None, "GOV"):
            continue
        if all(t.pos_ in {"PROPN", "DET", "PART", "PUNCT"} for t in span):
            for i in range(span.start, span.end):
                index[i] = actor.country
    return index


def _place_of(head: Token, places: dict[int, str]) -> str | None:
    """A place in the phrase ("based in X", "in X"), else in the clause the phrase is the subject of."""
    for child in head.children:
        if child.dep_ == "acl" and child.lemma_.lower() in BASED_VERBS:
            found = _place_under(child, places)
            if found:
                return found
    found = _place_under(head, places)
    if found:
        return found
    subject = _phrase_top(head)
    if subject.dep_ not in {"nsubj", "nsubjpass"}:
        return None
    verb = subject.head
    clauses = [verb] + [c for c in verb.children if c.dep_ == "xcomp"]  # "agreed to postpone the rally in X"
    for token in clauses + [c for v in clauses for c in v.children if c.dep_ in {"dobj", "advmod"}]:
        found = _place_under(token, places)
        if found:
            return found
    return None


def _phrase_top(token: Token) -> Token:
    """Up through "hundreds of thousands of (people)" to the word the clause takes as its subject."""
    while token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lower_ in QUANTITY_HEADS:
        token = token.head.head
    return token


def _place_under(token: Token, places: dict[int, str], depth: int = 0) -> str | None:
    if depth >= MAX_PLACE_DEPTH:
        return None
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ in LOCATION_PREPOSITIONS):
        for pobj in (g for g in prep.children if g.dep_ == "pobj"):
            for tok in [pobj] + [c for c in pobj.children if c.dep_ in {"compound", "poss", "appos", "nmod"}]:
                if tok.i in places:
                    return places[tok.i]
            found = _place_under(pobj, places, depth + 1)
            if found:
                return found
    return None
