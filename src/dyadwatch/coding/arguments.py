"""Who did it and to whom: finding source and target actors around a trigger in the parse.

Reads the actor mentions the actors stage put in doc.spans["actors"] and walks the dependency
tree: subjects, passive agents, objects, prepositional objects, possessives and compounds of
event nouns, coordination ("A and B"), and control ("X ordered its envoys to ignore Y").
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from dyadwatch.actors import agent_noun_sector, group_members, resolve_text
from dyadwatch.coding.lexicon import default_lexicon
from dyadwatch.nlp.extensions import ACTOR_SPANS
from dyadwatch.records import Actor

SUBJECT_DEPS = {"nsubj", "csubj", "expl"}
OBJECT_DEPS = {"dobj", "dative", "attr", "oprd"}
TARGET_PREPS = {"with", "to", "against", "on", "at", "toward", "towards", "into", "upon", "over", "in",
                "from", "for", "between", "onto"}
# Event nouns whose "of" complement is the actor doing it ("the visit of the president").
OF_IS_SOURCE = {"visit", "trip", "tour", "withdrawal"}  # "the invasion of Lebanon": Lebanon is invaded
# Gatherings whose "of" complement lists who gathered ("a meeting of foreign ministers").
GATHERING_NOUNS = {"meeting", "summit", "talk", "talks", "conference", "session", "gathering", "round", "congress"}
# Object-control verbs: in "X told Y to do Z", Y does Z.
OBJECT_CONTROL = {"order", "instruct", "direct", "tell", "ask", "urge", "force", "compel", "allow",
                  "permit", "persuade", "press", "push", "encourage", "invite", "call", "require", "authorize"}
# Verbs that judge somebody "for"/"of" doing something: that somebody did it.
JUDGING_VERBS = {"accuse", "blame", "charge", "suspect", "criticize", "criticise", "condemn", "praise", "thank",
                 "fault", "punish", "sanction", "arrest", "convict", "indict", "commend", "congratulate", "warn",
                 "caution"}
# Plural heads whose "of" complement lists the parties ("the foreign ministers of A and B").
PLURAL_OF_HEADS = {"leader", "minister", "president", "head", "representative", "official", "delegation",
                   "government", "envoy", "diplomat", "chief", "navy", "army", "force", "country", "nation"}
# Things issued that speak for their issuer: "issued a statement demanding ..." (the issuer demands),
# unlike "removed a plaque honouring ..." (the plaque honours).
ISSUED_TEXTS = {"statement", "letter", "note", "message", "communique", "declaration", "resolution", "appeal",
                "decree", "order", "notice", "ultimatum", "warning", "call", "request", "bill", "law", "memo",
                "report", "release", "protest", "complaint", "directive", "instruction", "proposal", "plan",
                "reminder"}
# Participles that describe their subject's stance after "be": "is opposed to", "is committed to".
STATIVE_PARTICIPLES = {"oppose", "commit", "determine", "dedicate", "devote", "prepare", "resolve", "opposed", "engage",
                       "involve",
                       "committed", "determined", "prepared"}
# Verbs judging a thing somebody did: the doer is the target ("condemned the Israeli strike").
STANCE_VERBS = {"condemn", "criticize", "criticise", "denounce", "deplore", "slam", "welcome", "praise", "hail",
                "applaud", "protest", "reject", "oppose", "question", "blast", "decry", "lament", "regret",
                # replies to a claim and backing of a thing: "denied Chile's claims", "approved X's accession"
                "deny", "dismiss", "refute", "rebuff", "rebut", "support", "back", "endorse", "approve", "accept"}
# Backing a measure is backing it against whom it is aimed: "backed UN sanctions against X" is about X.
BACKING_VERBS = {"support", "back", "endorse", "approve", "accept"}
# Acts done to somebody: their possessor is who suffered it ("his expulsion", "Kenya's isolation"), not its doer.
PATIENT_NOUNS = {"expulsion", "arrest", "detention", "killing", "murder", "assassination", "death", "abduction",
                 "kidnapping", "execution", "imprisonment", "isolation", "ouster", "overthrow", "removal",
                 "release", "capture", "deportation", "extradition", "surrender", "defeat"}
# Things made by somebody: an "of" complement is their author ("the decision of the junta").
AUTHORED_NOUNS = {"decision", "move", "policy", "claim", "allegation", "accusation", "charge", "remark", "comment",
                  "action", "conduct", "behaviour", "behavior", "stance", "position", "offer", "demand"}
DEMONYM_TARGET_PREPS = {"on", "against", "to", "into", "at"}
# "a Greek-flagged ship": the hyphened participles that make a demonym the owner of the thing.
OWNERSHIP_PARTICIPLES = {"flagged", "registered", "owned", "operated", "crewed", "manned", "controlled"}
# Meeting verbs: "met at NATO headquarters", "talks in Doha" say where, not with whom.
MEETING_VERBS = {"meet", "talk", "discuss", "negotiate", "confer", "consult", "convene", "gather",
                 "sign", "ink", "seal", "conclude"}  # "signed the accord in Doha": Doha is the venue
LOCATIVE_PREPS = {"in", "at", "near", "on", "inside"}
VENUE_PREPS = {"in", "at", "near", "inside"}  # "on" is also what an act is on ("sanctions on X")
SHARED_PLACES = {"border", "frontier", "side", "boundary"}
SMALL_CLAUSE_VERBS = {"declare", "deem", "designate", "label", "brand", "list"}  # "declared X persona non grata"
HELP_NOUNS = {"help", "support", "assistance", "backing", "aid", "cooperation", "blessing", "consent"}
RELATIVE_PRONOUNS = {"who", "that", "which", "whom", "whose"}
PERSONAL_PRONOUNS = {"it", "they", "he", "she", "we", "i"}
# Clause links through which a verb inherits its subject from its head.
INHERIT_SUBJECT = {"xcomp", "conj", "advcl", "acomp"}


MODIFIER_DEPS = {"amod", "compound", "nmod"}
LISTING_PREPS = {"including", "like"}


class ActorIndex:
    """Token index → actor mention, built once per document."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self._at: dict[int, Span] = {}
        spans = doc.spans[ACTOR_SPANS] if ACTOR_SPANS in doc.spans else []
        for span in spans:
            if span._.actor is None:
                continue
            for i in range(span.start, span.end):
                self._at.setdefault(i, span)
        # "the two leaders", "both sides": a group reference stands for its members.
        self._group_at: dict[int, list[Actor]] = {}
        for group, members in group_members(doc):
            for i in range(group.start, group.end):
                self._group_at[i] = members

    def at(self, token: Token) -> Span | None:
        return self._at.get(token.i)

    def in_phrase(self, token: Token) -> list[Actor]:
        """Actors named by the noun phrase headed by `token`, coordinated phrases included.

        The mention covering the head wins; otherwise the mention nearest the head in its subtree
        (not looking into relative clauses or other clauses inside the phrase)."""
        if token.i in self._group_at:
            return list(self._group_at[token.i])
        if token.tag_ == "NNS" and token.lemma_.lower() in PLURAL_OF_HEADS:
            members = [a for pobj in prep_objects(token, {"of"}) for a in self.in_phrase(pobj)]
            if len(members) > 1:
                return members  # "the leaders of France and Germany": both countries
        heads = [token] + list(_conjuncts(token))
        heads += [m for h in list(heads) for m in _listed_members(h) if m not in heads]
        actors: list[Actor] = []
        for head in heads:
            for actor in [self._phrase_actor(head)] + self._coordinated_modifiers(head):
                if actor and actor not in actors:
                    actors.append(actor)
        return actors

    def _coordinated_modifiers(self, head: Token) -> list[Actor]:
        """"Indian and Chinese negotiators": each coordinated modifier names a party."""
        found = []
        for mod in head.children:
            conjuncts = [c for c in mod.children if c.dep_ == "conj"]
            if mod.dep_ not in MODIFIER_DEPS:
                continue
            if not conjuncts and any(c.dep_ == "cc" for c in mod.children):
                # "Uzbek and Kazakh border guards" parsed with the conjunct as a later modifier
                conjuncts = [t for t in head.subtree if mod.i < t.i < head.i and t.dep_ in MODIFIER_DEPS]
            for tok in [mod] + conjuncts:
                span = self.at(tok)
                if span is not None and span._.actor not in found:
                    found.append(span._.actor)
        return found if len(found) > 1 else []

    def _phrase_actor(self, head: Token) -> Actor | None:
        span = self.at(head)
        if span is not None:
            return span._.actor
        found = self._nearest_in_phrase(head)
        if found is None:
            # "Kenzo Oshima, the UN relief coordinator, demanded ...": an unknown name, its apposition known
            appositions = [c for c in head.children if c.dep_ == "appos"]
            found = next((a for a in map(self._nearest_in_phrase, appositions) if a is not None), None)
        return found

    def _nearest_in_phrase(self, head: Token) -> Actor | None:
        span = self.at(head)
        if span is not None:
            return span._.actor
        best: tuple[int, Span] | None = None
        venues: set[int] = set()
        for tok in _phrase_tokens(head):
            venues |= _venue_tokens(tok)  # "retaliation for a strike in X": X is where, for any act in it
            span = self.at(tok)
            if tok.i in venues:
                continue
            if span is None:
                continue
            depth = _depth_below(tok, head)
            if best is None or depth < best[0]:
                best = (depth, span)
        return best[1]._.actor if best else None


