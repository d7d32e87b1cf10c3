"""Who a verb acts on: objects, prepositional objects and complements' subjects; for verbs judging a
thing ("condemned the Israeli strike"), whoever did the thing; demonyms of the things acted on
("seized a Philippine boat"); meeting venues left out."""
from __future__ import annotations

from spacy.tokens import Token

from dyadwatch.actors import agent_noun_sector, resolve_text
from dyadwatch.coding.actor_index import ActorIndex
from dyadwatch.coding.argument_words import (
    AUTHORED_NOUNS, BACKING_VERBS, CENSURE_VERBS, DEMONYM_TARGET_PREPS, ISSUED_TEXTS, LOCATIVE_PREPS, MEETING_VERBS,
    OBJECT_DEPS, OWNERSHIP_PARTICIPLES, PATIENT_NOUNS, RELATIVE_PRONOUNS, SHARED_PLACES, SMALL_CLAUSE_VERBS,
    STANCE_VERBS, TARGET_PREPS,
)
from dyadwatch.coding.syntax import compound_head, passive_parts, phrase_tokens, prep_objects
from dyadwatch.records import Actor


def objects_actors(verb: Token, index: ActorIndex) -> list[Actor]:
    """Targets: direct objects, then prepositional objects, then complements' objects."""
    for child in verb.children:
        if child.dep_ in OBJECT_DEPS and verb.lemma_.lower() in STANCE_VERBS and index.at(child) is None:
            # "condemned the Israeli attack on its consulate": whoever did the thing judged is the target
            aimed = verb.lemma_.lower() in BACKING_VERBS and prep_objects(child, {"against", "on", "to", "toward"})
            doers = [] if aimed else doers_of(child, index)
            if doers:
                return doers
            if child.lemma_.lower() in PATIENT_NOUNS:
                continue  # "condemned his expulsion": who suffered it is not who is condemned
            if verb.lemma_.lower() in CENSURE_VERBS:
                continue  # "condemned the attacks on X", "the measures against X": X suffered them, not judged
        if child.dep_ in OBJECT_DEPS:
            if index.at(child) is None:
                # "joined sanctions against X": the object's own complement names the target,
                # not its modifiers ("UN sanctions").
                nested = [a for tok in prep_objects(child, TARGET_PREPS - {"in", "from", "for"})
                          for a in index.in_phrase(tok)]
                if nested:
                    return nested
            found = [] if _venue_only(verb, child, index) else index.in_phrase(child)
            if found:
                # the object may be the actor's own ("its troops"); the place it leaves can be the party
                other = TARGET_PREPS - {"in", "for", "over"}
                # "strengthened its forces in Lebanon": where troops are is the other party; diplomats are not
                stationed = {"in"} if agent_noun_sector(child.lower_)[1] == "MIL" else set()
                places = prep_objects(verb, other | stationed) + prep_objects(child, {"from", "to", "into"} | stationed)
                return found + [a for tok in places for a in direct_actors(tok, index)]
    preps = TARGET_PREPS - LOCATIVE_PREPS if verb.lemma_.lower() in MEETING_VERBS else TARGET_PREPS
    found = [a for tok in prep_objects(verb, preps) for a in index.in_phrase(tok)]
    if found:
        return found
    for child in verb.children:
        if child.dep_ == "xcomp":
            nested = objects_actors(child, index)
            if nested:
                return nested
    # "demanded that Washington match ...": who the demand, warning or accusation is about
    # "declared two diplomats persona non grata": a verbless small clause's subject is acted on
    for clause in (c for c in verb.children if c.dep_ == "ccomp" and (
            any(m.lower_ == "that" for m in c.children) or verb.lemma_.lower() in SMALL_CLAUSE_VERBS)):
        subject = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        found = index.in_phrase(subject) if subject is not None else []
        if found:
            return found
    return []


def _venue_only(verb: Token, obj: Token, index: ActorIndex) -> bool:
    """"signed an agreement in Doha": the only actor in a meeting's or signing's object is where it happened."""
    if verb.lemma_.lower() not in MEETING_VERBS or index.at(obj) is not None:
        return False
    venues = {t.i for p in obj.children if p.dep_ == "prep" and p.lower_ in LOCATIVE_PREPS for t in p.subtree}
    named = [t.i for t in phrase_tokens(obj) if index.at(t) is not None]
    return bool(named) and all(i in venues for i in named)


