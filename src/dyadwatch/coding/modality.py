"""Statements of intent, threats, refusals and demands, the CAMEO way.

A report that X *will* do something is not the act, but it is an act of speech: CAMEO codes
"X said it will send aid" as an intent to cooperate (AGREE, 03x), "X will retaliate if ..." as a
threat (THREATEN, 13x), "X will not accept" or "X failed to reach agreement" as a rejection
(REJECT, 12x), and "Y said X must withdraw" as a demand by Y (REQUEST, 10x). This module turns a
hypothetical or negated event into the speech act that did happen, when the grammar says so.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token

from dyadwatch.coding.ontology import quad_class
from dyadwatch.records import Actor
from dyadwatch.resources import read_tsv

INTENT_MODALS = {"will", "would", "'ll", "shall", "wo"}
CONDITIONAL_MODALS = {"may", "might", "could"}
OBLIGATION_MODALS = {"must", "should"}
INTENT_GOVERNORS = {"vow", "pledge", "promise", "plan", "intend", "prepare", "decide", "offer", "swear",
                    "ready", "willing", "prepared", "determined", "resolve", "commit", "intention", "readiness",
                    "willingness", "commitment", "threat", "determination"}
# The same intents as nouns with a to-infinitive ("plans to hold drills", "a pledge to send aid").
INTENT_NOUNS = {"plan", "pledge", "promise", "vow", "offer", "intention", "readiness", "willingness",
                "commitment", "threat", "resolve", "determination"}
REFUSAL_GOVERNORS = {"fail", "refuse", "decline"}
POLICY_VERBS = {"announce", "decide", "declare", "rule", "order", "say"}
# Withholding a stance is itself a stance: "does not recognise the junta", "did not accept the plan" reject.
STANCE_VERBS = {"recognise", "recognize", "accept", "endorse", "acknowledge", "back", "support"}
ATTEMPT_GOVERNORS = {"try", "attempt"}
ATTEMPT_CODES = {"186": "185"}  # an attempted assassination has its own code
# A clause under these is somebody's guess about the actor, not the actor's own statement.
SPECULATIVE_GOVERNORS = {"expect", "predict", "fear", "believe", "think", "suggest", "speculate", "estimate",
                         "anticipate", "forecast", "suspect", "guess", "hope", "worry", "doubt", "wonder"}
# Express intent to ... (03x) for each cooperative root.
_INTENT_CODE = {"02": None, "03": None, "04": "036", "05": "032", "06": "031", "07": "033", "08": "035"}
# Code prefixes whose unconditional announcement by the actor is the act itself: sanctions (16), and
# pulling out or standing down armed forces (087, when forces are what moves). Other yielding (releasing,
# allowing access, evacuating people) stays an intent: it waits on the other side.
SANCTION_ROOT = "16"
STAND_DOWN_PREFIX = "087"
FORCE_POSTURE_ROOT = "15"
# Threaten to ... (13x) for each conflictual root that is an action rather than a statement.
_THREAT_CODE = {"14": "133", "15": "138", "16": "131", "17": "132", "18": "138", "19": "138", "20": "1385"}


@dataclass(frozen=True)
class SpeechAct:
    """The recoded event: new CAMEO code, status, and whether the speaker became the source."""

    cameo: str
    status: str
    speaker_is_source: bool = False


def speech_act(trigger: Token, light_verb: Token | None, cameo: str, status: str,
               has_speaker: bool, foreign_speaker: bool = False) -> SpeechAct | None:
    """The speech act a hypothetical or negated event stands for, or None to keep it as it is.

    `foreign_speaker`: the clause is reported by a speaker of another country than its actor's ("Seoul
    said Pyongyang would attack"): a bare "would attack" is then the speaker's claim, not the actor's
    threat. A verb of intent ("X had sworn to fight, Y said") reports the actor's own words, and a
    cooperative intent reported by a host ("Z will visit, Y's embassy said") stays the actor's."""
    verb = light_verb or trigger
    if verb.pos_ not in {"VERB", "AUX"}:
        return None
    modals = {c.lower_ for c in verb.children if c.dep_ == "aux"} | _shared_modals(verb)
    negated = any(c.dep_ == "neg" for c in verb.children)
    infinitive = (verb.dep_ == "advcl" and verb.head.lemma_.lower() in INTENT_GOVERNORS | REFUSAL_GOVERNORS
                  and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children))  # "sworn to fight"
    announced_plan = verb.dep_ == "acl" and verb.head.lemma_.lower() in INTENT_NOUNS and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)  # "unveiled plans to hold drills"
    governor = verb.head.lemma_.lower() if verb.dep_ in {"xcomp", "acomp"} or infinitive or announced_plan else ""
    if verb.dep_ == "xcomp" and verb.head.dep_ == "acomp":
        governor = verb.head.lemma_.lower()
        # "X must be ready to mediate": the copula carries the modal
        modals |= {c.lower_ for c in verb.head.head.children if c.dep_ == "aux"}
    cooperative = quad_class(cameo) <= 2
    refused = modals & INTENT_MODALS or governor in REFUSAL_GOVERNORS or trigger.lemma_.lower() in STANCE_VERBS
    if status == "negated" and cooperative and refused:
        return SpeechAct("120", "asserted")
    if status != "hypothetical" or negated:
        return None
    if governor in ATTEMPT_GOVERNORS and not cooperative and not modals & (INTENT_MODALS | CONDITIONAL_MODALS):
        # "tried to hack into", "attempted to assassinate": CAMEO codes the attempt as the attack
        return SpeechAct(ATTEMPT_CODES.get(cameo, cameo), "asserted")
    if modals & OBLIGATION_MODALS and has_speaker:
        return SpeechAct("100", "asserted", speaker_is_source=True)
    conditions = {m.lower_ for c in verb.children if c.dep_ == "advcl" for m in c.children if m.dep_ == "mark"}
    conditional = bool(conditions & {"if", "unless"})
    intends = bool(modals & INTENT_MODALS) or governor in INTENT_GOVERNORS or (
        bool(modals & CONDITIONAL_MODALS) and conditional)
    if not intends or _speculated(verb) or (foreign_speaker and not cooperative and governor not in INTENT_GOVERNORS):
        return None
    root = cameo[:2]
    if "unless" in conditions:
        # "will withdraw its force unless X holds elections": a demand backed by a penalty is a threat
        return SpeechAct("130" if cooperative else _THREAT_CODE.get(root, cameo), "asserted")
    if _done_by_announcing(trigger, verb, cameo) and not conditional and _announced_policy(verb):
        # "announced it would cut all aid to X", "X will recall its envoy, its president said": an
        # unconditional sanction announced is imposed by announcing it; so is a withdrawal ("said
        # it will pull its troops out of X"): a decision, not an offer awaiting a reply
        return SpeechAct(cameo, "asserted")
    if announced_plan and root == FORCE_POSTURE_ROOT:
        # "unveiled plans to hold military drills": the announced exercise is the show of force itself
        return SpeechAct(cameo, "asserted")
    if cooperative:
        code = _INTENT_CODE.get(root)
        return SpeechAct(code or cameo, "asserted")
    if root in {"09", "10", "11", "12", "13"}:
        return SpeechAct(cameo, "asserted")
    return SpeechAct(_THREAT_CODE.get(root, "130"), "asserted")