def _conjuncts(token: Token):
    """Phrases coordinated with `token`, also when the parser hangs the coordination on an apposition
    ("President X and Y, the prime minister, condemned ...": the "and" hangs on the name X)."""
    for child in token.children:
        if child.dep_ == "conj" and child.pos_ in {"PROPN", "NOUN", "PRON", "ADJ"}:
            yield child
            yield from _conjuncts(child)
        elif child.dep_ == "appos" and any(c.dep_ == "cc" for c in child.children):
            yield from _conjuncts(child)


def _listed_members(head: Token) -> list[Token]:
    """"allies including A and B", "powers such as A": the members a phrase lists act with it."""
    found = []
    for prep in (c for c in head.children if c.dep_ == "prep" and (
            c.lower_ in LISTING_PREPS or c.lower_ == "as" and c.i > 0 and c.nbor(-1).lower_ == "such")):
        for pobj in (g for g in prep.children if g.dep_ == "pobj"):
            found += [pobj, *_conjuncts(pobj)]
    return found


def _venue_tokens(head: Token) -> set[int]:
    """Where an act is ("a strike in X", "talks at Y"): not who did it. A body or a group placed somewhere
    ("the government in Kabul", "dockers in Chile") is that place's."""
    if head.pos_ != "NOUN" or not default_lexicon().has("N", head.lemma_.lower()):
        return set()  # only event nouns ("strike", "talks"): "dockers in Chile" are Chile's dockers
    return {t.i for p in head.children if p.dep_ == "prep" and p.lower_ in VENUE_PREPS for t in p.subtree}


