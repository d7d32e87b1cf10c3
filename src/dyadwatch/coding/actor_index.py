"""Which actors a noun phrase names: the actor mentions the actors stage put in doc.spans["actors"],
indexed by token, read through coordination, listings ("allies including A and B"), coordinated
modifiers, appositions and group references ("the two leaders")."""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from dyadwatch.actors import agent_noun_sector, group_members, is_person_title
from dyadwatch.coding.argument_words import MODIFIER_DEPS, PATIENT_NOUNS, PHRASE_STOPS, PLURAL_OF_HEADS, VENUE_PREPS
from dyadwatch.coding.lexicon import default_lexicon
from dyadwatch.coding.syntax import conjuncts, depth_below, listed_members, prep_objects
from dyadwatch.nlp.extensions import ACTOR_SPANS
from dyadwatch.records import Actor


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
        heads = [token] + list(conjuncts(token))
        heads += [m for h in list(heads) for m in listed_members(h) if m not in heads]
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
            found = next((a for a in map(self._appositive_actor, appositions) if a is not None), None)
        return found

    def _appositive_actor(self, apposition: Token) -> Actor | None:
        """The actor an apposition identifies its anchor by: one it names itself ("the UN relief coordinator"),
        or, for an office ("the head of the UN agency"), its office's body. "A critic of Beijing" is not Beijing."""
        if is_office_noun(apposition):
            return self._nearest_in_phrase(apposition)
        direct = [apposition] + [c for c in apposition.children if c.dep_ in MODIFIER_DEPS | {"poss"}]
        return next((self.at(t)._.actor for t in direct if self.at(t) is not None), None)

    def _nearest_in_phrase(self, head: Token) -> Actor | None:
        span = self.at(head)
        if span is not None:
            return span._.actor
        best: tuple[int, Span] | None = None
        venues: set[int] = set()
        for tok in own_phrase_tokens(head):
            venues |= venue_tokens(tok)  # "retaliation for a strike in X": X is where, for any act in it
            span = self.at(tok)
            if tok.i in venues:
                continue
            if span is None:
                continue
            depth = depth_below(tok, head)
            if best is None or depth < best[0]:
                best = (depth, span)
        return best[1]._.actor if best else None


def is_office_noun(token: Token) -> bool:
    """A word for a post or its holder ("minister", "head", "envoy"), whose "of" phrase is the body served."""
    return agent_noun_sector(token.lemma_.lower())[0] or is_person_title(token.lemma_.lower())


def own_phrase_tokens(head: Token):
    """Tokens of a noun phrase, not going into the participants of another event it names: in "a response to
    the killing of X" X was acted on in the killing, not in the response. Who did the nested event
    (its possessor, modifiers, "by" phrase) is kept: "retaliation for X's strike" is aimed at X."""
    stack = [head]
    while stack:
        tok = stack.pop()
        yield tok
        nested = tok is not head and is_event_noun(tok)
        for child in tok.children:
            if child.dep_ in PHRASE_STOPS or nested and not _names_the_doer(tok, child):
                continue
            stack.append(child)


def _names_the_doer(event: Token, child: Token) -> bool:
    if child.dep_ == "prep":
        return child.lower_ == "by"
    if child.dep_ == "poss":  # "his killing": who was killed; "Israel's killing of X": who killed
        return event.lemma_.lower() not in PATIENT_NOUNS or any(
            c.dep_ == "prep" and c.lower_ == "of" for c in event.children)
    return child.dep_ in MODIFIER_DEPS


def is_event_noun(token: Token) -> bool:
    """A noun the lexicon codes as an event, or a verbal noun of a verb it codes ("the killing")."""
    if token.pos_ != "NOUN":
        return False
    lemma, lexicon = token.lemma_.lower(), default_lexicon()
    if lexicon.has("N", lemma):
        return True
    stem = lemma[:-3] if lemma.endswith("ing") else ""
    return bool(stem) and any(lexicon.has("V", v) for v in (stem, stem + "e", stem[:-1]))


def venue_tokens(head: Token) -> set[int]:
    """Where an act is ("a strike in X", "talks at Y"): not who did it. A body or a group placed somewhere
    ("the government in Kabul", "dockers in Chile") is that place's."""
    if head.pos_ != "NOUN" or not default_lexicon().has("N", head.lemma_.lower()):
        return set()  # only event nouns ("strike", "talks"): "dockers in Chile" are Chile's dockers
    return {t.i for p in head.children if p.dep_ == "prep" and p.lower_ in VENUE_PREPS for t in p.subtree}
