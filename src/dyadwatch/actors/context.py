"""Reading the words around a gazetteer match: whether a name there is really an actor.

"Russian" is no actor in "Russian-backed separatists", "Seoul" none in "Seoul National University",
"Paris" none in "Paris Hilton" (when the model tags the person), and "the Chinese" is one when it
stands as a noun ("the Chinese said").
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from dyadwatch.actors.gazetteer import EXPLICIT_COUNTRY_KINDS, AgentEntry
from dyadwatch.actors.matching import AGENT, BLOCK, Piece

ETHNIC_GROUP = AgentEntry("CVL", "strong")

# "Russian-backed separatists", "Chinese-made drones": the country qualifies, it does not act.
COMPOUND_ADJ_SUFFIXES = {
    "backed", "made", "built", "born", "speaking", "based", "funded", "supplied", "designed", "occupied",
    "controlled", "annexed", "held", "friendly", "aligned", "allied", "linked", "affiliated", "style", "type",
    "class", "flagged", "owned", "origin", "themed", "bound", "centric", "focused", "trained", "armed", "member",
}
NEGATING_PREFIXES = {"pro", "anti", "inter", "non", "sino", "trans", "pan", "post", "pre"}
# A capitalised name ending in one of these is a place or thing named after a country or city.
THING_HEADS = {
    "university", "institute", "airport", "station", "stadium", "museum", "hospital", "zoo", "olympics",
    "games", "marathon", "declaration", "agreement", "accord", "accords", "treaty", "protocol", "consensus",
    "exchange", "airlines", "air", "metro", "bridge", "tower", "square", "park", "province", "prefecture",
    "island", "islands", "peninsula", "sea", "strait", "gulf", "river", "mountains", "lake", "bay", "valley",
    "plateau", "desert", "basin", "canal", "time", "week", "festival", "expo", "cup", "open", "championship",
    "championships", "award", "awards", "prize", "garrison", "school", "college", "hotel", "center", "centre",
    "plaza", "times", "post", "herald", "journal", "daily", "street", "road", "process", "format",
    "formula", "model", "syndrome", "film", "festival",
}
VERBISH = {
    "said", "say", "says", "have", "has", "had", "are", "were", "was", "is", "will", "would", "could", "can",
    "may", "might", "must", "should", "did", "do", "does", "also", "reportedly", "then", "themselves", "who",
    "that", "which", "insist", "insisted", "claim", "claimed", "want", "wanted",
}


def context_filter(doc: Doc, pieces: list[Piece]) -> list[Piece]:
    """The pieces that stay actor material once their neighbours are read."""
    starts = {p.start for p in pieces}
    role_ends = {p.end for p in pieces if p.kind == AGENT and p.role != "event"}
    covered = {i for p in pieces if p.kind in EXPLICIT_COUNTRY_KINDS for i in range(p.start, p.end)}
    kept = []
    for piece in pieces:
        if is_ethnic(doc, piece):
            kept.append(Piece(piece.start, piece.end, AGENT, agent=ETHNIC_GROUP, agent_text=doc[piece.end - 1].lower_))
        elif keep_in_context(doc, piece, starts, role_ends, covered):
            kept.append(piece)
    return kept


def is_ethnic(doc: Doc, piece: Piece) -> bool:
    """"ethnic Albanians in Serbia": a people, not Albania; a group that its place gives a country."""
    before = previous_word(doc, piece.start)
    return piece.kind in EXPLICIT_COUNTRY_KINDS and before is not None and before.lower_ == "ethnic"


def keep_in_context(doc: Doc, piece: Piece, starts: set[int], role_ends: set[int],
                    covered: frozenset[int] | set[int] = frozenset()) -> bool:
    """Drop names that the surrounding words turn into something else."""
    if piece.kind in (AGENT, BLOCK):
        return True
    if piece.alias is not None and piece.alias.after_role_only:
        # "Defense Secretary Austin", not Austin, Texas; "King Hassan of Morocco" names its own country
        nxt = doc[piece.end] if piece.end < len(doc) else None
        # "King Hassan of Morocco" names its own country; "President Ramon Velasquez" is not Mr Ramon
        return piece.start in role_ends and not (nxt is not None and (nxt.lower_ == "of" or nxt.text[:1].isupper()))
    if piece.end + 1 < len(doc) and doc[piece.end].text == "-" and doc[piece.end + 1].lower_ in COMPOUND_ADJ_SUFFIXES:
        return False
    if piece.kind not in EXPLICIT_COUNTRY_KINDS:
        return True
    if piece.start >= 2 and doc[piece.start - 1].text == "-" and doc[piece.start - 2].lower_ in NEGATING_PREFIXES:
        return False
    if names_a_thing(doc, piece.end, starts):
        return False
    return not inside_longer_person(doc, piece, covered)


def names_a_thing(doc: Doc, after: int, starts: set[int]) -> bool:
    """"Seoul National University", "Beijing Olympics": capitalised words ending in a thing noun."""
    for tok in doc[after:after + 4]:
        if not (tok.is_alpha and tok.text[:1].isupper()):
            return False
        if tok.lower_ in THING_HEADS:
            return True
        if tok.i in starts:
            return False  # "Chinese Embassy", "Chinese Foreign Ministry": an agent, not a thing
    return False


def inside_longer_person(doc: Doc, piece: Piece, covered: frozenset[int] | set[int] = frozenset()) -> bool:
    """"Paris Hilton", "Jordan Peterson": the model says the name is a person's (but "Bosnian Serbs",
    all of whose words are peoples and places, is no person whatever the model says)."""
    first, last = doc[piece.start], doc[piece.end - 1]
    if first.ent_type_ != "PERSON" or last.ent_type_ != "PERSON":
        return False
    ent_start = first.i
    while ent_start > 0 and doc[ent_start].ent_iob_ == "I":
        ent_start -= 1
    ent_end = last.i + 1
    while ent_end < len(doc) and doc[ent_end].ent_iob_ == "I":
        ent_end += 1
    if all(i in covered for i in range(ent_start, ent_end)):
        return False
    return ent_start < piece.start or ent_end > piece.end


def previous_word(doc: Doc, i: int) -> Token | None:
    """The nearest token before i that is not whitespace."""
    k = i - 1
    while k >= 0 and doc[k].is_space:
        k -= 1
    return doc[k] if k >= 0 else None


def next_word_index(doc: Doc, i: int) -> int:
    """Index of the nearest token from i on that is not whitespace (len(doc) if none)."""
    while i < len(doc) and doc[i].is_space:
        i += 1
    return i


def inline_space(tok: Token) -> bool:
    """A whitespace token inside a line (a non-breaking space), which does not end a mention."""
    return tok.is_space and "\n" not in tok.text


def used_as_noun(doc: Doc, start: int, end: int) -> bool:
    """Whether a bare demonym stands as a noun: a subject or object in the parse, or "the Chinese"
    followed by punctuation or a verb."""
    last = doc[end - 1]
    if last.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "attr"):
        return True
    before = previous_word(doc, start)
    if before is None or before.lower_ != "the":
        return False
    if end >= len(doc):
        return True
    nxt = doc[end]
    return not nxt.is_alpha or nxt.lower_ in VERBISH
