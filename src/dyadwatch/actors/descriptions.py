"""Descriptive references to a state: "the West African country", "the Gulf kingdom", "the self-governing
island", "the landlocked nation", "the Caucasus republic".

A definite phrase "the [descriptors] HEAD" (HEAD a state noun: country, nation, state, island, kingdom,
republic, emirate, monarchy, ...) takes the most recently named state of the article whose facts
(data/actors/state_facts.tsv: regions after the UN M49 geoscheme, kinds of state) carry every descriptor
and the kind the head implies. Every descriptor must be a known fact or a neutral word ("tiny", "vast"):
"the neighbouring country" or "the troubled nation" say nothing checkable and stay unresolved here, and
so does a phrase no named state fits. Plain "the country" is left to references.py (nearest state).
"""
from __future__ import annotations

import re
from collections.abc import Container
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from dyadwatch.actors.gazetteer import COUNTRY
from dyadwatch.records import Actor
from dyadwatch.resources import read_tsv

if TYPE_CHECKING:
    from dyadwatch.actors.mentions import Mention
    from dyadwatch.actors.references import Context, Reference

# Head noun → the kind of state it implies (None: any state). Heads marked strong resolve with no descriptor.
HEAD_KINDS: dict[str, str | None] = {
    "country": None, "nation": None, "state": None, "republic": "republic", "island": "island",
    "archipelago": "island", "kingdom": "kingdom", "emirate": "emirate", "monarchy": "monarchy",
    "sultanate": "sultanate", "principality": "principality",
}
STRONG_HEADS = {"island", "archipelago", "kingdom", "emirate", "monarchy", "sultanate", "principality"}
# Words that describe without narrowing: they neither help nor block a match.
NEUTRAL = {"small", "tiny", "vast", "poor", "impoverished", "wealthy", "rich", "populous", "remote", "sprawling",
           "conservative", "mountainous", "former", "young", "big", "large", "little"}
MAX_WORDS = 6  # tokens between "the" and the head ("south - east asian" is four)
MAX_PHRASE = 3


@dataclass(frozen=True)
class StateFacts:
    """What can be said of one state: its regions and kinds, lower-cased ("west african", "landlocked")."""

    code: str
    terms: frozenset[str]


@dataclass(frozen=True)
class Description:
    """A parsed descriptive phrase: its token span, the facts it asks for, and its head noun's index."""

    start: int
    end: int
    wanted: frozenset[str]
    head: int


@lru_cache(maxsize=1)
def state_facts() -> dict[str, StateFacts]:
    """The packaged facts table, by country code."""
    table = {}
    for row in read_tsv("actors", "state_facts.tsv"):
        cells = row + [""] * (3 - len(row))
        terms = {t.strip().lower() for cell in cells[1:3] for t in cell.split("|") if t.strip()}
        table[cells[0]] = StateFacts(cells[0], frozenset(terms))
    return table


@lru_cache(maxsize=1)
def vocabulary() -> frozenset[str]:
    """Every descriptor some state has."""
    return frozenset(t for facts in state_facts().values() for t in facts.terms)


def normalise(text: str) -> list[str]:
    """Lower-cased words with hyphens rejoined ("oil - rich" → "oil-rich")."""
    return re.sub(r"\s*-\s*", "-", text.lower()).split()


def descriptors(words: list[str]) -> set[str] | None:
    """The facts the words ask for, longest known phrase first; None when a word is neither known nor neutral."""
    known, wanted, k = vocabulary(), set(), 0
    while k < len(words):
        for size in range(min(MAX_PHRASE, len(words) - k), 0, -1):
            phrase = " ".join(words[k:k + size])
            if phrase in known:
                wanted.add(phrase)
                k += size
                break
        else:
            if words[k] not in NEUTRAL:
                return None
            k += 1
    return wanted


def find_head(doc: Doc, i: int) -> int | None:
    """Index of the state head noun ending the phrase that starts with "the" at i."""
    for j in range(i + 1, min(len(doc), i + 2 + MAX_WORDS)):
        tok = doc[j]
        if tok.lower_ in HEAD_KINDS and not continues(doc, j):
            return j
        if not (tok.is_alpha or tok.text == "-"):
            return None
    return None


def continues(doc: Doc, j: int) -> bool:
    """Whether the noun at j only modifies what follows ("the island nation", "the state media")."""
    if j + 1 >= len(doc):
        return False
    nxt = doc[j + 1]
    if nxt.lower_ in HEAD_KINDS or nxt.text == "-":
        return True
    return doc[j].dep_ == "compound" and nxt.pos_ in ("NOUN", "PROPN")


def parse_description(doc: Doc, i: int, named: Container[int]) -> Description | None:
    """The descriptive phrase at token i ("the" ...), or None when there is none or it checks nothing."""
    if doc[i].lower_ != "the":
        return None
    head = find_head(doc, i)
    if head is None or any(k in named for k in range(i + 1, head + 1)):
        return None  # a descriptor that is itself a mention ("the Chinese-claimed island") names another actor
    if head + 1 < len(doc) and doc[head + 1].lower_ == "of":
        return None  # "the island of Hainan": a place named next, not a state referred back to
    words = normalise(doc[i + 1:head].text) if head > i + 1 else []
    wanted = descriptors(words)
    if wanted is None:
        return None
    head_word = doc[head].lower_
    kind = HEAD_KINDS[head_word]
    if kind is not None:
        wanted.add(kind)
    if not words and head_word not in STRONG_HEADS:
        return None
    if not wanted:
        return None
    return Description(i, head + 1, frozenset(wanted), head)


def country_names(resolved: list[tuple[Mention, Actor | None]]) -> list[tuple[int, str]]:
    """Where each country is named, inside any mention ("envoy to Mali" names Mali too), in text order."""
    names = {(p.start, p.entry.primary) for m, _ in resolved for p in m.pieces + m.pp_pieces
             if p.kind == COUNTRY and p.entry is not None}
    return sorted(names)


def described_state(context: Context, description: Description) -> str | None:
    """The country code of the latest state named before the phrase whose facts carry all it asks for."""
    facts = state_facts()
    named = [(s.start, s.actor.country) for s in context.seen if s.actor.country] + context.places
    for _, code in sorted((at, code) for at, code in named if at < description.start)[::-1]:
        if code in facts and description.wanted <= facts[code].terms:
            return code
    return None


def description_reference(context: Context, i: int) -> Reference | None:
    """"the West African country", "the Gulf kingdom's foreign ministry": the named state the facts fit."""
    from dyadwatch.actors.references import POSSESSIVES, Reference, agent_only, agent_sector, state_actor
    doc = context.doc
    description = parse_description(doc, i, context.known)
    if description is None:
        return None
    code = described_state(context, description)
    if code is None:
        return None
    end, sector = description.end, None
    owned = context.unresolved.get(end + 1)
    if end < len(doc) and doc[end].text in POSSESSIVES and owned is not None and agent_only(owned):
        end, sector = owned.end, agent_sector(owned)
    return Reference(i, end, state_actor(Actor(doc[i:end].text, code, code, None, None), doc[i:end].text, sector))
