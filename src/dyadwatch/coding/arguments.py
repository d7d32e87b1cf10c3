"""Who did it and to whom: source and target actors of a verbal or nominal trigger.

Subjects, passive agents and patients for verbs (dyadwatch.coding.syntax), their objects
(dyadwatch.coding.targets); possessives, modifiers, "by", "of" and "with" phrases for event nouns.
Actor mentions are read through dyadwatch.coding.actor_index."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from dyadwatch.coding.actor_index import ActorIndex
from dyadwatch.coding.argument_words import (
    GATHERING_NOUNS, OBJECT_DEPS, OF_IS_SOURCE, STATIVE_PARTICIPLES, SUBJECT_DEPS, TARGET_PREPS,
)
from dyadwatch.coding.syntax import passive_parts, prep_objects, subject_of
from dyadwatch.coding.targets import demonym_targets, objects_actors
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
    """Source and target of an event noun: possessor, modifiers, "by", "of", "to/with/against"."""
    sources: list[Actor] = []
    targets: list[Actor] = []
    for child in noun.children:
        if child.dep_ in {"poss", "compound", "amod", "nmod", "npadvmod"} or (
            child.dep_ == "nummod" and child.pos_ == "PROPN"
        ):
            for actor in index.in_phrase(child):
                if actor not in sources:
                    sources.append(actor)
    for pobj in prep_objects(noun, {"by"}):
        sources.extend(a for a in index.in_phrase(pobj) if a not in sources)
    if noun.lemma_ in OF_IS_SOURCE:
        for pobj in prep_objects(noun, {"of"}):
            sources.extend(a for a in index.in_phrase(pobj) if a not in sources)
    for pobj in prep_objects(noun, TARGET_PREPS - {"in", "for", "from"}):
        targets.extend(a for a in index.in_phrase(pobj) if a not in targets)
    for clause in (c for c in noun.children if c.dep_ in {"acl", "ccomp"}):
        # "the demand that Israel ease ...": the clause's subject is who the demand is on
        subject = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is not None:
            targets.extend(a for a in index.in_phrase(subject) if a not in targets)
    for clause in (c for c in noun.children if c.dep_ == "relcl" and any(
            s.dep_ == "nsubj" and s.lower_ in {"that", "which"} for s in c.children)):
        # "accusations that linked X's envoy to ...", "sanctions which hit X's banks": what the act reaches
        for obj in (c for c in clause.children if c.dep_ in OBJECT_DEPS):
            targets.extend(a for a in index.in_phrase(obj) if a not in targets and a not in sources)
    if not targets and noun.lemma_ not in OF_IS_SOURCE | GATHERING_NOUNS:
        # "the blockade of Serbia", "the killing of an Israeli": what the act is done to
        targets = [a for pobj in prep_objects(noun, {"of"}) for a in index.in_phrase(pobj) if a not in sources]
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
