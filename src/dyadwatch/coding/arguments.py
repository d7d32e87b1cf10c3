"""Who did it and to whom: source and target actors of a verbal or nominal trigger.

Subjects, passive agents and patients for verbs (dyadwatch.coding.syntax), their objects
(dyadwatch.coding.targets); possessives, modifiers, "by", "of" and "with" phrases for event nouns.
Actor mentions are read through dyadwatch.coding.actor_index."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from dyadwatch.coding.actor_index import ActorIndex
from dyadwatch.coding.argument_words import (
    DESTINATION_NOUNS, FROM_IS_SOURCE, GATHERING_NOUNS, OBJECT_DEPS, OF_IS_SOURCE, PATIENT_NOUNS, STATIVE_PARTICIPLES,
    SUBJECT_DEPS, TARGET_PREPS,
)
from dyadwatch.coding.syntax import passive_parts, prep_objects, subject_of
from dyadwatch.coding.targets import demonym_targets, direct_actors, objects_actors
from dyadwatch.records import Actor


@dataclass
class Arguments:
    """Source and target candidates for one trigger."""

    sources: list[Actor]
    targets: list[Actor]


def verb_arguments(verb: Token, index: ActorIndex) -> Arguments:
    """Source and target of a verbal trigger."""
    agent, patient = passive_parts(verb)
    if patient is not None and agent is None and verb.lemma_.lower() in STATIVE_PARTICIPLES:
        # "Israel is opposed to X", "Hanoi is committed to Y": a state of the subject, not a passive
        return Arguments(index.in_phrase(patient), objects_actors(verb, index))
    if patient is not None or verb.tag_ == "VBN" and verb.dep_ == "acl":
        if agent is not None:
            sources = index.in_phrase(agent)
        else:  # "arms were shipped from X to Y": the origin stands in for the missing agent
            sources = [a for tok in prep_objects(verb, {"from"}) for a in index.in_phrase(tok)]
        patient_tok = patient if patient is not None else verb.head
        targets = [a for tok in prep_objects(verb, {"to", "against", "on", "into"}) for a in index.in_phrase(tok)]
        if not targets:
            targets = index.in_phrase(patient_tok)
        if not targets:
            targets = objects_actors(verb, index)
        return Arguments(sources, targets)
    subject = _gerund_subject(verb, index) or subject_of(verb)
    sources = index.in_phrase(subject) if subject is not None else []
    targets = objects_actors(verb, index) or demonym_targets(verb, sources) or [
        a for c in verb.children if c.dep_ == "xcomp" for a in demonym_targets(c, sources)]
    return Arguments(sources, targets)


def _gerund_subject(verb: Token, index: ActorIndex) -> Token | None:
    """In "leading to X restricting Y" the parser hangs X on the preposition; X is the subject."""
    if verb.tag_ != "VBG" or verb.i == 0 or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    left = verb.doc[verb.i - 1]
    if left.dep_ in {"pobj", "dobj"} and left.pos_ == "PROPN" and index.at(left) is not None:
        return left
    return None


def noun_arguments(noun: Token, index: ActorIndex, light_verb: Token | None) -> Arguments:
    """Source and target of an event noun: possessor, modifiers, "by", "of", "from" for what is sent,
    "to/with/against"; the possessor of an act suffered ("his expulsion") is its target."""
    lemma = noun.lemma_.lower()
    sources, targets = _modifier_actors(noun, index), []
    if lemma in PATIENT_NOUNS and not prep_objects(noun, {"of"}):
        # "his expulsion", "Kenya's isolation": the possessor suffered it
        targets = _unique(a for c in noun.children if c.dep_ == "poss" for a in index.in_phrase(c))
        sources = [a for a in sources if a not in targets]
    sources = _unique([*sources, *(a for pobj in prep_objects(noun, {"by"}) for a in index.in_phrase(pobj))])
    if lemma in FROM_IS_SOURCE:  # "a warning from X", "aid from Y"
        sources = _unique([*sources, *(a for p in prep_objects(noun, {"from"}) for a in index.in_phrase(p))])
    if noun.lemma_ in OF_IS_SOURCE:
        visitors = [a for pobj in prep_objects(noun, {"of"}) for a in index.in_phrase(pobj)]
        if visitors and lemma in DESTINATION_NOUNS:
            # "the Taiwan visit of the speaker": the speaker visits, the modifier is where to
            targets += [a for a in sources if a not in visitors]
            sources = []
        sources = _unique([*sources, *visitors])
    for pobj in prep_objects(noun, TARGET_PREPS - {"in", "for", "from"}):
        targets.extend(a for a in index.in_phrase(pobj) if a not in targets)
    for clause in (c for c in noun.children if c.dep_ in {"acl", "ccomp"}):
        # "the demand that Israel ease ...": the clause's subject is who the demand is on
        subject = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is not None:
            targets.extend(a for a in index.in_phrase(subject) if a not in targets)
    for clause in (c for c in noun.children if c.dep_ == "relcl" and any(
            s.dep_ == "nsubj" and s.lower_ in {"that", "which"} for s in c.children)):
        # "accusations that linked X's envoy to ...", "sanctions which hit X's banks": what the act reaches,
        # not whom that thing is with ("a visit that heightened tensions with X")
        for obj in (c for c in clause.children if c.dep_ in OBJECT_DEPS):
            targets.extend(a for a in direct_actors(obj, index) if a not in targets and a not in sources)
    if not targets and noun.lemma_ not in OF_IS_SOURCE | GATHERING_NOUNS:
        # "the blockade of Serbia", "the killing of an Israeli": what the act is done to
        targets = [a for pobj in prep_objects(noun, {"of"}) for a in index.in_phrase(pobj) if a not in sources]
    if light_verb is not None and not sources and lemma in FROM_IS_SOURCE:
        senders = [a for p in prep_objects(light_verb, {"from"}) for a in index.in_phrase(p)]
        if senders:  # "drew a warning from X", "received aid from Y": the parser hangs "from" on the verb
            return Arguments(senders, [a for a in targets or _receivers(light_verb, index) if a not in senders])
    if light_verb is not None and not sources:
        args = verb_arguments(light_verb, index)
        sources = args.sources
        if not targets:
            targets = [a for a in args.targets if a not in sources]
    if not sources:
        parties = [a for pobj in prep_objects(noun, {"between", "among"}) for a in index.in_phrase(pobj)]
        if len(parties) > 1:
            return Arguments(parties[:1], parties[1:])
    if not targets and len(sources) > 1:
        # "the Seoul-Tokyo summit": several modifiers name the parties.
        return Arguments(sources[:1], sources[1:])
    if not targets and noun.lemma_ in {"visit", "trip", "tour", "summit", "meeting", "talk"}:
        targets = [a for pobj in prep_objects(noun, {"in"}) for a in index.in_phrase(pobj)]
    return Arguments(sources, targets)


def _receivers(verb: Token, index: ActorIndex) -> list[Actor]:
    """Who got what was sent: "to/on/against" phrases of the verb, else its subject ("X received aid")."""
    found = [a for p in prep_objects(verb, {"to", "on", "against", "for"}) for a in index.in_phrase(p)]
    subject = subject_of(verb)
    return found or (index.in_phrase(subject) if subject is not None else [])


def _modifier_actors(noun: Token, index: ActorIndex) -> list[Actor]:
    """Actors in an event noun's possessor and modifiers ("Iran's attack", "the Seoul-Tokyo summit")."""
    found: list[Actor] = []
    for child in noun.children:
        if child.dep_ in {"poss", "compound", "amod", "nmod", "npadvmod"} or (
            child.dep_ == "nummod" and child.pos_ == "PROPN"
        ):
            found.extend(a for a in index.in_phrase(child) if a not in found)
    return found


def _unique(actors) -> list[Actor]:
    out: list[Actor] = []
    for actor in actors:
        if actor not in out:
            out.append(actor)
    return out
