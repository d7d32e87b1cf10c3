"""Parties a clause leaves implicit, filled in from the rest of the sentence or paragraph.

- "a pact was signed during the visit": the parties of the occasion did it;
- "was arrested in Lebanon": the authorities of the place did it (arrests, trials, expulsions only);
- "its delegation was downgraded" (lexicon flag `own`): the delegation's own state did it;
- "Manila accused Beijing of ramming a boat": with nobody else named, the accuser was acted on;
- "police arrested 12 demonstrators", "banned the rally": a state's coercion of people nobody places is
  done at home, to its own population;
- two-sided acts (lexicon flag `counterpart`) with one side in the clause: the other party in context
  (see dyadwatch.coding.counterpart);
- protests, demands, refusals, concessions, accusations and threats with nobody else named in a sentence
  that names no other country: directed at home, at the actor's own country (`home_target`); a state's
  only when it concedes or the sentence names someone at home ("accused Darfur rebels"), not when it
  condemns a thing ("condemned the attack");
- a state judging or answering a thing the sentence gives no author ("rejected the allegations"): the
  other side in the sentence, else the article's dominant partner (see dyadwatch.coding.counterpart).
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from dyadwatch.actors import agent_noun_sector, names_a_people, names_the_state
from dyadwatch.coding.actor_index import ActorIndex
from dyadwatch.coding.argument_words import STANCE_VERBS
from dyadwatch.coding.arguments import Arguments, noun_arguments
from dyadwatch.coding.counterpart import counterpart, dominant_partner
from dyadwatch.coding.lexicon import default_lexicon
from dyadwatch.coding.syntax import passive_parts, prep_objects, subject_of
from dyadwatch.coding.targets import doers_of
from dyadwatch.coding.triggers import Trigger
from dyadwatch.records import Actor

ACCUSING = {"accuse", "blame", "charge", "condemn", "criticize", "criticise", "fault"}
# Acts only a state's authorities perform: arrest, trial, investigation, expulsion, sentencing.
STATE_POWERS = ("173", "174", "09", "116", "1721", "1722")
STATE_SECTORS = {None, "GOV", "COP", "MIL", "JUD", "SPY"}
STATE_ORGANS = STATE_SECTORS - {None}
MAX_POPULATION_WORDS = 6
PROPERTY_PLACE_PREPS = {"in", "near", "at", "into", "outside"}
ATTACK_ROOTS = ("18", "19", "20")
SHOW_OF_FORCE_ROOTS = ("15",)  # MOBILIZE: drills, deployments, alerts
FORCE_PLACE_PREPS = {"in", "at", "around", "near", "off", "along", "into", "across", "toward", "towards"}
# Acts that are always addressed to somebody: with nobody named, to the actor's own country.
HOME_DIRECTED = {"PROTEST", "REQUEST", "REJECT", "CONCEDE", "ACCUSE", "THREATEN"}
# A state at home gives way to its people; its other acts are at home only when they name someone there.
STATE_HOME_DIRECTED = {"CONCEDE"}
NOT_SOMEONE_ENTITIES = {"GPE", "LOC", "DATE", "TIME", "EVENT", "LAW", "WORK_OF_ART", "PRODUCT", "MONEY", "CARDINAL"}
ACTED_ON_DEPS = {"dobj", "pobj", "dative", "nsubjpass", "appos"}
OCCASION_NOUNS = {"visit", "trip", "tour", "summit", "meeting", "talks", "talk", "session", "conference", "negotiation"}


def with_implicit_parties(trig: Trigger, sentence: Span, index: ActorIndex, args: Arguments) -> Arguments:
    """`args` with a missing source or target filled in where the grammar or the lexicon says how."""
    verb = trig.light_verb or trig.token
    if not args.sources and _agentless_in_occasion(trig.token):
        args = noun_arguments(trig.token.head, index, None)
    if not args.sources and trig.entry.cameo.startswith(STATE_POWERS):
        authority = _authorities_of_the_place(verb, index)
        if authority is not None:
            args = Arguments([authority], args.targets)
    if trig.entry.own and not args.sources and args.targets:
        args = Arguments(args.targets[:1], [])
    if not args.sources:
        return args
    if not args.targets:
        args = Arguments(args.sources, _accuser(verb, index, args.sources))
    if not args.targets and trig.entry.cameo.startswith("171"):
        args = Arguments(args.sources, _place_acted_on(verb, index, PROPERTY_PLACE_PREPS))
    if not args.targets and trig.entry.cameo.startswith(ATTACK_ROOTS):
        args = Arguments(args.sources, _place_acted_on(verb, index, {"in", "at"}, trig.token))
    if not args.targets and trig.entry.cameo.startswith(SHOW_OF_FORCE_ROOTS):
        # "held drills around Taiwan", "massed troops along the border with X": where force is shown
        args = Arguments(args.sources, _place_acted_on(verb, index, FORCE_PLACE_PREPS, trig.token))
    if not args.targets and trig.entry.cameo.startswith("17"):
        args = Arguments(args.sources, _home_population(trig, args.sources))
    if trig.entry.counterpart and not _foreign(args):
        other = counterpart(verb, sentence, args.sources)
        args = Arguments(args.sources, [other] if other else [])
    if not args.targets and _stance_on_unattributed(verb, index, args.sources):
        other = counterpart(verb, sentence, args.sources, previous=False) or dominant_partner(
            verb.doc, {s.country for s in args.sources}) or counterpart(verb, sentence, args.sources)
        args = Arguments(args.sources, [other] if other else [])
    return args


def _stance_on_unattributed(verb: Token, index: ActorIndex, sources: list[Actor]) -> bool:
    """A state judging or answering a thing whose author the sentence does not name ("rejected the
    allegations", "decried the planned drills"): the author is the other side in context. Not people's
    stances, which are at home (see home_target)."""
    if verb.lemma_.lower() not in STANCE_VERBS or len(sources) != 1 or not _is_state(sources[0]):
        return False
    things = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    return bool(things) and all(index.at(t) is None and not doers_of(t, index) and not any(
        index.at(w) is not None for w in t.subtree) for t in things)


def _is_state(actor: Actor) -> bool:
    """A state or its organs, not its people: "Taiwan", "the foreign ministry", "the army"."""
    if not actor.country or names_a_people(actor.text):
        return False
    return actor.code == actor.country and names_the_state(actor.text) or actor.sector in STATE_ORGANS


def is_place(actor: Actor) -> bool:
    """A country or city named as such ("Algiers", "the Gaza Strip"), not a body or a person."""
    words = [w for w in actor.text.split() if w.lower() not in {"the", "of"}]
    return actor.name is None and bool(words) and all(w[:1].isupper() for w in words)


def _authorities_of_the_place(verb: Token, index: ActorIndex) -> Actor | None:
    """The state where an agentless arrest, trial, investigation or expulsion took place."""
    agent, patient = passive_parts(verb)
    if agent is not None or patient is None and verb.dep_ != "acl":
        return None
    for pobj in prep_objects(verb, {"in"}):
        place = next((a for a in index.in_phrase(pobj) if a.country and is_place(a)), None)
        if place is not None:
            return Actor(place.text, place.country + "GOV", place.country, "GOV")
    return None


def _agentless_in_occasion(verb: Token) -> bool:
    """A passive with no agent in a relative clause on an event noun: the occasion's parties did it."""
    if verb.dep_ != "relcl" or verb.head.pos_ not in {"NOUN", "PROPN"}:
        return False
    agent, patient = passive_parts(verb)
    return patient is not None and agent is None and verb.head.lemma_.lower() in OCCASION_NOUNS


def _accuser(verb: Token, index: ActorIndex, sources: list[Actor]) -> list[Actor]:
    """"Manila accused Beijing of firing water cannon at a boat": with nobody else named, the one
    complaining is the one it was done to."""
    if verb.dep_ != "pcomp" or verb.head.dep_ != "prep" or verb.head.head.lemma_.lower() not in ACCUSING:
        return []
    subject = subject_of(verb.head.head)
    accusers = index.in_phrase(subject) if subject is not None else []
    countries = {s.country for s in sources}
    return [a for a in accusers if a.country and a.country not in countries][:1]


def _place_acted_on(verb: Token, index: ActorIndex, preps: set[str], noun: Token | None = None) -> list[Actor]:
    """The country of the place hit: "blew up power lines leading into Kabul" (property belongs where it
    stands), "fired shells at targets in Jericho" (an attack hits where it lands); an event noun's own
    place ("the drills off X's coast") too."""
    objects = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    candidates = [t for o in objects for t in o.subtree]
    places = prep_objects(verb, preps)
    if noun is not None and noun is not verb and noun.pos_ == "NOUN":
        places += prep_objects(noun, preps)
    candidates += [t for p in places for t in _place_words(p)]
    for tok in candidates:
        place = next((a for a in index.in_phrase(tok) if a.country and is_place(a)), None) if index.at(tok) else None
        if place is not None:
            return [Actor(place.text, place.country, place.country, None)]
    return []


def _place_words(place: Token) -> list[Token]:
    """The words of a place phrase ("off Japan's coast", "at bases in Iraq"), not going into another
    event it names ("in retaliation for a strike in X": X is where that other strike was)."""
    out, stack = [], [place]
    while stack:
        tok = stack.pop()
        out.append(tok)
        if tok is not place and tok.pos_ == "NOUN" and default_lexicon().has("N", tok.lemma_.lower()):
            continue
        stack.extend(c for c in tok.children if c.dep_ not in {"relcl", "acl", "advcl", "ccomp"})
    return out


def _home_population(trig: Trigger, sources: list[Actor]) -> list[Actor]:
    """The people a state coerced, when the text gives them no country: the state's own. The target's text
    is the people's words ("40 students"), or empty when only the act is named ("carried out arrests")."""
    source = sources[0]
    if not source.country or source.sector not in STATE_SECTORS:
        return []
    if trig.light_verb is not None:
        return [Actor("", source.country, source.country, None)]
    patient = next((c for c in trig.token.children if c.dep_ in {"dobj", "nsubjpass"}), None)
    if patient is None:
        return []
    words = patient.doc[patient.left_edge.i:patient.i + 1]
    text = words.text if len(words) <= MAX_POPULATION_WORDS else patient.text
    return [Actor(text, source.country, source.country, None)]


def _foreign(args: Arguments) -> list[Actor]:
    countries = {s.country for s in args.sources}
    return [t for t in args.targets if t.country and t.country not in countries]


def home_target(plover: str, sources: list[Actor], sentence: Span, index: ActorIndex) -> Actor | None:
    """The actor's own country, for an act addressed to nobody named in a sentence about one country only.

    The target's text is empty: the sentence names nobody, the country is implied by the actor. People and
    groups address their government; a state's own act at home bears on the country."""
    if plover not in HOME_DIRECTED or len(sources) != 1 or not sources[0].country:
        return None
    source, country = sources[0], sources[0].country
    if source.code == country and names_the_state(source.text):
        return None  # a country as such ("Sudan rejected ...") is not at home with itself; its people are
    named = {index.at(tok)._.actor.country for tok in sentence if index.at(tok) is not None}
    if named - {country, None}:
        return None  # another country is in the sentence: the parse missed the party, do not guess
    population = (source.code in {None, country} or names_a_people(source.text)
                  or source.sector not in STATE_SECTORS)
    if not population:
        if plover not in STATE_HOME_DIRECTED and not _names_someone_at_home(sentence, index, source):
            return None  # "the president condemned the attack": at somebody the text names elsewhere
        return Actor("", country, country, None)  # the state's act at home bears on the country
    return Actor("", country + "GOV", country, "GOV")  # people and groups address their government


def _names_someone_at_home(sentence: Span, index: ActorIndex, source: Actor) -> bool:
    """Whether the sentence acts on a person or group of the source's country, or one no dictionary places
    ("accused Darfur rebels", "jailed 52 members of MASSOB"), as against a thing ("condemned the attack")."""
    for tok in sentence:
        if tok.dep_ not in ACTED_ON_DEPS:
            continue
        spans = [index.at(t) for t in [tok, *(c for c in tok.children if c.dep_ == "compound")]]
        if any(s is not None and s._.actor.country == source.country and s.text != source.text for s in spans):
            return True  # "pressure by the Kenya Anti-Corruption Commission"
        if spans[0] is None and (tok.ent_type_ in {"ORG", "NORP", "PERSON"} or agent_noun_sector(tok.text)[0]
                                 or tok.pos_ == "PROPN" and tok.ent_type_ not in NOT_SOMEONE_ENTITIES):
            return True
    return False


def threatened_party(verb: Token, index: ActorIndex) -> list[Actor]:
    """"threatened to stop the talks if the United States deploys ...": whoever the condition is on."""
    clauses = [verb] + [c for c in verb.children if c.dep_ in {"xcomp", "ccomp"}]
    for clause in clauses:
        for advcl in (c for c in clause.children if c.dep_ == "advcl"):
            if not any(m.dep_ == "mark" and m.lower_ in {"if", "unless"} for m in advcl.children):
                continue
            subject = next((c for c in advcl.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            found = index.in_phrase(subject) if subject is not None else []
            if found:
                return found
    return []
