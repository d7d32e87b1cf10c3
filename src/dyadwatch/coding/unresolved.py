"""Doers the dictionaries do not know: keep the event, name the doer by the words of the text.

"Ibo traditional elders demanded ..." or "the Coalition for Clean Rivers demanded ..." are events even
though no dictionary lists the group. Dropping them loses them from the record, so the doer becomes an
actor with its text, its sector where an agent noun gives one, and no code. It gets a country only where
the text puts it there (`placed`), and a doer with no country belongs to no dyad. Only phrases that name
somebody count: a person's or organisation's name, a people, an agent noun ("judge", "hackers") or a
collective noun ("committee", "group"), never a pronoun, a place or a thing. A bare plural ("officials")
names nobody in particular, except for crowds and armed men, who are rarely named ("demonstrators
protested", "gunmen killed").

Violence with no named doer ("three soldiers were killed by a roadside bomb", "an explosion killed two
villagers") keeps its victims and has no source at all.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from dyadwatch.actors import acted_on, agent_noun_sector, country_of_word, is_person_title, names_a_people
from dyadwatch.coding.actor_index import ActorIndex
from dyadwatch.coding.arguments import Arguments
from dyadwatch.coding.implicit import HOME_DIRECTED
from dyadwatch.coding.ontology import lookup
from dyadwatch.coding.syntax import passive_parts, subject_of
from dyadwatch.coding.triggers import Trigger
from dyadwatch.records import Actor

# Bodies and gatherings that act, which the agent tables leave out because they carry no sector.
COLLECTIVE_NOUNS = {"group", "party", "committee", "association", "forum", "front", "movement", "organization",
                    "organisation", "council", "coalition", "faction", "elder", "member", "tribesman", "clan",
                    "attacker", "assailant", "gunman", "hacker", "body", "league", "federation", "network",
                    "alliance", "commission", "board", "union", "congress", "tribunal", "panel", "society", "wing"}
# "thousands of X", "one third of X": the doers are the X.
QUANTITY_HEADS = {"hundreds", "thousands", "tens", "dozens", "millions", "scores", "number", "some", "many",
                  "most", "all", "one", "third", "half", "members", "member", "group", "groups"}
NOT_AGENT_ENTITIES = {"GPE", "LOC", "FAC", "DATE", "TIME", "MONEY", "QUANTITY", "CARDINAL", "PERCENT",
                      "ORDINAL", "EVENT", "LAW", "WORK_OF_ART", "PRODUCT", "LANGUAGE"}
AGENT_ENTITIES = {"PERSON", "ORG", "NORP"}
PHRASE_DEPS = {"det", "amod", "compound", "nmod", "poss", "nummod", "quantmod", "case"}
MAX_PHRASE_TOKENS = 10
# Doers rarely named, whose bare plural is somebody: crowds at protests, armed men in attacks.
BARE_DOER_TYPES = {"PROTEST", "ASSAULT", "COERCE"}


def with_unresolved_source(trig: Trigger, index: ActorIndex, args: Arguments) -> Arguments:
    """`args` with the doer named by its own words when no known actor did it."""
    if args.sources:
        return args
    doer = doer_token(trig)
    plover = lookup(trig.entry.cameo).plover
    # "protest" is coded 114 until the doer is known: civilians make it 141 (events._civil_or_official_protest)
    bare = plover in BARE_DOER_TYPES or trig.token.lemma_.lower() == "protest"
    actor = unresolved_actor(doer, index, bare=bare) if doer is not None else None
    if actor is None:
        return args
    return Arguments([placed(actor, doer, index, plover in HOME_DIRECTED, args.targets)], args.targets)


def placed(actor: Actor, head: Token, index: ActorIndex, at_home: bool, targets: list[Actor]) -> Actor:
    """An unknown doer placed where the text puts it, else left without a country. It keeps no code.

    - its own words name one country: "the Nigerian Union of Teachers", "Kenyan dock workers" (an
      "ethnic" group is no citizen of the country its people is named after: "ethnic Turks" stay unplaced);
    - a group, or a titled office holder, whose words name no country or organisation, protesting,
      demanding, refusing, conceding, accusing or threatening in a sentence that names one country only:
      that country, as the act is addressed at home ("Ibo elders demanded that the Nigerian ministry ..."),
      unless the doer acts on that country as such ("threatened action against Senegal", "demanded that
      Kenya return the land"). Untitled people
      ("Kim instructed ...") may be visitors and stay unplaced."""
    words = _phrase_tokens(head)
    named = {c for c in (country_of_word(t.text) for t in words if t.text[:1].isupper()) if c}
    ethnic = any(t.lower_ == "ethnic" for t in words)
    organisation = any(t.ent_type_ == "ORG" for t in words)
    titles = words + [c for c in head.children if c.dep_ == "compound"]  # "Judge Alejandro Rivera"
    untitled_person = head.ent_type_ == "PERSON" and not any(is_person_title(t.lemma_) for t in titles)
    if named:
        country = named.pop() if len(named) == 1 and not ethnic else None
    elif at_home and not organisation and not untitled_person:
        foreign = acted_on(head.head) if head.dep_ in {"nsubj", "nsubjpass"} else set()
        states_acted_on = {t.country for t in targets if t.code == t.country}
        countries = {span._.actor.country for span in _sentence_spans(head, index) if span._.actor.country
                     and not (span.start in foreign and span._.actor.code == span._.actor.country)}
        countries -= states_acted_on
        country = countries.pop() if len(countries) == 1 and not states_acted_on else None
    else:
        country = None
    return actor if country is None else Actor(actor.text, None, country, actor.sector)


def _sentence_spans(head: Token, index: ActorIndex) -> list:
    spans = {index.at(tok) for tok in head.sent} - {None}
    return sorted(spans, key=lambda s: s.start)


def doer_token(trig: Trigger) -> Token | None:
    """The head of the phrase that names who did it: passive agent, subject, or the event noun's owner."""
    tok = trig.token
    if tok.pos_ in {"NOUN", "PROPN"} and trig.light_verb is None:
        owner = next((c for c in tok.children if c.dep_ == "poss"), None)
        return owner if owner is not None else _by_object(tok)
    verb = trig.light_verb or tok
    agent, patient = passive_parts(verb)
    if patient is not None or verb.tag_ == "VBN" and verb.dep_ == "acl":
        return agent
    if verb.tag_ == "VBG" and verb.dep_ == "acl":
        return verb.head  # "demonstrators protesting the results"
    return subject_of(verb)


def unresolved_actor(head: Token, index: ActorIndex, bare: bool = False) -> Actor | None:
    """An actor with no code for a phrase that names somebody the dictionaries do not know."""
    if index.in_phrase(head):
        return None  # a known actor is in the phrase: the argument finder chose not to use it
    inner = _of_object(head) if head.lower_ in QUANTITY_HEADS else None
    if inner is not None and names_an_agent(inner, bare):
        return Actor(_phrase_text(head), None, None, _sector(inner))  # "thousands of students"
    if not names_an_agent(head, bare):
        return None
    return Actor(_phrase_text(head), None, None, _sector(head))


def names_an_agent(head: Token, bare: bool = False) -> bool:
    """Whether a noun phrase head names somebody who can act: a name, a people, an agent noun or a body;
    an agent noun with no modifier only when `bare` allows it."""
    if head.pos_ not in {"NOUN", "PROPN"} or head.ent_type_ in NOT_AGENT_ENTITIES:
        return False
    if head.ent_type_ in AGENT_ENTITIES or names_a_people(head.text):
        return True
    if not bare and not _qualified(head):
        return False  # a bare "leaders" or "officials" names nobody in particular
    return agent_noun_sector(head.lower_)[0] or head.lemma_.lower() in COLLECTIVE_NOUNS


def _qualified(head: Token) -> bool:
    """"Ibo elders", "the main rebel group", "members of the bar": a modifier says which ones."""
    return any(c.dep_ in {"amod", "compound", "nmod", "poss", "nummod"} or c.dep_ == "prep" and c.lower_ == "of"
               for c in head.children)


def is_agentless_attack(trig: Trigger, index: ActorIndex, args: Arguments) -> bool:
    """Violence with victims but no doer in the text: a passive with no agent, or with a weapon or blast
    as its agent or subject ("killed by a roadside bomb", "an explosion killed"); an agent noun, even bare
    ("rebels killed"), is a doer."""
    if args.sources or not args.targets:
        return False
    verb = trig.light_verb or trig.token
    if verb.pos_ != "VERB":
        return False
    agent, patient = passive_parts(verb)
    if patient is not None:
        return agent is None or not _names_a_doer(agent, index)
    subject = subject_of(verb)
    return subject is not None and subject.pos_ == "NOUN" and not _names_a_doer(subject, index)


def _names_a_doer(head: Token, index: ActorIndex) -> bool:
    return bool(index.in_phrase(head)) or names_an_agent(head, bare=True)


def _sector(head: Token) -> str | None:
    for tok in [head] + [c for c in head.children if c.dep_ in {"compound", "amod"}]:
        is_agent, sector = agent_noun_sector(tok.lower_)
        if is_agent and sector:
            return sector
    return None


def _phrase_text(head: Token) -> str:
    """The words of the phrase (see _phrase_tokens)."""
    words = _phrase_tokens(head)
    return head.doc[words[0].i:words[-1].i + 1].text.strip(" ,")


def _phrase_tokens(head: Token) -> list[Token]:
    """The named entity the head is in, or the head with its modifiers, compounds and "of" complements;
    never clauses or appositions, and no leading article."""
    entity = _entity_at(head)
    entity = entity if entity is not None and entity.label_ in AGENT_ENTITIES else None
    if entity is not None and entity.end - entity.start <= MAX_PHRASE_TOKENS:
        start = entity.start + 1 if entity[0].dep_ == "det" and len(entity) > 1 else entity.start
        return list(head.doc[start:entity.end])
    words = {head.i}
    for child in head.children:
        if child.dep_ in PHRASE_DEPS or child.dep_ == "prep" and child.lower_ == "of":
            words.update(t.i for t in child.subtree)
    start, end = min(words), max(words) + 1
    while start < head.i and head.doc[start].dep_ == "det":
        start += 1
    if end - start > MAX_PHRASE_TOKENS:
        start, end = max(start, head.i - 3), head.i + 1
    return list(head.doc[start:end])


def _of_object(head: Token) -> Token | None:
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


def _by_object(noun: Token) -> Token | None:
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "by":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


def _entity_at(token: Token) -> Span | None:
    """The named entity (as doc.ents has it) that holds `token`, read from the IOB tags around it:
    the cost is the entity's length, where doc.ents builds every entity of the document."""
    if token.ent_iob_ not in ("B", "I") or not token.ent_type_:
        return None
    doc = token.doc
    start = token.i
    while doc[start].ent_iob_ == "I" and start > 0:
        start -= 1
    if doc[start].ent_iob_ != "B":
        return None  # a malformed I run without its B: doc.ents would refuse it too
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label=doc[start].ent_type_)
