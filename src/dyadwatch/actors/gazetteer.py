"""The actor gazetteer: every shipped table loaded into lookups keyed by lowercase token sequences.

Names (countries, demonyms, capitals, organisations, people) and agent nouns ("foreign ministry",
"troops") live in separate tables because they play different parts in a mention: names say whose
actor it is, agent nouns say which part of it (sector). Curated tables win over the Phoenix-derived
ones whenever both have the same phrase.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

import spacy
from spacy.language import Language

from dyadwatch.actors.variants import FuzzyPeople, name_variants
from dyadwatch.cache import cached
from dyadwatch.resources import data_file, read_tsv

Key = tuple[str, ...]

NON_STATE_PRIMARIES = {"IGO", "NGO", "IMG", "MNC"}
# Kinds of name entries. "demonym" needs an agent or noun use to count; the others stand alone.
COUNTRY, DEMONYM, PEOPLE, CAPITAL, ORG, INSTITUTION, PERSON, REGION = (
    "country", "demonym", "people", "capital", "org", "institution", "person", "region")
EXPLICIT_COUNTRY_KINDS = {COUNTRY, DEMONYM, PEOPLE, CAPITAL, REGION}
# Marks in a table cell: "~Austin" only right after a role noun, "^SA" only in a document that names the
# country in full, "?Santiago" only as an agent (subject, possessor, "by X", before an agent noun).
AFTER_ROLE, CONDITIONAL, AGENTIVE = "~", "^", "?"
LEADER_TABLES = ("leaders.tsv", "officials.tsv")
DEMONYM_ENDINGS = ("ese", "ish", "ian", "ean", "ians", "eans", "ans", "is", "i")
# Words that open a Phoenix person alias with a title rather than a name ("Mr Obama", "Gov. Reagan").
PERSON_TITLES = {
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "the", "former", "gov.", "gen.", "lt.", "col.",
    "sen.", "rep.", "president-elect", "govenor", "secretary-general", "ex",
}
# Phoenix agent entries that are adjectives, places or events here, not agents.
PHOENIX_AGENT_STOPLIST = {
    "retired", "retireds", "islamic", "islamics", "jewish", "jewishes", "hebrew", "hebrews", "actor", "actors",
    "deputy", "deputies", "state-owned", "state-owneds", "revolt", "revolts", "uprising", "uprisings",
    "rebellion", "rebellions", "insurgence", "insurgences", "insurgency", "insurgencies", "religion",
    "religions", "sovereign", "sovereigns", "kingdom", "kingdoms", "chamber", "chambers", "naturalized",
    "naturalizeds", "navals", "governance", "governances", "polity", "polities", "unitarian", "unitarians",
}


@dataclass(frozen=True)
class Spell:
    """One office spell of a person: who they act for, in which sector, and when."""

    primary: str
    sector: str | None
    valid_from: date | None
    valid_to: date | None


@dataclass(frozen=True)
class NameEntry:
    """What a name phrase refers to."""

    kind: str
    primary: str  # ISO3 country, or IGO / NGO / IMG / MNC
    sector: str | None = None
    name: str | None = None  # canonical name for people and organisations
    spells: tuple[Spell, ...] = ()

    def at(self, on: date | None) -> Spell:
        """The spell in force on a date (people only); ELI after the last one ended."""
        if not self.spells:
            return Spell(self.primary, self.sector, None, None)
        ordered = sorted(self.spells, key=lambda s: s.valid_from or date.min)
        if on is None:
            return ordered[-1]
        for spell in reversed(ordered):
            if (spell.valid_from or date.min) <= on and (spell.valid_to is None or on < spell.valid_to):
                return spell
        started = [s for s in ordered if (s.valid_from or date.min) <= on]
        if not started:
            return ordered[0]
        last = started[-1]
        return Spell(last.primary, "ELI", last.valid_from, last.valid_to)


@dataclass(frozen=True)
class AgentEntry:
    """What an agent noun adds to a mention: a sector and how strongly it claims the mention."""

    sector: str | None  # None: an actor noun without a sector ("vessels", "sources")
    role: str  # strong | weak | envoy | event


@dataclass(frozen=True)
class NameAlias:
    """A name phrase as written in its table (for the capitalisation check) and its entry."""

    entry: NameEntry
    written: tuple[str, ...]
    after_role_only: bool = False  # "~Austin": only right after a role noun
    strict_case: bool = True  # False for Phoenix phrases, whose capitals we guessed: first word only
    agentive_only: bool = False  # "?Santiago": the government only as an agent, never as a place


@dataclass
class Gazetteer:
    """All lookups, keyed by lowercase token tuples."""

    names: dict[Key, NameAlias] = field(default_factory=dict)
    agents: dict[Key, AgentEntry] = field(default_factory=dict)
    blocks: set[Key] = field(default_factory=set)
    # "^SA": short forms that stand for one of these countries in a document naming it in full
    conditional: dict[Key, list[NameAlias]] = field(default_factory=dict)
    people: FuzzyPeople = field(default_factory=FuzzyPeople)

    def add_name(self, key: Key, alias: NameAlias) -> None:
        if not key or key in self.blocks:
            return
        known = self.names.get(key)
        if known is None:
            self.names[key] = alias
        elif known.entry == alias.entry and _capitals(alias.written) < _capitals(known.written):
            self.names[key] = alias  # "Al-Qaeda" and "al-Qaeda" listed: keep the spelling that asks fewer capitals

    def add_agent(self, key: Key, entry: AgentEntry) -> None:
        if key and key not in self.agents and key not in self.blocks:
            self.agents[key] = entry


def _capitals(words: tuple[str, ...]) -> int:
    return sum(1 for w in words for ch in w if ch.isupper())


@lru_cache(maxsize=1)
def tokenizer_pipeline() -> Language:
    """A blank English pipeline: the same tokenizer rules as the full model, for phrases and tests."""
    return spacy.blank("en")


def tokens_of(text: str) -> list[str]:
    return [t.text for t in tokenizer_pipeline().make_doc(text) if not t.is_space]


def key_of(words: list[str]) -> Key:
    return tuple(w.lower() for w in words)


def split_list(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("|") if part.strip()]


def strip_article(alias: str) -> str:
    """"the Kremlin" → "Kremlin": the article is never part of a mention."""
    return alias[4:] if alias.startswith("the ") else alias


def parse_date(cell: str) -> date | None:
    return date.fromisoformat(cell) if cell.strip() else None


def cell(row: list[str], index: int) -> str:
    return row[index].strip() if index < len(row) else ""


def add_aliases(gaz: Gazetteer, aliases: list[str], entry: NameEntry) -> None:
    for alias in aliases:
        mark = alias[:1] if alias[:1] in (AFTER_ROLE, CONDITIONAL, AGENTIVE) else ""
        words = tokens_of(strip_article(alias[len(mark):]))
        named = NameAlias(entry, tuple(words), mark == AFTER_ROLE, agentive_only=mark == AGENTIVE)
        if mark == CONDITIONAL:
            gaz.conditional.setdefault(key_of(words), []).append(named)
        else:
            gaz.add_name(key_of(words), named)


def load_blocks(gaz: Gazetteer) -> None:
    for row in read_tsv("actors", "non_actors.tsv"):
        gaz.blocks.add(key_of(tokens_of(row[0].strip())))
    for row in read_tsv("actors", "sectors.tsv"):
        if cell(row, 1) == "-":
            for form in split_list(row[0]):
                gaz.blocks.add(key_of(tokens_of(form)))


def load_organisations(gaz: Gazetteer) -> None:
    for row in read_tsv("actors", "organisations.tsv"):
        canonical, primary, sector = cell(row, 0), cell(row, 2), cell(row, 3) or None
        kind = ORG if primary in NON_STATE_PRIMARIES else INSTITUTION
        entry = NameEntry(kind, primary, sector, canonical)
        add_aliases(gaz, [canonical] + split_list(cell(row, 1)), entry)


def load_leaders(gaz: Gazetteer) -> None:
    spells: dict[str, list[Spell]] = {}
    aliases: dict[str, list[str]] = {}
    rows = [row for table in LEADER_TABLES for row in read_tsv("actors", table)]
    for row in rows:  # one person's spells from both tables make one entry
        name = cell(row, 0)
        spell = Spell(cell(row, 2), cell(row, 3) or None, parse_date(cell(row, 5)), parse_date(cell(row, 6)))
        spells.setdefault(name, []).append(spell)
        known = aliases.setdefault(name, [])
        for alias in [name] + split_list(cell(row, 1)):
            for variant in name_variants(alias):
                if variant not in known:
                    known.append(variant)
    for name, person_spells in spells.items():
        latest = max(person_spells, key=lambda s: s.valid_from or date.min)
        entry = NameEntry(PERSON, latest.primary, latest.sector, name, tuple(person_spells))
        add_aliases(gaz, aliases[name], entry)


def load_countries(gaz: Gazetteer) -> None:
    rows = read_tsv("actors", "countries.tsv")
    for row in rows:  # names before demonyms: "Vatican" is the state before it is an adjective
        iso3, canonical = cell(row, 0), cell(row, 1)
        add_aliases(gaz, [canonical] + split_list(cell(row, 2)), NameEntry(COUNTRY, iso3, None, None))
    for row in rows:
        iso3 = cell(row, 0)
        # Demonyms first: "Chinese" is both, and as an adjective it must qualify an agent to count.
        add_aliases(gaz, split_list(cell(row, 3)), NameEntry(DEMONYM, iso3))
        add_aliases(gaz, split_list(cell(row, 4)), NameEntry(PEOPLE, iso3))
        add_aliases(gaz, split_list(cell(row, 5)), NameEntry(CAPITAL, iso3, "GOV"))


def load_regions(gaz: Gazetteer) -> None:
    """Provinces and regions as places of their state ("Kursk" → RUS), under every name already known."""
    for row in read_tsv("actors", "regions.tsv"):
        add_aliases(gaz, [cell(row, 0)] + split_list(cell(row, 1)), NameEntry(REGION, cell(row, 2)))


def index_people(gaz: Gazetteer) -> None:
    """Every listed person by spelling, for near misses the tables do not list."""
    for alias in gaz.names.values():
        if alias.entry.kind == PERSON and not alias.after_role_only:
            gaz.people.add(" ".join(alias.written), alias)


def load_agents(gaz: Gazetteer) -> None:
    for row in read_tsv("actors", "sectors.tsv"):
        sector = cell(row, 1)
        if sector == "-":
            continue
        entry = AgentEntry(sector or None, cell(row, 2) or "strong")
        for form in split_list(row[0]):
            gaz.add_agent(key_of(tokens_of(form)), entry)


def load_phoenix(gaz: Gazetteer) -> None:
    """The derived Phoenix tables, under every curated name and agent noun."""
    for row in read_tsv("actors", "phoenix_countries.tsv"):
        alias, code, kind = cell(row, 0), cell(row, 1), cell(row, 2)
        words = tokens_of(alias)
        key = key_of(words)
        if key in gaz.agents:
            continue
        if kind == "institution":
            entry = NameEntry(INSTITUTION, code[:3], code[3:6] or None, None)
        elif alias.lower().endswith(DEMONYM_ENDINGS):
            entry = NameEntry(DEMONYM, code)
        else:
            entry = NameEntry(COUNTRY, code)
        gaz.add_name(key, NameAlias(entry, tuple(words), strict_case=False))
    for row in read_tsv("actors", "phoenix_international.tsv"):
        words = tokens_of(cell(row, 0))
        if key_of(words) not in gaz.agents:
            entry = NameEntry(ORG, "IGO", None, cell(row, 2))
            gaz.add_name(key_of(words), NameAlias(entry, tuple(words), strict_case=False))
    load_phoenix_persons(gaz)
    load_phoenix_nonstate(gaz)
    for row in read_tsv("actors", "phoenix_agents.tsv"):
        key = key_of(tokens_of(cell(row, 0)))
        if key not in gaz.names and " ".join(key) not in PHOENIX_AGENT_STOPLIST:
            gaz.add_agent(key, AgentEntry(cell(row, 1) or None, "strong"))


def load_phoenix_nonstate(gaz: Gazetteer) -> None:
    """Armed non-state groups of the 2013 TOPS-derived list, under every name already known
    (a curated entry, a country or a person keeps its meaning)."""
    if not data_file("actors", "phoenix_nonstate.tsv").is_file():
        return
    for row in read_tsv("actors", "phoenix_nonstate.tsv"):
        words = tokens_of(cell(row, 0))
        key = key_of(words)
        if key in gaz.names or key in gaz.agents or key in gaz.blocks:
            continue
        primary, sector = cell(row, 1), cell(row, 2) or None
        kind = ORG if primary in NON_STATE_PRIMARIES else INSTITUTION
        gaz.add_name(key, NameAlias(NameEntry(kind, primary, sector, cell(row, 3)), tuple(words)))


def load_phoenix_persons(gaz: Gazetteer) -> None:
    """Heads of state and government of the 2014 lists; a surname alone only after a title ("President
    Mugabe") and only when no other listed person shares it."""
    surnames: dict[Key, list[NameEntry]] = {}
    for row in read_tsv("actors", "phoenix_persons.tsv"):
        alias, primary = cell(row, 0), cell(row, 1)
        words = tokens_of(alias)
        if words[0].lower() in PERSON_TITLES or (words[0].lower(),) in gaz.agents or (words[0].lower(),) in gaz.names:
            continue  # "President X", "Russian President X": the title is read from the text instead
        sector = cell(row, 2) or ("GOV" if primary == "IGO" else None)  # heads of IGOs act for them
        spell = Spell(primary, sector, parse_date(cell(row, 3)), parse_date(cell(row, 4)))
        entry = NameEntry(PERSON, primary, spell.sector, cell(row, 5) or alias, (spell,))
        gaz.add_name(key_of(words), NameAlias(entry, tuple(words), strict_case=False))
        if len(words) == 3 and all(w[:1].isupper() and w.isalpha() for w in words):
            # "Carlos Saul Menem" is mostly "Carlos Menem" in the news
            short = [words[0], words[2]]
            gaz.add_name(key_of(short), NameAlias(entry, tuple(short), strict_case=False))
        if len(words) >= 2 and len(words[-1]) >= 4 and words[-1][:1].isupper():
            surnames.setdefault(key_of(words[-1:]), []).append(entry)
    for key, entries in surnames.items():
        written = (key[0][:1].upper() + key[0][1:],)
        if len({(e.primary, e.spells[0].valid_from) for e in entries}) == 1:
            gaz.add_name(key, NameAlias(entries[0], written, after_role_only=True, strict_case=False))
        elif len({e.primary for e in entries}) == 1:
            # Two presidents Bush: whichever is meant, the country is the same.
            spells = tuple(sp for e in entries for sp in e.spells)
            entry = NameEntry(PERSON, entries[0].primary, entries[0].sector, written[0], spells)
            gaz.add_name(key, NameAlias(entry, written, after_role_only=True, strict_case=False))


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The gazetteer built from every shipped table: once per process, and read from the on-disk cache
    of compiled artefacts when this version of the package built it before (dyadwatch.cache)."""
    return cached("gazetteer", build_gazetteer)


def build_gazetteer() -> Gazetteer:
    gaz = Gazetteer()
    load_blocks(gaz)
    load_organisations(gaz)
    load_leaders(gaz)
    load_countries(gaz)
    load_regions(gaz)
    load_agents(gaz)
    load_phoenix(gaz)
    index_people(gaz)
    return gaz
