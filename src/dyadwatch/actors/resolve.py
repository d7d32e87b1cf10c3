"""From a mention's pieces to an Actor: whose actor it is (primary code) and which part (sector).

`resolve_text("North Korean leader Kim Jong-un")` → Actor(code="PRKGOV", country="PRK", sector="GOV",
name="Kim Jong-un"). The same rules serve the pipeline component, which resolves each mention it finds.
"""
from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache

from spacy.tokens import Doc, Span

from dyadwatch.actors.gazetteer import (
    CAPITAL, COUNTRY, DEMONYM, EXPLICIT_COUNTRY_KINDS, INSTITUTION, NON_STATE_PRIMARIES, ORG, PEOPLE, PERSON,
    load_gazetteer, tokenizer_pipeline, tokens_of,
)
from dyadwatch.actors.matching import Piece, PieceFinder
from dyadwatch.actors.mentions import PLACE_PREPOSITIONS, Mention, find_mentions
from dyadwatch.nlp.extensions import ACTOR_SPANS
from dyadwatch.records import Actor

# An armed group's own sector outlasts a generic military noun ("Hamas fighters" stay REB).
STICKY_SECTORS = {"REB", "OPP"}
FORMER_SECTOR = "ELI"


def actor_for(doc: Doc, mention: Mention, on: date | None = None, text: str | None = None) -> Actor | None:
    """The actor a mention names, or None when nothing in it says whose actor it is."""
    source = primary_piece(mention.pieces) or place_piece(mention)
    if source is None:
        return None
    primary, own_sector = piece_code(source, on)
    sector = choose_sector(mention, source, own_sector, on)
    if mention.former and sector in (None, "GOV", "MIL") and (mention.agents or source.kind == PERSON):
        sector = FORMER_SECTOR
    country = None if primary in NON_STATE_PRIMARIES else primary
    name = person_name(doc, mention) or organisation_name(source)
    span_text = text if text is not None else doc[mention.start:mention.end].text
    return Actor(span_text, primary + (sector or ""), country, sector, name)


def primary_piece(pieces: list[Piece]) -> Piece | None:
    """Whose actor: the first country or organisation named, then institutions, then people."""
    for kinds in (EXPLICIT_COUNTRY_KINDS | {ORG}, {INSTITUTION}, {PERSON}):
        for piece in pieces:
            if piece.kind in kinds:
                return piece
    return None


def place_piece(mention: Mention) -> Piece | None:
    """"officials in Beijing", "the foreign ministry of Japan": the phrase supplies the country."""
    if mention.prep in PLACE_PREPOSITIONS:
        return primary_piece(mention.pp_pieces)
    return None


def piece_code(piece: Piece, on: date | None) -> tuple[str, str | None]:
    """(primary, sector) a named piece carries on its own; people by their office on the date."""
    entry = piece.entry
    if entry.kind == PERSON:
        spell = entry.at(on)
        return spell.primary, spell.sector
    return entry.primary, entry.sector


def choose_sector(mention: Mention, source: Piece, own_sector: str | None, on: date | None) -> str | None:
    """Which part of the actor: an armed group's or opposition's own sector, else the strongest agent
    noun, the person's office, the organisation's own sector, a weak role noun, a sector shared with a
    coordinated phrase, and last the capital-as-government metonym."""
    agents = [p for p in mention.agents if p.role != "event"]
    if mention.prep == "of" and not any(p.role == "strong" for p in agents):
        agents += [p for p in mention.pp_pieces if p.agent and p.role != "event"]
    strong = [p.agent.sector for p in agents if p.role == "strong" and p.agent.sector]
    sticky = [s for s in named_sectors(mention.pieces + mention.pp_pieces, on) if s in STICKY_SECTORS]
    if sticky:
        return sticky[0]
    if strong:
        return strong[-1]
    person = [piece_code(p, on)[1] for p in mention.pieces if p.kind == PERSON]
    weak = [p.agent.sector for p in agents if p.agent.sector]
    if person and person[-1] and not (person[-1] == FORMER_SECTOR and weak):
        return person[-1]  # the office held on the date, unless the text gives a role for an ex-official
    organisation = [s for p, s in zip(mention.pieces, named_sectors(mention.pieces, on)) if s and p.kind != PERSON]
    if organisation:
        return organisation[0]  # "Samsung chairman" is business, "White House spokesperson" government
    if weak:
        return weak[-1]
    if mention.inherited_sector:
        return mention.inherited_sector
    if own_sector and source.kind != PERSON:
        return own_sector
    capitals = [p for p in mention.pieces + mention.pp_pieces if p.kind == CAPITAL]
    return capitals[0].entry.sector if capitals else None


def named_sectors(pieces: list[Piece], on: date | None) -> list[str | None]:
    """The own sector of each piece that is a name (None for agents and capitals)."""
    return [piece_code(p, on)[1] if p.is_name and p.kind != CAPITAL else None for p in pieces]


