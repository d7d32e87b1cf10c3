"""References resolved across the article: "the regime", "the ministry", "the country", "the North",
"he"/"his", "it"/"its"/"they"/"their" for states and bodies, "we"/"our" inside a quote, and groups such as
"both sides" or "the two countries" (groups.py).

A definite description ("the ministry", "the junta", "the ambassador") takes the last mention anywhere
before it with the same head noun; failing that, "the regime"-like phrases take the salient state of their
paragraph or the one before. "he"/"she" take the nearest fitting person of their paragraph, or the one
person of the sentence before. State pronouns follow pronouns.py (clause subjects, no guessing);
first-person pronouns in a quotation stand for its speaker (document.py finds quotes and speakers). No
gender, no cataphora; a reference with no antecedent stays unresolved.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from dyadwatch.actors.descriptions import country_names, description_reference
from dyadwatch.actors.document import Article, Prominence, read_article
from dyadwatch.actors.gazetteer import COUNTRY
from dyadwatch.actors.groups import GROUP_HEADS, group_at
from dyadwatch.actors.whose import complement_state, not_the_subjects_own, owned_mention
from dyadwatch.actors.matching import AGENT
from dyadwatch.actors.pronouns import (
    FIRST_PERSON, PLURAL, PLURAL_TAGS, SINGULAR, person_antecedent, pronoun_role, thing_antecedent,
)
from dyadwatch.actors.mentions import POSSESSIVES, Mention, is_person_mention
from dyadwatch.records import Actor

DETERMINERS = {"the", "its", "their"}
# Heads of agent-only noun phrases that refer back to a state ("the regime" → the last country's GOV).
REFERABLE_HEADS = {
    "regime", "government", "administration", "authorities", "leadership", "military", "army", "navy",
    "air force", "armed forces", "foreign ministry", "defense ministry", "defence ministry", "junta", "cabinet",
    "state media", "coast guard", "ministry of foreign affairs", "presidential office", "foreign minister",
    "defense minister", "defence minister", "president", "prime minister", "leader", "supreme leader",
}
COUNTRY_NOUNS = {"country", "nation"}
# Heads that name things a state uses, not the state's people: "the drones" may be anybody's.
WEAPONS = {"drones", "drone", "missiles", "missile", "rockets", "jets", "aircraft", "warships", "ships", "vessels",
           "tanks", "planes", "bombers", "fighters", "submarines", "boats"}
# What a state's possessive makes the state itself: "an attack on its territory".
TERRITORY_NOUNS = {"territory", "soil", "airspace", "waters", "land", "coast", "shores"}  # not "border": shared
PRONOUNS = {"he", "him", "his", "she", "her"}
KOREA = {"north": "PRK", "south": "KOR"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}


@dataclass(frozen=True)
class Reference:
    """A referring expression resolved to one actor."""

    start: int
    end: int
    actor: Actor
    person: bool = False  # "he", "the ambassador": a person, whom a later "he" can take


@dataclass(frozen=True)
class GroupReference:
    """A referring expression for several actors ("both sides"), with the mentions it points back to."""

    start: int
    end: int
    members: tuple[Actor, ...]
    antecedents: tuple[tuple[int, int], ...]  # token spans of the mentions the members came from


@dataclass(frozen=True)
class Seen:
    """An actor mentioned earlier: where, in which paragraph and sentence, whether it is a person and
    whether it is its clause's subject (the likeliest antecedent)."""

    start: int
    end: int
    paragraph: int
    sentence: int
    actor: Actor
    person: bool
    subject: bool
    plural: bool = False  # a plural head ("separatists", "officials"): what "they" takes
    head: str = ""  # the head noun of an agent phrase ("ministry"), for "the ministry" later


@dataclass
class Context:
    """What a reference is resolved against: the doc, its mentions so far, and where paragraphs and
    sentences fall."""

    doc: Doc
    paragraphs: list[int]
    sentences: list[int]
    unresolved: dict[int, Mention]
    korean: bool
    seen: list[Seen]
    sents: list = field(default_factory=list)
    article: Article = field(default_factory=Article)
    prominence: Prominence = field(default_factory=Prominence)
    known: dict[int, Actor] = field(default_factory=dict)  # token → actor of the mention or reference there
    places: list[tuple[int, str]] = field(default_factory=list)  # (token, country) of every country name

    def note(self, start: int, end: int, actor: Actor, person: bool, mention: Mention | None = None) -> None:
        subject = is_subject(self.doc, start, end)
        head = head_of(self.doc, mention) if mention is not None else ""
        plural = mention is not None and is_plural(self.doc, mention)
        self.seen.append(Seen(start, end, self.paragraphs[start], self.sentences[start], actor, person,
                              subject, plural, head))
        self.prominence.add(actor.country, subject, self.sentences[start])

    def states(self, i: int, reach: int = 0) -> list[Seen]:
        """State actors before token i, in its paragraph or up to `reach` paragraphs back."""
        return [s for s in self.seen if s.actor.country and 0 <= self.paragraphs[i] - s.paragraph <= reach]

    def people(self, i: int) -> list[Seen]:
        return [s for s in self.seen if s.person and s.paragraph == self.paragraphs[i]]