def foreign_speaker(speaker: list[Actor], sources: list[Actor]) -> bool:
    """The speaker is of another country than every actor of the clause ("Ankara said Moscow would ...")."""
    home = speaker[0].country if speaker else None
    return bool(home and sources) and all(s.country and s.country != home for s in sources)


def _done_by_announcing(trigger: Token, verb: Token, cameo: str) -> bool:
    if cameo.startswith(SANCTION_ROOT):
        return True
    return cameo.startswith(STAND_DOWN_PREFIX) and _moves_armed_forces(trigger, verb)


def _moves_armed_forces(trigger: Token, verb: Token) -> bool:
    """"pull out its troops", "a withdrawal of its forces", "the soldiers will leave": forces are moved."""
    moved = [c for c in trigger.children if c.dep_ in {"dobj", "nsubj", "nsubjpass"}]
    moved += [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    moved += [g for c in trigger.children if c.dep_ == "prep" and c.lower_ == "of"
              for g in c.children if g.dep_ == "pobj"]
    return any(token.lemma_.lower() in _armed_force_nouns() or token.lower_ in _armed_force_nouns()
               for token in moved)


@lru_cache(maxsize=1)
def _armed_force_nouns() -> frozenset[str]:
    """One-word nouns the sector table files under MIL ("troops", "soldiers", "forces")."""
    return frozenset(form.strip() for row in read_tsv("actors", "sectors.tsv")
                     if len(row) > 1 and row[1].strip() == "MIL"
                     for form in row[0].split("|") if form.strip() and " " not in form.strip())


def _shared_modals(verb: Token) -> set[str]:
    """"will pull out its troops and recall its envoy": a conjunct without its own subject or auxiliary
    shares the first conjunct's."""
    if verb.dep_ != "conj" or any(c.dep_ in {"aux", "auxpass", "nsubj", "nsubjpass"} for c in verb.children):
        return set()
    first = verb
    while first.dep_ == "conj" and first.head != first:
        first = first.head
    return {c.lower_ for c in first.children if c.dep_ == "aux"}


def _announced_policy(verb: Token) -> bool:
    """The clause (or the first of coordinated clauses: "will pull out its troops and recall its envoy")
    is what a verb of announcement or decision reports."""
    first = verb
    while first.dep_ == "conj" and first.head != first and first.head.pos_ in {"VERB", "AUX"}:
        first = first.head
    return first.dep_ in {"ccomp", "xcomp"} and first.head.lemma_.lower() in POLICY_VERBS


def _speculated(verb: Token) -> bool:
    current = verb
    for _ in range(6):
        if current.dep_ not in {"ccomp", "xcomp", "conj"} or current.head == current:
            return False
        current = current.head
        if current.lemma_.lower() in SPECULATIVE_GOVERNORS:
            return True
    return False