def _phrase_tokens(head: Token):
    """Tokens of a noun phrase, stopping at clauses and coordinated phrases inside it."""
    stack = [head]
    while stack:
        tok = stack.pop()
        yield tok
        for child in tok.children:
            if child.dep_ in {"relcl", "acl", "ccomp", "advcl", "conj", "appos", "cc", "punct"}:
                continue
            stack.append(child)


def _depth_below(tok: Token, head: Token) -> int:
    depth = 0
    while tok != head and tok.head != tok:
        tok = tok.head
        depth += 1
    return depth


@dataclass
class Arguments:
    """Source and target candidates for one trigger."""

    sources: list[Actor]
    targets: list[Actor]


def subject_of(verb: Token) -> Token | None:
    """The syntactic subject of a verb, inherited through xcomp / conj / advcl when missing."""
    if verb.tag_ == "VBN" and verb.dep_ == "advcl" and not any(c.dep_ in {"aux", "auxpass"} for c in verb.children):
        return None  # "Asked about the deal, the minister said ...": the minister was asked, did not ask
    seen = set()
    current = verb
    while current.i not in seen:
        seen.add(current.i)
        raised = current is not verb  # "X is expected to sign": X signs
        for child in current.children:
            if child.dep_ in SUBJECT_DEPS and child.dep_ != "expl" or raised and child.dep_ == "nsubjpass":
                if current.dep_ == "relcl" and child.lower_ in RELATIVE_PRONOUNS:
                    return current.head  # "Xi, who travelled to ...": Xi travelled
                return child
        if current.dep_ == "relcl":
            return current.head
        if (current.dep_ == "acl" and current.head.dep_ == "dobj" and current.head.head.pos_ == "VERB"
                and current.head.lemma_.lower() in ISSUED_TEXTS):
            current = current.head.head  # "issued a statement demanding ...": the issuer demands
            continue
        if current.dep_ == "pcomp" and current.head.dep_ == "prep" and current.head.head.lemma_ in JUDGING_VERBS:
            accused = next((c for c in current.head.head.children if c.dep_ in {"dobj", "nsubjpass"}), None)
            if accused is not None:
                return accused  # "accused China of firing": China fired
        if current.dep_ == "pcomp" and current.head.dep_ == "prep" and current.head.head.pos_ in {"VERB", "AUX", "ADJ"}:
            current = current.head.head  # "after meeting X, Kim issued ...": Kim met X; "guilty of violating"
            continue
        if current.dep_ == "xcomp" and current.head.lemma_ in OBJECT_CONTROL:
            controller = next((c for c in current.head.children if c.dep_ in {"dobj", "dative"}), None)
            if controller is not None:
                return controller
        if current.dep_ in INHERIT_SUBJECT and current.head != current:
            current = current.head
            continue
        break
    return None