def person_name(doc: Doc, mention: Mention) -> str | None:
    """The person's canonical name, or the name as written after a title."""
    people = [p for p in mention.pieces if p.kind == PERSON]
    if people:
        return people[-1].entry.name
    if mention.name_span is not None:
        start, end = mention.name_span
        return doc[start:end].text
    return None


def organisation_name(piece: Piece) -> str | None:
    """Organisations and institutions keep their canonical name ("United Nations Security Council")."""
    return piece.entry.name if piece.kind in (ORG, INSTITUTION) else None


def as_date(value: date | str | None) -> date | None:
    """A publication date as a date (the pipeline stores a date; strings are accepted for convenience)."""
    if value is None or (isinstance(value, date) and not isinstance(value, datetime)):
        return value
    if isinstance(value, datetime):
        return value.date()
    return date.fromisoformat(str(value)[:10])


@lru_cache(maxsize=1)
def text_finder() -> PieceFinder:
    """Gazetteer matching for plain strings (blank English tokenizer), built once."""
    return PieceFinder(tokenizer_pipeline().vocab, load_gazetteer())


def resolve_text(text: str, on: date | str | None = None) -> Actor | None:
    """The actor named by a noun phrase ("Chinese Foreign Ministry spokesperson Lin Jian" → CHNGOV).

    `on` (the publication date) picks who held an office then; without it, the latest holder."""
    phrase = text.strip()
    if not phrase:
        return None
    doc = tokenizer_pipeline().make_doc(phrase)
    pieces = text_finder().pieces(doc)
    on_date = as_date(on)
    for mention in find_mentions(doc, pieces):
        actor = actor_for(doc, mention, on_date, text=phrase)
        if actor is not None:
            return actor
    return bare_demonym(doc, pieces, phrase)


def bare_demonym(doc: Doc, pieces: list[Piece], phrase: str) -> Actor | None:
    """A phrase that is nothing but a demonym ("Chinese", "the North Korean") names the country."""
    content = [t for t in doc if t.lower_ != "the"]
    if len(pieces) != 1 or pieces[0].kind not in EXPLICIT_COUNTRY_KINDS or not content:
        return None
    piece = pieces[0]
    if content[0].i != piece.start or content[-1].i != piece.end - 1:
        return None
    primary = piece.entry.primary
    return Actor(phrase, primary, primary, None, None)


def resolve_span(span: Span) -> Actor | None:
    """The actor of a span: its own actor if it is an actor mention, the mention covering its root
    when the component ran, else the span's text resolved on its own."""
    if span._.actor is not None:
        return span._.actor
    doc = span.doc
    if ACTOR_SPANS in doc.spans:
        anchor = span.root.i if doc.has_annotation("DEP") else span.start
        for mention in doc.spans[ACTOR_SPANS]:
            if mention.start <= anchor < mention.end and mention._.actor is not None:
                return mention._.actor
        for mention in doc.spans[ACTOR_SPANS]:
            if mention.start < span.end and span.start < mention.end and mention._.actor is not None:
                return mention._.actor
    return resolve_text(span.text, as_date(doc._.published))


def names_a_people(text: str) -> bool:
    """Whether a phrase ends in the name of a people ("thousands of Nigerians", "Palestinians"),
    the population rather than its state."""
    words = text.split()
    if not words:
        return False
    alias = load_gazetteer().names.get((words[-1].lower(),))
    return alias is not None and alias.entry.kind == PEOPLE


def agent_noun_sector(word: str) -> tuple[bool, str | None]:
    """Whether a single word is an agent noun ("elders", "judge", "hackers") and the sector it gives."""
    entry = load_gazetteer().agents.get((word.lower(),))
    if entry is None or entry.role == "event":
        return False, None
    return True, entry.sector


# Offices the sector table lists as the body's own nouns ("court|judge": strong) but that name a person.
PERSON_OFFICES = {"judge", "judges", "prosecutor", "prosecutors"}


def is_person_title(word: str) -> bool:
    """Whether a word names a person by office ("president", "chancellor", "spokesman", "judge")."""
    entry = load_gazetteer().agents.get((word.lower(),))
    return entry is not None and (entry.role == "weak" or word.lower() in PERSON_OFFICES)


def country_of_word(word: str) -> str | None:
    """The country a single word names as a country, demonym or people ("Nigerian" → NGA), or None."""
    alias = load_gazetteer().names.get((word.lower(),))
    if alias is None or alias.entry.kind not in {COUNTRY, DEMONYM, PEOPLE}:
        return None
    return alias.entry.primary if len(alias.entry.primary) == 3 else None


def names_the_state(text: str) -> bool:
    """Whether a phrase is a country's or capital's name as such ("Sudan", "Beijing"), the state itself."""
    words = [w for w in tokens_of(text) if w.lower() != "the"]
    alias = load_gazetteer().names.get(tuple(w.lower() for w in words))
    return alias is not None and alias.entry.kind in {COUNTRY, CAPITAL}
