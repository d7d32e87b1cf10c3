"""Short names: "Kim" or "Putin" after "North Korean leader Kim Jong-un" / "Vladimir Putin" in the same document.

A person's mention teaches the document their name parts (family name first or last); a later bare use
of a part becomes a reference to that person. A part followed by more name words ("Kim Sung-chan") is
somebody else and is left alone. A part that several people named earlier share ("Kim" after both
"Kim Jong-un" and "Kim Yong-hyun") goes to the one of the article's dominant country (the country most
of its actor mentions belong to), else to the one named most recently. A surname nobody in the article
was named with, after a title ("President Kim", "Mr Kim") or tagged as a person by the model, goes to the
one listed official of the dominant country with that name part who held office on the publication
date. Parts are compared without diacritics.

An acronym a mention glosses ("the Ministry of Foreign Affairs (MOFA) of Taiwan") is, later in the same
document, that mention's actor ("MOFA urged restraint").
"""
from __future__ import annotations

from collections import Counter
from datetime import date
from functools import lru_cache

from spacy.tokens import Doc, Span

from dyadwatch.actors.gazetteer import PERSON, NameEntry, load_gazetteer
from dyadwatch.actors.mentions import TITLE_WORDS
from dyadwatch.actors.variants import ascii_fold
from dyadwatch.records import Actor

# Words after which a capitalised word is a surname ("Foreign Minister Bayramov", "Mr Bayramov").
NAME_TITLES = TITLE_WORDS | {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr."}


def name_parts(name: str) -> set[str]:
    """Candidate short forms of a personal name: its first and last words ("Kim", "Jong-un"), folded."""
    words = [w for w in name.replace(",", " ").split() if w[:1].isupper()]
    if len(words) < 2:
        return set()
    return {ascii_fold(words[0]), ascii_fold(words[-1])}


def dominant_country(spans: list[Span]) -> str | None:
    """The country most direct actor mentions of the document belong to (None on a tie or with none);
    resolved references ("COREF") would only echo earlier guesses."""
    counts = Counter(s._.actor.country for s in spans
                     if s.label_ != "COREF" and s._.actor is not None and s._.actor.country)
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def choose_owner(earlier: list[tuple[int, Actor]], dominant: str | None) -> Actor:
    """Of the people named earlier with this part: the only one, the dominant country's, else the latest."""
    people = {actor.name: actor for _, actor in earlier}
    if len(people) == 1:
        return earlier[-1][1]
    home = {name: a for name, a in people.items() if a.country == dominant}
    if len(home) == 1:
        return next(iter(home.values()))
    return max(earlier, key=lambda pair: pair[0])[1]


@lru_cache(maxsize=1)
def listed_parts() -> dict[str, tuple[NameEntry, ...]]:
    """Name part → every listed person (tables, not near misses) who has it as first or last word."""
    index: dict[str, dict[str, NameEntry]] = {}
    for alias in load_gazetteer().names.values():
        entry = alias.entry
        if entry.kind == PERSON and entry.name:
            for part in name_parts(entry.name):
                index.setdefault(part, {})[entry.name] = entry
    return {part: tuple(people.values()) for part, people in index.items()}


def listed_official(part: str, country: str | None, on: date | None) -> Actor | None:
    """The one listed person with this name part who acted for `country` on the date."""
    if country is None:
        return None
    found = []
    for entry in listed_parts().get(part, ()):
        spell = entry.at(on)
        if spell.primary == country and spell.sector != "ELI":
            found.append((entry, spell))
    if len(found) != 1:
        return None
    entry, spell = found[0]
    return Actor(part, spell.primary + (spell.sector or ""), spell.primary, spell.sector, entry.name)


def short_name_spans(doc: Doc, spans: list[Span], label: str) -> list[Span]:
    """New spans for bare short names of people named earlier in the document (or titled officials)."""
    covered = {i for s in spans for i in range(s.start, s.end)}
    named: dict[str, list[tuple[int, Actor]]] = {}
    for span in sorted(spans, key=lambda s: s.start):
        actor: Actor | None = span._.actor
        if actor is None or not actor.name:
            continue
        for part in name_parts(actor.name):
            named.setdefault(part, []).append((span.end, actor))
    dominant = dominant_country(spans)
    acronyms = glossed_acronyms(spans)
    out = []
    for tok in doc:
        if tok.text in acronyms and tok.i not in covered and tok.i >= acronyms[tok.text][0]:
            actor = acronyms[tok.text][1]
            span = Span(doc, tok.i, tok.i + 1, label=label)
            span._.actor = Actor(tok.text, actor.code, actor.country, actor.sector, actor.name)
            out.append(span)
            continue
        if tok.i in covered or not tok.text[:1].isupper() or not _stands_alone(doc, tok.i):
            continue
        part = ascii_fold(tok.text)
        earlier = [(end, actor) for end, actor in named.get(part, []) if end <= tok.i]
        owner = choose_owner(earlier, dominant) if earlier else None
        if owner is None and (tok.ent_type_ == "PERSON" or (tok.i > 0 and doc[tok.i - 1].lower_ in NAME_TITLES)):
            owner = listed_official(part, dominant, doc._.published if doc.has_extension("published") else None)
        if owner is None:
            continue
        span = Span(doc, tok.i, tok.i + 1, label=label)
        span._.actor = Actor(tok.text, owner.code, owner.country, owner.sector, owner.name)
        out.append(span)
    return out


def glossed_acronyms(spans: list[Span]) -> dict[str, tuple[int, Actor]]:
    """Acronym → (end of the glossing mention, its actor), for "(MOFA)" inside a mention of a body."""
    found: dict[str, tuple[int, Actor]] = {}
    for span in spans:
        actor = span._.actor
        if actor is None or span.label_ == "COREF":
            continue
        for i in range(span.start + 1, span.end - 1):
            word = span.doc[i]
            if span.doc[i - 1].text == "(" and span.doc[i + 1].text == ")" and word.text.isupper() \
                    and word.text.isalpha() and len(word.text) >= 2:
                found.setdefault(word.text, (span.end, actor))
    return found


def _stands_alone(doc: Doc, i: int) -> bool:
    """Not the first part of a longer name ("Kim Sung-chan", "Park Jin-woo")."""
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    return not (nxt is not None and (nxt.text == "-" or (nxt.text[:1].isupper() and nxt.pos_ in {"PROPN", ""})))
