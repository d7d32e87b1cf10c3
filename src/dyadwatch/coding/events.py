"""Assembling event records from triggers: actors, code, status, date, attribution, evidence."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from dyadwatch.actors import is_person_title, names_a_people
from dyadwatch.attribution.chain import REPORTING_VERBS, attribution_chain
from dyadwatch.coding.actor_index import ActorIndex
from dyadwatch.coding.argument_words import ISSUED_TEXTS, PERSONAL_PRONOUNS
from dyadwatch.coding.arguments import Arguments, noun_arguments, verb_arguments
from dyadwatch.coding.dating import event_date
from dyadwatch.coding.implicit import home_target, is_place, threatened_party, with_implicit_parties
from dyadwatch.coding.joint import with_meeting_parties
from dyadwatch.coding.lexicon import Lexicon
from dyadwatch.coding.modality import foreign_speaker, speech_act
from dyadwatch.coding.other_party import attacker_in_dyad, main_dyad_partner, sentence_partner_of, without_own_means
from dyadwatch.coding.ontology import lookup
from dyadwatch.coding.scheduling import lies_ahead, scheduled_status
from dyadwatch.coding.status import ORDER_GOVERNORS, event_status
from dyadwatch.coding.syntax import passive_parts, prep_objects, subject_of
from dyadwatch.coding.triggers import OBLIGATION_ENTRY, Trigger, find_triggers
from dyadwatch.coding.unresolved import (
    is_agentless_attack, names_an_agent, placed, unresolved_actor, with_unresolved_source,
)
from dyadwatch.nlp.spanindex import words_between
from dyadwatch.records import Actor, Event, Evidence
from dyadwatch.time import event_time, publication_fallback

MAX_PARTIES = 3  # "the A-B-C summit": pairs among at most three named parties
MAX_SIDES = 8  # "A, B, C and D condemned X": each of them did it, one pair each
# Meetings, aid and coercion take two: "X held talks" or "X tightened controls" with nobody named is not
# yet a dyadic event to count.
NEEDS_TARGET = frozenset({"CONSULT", "AID", "COERCE"})
# "A and B met / signed / agreed": with each other. "A and B condemned the launch": each on its own.
MUTUAL_TYPES = frozenset({"CONSULT", "COOPERATE", "AGREE", "SUPPORT"})
# Acts always aimed at another party, even when the sentence names none.
DIRECTED_TYPES = frozenset({"ASSAULT", "THREATEN", "SANCTION", "COERCE", "ACCUSE", "REJECT", "REQUEST", "PROTEST",
                            "RETREAT", "MOBILIZE", "SUPPORT", "AGREE", "CONCEDE"})
# Force at home: an assault on or coercion of a place of the actor's own country bears on that country.
FORCE_AT_HOME = frozenset({"ASSAULT", "COERCE"})
RECIPROCAL_PRONOUNS = frozenset({"themselves", "other", "another"})
# Verbs that put out a text speaking for its author: "issued a reminder that X must ...". Not "rejected a
# proposal that X must ...": the proposal is somebody else's.
ISSUING_VERBS = {"issue", "send", "deliver", "publish", "release", "hand", "write", "make", "address", "convey"}
STATE_ONLY_VERBS = {"summon", "expel"}
LABELLING_VERBS = {"constitute", "amount", "represent"}
RECIPROCAL_LEMMAS = {"clash", "fight", "exchange", "trade", "skirmish", "spar", "feud", "swap"}
# Backing something is one-sided even though SUPPORT is a cooperative type: "A and B backed the plan" is
# each of them backing it, not A backing B (unlike "A and B signed a pact").
ONE_SIDED_LEMMAS = {"support", "back", "endorse", "welcome", "hail", "praise", "applaud", "commend", "approve",
                    "defend", "recognize", "recognise", "thank", "congratulate", "salute", "laud", "embrace"}


@dataclass(frozen=True)
class SentenceRef:
    index: int
    span: Span
    text: str  # span.text, built once: it costs the sentence's length each time it is read


def code_doc(doc: Doc, lexicon: Lexicon) -> list[Event]:
    """Every event in a parsed document whose actors were resolved."""
    index = ActorIndex(doc)
    events: list[Event] = []
    seen: set[tuple] = set()
    for sent_index, sent in enumerate(doc.sents):
        ref = SentenceRef(sent_index, sent, sent.text)
        for trig in find_triggers(sent, lexicon):
            for event in _events_for(trig, ref, index, doc, [e for e in events if e.sentence_index == sent_index]):
                key = (event.sentence_index, event.cameo[:3], _actor_key(event.source), _actor_key(event.target), event.status)
                if key in seen:
                    continue
                seen.add(key)
                events.append(event)
    return events


def _actor_key(actor: Actor | None) -> str:
    """An actor's part of an event id: its code, or its words when it has none."""
    if actor is None:
        return ""
    return actor.code or f"?{actor.text}"