def passive_parts(verb: Token) -> tuple[Token | None, Token | None]:
    """(agent, patient) of a passive verb: "by X" and the passive subject."""
    patient = next((c for c in verb.children if c.dep_ in {"nsubjpass", "csubjpass"}), None)
    agent = None
    for child in verb.children:
        if child.dep_ == "agent":
            agent = next((g for g in child.children if g.dep_ == "pobj"), None)
    return agent, patient


def prep_objects(token: Token, preps: set[str] = TARGET_PREPS) -> list[Token]:
    """Objects of the given prepositions attached to a token ("with X", "against Y")."""
    out = []
    for child in token.children:
        if (child.dep_ == "prep" or child.dep_ == "dative" and child.pos_ == "ADP") and child.lower_ in preps:
            # "with Albania's help", "with the support of X": a helper, not the party acted on
            out.extend(g for g in child.children if g.dep_ == "pobj"
                       and not (child.lower_ == "with" and (g.lemma_.lower() in HELP_NOUNS or _absolute_with(g))))
            # "attention to what China thinks": the clause's subject is the one meant
            if not (child.lower_ == "with" and _after_comma(child)):
                out.extend(s for g in child.children if g.dep_ == "pcomp"
                           for s in g.children if s.dep_ == "nsubj")
    return out


def _absolute_with(obj: Token) -> bool:
    """", with Qatari officials shuttling between them": a circumstance set off by a comma, not a party."""
    return _after_comma(obj.head) and any(c.dep_ == "acl" and c.tag_ in {"VBG", "VBN"} for c in obj.children)


def _after_comma(token: Token) -> bool:
    return token.i > 0 and token.nbor(-1).is_punct


def verb_arguments(verb: Token, index: ActorIndex) -> Arguments:
    """Source and target of a verbal trigger."""
    agent, patient = passive_parts(verb)
    if patient is not None and agent is None and verb.lemma_.lower() in STATIVE_PARTICIPLES:
        # "Israel is opposed to X", "Hanoi is committed to Y": a state of the subject, not a passive
        return Arguments(index.in_phrase(patient), _objects_actors(verb, index))
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
            targets = _objects_actors(verb, index)
        return Arguments(sources, targets)
    subject = _gerund_subject(verb, index) or subject_of(verb)
    sources = index.in_phrase(subject) if subject is not None else []
    targets = _objects_actors(verb, index) or _demonym_targets(verb, sources) or [
        a for c in verb.children if c.dep_ == "xcomp" for a in _demonym_targets(c, sources)]
    return Arguments(sources, targets)