def paragraph_numbers(doc: Doc) -> list[int]:
    """Paragraph index of every token (cleaned articles put each paragraph on its own line)."""
    numbers, current, after_break = [], 0, False
    for tok in doc:
        if after_break and not tok.is_space:
            current += 1
            after_break = False
        numbers.append(current)
        if "\n" in tok.whitespace_ or (tok.is_space and "\n" in tok.text):
            after_break = True
    return numbers


def sentence_numbers(doc: Doc, paragraphs: list[int]) -> list[int]:
    """Sentence index of every token; paragraphs stand in for sentences when nothing split them."""
    if not doc.has_annotation("SENT_START"):
        return paragraphs
    numbers = [0] * len(doc)
    for index, sent in enumerate(doc.sents):
        for i in range(sent.start, sent.end):
            numbers[i] = index
    return numbers


def is_subject(doc: Doc, start: int, end: int) -> bool:
    """Whether the mention is a clause subject (never, in an unparsed doc: its deps are empty)."""
    roots = [t for t in doc[start:end] if not (start <= t.head.i < end) or t.head.i == t.i]
    for root in roots:
        while root.dep_ == "conj" and root.head != root:  # "Congo and Rwanda signed": both are subjects
            root = root.head
        if root.dep_ in SUBJECT_DEPS:
            return True
    return False


def salient(candidates: list[Seen], nearest_in: int | None = None) -> Seen | None:
    """The antecedent: in the latest sentence with candidates, its subject, else its first mention.

    With `nearest_in` (the reference's own sentence), a candidate in that sentence wins by recency:
    "... on the part of the Chinese ambassador, leading to his absence"."""
    if not candidates:
        return None
    latest = [c for c in candidates if c.sentence == candidates[-1].sentence]
    if nearest_in is not None and latest[-1].sentence == nearest_in:
        return latest[-1]
    subjects = [c for c in latest if c.subject]
    return (subjects or latest)[0]


def resolve_references(doc: Doc, resolved: list[tuple[Mention, Actor | None]]
                       ) -> tuple[list[Reference], list[GroupReference]]:
    """References and groups in the doc, resolved against the mentions before them; then first-person
    pronouns in quotations, against their speakers (who may be named after the quote)."""
    paragraphs = paragraph_numbers(doc)
    taken = {i for mention, actor in resolved if actor is not None for i in range(mention.start, mention.end)}
    context = Context(doc, paragraphs, sentence_numbers(doc, paragraphs),
                      {m.start: m for m, a in resolved if a is None},
                      any(a is not None and a.country in ("PRK", "KOR") for _, a in resolved), [],
                      list(doc.sents) if doc.has_annotation("SENT_START") else [], read_article(doc, paragraphs))
    context.known = {i: a for m, a in resolved if a is not None for i in range(m.start, m.end)}
    context.places = country_names(resolved)
    timeline: list[tuple[int, int, object]] = [(m.start, 0, (m, a)) for m, a in resolved if a is not None]
    timeline += [(i, 1, None) for i in range(len(doc)) if i not in taken]
    timeline.sort(key=lambda item: (item[0], item[1]))
    references: list[Reference] = []
    groups: list[GroupReference] = []
    skip_until = -1
    for start, is_token, payload in timeline:
        if start < skip_until:
            continue
        if not is_token:
            mention, actor = payload
            context.note(mention.start, mention.end, actor, is_person_mention(mention), mention)
            continue
        found = reference_at(context, start)
        if isinstance(found, Reference):
            references.append(found)
            owned = owned_mention(doc, context.unresolved, start)
            context.note(found.start, found.end, found.actor, found.person,
                         owned if owned is not None and owned.end == found.end else None)
            context.known.update((i, found.actor) for i in range(found.start, found.end))
            skip_until = found.end
        elif isinstance(found, GroupReference):
            groups.append(found)
            skip_until = found.end
    covered = taken | {i for r in references for i in range(r.start, r.end)} | {
        i for g in groups for i in range(g.start, g.end)}
    references += first_person(context, covered)
    return references, groups