def _events_for(trig: Trigger, ref: SentenceRef, index: ActorIndex, doc: Doc, earlier: list[Event]) -> list[Event]:
    args = _arguments(trig, index)
    speech_verb = _speech_verb(trig.light_verb or trig.token)
    speaker = _speaker(speech_verb, index)
    if not args.sources and speaker and (_pronoun_subject(trig, speech_verb) or _imperative(trig)
                                         or _state_act_by_speaker(trig, speaker, args) or _labelled_by_speaker(trig)):
        args = Arguments(speaker, [t for t in args.targets if t not in speaker])
    args = with_unresolved_source(trig, index, with_implicit_parties(trig, ref.span, index, args))
    args = with_meeting_parties(args, trig.light_verb or trig.token, lookup(trig.entry.cameo).plover, earlier)
    agentless = is_agentless_attack(trig, index, args) and lookup(trig.entry.cameo).plover == "ASSAULT"
    status = event_status(trig.token, trig.entry.negative, trig.light_verb, _same_side_order(trig, args, index))
    if trig.entry.only_negated:
        if status != "negated":
            return []
        status = "asserted"
    code = trig.entry.cameo
    has_other_speaker = bool(speaker) and speaker[0] not in args.sources
    act = speech_act(trig.token, trig.light_verb, code, status, has_other_speaker,
                     foreign_speaker(speaker, args.sources))
    if act is not None and status == "hypothetical" and not act.speaker_is_source and not _agentive(trig, index):
        act = None  # "any transfer would violate ...": a judgement on a thing, not somebody's intent
    demand = act is not None and act.speaker_is_source
    if trig.entry is OBLIGATION_ENTRY and not demand:
        return []  # "must" without somebody demanding it is not an event
    if act is not None:
        code, status = act.cameo, act.status
        agentless = agentless and lookup(code).plover == "ASSAULT"  # "will be killed unless ...": a threat
    if demand:  # "X said Y must ...": X demands of Y, or of whoever X addressed when Y is unnamed
        args = Arguments(speaker[:1], args.sources or _addressees(speech_verb, index))
        agentless = False
    if not args.sources and not agentless:
        return []
    if not trig.entry.curated and not args.targets and not demand:
        return []  # derived dictionary entries are too loose to trust without a target
    code = _civil_or_official_protest(trig.token.lemma_.lower(), code, args)
    cameo = lookup(code)
    if cameo.plover is None:
        return []
    when = event_date(ref.span, trig, doc._.published, status)
    status = scheduled_status(status, when, doc._.published, act is not None)
    if act is not None and lies_ahead(when, doc._.published):  # "will hold talks next week": said today
        when = (event_time(ref.span, speech_verb) if speech_verb is not None else None) or publication_fallback(
            doc._.published)
    attribution = attribution_chain(trig.light_verb or trig.token, ref.span)
    evidence = Evidence(ref.text, ref.span.start_char, ref.span.end_char)
    trigger_text = " ".join(t.text for t in (trig.light_verb, trig.token) if t is not None)
    out = []
    args = without_own_means(trig.light_verb or trig.token, cameo.plover, args, index)
    if not args.targets and cameo.plover == "THREATEN":
        args = Arguments(args.sources, [t for t in threatened_party(trig.light_verb or trig.token, index)
                                        if t not in args.sources])
    if not args.targets:
        home = home_target(cameo.plover, args.sources, ref.span, index)
        args = Arguments(args.sources, [home] if home is not None else [])
    if not args.targets and not agentless and cameo.plover in DIRECTED_TYPES:
        partner = (main_dyad_partner(doc, args.sources)
                   or sentence_partner_of(trig.light_verb or trig.token, ref.span, args.sources))
        args = Arguments(args.sources, [partner] if partner is not None else [])
    if agentless:
        pairs = [(attacker_in_dyad(doc, t), t) for t in args.targets[:MAX_PARTIES]]
    else:
        pairs = _pairs(args, _mutual(trig, cameo.plover), cameo.plover in FORCE_AT_HOME)
    for source, target in pairs:
        if target is None and cameo.plover in NEEDS_TARGET:
            continue
        event_id = _event_id(doc._.doc_id, ref.index, trig.token.i, source, target, cameo.code)
        out.append(Event(
            event_id=event_id, doc_id=doc._.doc_id or "", sentence_index=ref.index,
            source=source, target=target, cameo=cameo.code, plover=cameo.plover,
            goldstein=cameo.goldstein, quad_class=cameo.quad_class, status=status,
            date=when.value if when else None, date_basis=when.basis if when else None,
            evidence=evidence, attribution=list(attribution), trigger=trigger_text,
            trigger_start=min(t.idx for t in (trig.light_verb, trig.token) if t is not None),
        ))
    return out


