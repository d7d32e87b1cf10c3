"""Finding gazetteer phrases in a Doc: one PhraseMatcher on lowercase tokens, built once per pipeline.

Every match becomes a Piece (a name, an agent noun or a blocked phrase); overlapping matches are
resolved longest first, so "South China Sea" hides "China" and "Chinese Foreign Ministry" beats
"Chinese" + "ministry" only where the table has the longer phrase. Three document-level checks follow:
a conditional short form ("SA") counts only where the document names its country in full, a capital
that is also a common name ("Santiago") only as an agent, and a person the model tags but no table
spells this way ("Kim Jung-un") is looked up by near-miss spelling.
"""
from __future__ import annotations

from dataclasses import dataclass

import spacy
from spacy.attrs import LOWER
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from dyadwatch.actors.gazetteer import PERSON, AgentEntry, Gazetteer, Key, NameAlias, NameEntry, tokens_of
from dyadwatch.cache import cached, content_key

AGENT, BLOCK, CONDITIONAL = "agent", "block", "conditional"
LABELS = {"DW_ACTOR_BLOCK": BLOCK, "DW_ACTOR_NAME": "name", "DW_ACTOR_AGENT": AGENT,
          "DW_ACTOR_CONDITIONAL": CONDITIONAL}
# Where a name acts rather than lies: subject, possessor, compound before a noun, "by X".
AGENTIVE_DEPS = {"nsubj", "poss", "compound"}
MEDIA_SECTOR = "MED"
# Lines that credit rather than report: "By Jane Roe, Reuters", "Reporting by ...; Editing by ...".
CREDIT_OPENINGS = ("by ", "reporting by", "writing by", "editing by", "additional reporting", "photo", "source:",
                   "compiled by", "with agencies", "image:", "file photo")
PRIORITY = {BLOCK: 0, "name": 1, AGENT: 2}


@dataclass(frozen=True)
class Piece:
    """One gazetteer match: tokens [start, end) of the Doc and what they are."""

    start: int
    end: int
    kind: str  # a NameEntry kind, "agent" or "block"
    alias: NameAlias | None = None
    agent: AgentEntry | None = None
    agent_text: str = ""  # the last word of an agent phrase, lowercased ("ambassador")

    @property
    def entry(self) -> NameEntry | None:
        return self.alias.entry if self.alias else None

    @property
    def is_name(self) -> bool:
        return self.alias is not None

    @property
    def role(self) -> str | None:
        return self.agent.role if self.agent else None


def lowercase_patterns(vocab: Vocab, keys: list[Key]) -> list[list[int]]:
    """Each key as the sequence of LOWER hashes a PhraseMatcher(attr="LOWER") compares tokens by: what
    `Doc(vocab, words=key)` would give, without building some 40k Docs (and their lexemes) at every start."""
    lower = vocab.lex_attr_getters.get(LOWER, str.lower)
    strings = vocab.strings
    return [[strings.add(lower(word)) for word in key] for key in keys]


def written_case_ok(written: tuple[str, ...], tokens: Span) -> bool:
    """Capitalisation as the table writes it: acronyms in capitals ("US", not "us"; "WHO", not "who"),
    capitalised names capitalised at both ends ("Chad", not "chad")."""
    pairs = [(w, t.text) for w, t in zip(written, tokens) if w[:1].isalpha()]
    for index, (word, text) in enumerate(pairs):
        if len(word) > 1 and word.isupper():
            if not text.isupper():
                return False
        elif word[:1].isupper() and index in (0, len(pairs) - 1) and not text[:1].isupper():
            return False
    return True