def first_person(context: Context, covered: set[int]) -> list[Reference]:
    """"we"/"our"/"us" inside a quotation whose speaker is a known actor: the speaker ("our ambassador": the
    speaker's state, with the ambassador's sector)."""
    doc, out, skip_until = context.doc, [], -1
    for tok in doc:
        if tok.i < skip_until or tok.i in covered or tok.lower_ not in FIRST_PERSON or pronoun_role(tok) is None:
            continue
        speaker = speaker_actor(context, tok.i)
        if speaker is None:
            continue
        owned = owned_mention(doc, context.unresolved, tok.i)
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if tok.lower_ == "our" and owned is not None and agent_only(owned):
            ref = Reference(tok.i, owned.end, state_actor(speaker, doc[tok.i:owned.end].text, agent_sector(owned)))
        elif tok.lower_ == "our" and nxt is not None and nxt.lower_ in COUNTRY_NOUNS:
            ref = Reference(tok.i, tok.i + 2, state_actor(speaker, doc[tok.i:tok.i + 2].text, None))
        elif tok.lower_ == "our":
            continue  # "our sovereignty", "our visit": the thing owned is no actor
        else:
            ref = Reference(tok.i, tok.i + 1, state_actor(speaker, tok.text, speaker.sector))
        out.append(ref)
        skip_until = ref.end
    return out


def speaker_actor(context: Context, i: int) -> Actor | None:
    """The actor who speaks the quotation token i stands in (its phrase's head mention, else any in it)."""
    quote = context.article.quote_at(i)
    if quote is None or quote.speaker is None:
        return None
    start, end = quote.speaker
    head = context.known.get(end - 1)
    if head is not None:
        return head
    inside = [context.known[k] for k in range(start, end) if k in context.known]
    return inside[0] if len({a.code for a in inside}) == 1 else None


def head_of(doc: Doc, mention: Mention) -> str:
    """The words of a mention's last agent piece, lower-cased ("defense ministry"); "" when it has none."""
    agents = [p for p in mention.pieces if p.kind == AGENT and p.role != "event"]
    return doc[agents[-1].start:agents[-1].end].text.lower() if agents else ""


def is_plural(doc: Doc, mention: Mention) -> bool:
    """A plural head ("separatists", "Bosnian Croats", "officials"), not a country's plural-looking name."""
    last = mention.pieces[-1] if mention.pieces else None
    if last is not None and last.kind == COUNTRY:
        return False  # "the Philippines", "the United States"
    return doc[mention.end - 1].tag_ in PLURAL_TAGS


def same_head(context: Context, head: str, i: int) -> Seen | None:
    """The last mention before token i with this head noun: "the ministry" after "Russia's defence ministry"."""
    if not head or head.split()[-1] in WEAPONS:
        return None
    for seen in reversed(context.seen):
        if seen.start < i and seen.head and (seen.head == head or seen.head.endswith(" " + head)):
            return seen
    return None


def reference_at(context: Context, i: int) -> Reference | GroupReference | None:
    """The reference starting at token i, resolved; None when none starts there or it has no antecedent."""
    doc = context.doc
    tok = doc[i]
    owned = owned_mention(doc, context.unresolved, i)
    if owned is not None and not agent_only(owned):
        owned = None
    if tok.lower_ in PRONOUNS and tok.tag_ in ("", "PRP", "PRP$"):  # untagged docs: trust the word
        return person_reference(context, i, owned)
    if tok.lower_ in SINGULAR | PLURAL and tok.tag_ in ("PRP", "PRP$"):
        return thing_reference(context, i, owned)
    if tok.lower_ not in DETERMINERS and tok.lower_ != "both":
        return None
    group = group_at(doc, i, context)
    if group is not None:
        return group
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    if tok.lower_ == "the" and nxt is not None:
        described = description_reference(context, i)
        if described is not None:
            return described
        if nxt.lower_ in KOREA and nxt.text[:1].isupper() and context.korean and not followed_by_name(doc, i + 2):
            code = KOREA[nxt.lower_]
            return Reference(i, i + 2, Actor(doc[i:i + 2].text, code, code, None, None))
        if nxt.lower_ in COUNTRY_NOUNS:
            return country_reference(context, i)
    if owned is not None and tok.lower_ == "the":
        placed = complement_state(context, owned)
        if placed is not None:
            return Reference(i, owned.end, state_actor(placed, doc[i:owned.end].text, agent_sector(owned)))
        earlier = same_head(context, head_of(doc, owned), i)
        if earlier is not None:
            return Reference(i, owned.end, retext(earlier.actor, doc[i:owned.end].text), earlier.person)
    if owned is not None and referable(doc, owned):
        state = salient(not_the_subjects_own(context, i, owned.end, context.states(i, reach=1)))
        if state is not None:
            return Reference(i, owned.end, state_actor(state.actor, doc[i:owned.end].text, agent_sector(owned)))
    return None