def _arguments(trig: Trigger, index: ActorIndex) -> Arguments:
    tok = trig.token
    if tok.pos_ in {"NOUN", "PROPN"}:
        return noun_arguments(tok, index, trig.light_verb)
    if tok.pos_ == "ADJ" and trig.light_verb is not None:
        args = verb_arguments(trig.light_verb, index)
        target = _adj_target(tok, index)  # "absent from X": X is the other party
        return args if target is None else Arguments(args.sources, [target])
    return verb_arguments(tok, index)


CIVIL_SECTORS = {"CVL", "LAB", "EDU", "REF", "AGR", "OPP", "REB", "HLH"}


def _civil_or_official_protest(lemma: str, code: str, args: Arguments) -> str:
    """People protest on the street (141, PROTEST); a government protests by complaint (114, ACCUSE)."""
    if lemma != "protest" or code not in {"141", "114"} or not args.sources:
        return code
    source = args.sources[0]
    return "141" if source.sector in CIVIL_SECTORS or source.sector is None and names_a_people(source.text) else "114"


def _speech_verb(verb: Token) -> Token | None:
    """The nearest verb above `verb` that reports speech, or issues a text that speaks ("issued a reminder
    that X must ...")."""
    current = verb
    for _ in range(8):
        if current.head == current:
            return None
        if (current.dep_ == "dobj" and current.lemma_.lower() in ISSUED_TEXTS
                and current.head.lemma_.lower() in ISSUING_VERBS):
            return current.head
        current = current.head
        if current.lemma_.lower() in REPORTING_VERBS:
            return current
    return None


def _speaker(speech_verb: Token | None, index: ActorIndex) -> list[Actor]:
    """Actors named as the subject of the speech verb; an unknown speaker by its own words."""
    if speech_verb is None:
        return []
    subject = _speech_subject(speech_verb)
    if subject is None:
        return []
    known = index.in_phrase(subject)
    if known:
        return known
    unknown = unresolved_actor(subject, index)  # "the Water Forum concluded that X must ...": still a speaker
    return [placed(unknown, subject, index, at_home=False, targets=[])] if unknown is not None else []


