"""Finding event triggers in a sentence: verbs, event nouns and predicate adjectives in the lexicon.

Support ("light") verbs hand their subject to the event noun they govern: "held talks with X",
"imposed sanctions on Y", "made a visit to Z" are coded from the noun, with the verb's subject.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from dyadwatch.attribution.chain import REPORTING_VERBS
from dyadwatch.coding.learned_triggers import take_advice
from dyadwatch.coding.lexicon import NOT_AN_EVENT, LexEntry, Lexicon, TriggerContext
from dyadwatch.coding.stopping import stopping_entry
from dyadwatch.coding.trigger_record import Trigger
from dyadwatch.nlp.extensions import ACTOR_SPANS
from dyadwatch.nlp.spanindex import spans_between

LIGHT_VERBS = {
    "make", "hold", "have", "conduct", "carry", "launch", "stage", "issue", "impose", "express", "pay", "give",
    "take", "undertake", "level", "lodge", "file", "extend", "announce", "begin", "start", "continue", "resume",
    "approve", "mount", "wage", "join", "step", "convey", "deliver", "host", "attend", "order", "implement",
    "introduce", "enforce", "tighten", "apply", "end", "complete", "unveil", "renew", "broaden", "expand",
    "reiterate", "repeat", "voice", "undertake", "initiate", "step",
}
OBLIGATION_MODALS = {"must", "should"}
# Particles of phrasal verbs that the parser often attaches as prepositions when another preposition
# follows: "pull out of", "back away from", "break off from".
DEADLINE_NOUNS = {"hour", "day", "week", "month"}
PROMISING_VERBS = {"vow", "pledge", "promise", "swear"}
# "decided to expel the envoy": the decision is the expulsion's modality, not an event of its own.
DECIDING_VERBS = {"decide", "choose", "opt", "resolve", "elect"}
PARTICLE_PREPOSITIONS = {"out", "off", "back", "away"}
STATE_PREPOSITIONS = {"on", "under"}
# Verbs that take a stance on somebody else's act named by their object noun.
JUDGING_OTHERS = {"call", "deny", "reject", "dismiss", "describe", "label", "term", "brand", "refute", "condemn",
                  "criticize", "criticise", "welcome", "praise", "oppose", "denounce", "question", "doubt",
                  "investigate", "rebuff", "ignore", "protest", "slam", "hail", "applaud", "mock"}
# Verbs whose subject escapes, suffers or watches the event it governs: "refugees fleeing the war".
UNDERGOING_VERBS = {"flee", "escape", "survive", "suffer", "endure", "witness", "evade", "avoid", "cover", "monitor",
                    "observe", "fear", "mourn", "commemorate", "remember", "recall", "face", "risk"}
RESORTING_VERBS = {"resort", "turn", "return", "revert"}
ENGAGING_VERBS = {"engage", "participate", "involve", "join"}
# Coming together or travelling "for" an event noun: the travellers hold it.
GATHERING_VERBS = {"gather", "converge", "assemble", "return", "come", "go", "travel", "arrive", "head", "fly",
                   "march", "turn"}
# A contact noun in a phrase of these prepositions is one its clause's subject took part in: "spoke during
# a meeting with X", "after talks with Y, Z announced", "was in constant communication with W".
TAKING_PART_PREPOSITIONS = {"during", "after", "following", "in", "throughout"}
STATE_VERBS = {"be", "remain", "stay", "keep"}  # "in": only "was/remained in contact with"
# Talks and deals "on/about X": X is their topic, not an event that happened ("talks on a troop pullback").
TOPIC_PREPOSITIONS = {"on", "about", "over", "regarding", "concerning"}
TOPIC_HOLDERS = {"talk", "negotiation", "discussion", "dialogue", "consultation", "meeting", "summit", "negotiate",
                 "discuss", "agreement", "deal", "accord", "plan", "proposal", "framework", "roadmap"}
# Military exercises are a show of force unless held together: "A and B held joint drills" cooperates.
EXERCISE_NOUNS = {"exercise", "drill", "game", "manoeuvre", "maneuver"}
JOINT_EXERCISE = LexEntry("N", "*joint exercise*", (), "062")
CLAUSE_ON_NOUN = {"relcl", "acl", "appos"}
# Stretches of an event: "ten days of war games", "a round of talks".
SPAN_NOUNS = {"day", "week", "month", "hour", "round", "wave", "series"}
# A demand "X said Y must ..." is coded whatever Y is asked to do.
OBLIGATION_ENTRY = LexEntry("V", "*obligation*", (), "100")
QUANTITY_NOUNS = {"dollar", "euro", "yuan", "pound", "million", "billion", "kg", "kilogram", "tonne", "ton",
                  "dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "number", "wave", "barrage",
                  "salvo", "volley", "swarm", "batch", "series", "pair", "couple", "amount", "quantity", "ton", "tonne",
                  "state", "part", "parts"}  # and "a state of emergency", "part of a stronghold"
# Bodies sent somewhere: "received a mission of observers" receives the observers.
GROUP_NOUNS = {"mission", "team", "contingent", "group", "delegation", "unit", "detachment", "batch"}
# Reporting verbs that are also events in their own right when the lexicon says so.
REPORTING_EVENTS = {"deny", "claim", "allege", "insist", "warn"}
def context_of(token: Token) -> TriggerContext:
    ctx = TriggerContext()
    for child in token.children:
        dep = child.dep_
        if dep in {"dobj", "nsubjpass", "attr", "oprd"}:
            ctx.obj.add(child.lemma_.lower())
            ctx.obj.update(c.lemma_.lower() for c in child.children if c.dep_ in {"compound", "conj"})
            if child.lemma_.lower() in QUANTITY_NOUNS | GROUP_NOUNS:  # "dozens of drones": the drones are the object
                ctx.obj.update(g.lemma_.lower() for p in child.children if p.dep_ == "prep" and p.lower_ == "of"
                               for g in p.children if g.dep_ == "pobj")
        elif dep in {"prep", "agent"}:
            ctx.prep.add(child.lower_)
            if child.lower_ in PARTICLE_PREPOSITIONS and any(g.dep_ == "prep" for g in child.children):
                ctx.prt.add(child.lower_)  # "pulling out of the treaty": the parser's "out" is a particle
        elif dep == "prt":
            ctx.prt.add(child.lower_)
        elif dep in {"xcomp", "ccomp"}:
            ctx.xcomp.add(child.lemma_.lower())
            if any(g.dep_ == "aux" and g.lower_ == "to" for g in child.children):
                ctx.inf.add(child.lemma_.lower())
        elif dep == "npadvmod" and child.lemma_.lower() in DEADLINE_NOUNS:
            ctx.obj.add(child.lemma_.lower())  # "gave the generals two weeks to ...": the parser's adverb
        elif dep == "advcl" and _gives_someone(token) and any(g.dep_ == "aux" and g.lower_ == "to" for g in child.children):
            ctx.inf.add(child.lemma_.lower())
        elif dep in {"amod", "compound", "nmod"}:
            ctx.mod.add(child.lemma_.lower())
        elif dep == "advmod":
            ctx.adv.add(child.lemma_.lower())
        elif dep == "nsubj":
            ctx.subj.update(_head_and_modifiers(child))
            # "a first batch of peacekeeping troops arrived": the troops arrived
            ctx.subj.update(w for p in child.children if p.dep_ == "prep" and p.lower_ == "of"
                            for g in p.children if g.dep_ == "pobj" for w in _head_and_modifiers(g))
    if not ctx.subj and token.dep_ == "xcomp":  # "troops started arriving": the controller is the subject
        for child in token.head.children:
            if child.dep_ == "nsubj":
                ctx.subj.update(_head_and_modifiers(child))
    ctx.phrase = lambda: own_phrase_lemmas(token)
    if token.dep_ == "pobj":
        ctx.gov.add(token.head.lower_)
    if token.dep_ == "acl" and token.tag_ == "VBN":
        ctx.obj.add(token.head.lemma_.lower())  # "sanctions imposed on X": the noun is the object
    return ctx


def _gives_someone(verb: Token) -> bool:
    """A double-object verb ("gave them a week to leave"), whose to-clause is what they are to do."""
    objects = [c.dep_ for c in verb.children if c.dep_ in {"dative", "dobj"}]
    return "dative" in objects or len(objects) > 1  # the parser gives some double objects two "dobj"s


def _head_and_modifiers(noun: Token) -> set[str]:
    return {noun.lemma_.lower()} | {c.lemma_.lower() for c in noun.children if c.dep_ in {"compound", "amod"}}


# Dependents that belong to another clause or to the subject, not to what the trigger itself says.
OTHER_CLAUSE_DEPS = {"nsubj", "nsubjpass", "csubj", "conj", "cc", "advcl", "relcl", "parataxis", "mark", "punct"}


def own_phrase_lemmas(token: Token) -> set[str]:
    """Lemmas of the trigger's objects and complements ("sent only junior officials to attend"),
    not of its subject or of clauses coordinated with it."""
    lemmas: set[str] = set()
    stack = [c for c in token.children if c.dep_ not in OTHER_CLAUSE_DEPS or c.dep_ == "advcl" and c.i > token.i]
    while stack:
        tok = stack.pop()
        lemmas.add(tok.lemma_.lower())
        stack.extend(c for c in tok.children if c.dep_ not in {"relcl", "parataxis"})
    return lemmas


def find_triggers(sentence: Span, lexicon: Lexicon) -> list[Trigger]:
    """All triggers in a sentence, each token used at most once."""
    triggers: list[Trigger] = []
    consumed: set[int] = set()
    for tok in sentence:
        if _is_verbal(tok) and tok.i not in consumed:
            trig = _verb_trigger(tok, lexicon)
            if trig is not None:
                triggers.append(trig)
                consumed.add(trig.token.i)
                consumed.update(_objects(tok))
    named = _inside_names(sentence)
    for tok in sentence:
        if tok.i in consumed or tok.i in named or _is_topic(tok):
            continue  # "Asia-Pacific Economic Cooperation", "Ceasefire Commission": a name, not an event
        if tok.pos_ in {"NOUN", "PROPN"} and lexicon.has("N", tok.lemma_.lower()):
            # Any verb whose object the event noun is lends it a subject: "staged/organized a strike".
            light = _light_verb_of(tok)
            ctx = context_of(tok)
            if light is not None:  # "gave a warm welcome to X": the verb carries the noun's prepositions
                ctx.prep.update(c.lower_ for c in light.children if c.dep_ in {"prep", "dative"} and c.pos_ == "ADP")
            entry = lexicon.best("N", tok.lemma_.lower(), ctx)
            if entry is not None and entry.cameo != NOT_AN_EVENT:
                if _held_together(tok, entry, light):
                    entry = JOINT_EXERCISE
                triggers.append(Trigger(tok, entry, light or _taking_part_verb(tok, entry)))
        elif tok.pos_ == "ADJ" and tok.dep_ in {"acomp", "ROOT"} and lexicon.has("A", tok.lemma_.lower()):
            entry = lexicon.best("A", tok.lemma_.lower(), context_of(tok))
            if entry is not None:
                triggers.append(Trigger(tok, entry, tok.head if tok.dep_ == "acomp" else None))
    triggers = [t for t in triggers if not _promise_of_another(t, triggers)]
    # the learned layer's vetoes, retypings and proposals (coding/learned_triggers.py)
    scores = sentence.doc._.trigger_scores or {}
    if scores:
        triggers = take_advice(sentence, triggers, scores, consumed, named, lexicon, _light_verb_of, LIGHT_VERBS)
    return triggers


def _promise_of_another(trig: Trigger, triggers: list[Trigger]) -> bool:
    """"vowed to retaliate", "pledged to send aid", "decided to expel": the promised or decided act,
    coded as an intent, a threat or a deed, is the event; the promising verb is only its modality."""
    if trig.token.lemma_.lower() not in PROMISING_VERBS | DECIDING_VERBS:
        return False
    complements = {c.i for c in trig.token.children if c.dep_ in {"xcomp", "ccomp"}}
    return any(t.token.i in complements or t.light_verb is not None and t.light_verb.i in complements
               for t in triggers if t is not trig)


def _inside_names(sentence: Span) -> set[int]:
    """Tokens of organisation and institution names the actors stage found (not agent nouns)."""
    spans = spans_between(sentence.doc, ACTOR_SPANS, sentence.start, sentence.end)
    return {i for span in spans if span.label_ == "ACTOR" and span._.actor is not None and span._.actor.name
            and span._.actor.code[:3] in {"IGO", "NGO", "IMG", "MNC"} for i in range(span.start, span.end)}


def verb_lemma(tok: Token, lexicon: Lexicon) -> str:
    """The token's lemma, repaired when the lemmatizer cut an "-ed" form wrongly ("staged" → "stag")."""
    lemma = tok.lemma_.lower()
    if lexicon.has("V", lemma) or lemma in LIGHT_VERBS:
        return lemma
    text = tok.lower_
    for suffix in ("d", "s"):
        if text.endswith("e" + suffix) and (lexicon.has("V", text[:-1]) or text[:-1] in LIGHT_VERBS):
            return text[:-1]
    return lemma