def direct_actors(tok: Token, index: ActorIndex) -> list[Actor]:
    """Actors a phrase names itself or by its modifiers ("in Lebanon", "from Syrian soil"), not ones deeper
    in it: "in retaliation for a strike in X" does not name X as a party of the act it explains."""
    if index.at(tok) is not None:
        return index.in_phrase(tok)
    return [index.at(m)._.actor for m in tok.children
            if m.dep_ in {"poss", "amod", "compound", "nmod"} and index.at(m) is not None]


def doers_of(thing: Token, index: ActorIndex) -> list[Actor]:
    """Who did, made or owns a thing judged: its possessor or modifiers ("Iran's attack", "the Israeli strike"),
    "by X", the agent of a reduced relative ("strikes launched by X"), the subject of a relative clause
    ("a plan that X announced"), an author's "of" ("the decision of the junta"). Places, means and causes
    in prepositional phrases are not doers. The possessor of an act done to somebody ("his expulsion") is
    who suffered it."""
    patient_possessor = thing.lemma_.lower() in PATIENT_NOUNS
    doers = [a for m in thing.children if m.dep_ in {"poss", "amod", "compound", "nmod"}
             and not (patient_possessor and m.dep_ == "poss") for a in index.in_phrase(m)]
    agents = prep_objects(thing, {"by"})
    if patient_possessor:  # "the expulsion of its envoy by X": the parser often hangs "by X" on the envoy
        agents += [a for p in prep_objects(thing, {"of"}) for a in prep_objects(p, {"by"})]
    for clause in (c for c in thing.children if c.dep_ in {"acl", "relcl"}):
        agent, _ = passive_parts(clause)
        agents += [agent] if agent is not None else []
        subject = next((c for c in clause.children if c.dep_ == "nsubj" and c.lower_ not in RELATIVE_PRONOUNS),
                       None)
        agents += [subject] if clause.dep_ == "relcl" and subject is not None else []
    if thing.lemma_.lower() in AUTHORED_NOUNS | ISSUED_TEXTS:
        agents += prep_objects(thing, {"of", "from"})
    for tok in agents:
        doers.extend(a for a in index.in_phrase(tok) if a not in doers)
    return doers


def demonym_targets(verb: Token, sources: list[Actor]) -> list[Actor]:
    """"banned Chinese films", "seized a Philippine boat": the country whose things are acted on."""
    found: list[Actor] = []
    objects = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    instruments = [p for p in prep_objects(verb, {"with"})]  # "opened fire with mortars on X": misattached
    objects += prep_objects(verb, DEMONYM_TARGET_PREPS) + [
        p for o in objects + instruments for p in prep_objects(o, DEMONYM_TARGET_PREPS)]  # "tariffs on Australian wine"
    objects += [p for i in instruments for c in i.children if c.dep_ == "conj"
                for p in prep_objects(c, DEMONYM_TARGET_PREPS)]
    for obj in objects:
        for tok in phrase_tokens(obj):
            # the tagger reads some demonyms as proper-noun compounds ("the Azerbaijani republic")
            demonym = tok.dep_ == "amod" and tok.pos_ == "ADJ" or tok.dep_ == "compound" and tok.pos_ == "PROPN" or (
                tok.dep_ == "npadvmod" and tok.head.lower_ in OWNERSHIP_PARTICIPLES)  # "a Greek-flagged ship"
            if not demonym or not tok.text[:1].isupper() or compound_head(tok).lemma_.lower() in SHARED_PLACES:
                continue  # "on the Thai border": where, not whom ("a Kyrgyz border post" is a post)
            prev = tok.doc[tok.i - 1] if tok.i > 0 else None
            texts = ([f"{prev.text} {tok.text}"] if prev is not None and prev.text[:1].isupper() else []) + [tok.text]
            actor = next((a for a in map(resolve_text, texts) if a is not None and a.country), None)
            if actor and actor.country not in {s.country for s in sources} and actor not in found:
                found.append(actor)
    return found