def _speech_subject(speech_verb: Token) -> Token | None:
    """Who speaks; a second conjunct shares the first's subject ("X blamed Y and said it would retaliate")."""
    subject = next((c for c in speech_verb.children if c.dep_ == "nsubj"), None)
    if subject is None and speech_verb.dep_ == "conj" and speech_verb.head.pos_ in {"VERB", "AUX"}:
        inherited = subject_of(speech_verb)
        return inherited if inherited is not None and inherited.dep_ == "nsubj" else None
    return subject


def _addressees(speech_verb: Token | None, index: ActorIndex) -> list[Actor]:
    """Who was spoken to: "issued a reminder to Iraq", "told Seoul"."""
    if speech_verb is None:
        return []
    direct = [a for c in speech_verb.children if c.dep_ in {"dobj", "dative"} and c.pos_ != "ADP"
              for a in index.in_phrase(c)]
    return direct or [a for tok in prep_objects(speech_verb, {"to"}) for a in index.in_phrase(tok)]


def _agentive(trig: Trigger, index: ActorIndex) -> bool:
    """The clause's subject is an actor (or a pronoun standing for one), so its "will" is an intent."""
    subject = subject_of(trig.light_verb or trig.token)
    if subject is None:
        return True  # control and raising: the intent belongs to whoever the clause above names
    return subject.pos_ in {"PRON", "PROPN"} or index.at(subject) is not None or names_an_agent(subject)


def _pronoun_subject(trig: Trigger, speech_verb: Token | None) -> bool:
    """The clause's subject is a pronoun that can stand for the speaker ("it" cannot stand for a person)."""
    subject = subject_of(trig.light_verb or trig.token)
    if subject is None or subject.lower_ not in PERSONAL_PRONOUNS:
        return False
    speaker = next((c for c in speech_verb.children if c.dep_ == "nsubj"), None) if speech_verb is not None else None
    return not (subject.lower_ == "it" and speaker is not None and _names_a_person(speaker))


def _names_a_person(head: Token) -> bool:
    """"French President Jacques Chirac", "the chancellor": a person, whom "it" cannot stand for."""
    return head.ent_type_ == "PERSON" or is_person_title(head.lemma_) or any(
        c.dep_ == "compound" and is_person_title(c.lemma_) for c in head.children)


def _state_act_by_speaker(trig: Trigger, speaker: list[Actor], args: Arguments) -> bool:
    """"Two diplomats were expelled, the foreign ministry said": an agentless expulsion or summons that a
    state announces is its own act (only states expel and summon diplomats); so is a deployment or an
    alert of forces it announces."""
    verb = trig.light_verb or trig.token
    agent, patient = passive_parts(verb)
    if agent is not None or patient is None or not speaker[0].country:
        return False
    if trig.entry.cameo.startswith("15"):
        # "troops have been deployed to the border, the ministry said": its own forces, unless the
        # deployed are another country's ("Serbian units were deployed, Washington said")
        return all(t.country == speaker[0].country for t in args.targets if t.country)
    foreign = args.targets and all(t.country and t.country != speaker[0].country for t in args.targets)
    return bool(foreign) and (trig.entry.cameo.startswith("16") or verb.lemma_.lower() in STATE_ONLY_VERBS)


def _labelled_by_speaker(trig: Trigger) -> bool:
    """"X said the drills constituted aggression": a thing labelled a wrong, the speaker accuses."""
    return trig.token.lemma_.lower() in LABELLING_VERBS and trig.entry.cameo.startswith("11")


def _imperative(trig: Trigger) -> bool:
    """A quoted order with no subject ("Do not pay attention to X", he told them): the speaker's act."""
    verb = trig.light_verb or trig.token
    return verb.tag_ == "VB" and verb.dep_ in {"ccomp", "xcomp"} and subject_of(verb) is None


def _adj_target(adj: Token, index: ActorIndex) -> Actor | None:
    for child in adj.children:
        if child.dep_ == "prep":
            for pobj in child.children:
                found = index.in_phrase(pobj)
                if found:
                    return found[0]
    return None