def _verb_trigger(tok: Token, lexicon: Lexicon) -> Trigger | None:
    lemma = verb_lemma(tok, lexicon)
    ctx = context_of(tok)
    stopped = stopping_entry(tok, lemma, lexicon, ctx)
    if stopped is not None:
        return Trigger(tok, stopped)  # "froze military cooperation": the stopped act decides the event
    entry = lexicon.best("V", lemma, ctx)
    if lemma in REPORTING_VERBS and lemma not in REPORTING_EVENTS and not (entry and entry.conditions):
        return None  # "said", "reported": speech, unless the words make it an act ("told X to leave")
    if entry is None and any(c.dep_ == "aux" and c.lower_ in OBLIGATION_MODALS for c in tok.children):
        return Trigger(tok, OBLIGATION_ENTRY)
    if _has_event_object(tok, lexicon) and (
            entry is None or not entry.curated or lemma in LIGHT_VERBS and not entry.conditions):
        return None  # the object noun carries the event ("organized a general strike")
    if entry is None or entry.cameo == NOT_AN_EVENT:
        return None
    return Trigger(tok, entry)


def _is_verbal(tok: Token) -> bool:
    """Verbs, and words the tagger missed in verbal positions (a quoted '"disregard"' is tagged FW)."""
    if tok.pos_ in {"VERB", "AUX"}:
        return tok.pos_ == "VERB" or tok.dep_ == "ROOT"
    return tok.pos_ == "X" and tok.dep_ in {"xcomp", "ccomp", "ROOT", "advcl", "conj"}