def _demonym_targets(verb: Token, sources: list[Actor]) -> list[Actor]:
    """"banned Chinese films", "seized a Philippine boat": the country whose things are acted on."""
    found: list[Actor] = []
    objects = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    instruments = [p for p in prep_objects(verb, {"with"})]  # "opened fire with mortars on X": misattached
    objects += prep_objects(verb, DEMONYM_TARGET_PREPS) + [
        p for o in objects + instruments for p in prep_objects(o, DEMONYM_TARGET_PREPS)]  # "tariffs on Australian wine"
    objects += [p for i in instruments for c in i.children if c.dep_ == "conj"
                for p in prep_objects(c, DEMONYM_TARGET_PREPS)]
    for obj in objects:
        for tok in _phrase_tokens(obj):
            # the tagger reads some demonyms as proper-noun compounds ("the Azerbaijani republic")
            demonym = tok.dep_ == "amod" and tok.pos_ == "ADJ" or tok.dep_ == "compound" and tok.pos_ == "PROPN" or (
                tok.dep_ == "npadvmod" and tok.head.lower_ in OWNERSHIP_PARTICIPLES)  # "a Greek-flagged ship"
            if not demonym or not tok.text[:1].isupper() or _compound_head(tok).lemma_.lower() in SHARED_PLACES:
                continue  # "on the Thai border": where, not whom ("a Kyrgyz border post" is a post)
            prev = tok.doc[tok.i - 1] if tok.i > 0 else None
            texts = ([f"{prev.text} {tok.text}"] if prev is not None and prev.text[:1].isupper() else []) + [tok.text]
            actor = next((a for a in map(resolve_text, texts) if a is not None and a.country), None)
            if actor and actor.country not in {s.country for s in sources} and actor not in found:
                found.append(actor)
    return found


def _compound_head(tok: Token) -> Token:
    head = tok.head
    while head.dep_ == "compound" and head.head != head:
        head = head.head
    return head


def _gerund_subject(verb: Token, index: ActorIndex) -> Token | None:
    """In "leading to X restricting Y" the parser hangs X on the preposition; X is the subject."""
    if verb.tag_ != "VBG" or verb.i == 0 or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    left = verb.doc[verb.i - 1]
    if left.dep_ in {"pobj", "dobj"} and left.pos_ == "PROPN" and index.at(left) is not None:
        return left
    return None


def _venue_only(verb: Token, obj: Token, index: ActorIndex) -> bool:
    """"signed an agreement in Doha": the only actor in a meeting's or signing's object is where it happened."""
    if verb.lemma_.lower() not in MEETING_VERBS or index.at(obj) is not None:
        return False
    venues = {t.i for p in obj.children if p.dep_ == "prep" and p.lower_ in LOCATIVE_PREPS for t in p.subtree}
    named = [t.i for t in _phrase_tokens(obj) if index.at(t) is not None]
    return bool(named) and all(i in venues for i in named)


def _direct_actors(tok: Token, index: ActorIndex) -> list[Actor]:
    """Actors a phrase names itself or by its modifiers ("in Lebanon", "from Syrian soil"), not ones deeper
    in it: "in retaliation for a strike in X" does not name X as a party of the act it explains."""
    if index.at(tok) is not None:
        return index.in_phrase(tok)
    return [index.at(m)._.actor for m in tok.children
            if m.dep_ in {"poss", "amod", "compound", "nmod"} and index.at(m) is not None]


def _objects_actors(verb: Token, index: ActorIndex) -> list[Actor]:
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
                return found + [a for tok in places for a in _direct_actors(tok, index)]
    preps = TARGET_PREPS - LOCATIVE_PREPS if verb.lemma_.lower() in MEETING_VERBS else TARGET_PREPS
    found = [a for tok in prep_objects(verb, preps) for a in index.in_phrase(tok)]
    if found:
        return found
    for child in verb.children:
        if child.dep_ == "xcomp":
            nested = _objects_actors(child, index)
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