class PieceFinder:
    """Gazetteer matching for one vocabulary (one pipeline)."""

    def __init__(self, vocab: Vocab, gazetteer: Gazetteer):
        self.gazetteer = gazetteer
        self.matcher = PhraseMatcher(vocab, attr="LOWER")
        for label, patterns in self._patterns(vocab).items():
            self.matcher.add(label, patterns)
        self.label_kind = {vocab.strings[label]: kind for label, kind in LABELS.items()}

    def _patterns(self, vocab: Vocab) -> dict[str, list[list[int]]]:
        """Each label's patterns, from the on-disk cache when these keys were hashed before by this spaCy."""
        keys = {label: self._keys(kind) for label, kind in LABELS.items()}
        key = content_key(vocab.lang, spacy.__version__, repr(keys))
        return cached("actor-patterns", lambda: {label: lowercase_patterns(vocab, k) for label, k in keys.items()},
                      key=key)

    def _keys(self, kind: str) -> list[Key]:
        if kind == BLOCK:
            return sorted(self.gazetteer.blocks)
        if kind == CONDITIONAL:
            return list(self.gazetteer.conditional)
        return list(self.gazetteer.names if kind == "name" else self.gazetteer.agents)

    def pieces(self, doc: Doc) -> list[Piece]:
        """Non-overlapping pieces in token order."""
        candidates, conditional = [], []
        for match_id, start, end in self.matcher(doc):
            kind = self.label_kind[match_id]
            if kind == CONDITIONAL:
                conditional.append((start, end))
                continue
            piece = self._piece(doc, kind, start, end)
            if piece is None or (piece.alias and piece.alias.agentive_only and not agentive(doc, start, end)):
                continue
            if piece.entry is not None and piece.entry.sector == MEDIA_SECTOR and in_credit(doc, start, end):
                continue  # "(Reuters) -", "AFP/Getty Images": the agency reports, it does not act
            candidates.append(piece)
        candidates += self._conditional_pieces(doc, conditional, candidates)
        candidates += self._misspelled_people(doc, candidates)
        return with_glosses(doc, choose_longest(candidates))

    def _piece(self, doc: Doc, kind: str, start: int, end: int) -> Piece | None:
        key = tuple(t.lower_ for t in doc[start:end])
        if kind == BLOCK:
            return Piece(start, end, BLOCK)
        if kind == AGENT:
            return Piece(start, end, AGENT, agent=self.gazetteer.agents[key], agent_text=key[-1])
        alias = self.gazetteer.names[key]
        written = alias.written if alias.strict_case else alias.written[:1]
        if not written_case_ok(written, doc[start:start + len(written)]):
            return None
        return Piece(start, end, alias.entry.kind, alias=alias)

    def _conditional_pieces(self, doc: Doc, spans: list[tuple[int, int]], pieces: list[Piece]) -> list[Piece]:
        """"SA" for the one country among its readings that the document names in full."""
        named = {p.entry.primary for p in pieces if p.is_name}
        out = []
        for start, end in spans:
            options = self.gazetteer.conditional[tuple(t.lower_ for t in doc[start:end])]
            chosen = [a for a in options if a.entry.primary in named]
            if len(chosen) == 1 and written_case_ok(chosen[0].written, doc[start:end]):
                out.append(Piece(start, end, chosen[0].entry.kind, alias=chosen[0]))
        return out

    def _misspelled_people(self, doc: Doc, pieces: list[Piece]) -> list[Piece]:
        """People the model tags whose spelling no table lists but is a near miss of one listed person."""
        people = [p for p in pieces if p.kind == PERSON]
        out = []
        for ent in doc.ents:
            if ent.label_ != "PERSON" or len(ent) < 2:
                continue
            if any(p.start <= ent.start and ent.end <= p.end for p in people):
                continue
            end = ent.end
            while end > ent.start + 1 and not doc[end - 1].text[:1].isalnum():
                end -= 1  # "Pedro Sanchez's": the possessive is not part of the name
            name = doc[ent.start:end]
            alias = self.gazetteer.people.lookup(name.text, lambda a: a.entry.primary)
            if alias is not None:
                written = tuple(tokens_of(name.text))
                out.append(Piece(ent.start, end, PERSON, alias=NameAlias(alias.entry, written)))
        return out


def in_credit(doc: Doc, start: int, end: int) -> bool:
    """Whether tokens [start, end) sit in a byline or credit: "(Reuters)", "(AP Photo/...)", "AFP/Getty",
    or a line that opens "By ...", "Reporting by ...", "Photo: ..."."""
    before = doc[start - 1].text if start > 0 else ""
    after = doc[end].text if end < len(doc) else ""
    if (before == "(" and after in {")", "/"}) or after == "/" or before == "/":
        return True
    text = doc.text
    line_start = text.rfind("\n", 0, doc[start].idx) + 1
    line = text[line_start:line_start + 40].strip().lower()
    return line.startswith(CREDIT_OPENINGS)


def agentive(doc: Doc, start: int, end: int) -> bool:
    """Whether the name in tokens [start, end) acts in its clause and is not a person's name ("Santiago
    Peña"); needs the parse (without one every name may act)."""
    token = doc[end - 1]
    if not doc.has_annotation("DEP"):
        return True
    if doc[start].ent_type_ == "PERSON":
        return False
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    if token.dep_ == "pobj":
        return token.head.lower_ == "by" and token.head.dep_ == "agent"
    return token.dep_ in AGENTIVE_DEPS or token.dep_ == "agent"


def choose_longest(candidates: list[Piece]) -> list[Piece]:
    """Greedy longest-first selection; blocks, then names, then agents on ties."""
    ordered = sorted(candidates, key=lambda p: (-(p.end - p.start), PRIORITY.get(_group(p), 1), p.start))
    taken: set[int] = set()
    chosen = []
    for piece in ordered:
        span = range(piece.start, piece.end)
        if any(i in taken for i in span):
            continue
        taken.update(span)
        chosen.append(piece)
    return sorted(chosen, key=lambda p: p.start)


def with_glosses(doc: Doc, pieces: list[Piece]) -> list[Piece]:
    """A parenthesised gloss joins the piece it explains: "Republic of China (Taiwan)" is one name when both
    name one country, "Ministry of Foreign Affairs (MOFA)" one agent when the gloss is an acronym."""
    out: list[Piece] = []
    by_start = {p.start: p for p in pieces}
    skip: set[int] = set()
    for piece in pieces:
        if piece.start in skip:
            continue
        close = _gloss_end(doc, piece, by_start.get(piece.end + 1))
        if close is None:
            out.append(piece)
            continue
        skip.add(piece.end + 1)
        out.append(Piece(piece.start, close + 1, piece.kind, piece.alias, piece.agent, piece.agent_text))
    return out


def _gloss_end(doc: Doc, piece: Piece, inner: Piece | None) -> int | None:
    """Index of the ")" closing a gloss right after the piece, or None when there is no gloss to join."""
    if piece.kind == BLOCK or piece.end + 2 >= len(doc) or doc[piece.end].text != "(":
        return None
    if inner is not None and piece.is_name and inner.is_name and doc[inner.end].text == ")" \
            and inner.entry.primary == piece.entry.primary:
        return inner.end
    word = doc[piece.end + 1]
    if piece.kind == AGENT and inner is None and doc[piece.end + 2].text == ")" and word.text.isupper() \
            and word.text.isalpha() and len(word.text) >= 2:
        return piece.end + 2
    return None


def _group(piece: Piece) -> str:
    return piece.kind if piece.kind in (AGENT, BLOCK) else "name"