def _light_verb_of(noun: Token) -> Token | None:
    """The verb lending an event noun its subject: "held talks", "launched a mediation effort"."""
    if noun.dep_ == "dobj" and _is_verbal(noun.head):
        if noun.head.lemma_.lower() in JUDGING_OTHERS | UNDERGOING_VERBS:
            return None  # "calls the accusations a smear", "fled the war": the event is somebody else's
        return noun.head
    if noun.dep_ == "compound" and noun.head.dep_ == "dobj" and _is_verbal(noun.head.head):
        return noun.head.head
    if noun.dep_ == "nsubjpass" and noun.head.lemma_.lower() in LIGHT_VERBS and _is_verbal(noun.head):
        return noun.head  # "allegations were made by X": the passive support verb's agent made them
    prep = noun.head
    if noun.dep_ == "pobj" and prep.lower_ in STATE_PREPOSITIONS and _is_verbal(prep.head):
        return prep.head  # "went on strike", "remained on alert", "placed under arrest"
    if noun.dep_ == "pobj" and prep.lower_ == "in" and prep.head.lemma_.lower() in ENGAGING_VERBS:
        return prep.head  # "engaged in ethnic cleansing"
    if noun.dep_ == "pobj" and prep.lower_ == "to" and prep.head.lemma_.lower() in RESORTING_VERBS:
        return prep.head  # "resorted to force"
    if noun.dep_ == "pobj" and prep.lower_ == "for" and prep.head.lemma_.lower() in GATHERING_VERBS:
        return prep.head  # "converged on Lagos for a rally", "returned to Geneva for talks"
    if (noun.dep_ == "pobj" and prep.lower_ == "of" and prep.head.lemma_.lower() in SPAN_NOUNS
            and prep.head.dep_ == "dobj" and _is_verbal(prep.head.head)):
        return prep.head.head  # "launched ten days of war games"
    return None