def person_reference(context: Context, i: int, owned: Mention | None) -> Reference | None:
    """"he", "his diplomats", "his country": the nearest fitting person, or that person's state."""
    doc, tok = context.doc, context.doc[i]
    person = salient(context.people(i), nearest_in=context.sentences[i]) or person_antecedent(context, i)
    if person is None:
        return None
    possessive = tok.lower_ in ("his", "her")
    if owned is not None and possessive:  # "his diplomats": the person's country
        if beside_owner(doc, owned, person):
            return None  # "Pelosi and her delegation": the delegation goes with her, she stands for it
        return Reference(i, owned.end, state_actor(person.actor, doc[i:owned.end].text, agent_sector(owned)))
    if possessive and i + 1 < len(doc) and doc[i + 1].lower_ in COUNTRY_NOUNS:
        return Reference(i, i + 2, state_actor(person.actor, doc[i:i + 2].text, None))
    return Reference(i, i + 1, retext(person.actor, tok.text), True)


def beside_owner(doc: Doc, owned: Mention, owner: Seen) -> bool:
    """Whether the owned phrase is coordinated with its owner's own mention ("X and his aides")."""
    head = doc[owned.start:owned.end].root
    return head.dep_ == "conj" and owner.start <= head.head.i < owner.end


def thing_reference(context: Context, i: int, owned: Mention | None) -> Reference | None:
    """"it", "they", "its troops", "their soil": the state or body pronouns.py picks; inside a quotation
    never its speaker (who would say "we"), and nothing when the speaker is unknown."""
    doc, tok = context.doc, context.doc[i]
    role = pronoun_role(tok)
    if role is None:
        return None
    exclude = None
    if context.article.quote_at(i) is not None:
        speaker = speaker_actor(context, i)
        if speaker is None:
            return None
        exclude = speaker.code
    seen = thing_antecedent(context, i, exclude)
    if seen is None:
        return None
    if role == "possessive" and owned is not None:
        return Reference(i, owned.end, state_actor(seen.actor, doc[i:owned.end].text, agent_sector(owned)))
    if role == "possessive":  # "its territory" is the state; "its blockade of X" names no party
        nxt = doc[i + 1] if i + 1 < len(doc) else None
        if nxt is None or nxt.lower_ not in TERRITORY_NOUNS:
            return None
        return Reference(i, i + 2, state_actor(seen.actor, doc[i:i + 2].text, None))
    return Reference(i, i + 1, retext(seen.actor, tok.text))


def country_reference(context: Context, i: int) -> Reference | None:
    """"the country", or "the country's foreign ministry" (one mention, with the ministry's sector)."""
    doc = context.doc
    noun = doc[i + 1]
    phrase_end = noun.head.i + 1 if noun.dep_ == "poss" and noun.head.i > noun.i else i + 2
    states = not_the_subjects_own(context, i, phrase_end, context.states(i, reach=1))
    here = [s for s in states if s.sentence == context.sentences[i] and not s.person and s.actor.sector is None]
    state = here[-1] if here else salient(states)  # "left Malaysia, departing the country"
    if state is None:
        return None
    end, sector = i + 2, None
    owned = context.unresolved.get(end + 1)
    if end < len(doc) and doc[end].text in POSSESSIVES and owned is not None and agent_only(owned):
        end, sector = owned.end, agent_sector(owned)
    return Reference(i, end, state_actor(state.actor, doc[i:end].text, sector))


def agent_only(mention: Mention) -> bool:
    """A phrase of agent nouns and nothing that names its actor ("the regime", "diplomats")."""
    agents = [p for p in mention.pieces if p.kind == AGENT and p.role != "event"]
    return bool(agents) and len(agents) == len(mention.pieces) and not mention.pp_pieces


def referable(doc: Doc, mention: Mention) -> bool:
    """An agent-only phrase whose head names a state body ("regime", "foreign ministry")."""
    head = mention.pieces[-1]
    return agent_only(mention) and doc[head.start:head.end].text.lower() in REFERABLE_HEADS


def agent_sector(mention: Mention) -> str | None:
    sectors = [p.agent.sector for p in mention.pieces if p.kind == AGENT and p.agent.sector]
    strong = [p.agent.sector for p in mention.pieces if p.kind == AGENT and p.role == "strong" and p.agent.sector]
    return (strong or sectors or [None])[-1]


def followed_by_name(doc: Doc, i: int) -> bool:
    """"the North Atlantic", "the South Pacific": a capitalised word after North/South makes it a place."""
    return i < len(doc) and doc[i].is_alpha and doc[i].text[:1].isupper()


def state_actor(antecedent: Actor, text: str, sector: str | None) -> Actor:
    """The antecedent's state (or organisation) with the referring phrase's own sector."""
    primary = antecedent.country or (antecedent.code or "")[:3]
    return Actor(text, primary + (sector or ""), antecedent.country, sector, None)


def retext(actor: Actor, text: str) -> Actor:
    return Actor(text, actor.code, actor.country, actor.sector, actor.name)
