"""How the rule coder takes the learned trigger layer's advice (Doc._.trigger_scores, coding/learned.py).

Four kinds of advice, each only where the rules leave room:
- veto: a derived-dictionary hit the model is sure is no event is dropped;
- retype: a derived-dictionary hit takes the type the model reads with confidence (curated rows are
  the rules' own: overruling a curated word's fallback row cost the PLOVER gold standard and the seeds
  more than it gained);
- light-verb object: "gave backing to X", "struck an understanding": when a support verb was coded from
  its own unconditioned row and the model is sure its object noun is the event, the noun carries it;
- proposal: a verb or noun the lexicon does not list becomes a trigger at high probability.
Learned triggers are not curated, so the coder emits them only with a target resolved in the sentence
(events.py): an event with one named party is not a dyad to count.

Thresholds were chosen on the training corpus's held-out slice and the seed articles and PLOVER gold
standard, never on the dev set.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Span, Token

from dyadwatch.coding.learned import Prediction, default_model
from dyadwatch.coding.lexicon import LexEntry, Lexicon
from dyadwatch.coding.ontology import lookup
from dyadwatch.coding.trigger_record import Trigger

ADD_PROBABILITY = 0.6
VETO_PROBABILITY = 0.97  # high enough that neither the seeds nor the PLOVER gold standard lose a found event
RETYPE_PROBABILITY = 0.8
LIGHT_OBJECT_PROBABILITY = 0.8

LightVerbFinder = Callable[[Token], "Token | None"]


def take_advice(sentence: Span, triggers: list[Trigger], scores: dict[int, Prediction], consumed: set[int],
                named: set[int], lexicon: Lexicon, light_verb_of: LightVerbFinder,
                light_verbs: set[str]) -> list[Trigger]:
    """The rules' triggers after vetoes, retypings and light-verb hand-overs, plus the model's proposals.
    `consumed`: words the rules' triggers speak for (a verb trigger's objects); `named`: words inside names."""
    kept = [_retyped(t, scores) for t in triggers if not _vetoed(t, scores)]
    kept = _light_objects(sentence, kept, scores, named | _trigger_words(kept), lexicon, light_verb_of, light_verbs)
    taken = consumed | named | _trigger_words(kept)
    return sorted(kept + learned_triggers(sentence, scores, taken, lexicon, light_verb_of), key=lambda t: t.token.i)


def _trigger_words(triggers: list[Trigger]) -> set[int]:
    return {t.token.i for t in triggers} | {t.light_verb.i for t in triggers if t.light_verb is not None}


def _vetoed(trig: Trigger, scores: dict[int, Prediction]) -> bool:
    """A derived-dictionary hit the model is sure is no event ("the bridge connects X to Y"). Curated rows
    are the rules' strength and are never vetoed."""
    pred = scores.get(trig.token.i)
    return (pred is not None and pred.none_probability >= VETO_PROBABILITY and not trig.entry.conditions
            and not trig.entry.curated)


def _retyped(trig: Trigger, scores: dict[int, Prediction]) -> Trigger:
    """A derived-dictionary hit whose type the model reads otherwise with confidence takes the model's
    type (the derived rows give a verb one sense whatever its arguments)."""
    pred = scores.get(trig.token.i)
    if trig.entry.curated or pred is None or not pred.is_event or pred.probability < RETYPE_PROBABILITY:
        return trig
    if lookup(trig.entry.cameo).plover == pred.label:
        return trig
    retyped = _proposal(trig.token, pred, RETYPE_PROBABILITY, trig.light_verb)
    return trig if retyped is None else Trigger(trig.token, replace(retyped.entry, pos=trig.entry.pos), trig.light_verb)


def _light_objects(sentence: Span, triggers: list[Trigger], scores: dict[int, Prediction], blocked: set[int],
                   lexicon: Lexicon, light_verb_of: LightVerbFinder, light_verbs: set[str]) -> list[Trigger]:
    """A support verb coded from its own unconditioned row hands the event to its object noun when the
    model is sure the noun is the event and the lexicon has no row for the noun (a noun it lists already
    silences the verb, triggers._has_event_object). The verb's objects count as its own words; a word
    that is a trigger or inside a name (`blocked`) does not take the event."""
    by_verb = {t.token.i: t for t in triggers if t.light_verb is None and not t.entry.conditions
               and t.token.lemma_.lower() in light_verbs}
    if not by_verb:
        return triggers
    handed: dict[int, Trigger] = {}
    for tok in sentence:
        pred = scores.get(tok.i)
        if tok.pos_ != "NOUN" or tok.i in blocked or pred is None or not pred.is_event:
            continue
        verb = light_verb_of(tok)
        if verb is None or verb.i not in by_verb or verb.i in handed or lexicon.curates("N", tok.lemma_.lower()):
            continue
        noun_trigger = _proposal(tok, pred, LIGHT_OBJECT_PROBABILITY, verb)
        if noun_trigger is not None:
            handed[verb.i] = noun_trigger
    return [handed.get(t.token.i, t) for t in triggers]


def learned_triggers(sentence: Span, scores: dict[int, Prediction], taken: set[int], lexicon: Lexicon | None,
                     light_verb_of: LightVerbFinder) -> list[Trigger]:
    """Events the lexicon does not list, proposed by the learned layer with enough confidence. A word the
    curated table has rows for is left to them: when none fits ("refused to respond to questions"),
    that is the rules' decision, not a gap."""
    found = []
    taken = set(taken)
    for tok in sentence:
        pred = scores.get(tok.i)
        if tok.i in taken or pred is None or not pred.is_event:
            continue
        pos = "V" if tok.pos_ == "VERB" else "N"
        if lexicon is not None and lexicon.curates(pos, tok.lemma_.lower()):
            continue
        light = light_verb_of(tok) if pos == "N" else None
        if light is not None and light.i in taken:
            continue
        trig = _proposal(tok, pred, ADD_PROBABILITY, light)
        if trig is not None:
            found.append(trig)
            taken.add(tok.i)
    return found


def _proposal(tok: Token, pred: Prediction, threshold: float, light: Token | None) -> Trigger | None:
    """A learned trigger for the word in the model's type, coded as the training sentences code it."""
    model = default_model()
    if model is None or pred.probability < threshold:
        return None
    code = model.cameo_for(tok.lemma_.lower(), pred.label)
    if code is None:
        return None
    pos = "V" if tok.pos_ == "VERB" else "N"
    return Trigger(tok, LexEntry(pos, tok.lemma_.lower(), (), code, curated=False, learned=True), light)
