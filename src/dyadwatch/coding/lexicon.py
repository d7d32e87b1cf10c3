"""The event lexicon: which words (with which arguments) trigger which CAMEO code.

Two sources, most trusted first: the project's own curated table (data/lexicon/curated.tsv) and
verb defaults derived from PETRARCH2's CAMEO verb dictionary (data/lexicon/petrarch_verbs.tsv).
A lexicon answers one question: given a trigger word and the lemmas around it, which entry fits best.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from dyadwatch.cache import cached
from dyadwatch.coding.ontology import lookup
from dyadwatch.resources import data_file, read_tsv

ANY = "*"
NOT_AN_EVENT = "-"  # a curated row that silences a word the derived dictionary would code


@dataclass(frozen=True)
class LexEntry:
    """One trigger: part of speech (V, N, A), lemma, argument conditions and the CAMEO code."""

    pos: str
    lemma: str
    conditions: tuple[tuple[str, frozenset[str]], ...]
    cameo: str
    negative: bool = False
    curated: bool = True
    only_negated: bool = False  # "did not pay attention to X": the negated phrase is the act (ignoring X)
    own: bool = False  # an agentless passive's subject is the actor's own ("its envoy was recalled"): it acts
    counterpart: bool = False  # two-sided by nature: with no target in the clause, the other party in context
    learned: bool = False  # proposed by the learned trigger layer, not listed in the lexicon

    @property
    def specificity(self) -> int:
        """More conditions, more specific; who acts and what is done to (subject, object) say more than a preposition."""
        return sum(2 if key in {"obj", "subj"} else 1 for key, _ in self.conditions)


@dataclass
class TriggerContext:
    """Lemmas around a trigger that conditions are checked against."""

    obj: set[str] = field(default_factory=set)
    prep: set[str] = field(default_factory=set)
    prt: set[str] = field(default_factory=set)
    xcomp: set[str] = field(default_factory=set)
    mod: set[str] = field(default_factory=set)
    adv: set[str] = field(default_factory=set)
    inf: set[str] = field(default_factory=set)  # to-infinitive complements ("told them to leave")
    gov: set[str] = field(default_factory=set)  # the preposition a noun trigger is the object of ("on strike")
    subj: set[str] = field(default_factory=set)  # the subject's head and modifiers ("peacekeeping troops arrived")
    phrase: Callable[[], set[str]] = lambda: set()  # lemmas of the trigger's own phrase, computed on demand

    def satisfies(self, key: str, values: frozenset[str]) -> bool:
        if key == "sub":
            return bool(self.phrase() & values)
        present = getattr(self, key if key != "comp" else "xcomp", set())
        if ANY in values:
            return bool(present)
        return bool(present & values)


def _parse_conditions(text: str) -> tuple[tuple[str, frozenset[str]], ...]:
    conds = []
    for part in filter(None, (p.strip() for p in text.split(";"))):
        key, _, values = part.partition("=")
        conds.append((key.strip(), frozenset(v.strip() for v in values.split(",") if v.strip())))
    return tuple(conds)


class Lexicon:
    """Lookup of trigger entries by (pos, lemma)."""

    def __init__(self, entries: list[LexEntry]):
        self._by_key: dict[tuple[str, str], list[LexEntry]] = {}
        for entry in entries:
            self._by_key.setdefault((entry.pos, entry.lemma), []).append(entry)
        # Each word's entries best first (stable: listing order among equals), so `best` stops at the first fit.
        self._ranked = {key: sorted(found, key=_rank, reverse=True) for key, found in self._by_key.items()}

    def has(self, pos: str, lemma: str) -> bool:
        return (pos, lemma) in self._by_key

    def curates(self, pos: str, lemma: str) -> bool:
        """Whether the curated table has a row for the word: its silence elsewhere is then a decision."""
        return any(e.curated for e in self._by_key.get((pos, lemma), ()))

    def best(self, pos: str, lemma: str, ctx: TriggerContext) -> LexEntry | None:
        """The most specific entry whose conditions all hold; curated entries beat derived ones (between
        equals, the one listed first)."""
        return next((e for e in self._ranked.get((pos, lemma), ())
                     if all(ctx.satisfies(key, values) for key, values in e.conditions)), None)


def _rank(entry: LexEntry) -> tuple[bool, int]:
    return entry.curated, entry.specificity


def _curated_entries() -> list[LexEntry]:
    entries = []
    for row in read_tsv("lexicon", "curated.tsv"):
        row = row + [""] * (5 - len(row))
        pos, lemma, cond, cameo, flags = (c.strip() for c in row[:5])
        if cameo != NOT_AN_EVENT:
            lookup(cameo)  # fail loudly on a code that is not in the codebook
        flag_set = set(flags.split(","))
        entries.append(LexEntry(pos, lemma, _parse_conditions(cond), cameo, negative="neg" in flag_set,
                                only_negated="negonly" in flag_set, own="own" in flag_set,
                                counterpart="counterpart" in flag_set))
    return entries


def _petrarch_entries() -> list[LexEntry]:
    """Verb defaults and simple 'verb + following words' patterns derived from PETRARCH2."""
    if not data_file("lexicon", "petrarch_verbs.tsv").is_file():
        return []
    entries = []
    for row in read_tsv("lexicon", "petrarch_verbs.tsv"):
        verb, particle, after, cameo = (c.strip() for c in row[:4])
        if lookup(cameo).plover is None:
            continue  # statements and the like are not events
        conds: list[tuple[str, frozenset[str]]] = []
        if particle:
            conds.append(("prep" if particle in _PREPOSITIONS else "prt", frozenset([particle])))
        if after:
            words = [w for w in after.split() if w not in _PREPOSITIONS]
            if not words or len(after.split()) > 2:
                continue  # longer patterns need PETRARCH's matcher, not an object test
            # In "* HUMANITARIAN AID" the last content word is the object's head.
            conds.append(("obj", frozenset([words[-1]])))
        entries.append(LexEntry("V", verb, tuple(conds), cameo, curated=False))
    return entries


_PREPOSITIONS = frozenset(
    "with to against on at in into from for of over about toward towards upon by under between".split()
)


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The shipped lexicon: built once per process, and read from the on-disk cache of compiled artefacts
    when this version of the package built it before (dyadwatch.cache)."""
    return cached("lexicon", lambda: Lexicon(_curated_entries() + _petrarch_entries()))
