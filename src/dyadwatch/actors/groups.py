"""Group references: "both sides", "the two countries", "the three leaders", "the two Koreas", and nouns
that name a pair by themselves ("the ex-Soviet rivals", "the nuclear-armed neighbours").

A group of states takes the states the article is about: the ones named in its paragraph when there are
enough, else across the article, ranked by prominence (subjects, frequency, headline and lead), recency
breaking ties. A group of people takes the last distinct people named.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from dyadwatch.actors.descriptions import descriptors, normalise, state_facts
from dyadwatch.records import Actor

if TYPE_CHECKING:
    from dyadwatch.actors.references import Context, GroupReference, Seen

NUMBERS = {"two": 2, "three": 3}
# Group heads: what kind of antecedents they take, and the sector they give each member.
GROUP_HEADS = {
    "countries": ("state", None), "nations": ("state", None), "states": ("state", None),
    "neighbors": ("state", None), "neighbours": ("state", None), "allies": ("state", None),
    "sides": ("state", "GOV"), "governments": ("state", "GOV"), "militaries": ("state", "MIL"),
    "armies": ("state", "MIL"), "navies": ("state", "MIL"), "leaders": ("person", None),
    "presidents": ("person", None), "ministers": ("person", None), "rivals": ("state", None),
    "foes": ("state", None), "adversaries": ("state", None), "enemies": ("state", None),
    "heads": ("person", None), "capitals": ("state", "GOV"),
}
# Heads that name two parties with no number: "the rivals" are the article's two states.
PAIR_HEADS = {"rivals", "foes", "adversaries", "enemies", "neighbours", "neighbors"}
MAX_MODIFIERS = 3


def group_at(doc: Doc, i: int, context: Context) -> GroupReference | None:
    """The group reference starting at token i ("both sides", "the two countries"), resolved."""
    from dyadwatch.actors.references import GroupReference
    found = group_words(doc, i)
    if found is None:
        return None
    count, end = found
    text = doc[i:end].text
    if doc[end - 1].lower_ == "koreas":
        members = tuple(Actor(text, code, code, None, None) for code in ("PRK", "KOR"))
        return GroupReference(i, end, members, ())
    kind, sector = GROUP_HEADS[doc[end - 1].lower_]
    here = [s for s in context.seen if s.paragraph == context.paragraphs[i]]
    if kind == "person":
        picked = last_distinct(here, kind, count) or last_distinct(context.seen, kind, count)
    else:
        fits = described_by(doc, i, end)
        if fits is not None:  # "the Asian neighbours": only states whose facts carry the descriptors
            here = [s for s in here if fits(s.actor.country)]
            seen = [s for s in context.seen if fits(s.actor.country)]
        else:
            seen = context.seen
        picked = principal_states(here, count, context) or principal_states(seen, count, context)
    if not picked:
        return None
    from dyadwatch.actors.references import retext, state_actor
    if kind == "person":
        members = tuple(retext(s.actor, text) for s in picked)
    else:
        members = tuple(state_actor(s.actor, text, sector) for s in picked)
    return GroupReference(i, end, members, tuple((s.start, s.end) for s in picked))


def described_by(doc: Doc, i: int, end: int) -> Callable[[str | None], bool] | None:
    """A test of states against the group's modifiers when they are all known facts ("the Gulf states",
    "the two Baltic nations"); None when the modifiers say nothing checkable ("the two rival nations")."""
    start = i + 2 if doc[i + 1].lower_ in NUMBERS else i + 1
    wanted = descriptors(normalise(doc[start:end - 1].text)) if end - 1 > start else None
    if not wanted:
        return None
    facts = state_facts()
    return lambda country: country in facts and wanted <= facts[country].terms


def group_words(doc: Doc, i: int) -> tuple[int, int] | None:
    """(member count, end) of a group phrase at i: "both" + head, "the two/three" + head, "the" + pair head;
    a few modifiers may stand before the head ("the two nuclear-armed neighbours")."""
    first = doc[i].lower_
    if first not in ("both", "the"):
        return None
    j, count = i + 1, None
    if first == "both":
        count = 2
    elif j < len(doc) and doc[j].lower_ in NUMBERS:
        count, j = NUMBERS[doc[j].lower_], j + 1
    if j < len(doc) and doc[j].lower_ == "koreas" and count == 2:
        return 2, j + 1
    for k in range(j, min(len(doc), j + MAX_MODIFIERS + 1)):
        word = doc[k].lower_
        if word in GROUP_HEADS and (count is not None or word in PAIR_HEADS):
            if k > j and (first == "both" or not all(modifier(doc[m]) for m in range(j, k))):
                return None
            return (count or 2), k + 1
        if not modifier(doc[k]):
            return None
    return None


def modifier(tok) -> bool:
    """A word that may qualify a group noun: adjectives, compounds, hyphens ("ex-Soviet Caucasus")."""
    return tok.text == "-" or (tok.is_alpha and tok.pos_ in ("ADJ", "PROPN", "NOUN", "VERB", "")
                               and tok.dep_ in ("amod", "compound", "nmod", "npadvmod", "punct", ""))


def principal_states(seen: list[Seen], count: int, context: Context | None = None) -> list[Seen]:
    """The `count` states the text is about, in text order; [] if fewer are named.

    "Congo and Rwanda signed a deal after talks mediated by Qatar, and the two sides freed ...": the
    parties are the states named as subjects and most often, not the last ones named; recency breaks ties.
    With the article's prominence, a state the whole article is about outranks a passing one."""
    by_country: dict[str, list[Seen]] = {}
    for item in seen:
        if item.actor.country:
            by_country.setdefault(item.actor.country, []).append(item)
    if len(by_country) < count:
        return []
    article = context.prominence.of if context is not None else (lambda country: 0.0)

    def rank(items: list[Seen]) -> tuple:
        return (sum(i.subject for i in items), len(items), article(items[0].actor.country), items[-1].start)
    ranked = sorted(by_country.values(), reverse=True, key=rank)
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