def _mutual(trig: Trigger, plover: str) -> bool:
    """Whether "A and B <did it>" with nobody else named means they did it with each other."""
    verb = trig.light_verb or trig.token
    reciprocal_object = any(_holds_reciprocal(c) for c in verb.children
                            if c.dep_ in {"dobj", "prep", "npadvmod"})  # "distanced themselves", "each other"
    lemma = trig.token.lemma_.lower()
    if lemma in ONE_SIDED_LEMMAS and not reciprocal_object:
        return False
    return plover in MUTUAL_TYPES or lemma in RECIPROCAL_LEMMAS or reciprocal_object


def _holds_reciprocal(token: Token) -> bool:
    """A reciprocal pronoun in the token's subtree. The doc's few reciprocal pronouns are checked for
    descent from `token`, instead of walking a subtree that in a long sentence is most of it."""
    left, right = token.left_edge.i, token.right_edge.i
    return any(token.i == r.i or token.is_ancestor(r)
               for r in words_between(token.doc, RECIPROCAL_PRONOUNS, left, right + 1))


def _pairs(args: Arguments, mutual: bool = True, force: bool = False) -> list[tuple[Actor, Actor | None]]:
    """Source-target pairs: every named side with every party acted on; coordinated sides of a mutual
    act with each other; coordinated sides of a one-sided act each on its own, never with each other. Force
    used on a place of the actor's own country ("launched an offensive against its breakaway region") is
    aimed at that country, even when the actor is the country itself."""
    if len(args.sources) > 1 and mutual and not [t for t in args.targets if t not in args.sources]:
        sources = args.sources[:MAX_PARTIES]
        return [(a, b) for i, a in enumerate(sources) for b in sources[i + 1:]]
    sources = args.sources[:MAX_SIDES]
    # the same words read twice ("Lima was involved in ...": Lima the doer and Lima the place) are one party
    targets = [t for t in args.targets if t not in sources
               and not (t.text and any(s.text == t.text and s.country == t.country for s in sources))]
    foreign = [t for t in targets if t.country is None or t.country not in {s.country for s in sources}]
    targets = (foreign or targets)[:MAX_PARTIES]  # "withdrew its troops from X": X is the other party
    if targets:
        # An actor acting on itself ("the government ordered its diplomats") is not a dyad; an act at
        # home ("imposed a curfew in Algiers") stands without a target.
        pairs = [(s, t) for s in sources for t in targets if s.code != t.code]
        if pairs or not all(is_place(t) for t in targets):
            return pairs
        home = _as_country(targets[0])  # "imposed a curfew in Algiers": a domestic act, on the country
        return [(s, home if force or home.code != s.code else None) for s in sources]
    return [(s, None) for s in sources]  # "Seoul and Tokyo condemned the launch": each of them did


def _as_country(place: Actor) -> Actor:
    return Actor(place.text, place.country or place.code, place.country, None)


def _same_side_order(trig: Trigger, args: Arguments, index: ActorIndex) -> bool:
    """True when an order goes to the orderer's own people: the order itself is the act."""
    tok = trig.token
    if tok.dep_ != "xcomp" or tok.head.lemma_ not in ORDER_GOVERNORS:
        return False
    orderer = [c for c in tok.head.children if c.dep_ == "nsubj"]
    addressee = [c for c in tok.head.children if c.dep_ in {"dobj", "dative"}]
    if not orderer:
        return False
    orderer_actors = index.in_phrase(orderer[0])
    addressee_actors = index.in_phrase(addressee[0]) if addressee else []
    if not addressee_actors:
        return bool(orderer_actors)
    return bool(orderer_actors) and orderer_actors[0].country == addressee_actors[0].country


def _event_id(doc_id: str | None, sent: int, tok: int, source: Actor | None, target: Actor | None,
              cameo: str) -> str:
    key = f"{doc_id}|{sent}|{tok}|{_actor_key(source)}|{_actor_key(target)}|{cameo}"
    return "e-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
