"""The other party of a directed act when its clause does not give one, and what is not one.

An actor's own people and organs as the object of its act ("pulled out its troops", "recalled its
ambassador", "offered his fighters") are the means of the act, not its other party: they are set aside,
so that a place the act leaves or the article's other side can take their place. The other side comes from
the article's clear main dyad, else from the act's own sentence (dyadwatch.coding.counterpart)."""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from dyadwatch.coding.actor_index import ActorIndex
from dyadwatch.coding.argument_words import OBJECT_DEPS
from dyadwatch.coding.arguments import Arguments
from dyadwatch.coding.counterpart import dyad_partner, sentence_partner
from dyadwatch.coding.syntax import phrase_tokens
from dyadwatch.records import Actor

# Acts whose object can be the actor's own means. Not attacks, coercion or accusations: a junta that
# "detained its president" or a state that "arrested its critics" acts on its own people.
MEANS_TYPES = frozenset({"RETREAT", "AGREE", "SUPPORT", "AID"})
OWN_POSSESSIVES = {"its", "his", "her", "their", "our", "my"}


def without_own_means(verb: Token, plover: str, args: Arguments, index: ActorIndex) -> Arguments:
    """The arguments with the actor's own possessed people and organs taken out of its targets."""
    countries = {s.country for s in args.sources}
    if plover not in MEANS_TYPES or not args.targets or not countries or None in countries:
        return args
    own = _own_means(verb, countries, index)
    if not own:
        return args
    return Arguments(args.sources, [t for t in args.targets if t not in own])


def _own_means(verb: Token, countries: set[str | None], index: ActorIndex) -> list[Actor]:
    """Actors of the source's country that the verb's objects name as possessed ("its troops", "his
    fighters' services")."""
    found: list[Actor] = []
    for obj in (c for c in verb.children if c.dep_ in OBJECT_DEPS):
        for tok in phrase_tokens(obj):
            if not any(_owned_by_source(p, countries, index) for p in tok.children if p.dep_ == "poss"):
                continue
            found += [a for a in index.in_phrase(tok) if a.country in countries and a not in found]
    return found


def _owned_by_source(possessor: Token, countries: set[str | None], index: ActorIndex) -> bool:
    span = index.at(possessor)
    if possessor.lower_ in OWN_POSSESSIVES:
        return span is None or span._.actor.country in countries
    return span is not None and span._.actor.country in countries


def main_dyad_partner(doc: Doc, sources: list[Actor]) -> Actor | None:
    """For an act aimed at somebody whose sentence names nobody: the other side of the article's clear main
    dyad, when the actor is one side ("Iran launched its attack" in an article about Iran and Israel)."""
    countries = {s.country for s in sources}
    if len(countries) != 1:
        return None
    return dyad_partner(doc, next(iter(countries)))


def sentence_partner_of(verb: Token, sentence: Span, sources: list[Actor]) -> Actor | None:
    """Failing a clear main dyad: the other state party the act's own sentence names, for sources of one known
    country (a body without one, as an international organisation, has no "other country")."""
    countries = {s.country for s in sources}
    if len(countries) != 1 or None in countries:
        return None
    return sentence_partner(verb, sentence, sources)


def attacker_in_dyad(doc: Doc, target: Actor) -> Actor | None:
    """Who hit a victim the text gives no attacker: the other side of the article's clear main dyad, when the
    victim is one side ("missiles hit an Israeli base" in an article about Iran and Israel); else nobody."""
    return dyad_partner(doc, target.country)
