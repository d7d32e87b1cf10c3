"""Verbs that stop the act their object names: the stopped act decides the event, not the verb alone.

"froze military cooperation", "cancelled a trade mission" cut relations (CAMEO 16), while "halted its
airstrikes" or "suspended the offensive" de-escalate (087) and "eased the sanctions" yields (085). The
curated rows name the commonest objects ("suspended talks" → 164); this covers any other event noun
the verb governs, by the family of the noun's own event.
"""
from __future__ import annotations

from spacy.tokens import Token

from dyadwatch.coding.lexicon import NOT_AN_EVENT, LexEntry, Lexicon, TriggerContext
from dyadwatch.coding.ontology import lookup

# Verbs that stop or call off an act, whether cooperative or hostile.
STOPPING_VERBS = {"cancel", "suspend", "halt", "freeze", "postpone", "scrap", "abandon", "shelve", "pause",
                  "stop", "cease", "axe", "terminate", "discontinue"}
# Phrasal verbs of the same sense: lemma and particle.
STOPPING_PHRASES = {("call", "off"), ("break", "off")}
# "put the talks on hold": a verb and the phrase of a state of waiting.
SHELVING_STATES = {"hold", "ice"}
# Verbs that end an act without cutting ties: "ended its visit" completed the visit, so they only
# recode hostile acts ("ended the blockade", "lifted the sanctions").
EASING_VERBS = {"end", "lift", "ease", "relax", "loosen"}
COOPERATIVE = {"CONSULT", "COOPERATE", "AGREE", "SUPPORT"}
HOSTILE = {"ASSAULT", "COERCE", "MOBILIZE"}
AID_CUTS = {"071": "1621", "072": "1622", "073": "1623"}


def is_stopping_verb(verb: Token) -> bool:
    lemma = verb.lemma_.lower()
    particles = {c.lower_ for c in verb.children if c.dep_ == "prt"}
    if lemma in STOPPING_VERBS or any((lemma, p) in STOPPING_PHRASES for p in particles):
        return True
    return lemma == "put" and any(p.dep_ == "prep" and p.lower_ == "on" and g.lemma_.lower() in SHELVING_STATES
                                  for p in verb.children for g in p.children)


def stopped_code(noun_code: str, easing_only: bool) -> str | None:
    """The CAMEO code of stopping an act of this code, or None when stopping it is no event we code."""
    plover = lookup(noun_code).plover
    if plover in HOSTILE:
        return "0872" if noun_code.startswith("191") else "087"
    if plover == "SANCTION" and noun_code.startswith("163"):
        return "085"
    if easing_only:
        return None
    if plover == "AID":
        return AID_CUTS.get(noun_code[:3], "162")
    if plover in COOPERATIVE:
        return "164" if noun_code.startswith("046") else "160"
    return None


def stopping_entry(verb: Token, lemma: str, lexicon: Lexicon, context: TriggerContext) -> LexEntry | None:
    """The entry of a stopping verb from the event noun it governs, when no curated row names the object."""
    stopping = is_stopping_verb(verb)
    if not stopping and lemma not in EASING_VERBS:
        return None
    listed = lexicon.best("V", lemma, context)
    if listed is not None and listed.curated and listed.conditions:
        return None  # the curated row for this very object decides
    for noun in _object_nouns(verb):
        entry = lexicon.best("N", noun.lemma_.lower(), _noun_context(noun))
        if entry is None or entry.cameo == NOT_AN_EVENT:
            continue
        code = stopped_code(entry.cameo, easing_only=not stopping)
        if code is not None:
            return LexEntry("V", lemma, (), code)
    return None


def _object_nouns(verb: Token) -> list[Token]:
    """The direct object and the nouns compounded into it ("a trade mission": trade)."""
    objects = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    return objects + [c for o in objects for c in o.children if c.dep_ == "compound"]


def _noun_context(noun: Token) -> TriggerContext:
    ctx = TriggerContext()
    for child in noun.children:
        if child.dep_ in {"amod", "compound", "nmod"}:
            ctx.mod.add(child.lemma_.lower())
        elif child.dep_ == "prep":
            ctx.prep.add(child.lower_)
    return ctx