def _is_topic(noun: Token) -> bool:
    """A noun naming what talks or a deal are about: "negotiations on a pullback", "a deal over grain"."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in TOPIC_PREPOSITIONS:
        return False
    holder = prep.head
    if holder.lemma_.lower() in TOPIC_HOLDERS:
        return True
    # "renewed negotiations today on a pullback": the phrase hangs on the verb of the talks
    return _is_verbal(holder) and any(c.dep_ == "dobj" and c.lemma_.lower() in TOPIC_HOLDERS for c in holder.children)


def _held_together(noun: Token, entry: LexEntry, light: Token | None) -> bool:
    """A show-of-force exercise whose holders are coordinated ("French and Egyptian warships launched war games")."""
    if noun.lemma_.lower() not in EXERCISE_NOUNS or not entry.cameo.startswith("15") or light is None:
        return False
    subjects = [c for c in light.children if c.dep_ in {"nsubj", "nsubjpass"}]
    # a clause on the subject ("China, which claims X and opposes Y, announced drills") names no co-holder
    modifiers = [m for s in subjects for m in s.children if m.dep_ not in CLAUSE_ON_NOUN]
    return any(c.dep_ == "conj" and c.pos_ not in {"VERB", "AUX"}
               for c in [c for s in subjects for c in s.children] + [g for m in modifiers for g in m.children])


def _taking_part_verb(noun: Token, entry: LexEntry) -> Token | None:
    """The verb whose subject took part in a contact event named in a prepositional phrase."""
    if not entry.cameo.startswith("04") or noun.dep_ != "pobj":
        return None
    prep = noun.head
    if prep.lower_ == "of" and prep.head.lemma_.lower() in SPAN_NOUNS and prep.head.dep_ == "pobj":
        prep = prep.head.head  # "after two hours of talks with X"
    verb = prep.head
    if prep.lower_ not in TAKING_PART_PREPOSITIONS or prep.dep_ != "prep" or not _is_verbal(verb):
        return None
    if prep.lower_ == "in" and verb.lemma_.lower() not in STATE_VERBS:
        return None  # "killed in talks"? no: "in" names a state only after "be", "remain", "stay"
    return verb


def _has_event_object(verb: Token, lexicon: Lexicon) -> bool:
    """The verb's object is an event noun in this context ("organized a strike"; not "boycotted contact"),
    also behind a stretch or quantity ("held three rounds of talks", "hold days of drills")."""
    return any(c.dep_ == "dobj" and any(_event_noun(n, verb, lexicon) or any(
        g.dep_ == "compound" and _event_noun(g, verb, lexicon) for g in n.children) for n in _object_heads(c))
        for c in verb.children)


def _object_heads(obj: Token) -> list[Token]:
    """The object and, when it is a stretch or quantity ("days of drills"), the noun it measures."""
    if obj.lemma_.lower() not in SPAN_NOUNS | QUANTITY_NOUNS:
        return [obj]
    return [obj] + [g for p in obj.children if p.dep_ == "prep" and p.lower_ == "of"
                    for g in p.children if g.dep_ == "pobj"]


def _event_noun(noun: Token, verb: Token, lexicon: Lexicon) -> bool:
    """A lexicon noun with a row that fits here (a noun listed only with conditions that fail is no event);
    the verb lends its prepositions as in find_triggers ("gave a warm welcome to X")."""
    lemma = noun.lemma_.lower()
    if not lexicon.has("N", lemma):
        return False
    ctx = context_of(noun)
    ctx.prep.update(c.lower_ for c in verb.children if c.dep_ in {"prep", "dative"} and c.pos_ == "ADP")
    return lexicon.best("N", lemma, ctx) is not None


def _objects(verb: Token) -> list[int]:
    """The objects a verb trigger speaks for, and their compound nouns ("ended mediation efforts")."""
    objects = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    return [o.i for o in objects] + [c.i for o in objects for c in o.children if c.dep_ == "compound"]
