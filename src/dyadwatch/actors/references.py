"""Simple references within a paragraph: "the regime", "the country", "the North", "he"/"his", and
groups such as "both sides" or "the two countries".

Each reference takes the actor of the nearest fitting mention before it in the same paragraph; "the
regime"-like phrases may also reach back one paragraph (news paragraphs are often a single sentence),
and "the North"/"the South" need a Korea article instead. Deliberately shallow: no gender, no quotes, no
cataphora; a reference with no antecedent stays unresolved.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from dyadwatch.actors.matching import AGENT
from dyadwatch.actors.context import next_word_index
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
PRONOUNS = {"he", "him", "his", "she", "her"}
KOREA = {"north": "PRK", "south": "KOR"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
NUMBERS = {"two": 2, "three": 3}
# Group heads: what kind of antecedents they take, and the sector they give each member.
GROUP_HEADS = {
    "countries": ("state", None), "nations": ("state", None), "states": ("state", None),
    "neighbors": ("state", None), "neighbours": ("state", None), "allies": ("state", None),
    "sides": ("state", "GOV"), "governments": ("state", "GOV"), "militaries": ("state", "MIL"),
    "armies": ("state", "MIL"), "navies": ("state", "MIL"), "leaders": ("person", None),
    "presidents": ("person", None), "ministers": ("person", None),
}


@dataclass(frozen=True)
class Reference:
    """A referring expression resolved to one actor."""

    start: int
    end: int
    actor: Actor


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

    def note(self, start: int, end: int, actor: Actor, person: bool) -> None:
        self.seen.append(Seen(start, end, self.paragraphs[start], self.sentences[start], actor, person,
                              is_subject(self.doc, start, end)))

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
    """References and groups in the doc, resolved against the mentions before them."""
    paragraphs = paragraph_numbers(doc)
    taken = {i for mention, actor in resolved if actor is not None for i in range(mention.start, mention.end)}
    context = Context(doc, paragraphs, sentence_numbers(doc, paragraphs),
                      {m.start: m for m, a in resolved if a is None},
                      any(a is not None and a.country in ("PRK", "KOR") for _, a in resolved), [])
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
            context.note(mention.start, mention.end, actor, is_person_mention(mention))
            continue
        found = reference_at(context, start)
        if isinstance(found, Reference):
            references.append(found)
            context.note(found.start, found.end, found.actor, False)
            skip_until = found.end
        elif isinstance(found, GroupReference):
            groups.append(found)
            skip_until = found.end
    return references, groups


def reference_at(context: Context, i: int) -> Reference | GroupReference | None:
    """The reference starting at token i, resolved; None when none starts there or it has no antecedent."""
    doc = context.doc
    tok = doc[i]
    owned = context.unresolved.get(next_word_index(doc, i + 1))
    if owned is not None and not agent_only(owned):
        owned = None
    if tok.lower_ in PRONOUNS and tok.tag_ in ("", "PRP", "PRP$"):  # untagged docs: trust the word
        person = salient(context.people(i), nearest_in=context.sentences[i])
        if person is None:
            return None
        if owned is not None and tok.lower_ in ("his", "her"):  # "his diplomats": the person's country
            return Reference(i, owned.end, state_actor(person.actor, doc[i:owned.end].text, agent_sector(owned)))
        return Reference(i, i + 1, retext(person.actor, tok.text))
    if tok.lower_ not in DETERMINERS and tok.lower_ != "both":
        return None
    group = group_at(doc, i, context)
    if group is not None:
        return group
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    if tok.lower_ == "the" and nxt is not None:
        if nxt.lower_ in KOREA and nxt.text[:1].isupper() and context.korean and not followed_by_name(doc, i + 2):
            code = KOREA[nxt.lower_]
            return Reference(i, i + 2, Actor(doc[i:i + 2].text, code, code, None, None))
        if nxt.lower_ in COUNTRY_NOUNS:
            return country_reference(context, i)
    if owned is not None and (tok.lower_ in ("its", "their") or referable(doc, owned)):
        state = salient(context.states(i, reach=1))
        if state is not None:
            return Reference(i, owned.end, state_actor(state.actor, doc[i:owned.end].text, agent_sector(owned)))
    return None


def country_reference(context: Context, i: int) -> Reference | None:
    """"the country", or "the country's foreign ministry" (one mention, with the ministry's sector)."""
    doc = context.doc
    state = salient(context.states(i, reach=1))
    if state is None:
        return None
    end, sector = i + 2, None
    owned = context.unresolved.get(end + 1)
    if end < len(doc) and doc[end].text in POSSESSIVES and owned is not None and agent_only(owned):
        end, sector = owned.end, agent_sector(owned)
    return Reference(i, end, state_actor(state.actor, doc[i:end].text, sector))


def group_at(doc: Doc, i: int, context: Context) -> GroupReference | None:
    """"both sides", "the two countries", "the three leaders", "the two Koreas"."""
    words = [t.lower_ for t in doc[i:i + 3]]
    if words[:1] == ["both"] and len(words) > 1 and words[1] in GROUP_HEADS:
        count, end = 2, i + 2
    elif words[:2] in (["the", "two"], ["the", "three"]) and len(words) > 2 and (words[2] in GROUP_HEADS or
                                                                                  words[2] == "koreas"):
        count, end = NUMBERS[words[1]], i + 3
    else:
        return None
    text = doc[i:end].text
    if doc[end - 1].lower_ == "koreas":
        members = tuple(Actor(text, code, code, None, None) for code in ("PRK", "KOR"))
        return GroupReference(i, end, members, ())
    kind, sector = GROUP_HEADS[doc[end - 1].lower_]
    here = [s for s in context.seen if s.paragraph == context.paragraphs[i]]
    if kind == "person":
        picked = last_distinct(here, kind, count) or last_distinct(context.seen, kind, count)
    else:
        picked = principal_states(here, count) or principal_states(context.seen, count)
    if not picked:
        return None
    if kind == "person":
        members = tuple(retext(s.actor, text) for s in picked)
    else:
        members = tuple(state_actor(s.actor, text, sector) for s in picked)
    return GroupReference(i, end, members, tuple((s.start, s.end) for s in picked))


def principal_states(seen: list[Seen], count: int) -> list[Seen]:
    """The `count` states the text is about, in text order; [] if fewer are named.

    "Congo and Rwanda signed a deal after talks mediated by Qatar, and the two sides freed ...": the
    parties are the states named as subjects and most often, not the last ones named; recency breaks ties."""
    by_country: dict[str, list[Seen]] = {}
    for item in seen:
        if item.actor.country:
            by_country.setdefault(item.actor.country, []).append(item)
    if len(by_country) < count:
        return []
    ranked = sorted(by_country.values(), reverse=True,
                    key=lambda items: (sum(i.subject for i in items), len(items), items[-1].start))
    return sorted((items[-1] for items in ranked[:count]), key=lambda item: item.start)


def last_distinct(seen: list[Seen], kind: str, count: int) -> list[Seen]:
    """The last `count` distinct states (by country) or people (by name), in text order; [] if fewer."""
    picked: list[Seen] = []
    keys: set[str] = set()
    for item in reversed(seen):
        key = item.actor.name if kind == "person" else item.actor.country
        if not key or (kind == "person" and not item.person) or key in keys:
            continue
        keys.add(key)
        picked.append(item)
        if len(picked) == count:
            return list(reversed(picked))
    return []


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
