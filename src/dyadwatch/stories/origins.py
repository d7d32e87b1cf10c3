"""Where a report comes from: the outermost source that actually reports it, else its outlet.

"According to newspaper X, citing intelligence service Y" has origin X: X is who reports it to the
outlet's readers. Anonymous sources, "reportedly" and junk (pronouns, appositions such as "a former
diplomat", "reporters", "the statement") name no one, so the report falls back to the outlet that
published it (or, for a wire copy or near-duplicate, to the outlet of the original). A document is one
origin for an event however many of its sentences report it (`document_origin`). Names are normalised
so that "South Korea's National Intelligence Service" and "the National Intelligence Service (NIS)"
give the same key, and an outlet and a source naming it ("reuters.com", "according to Reuters") too.
"""
from __future__ import annotations

import re
from functools import lru_cache

from dyadwatch.records import Attribution, Event
from dyadwatch.resources import read_tsv
from dyadwatch.stories.text import tokens

# Words that describe a source rather than name it: dropped when a name remains ("the South Korean
# newspaper Chosun Ilbo" -> "chosun ilbo").
DESCRIPTORS = frozenset("""
the a an newspaper newspapers daily paper news agency agencies outlet media state run state-run official
broadcaster television tv radio website site report reports wire service magazine local national
""".split()) - {"national", "service"}
_PARENTHESES = re.compile(r"\([^)]*\)")
_POSSESSIVE = re.compile(r"^[\w .-]+?['’]s\s+")
_OF_PLACE = re.compile(r"\s+of\s+((?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3})$")
_QUOTES = re.compile(r"[\"“”‘’`]")


def origin_of(event: Event, outlet_key: str) -> str:
    """The origin key of one report; `outlet_key` is the publishing (or original) outlet's key."""
    named = outermost_named(event.attribution)
    if named is None:
        return f"outlet:{outlet_key}"
    key = normalise_source(named.text)
    return f"outlet:{outlet_key}" if squash(key) == squash(outlet_key) else f"source:{key}"


def document_origin(origins: list[str]) -> str:
    """One document's origin for one event from the origins of its reports: a cited source over the
    outlet itself (it says where the outlet got it), the first in sorted order when it cites several."""
    cited = sorted(o for o in origins if o.startswith("source:"))
    return cited[0] if cited else sorted(origins)[0]


def outermost_named(chain: list[Attribution]) -> Attribution | None:
    """The attribution link farthest from the event (the chain is nearest first) that names a source."""
    for link in reversed(chain):
        if link.kind != "anonymous" and names_someone(link.text):
            return link
    return None


JUNK_SOURCES = frozenset("""
he she they it we i you this that these those who which one someone reporters journalists correspondents
statement statements people witnesses residents observers media press sources source reports report
""".split())


MAX_SOURCE_WORDS = 8  # a longer "source" is a clause the attribution caught, not a name


def names_someone(text: str) -> bool:
    """A source names someone: a capitalised word that is neither a descriptor, a pronoun nor a generic
    body ("the ministry", "a former diplomat", "He", "reporters" name no one; "China's foreign ministry",
    "Reuters" do)."""
    words = [w for w in re.findall(r"[A-Za-z][\w'’.-]*", _PARENTHESES.sub(" ", text))]
    proper = [w for w in words if w[0].isupper() and tokens(w)
              and tokens(w)[0] not in DESCRIPTORS | JUNK_SOURCES | GENERIC_BODIES]
    return bool(proper) and len(words) <= MAX_SOURCE_WORDS and is_named(normalise_source(text))


def squash(key: str) -> str:
    """A key without spaces, descriptors or a domain ending: "al jazeera" = "aljazeera.com", "harbor" =
    "harbor-news.test"."""
    words = [w for w in re.split(r"[^a-z0-9]+", _domain_name(key).lower()) if w and w not in DESCRIPTORS]
    return "".join(words)


_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "or", "ac", "gov", "ne", "go"})


def _domain_name(key: str) -> str:
    """The registered name of a domain key ("english.alarabiya.net" -> "alarabiya", "yomiuri.co.jp" ->
    "yomiuri"); other keys unchanged."""
    if " " in key or "." not in key:
        return key
    labels = key.split(".")
    if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL and len(labels[-1]) == 2:
        return labels[-3]
    return labels[-2] if len(labels) >= 2 else key


def is_named(key: str) -> bool:
    """A key names someone when a word in it is more than a descriptor ("reports", "officials")."""
    return any(w not in DESCRIPTORS and w not in GENERIC_BODIES for w in key.split())


def normalise_source(name: str) -> str:
    """A comparable key for a source name: case, quotes, 'the', parenthesised acronyms and generic
    descriptors removed; a country qualifier ("South Korea's", "South Korean") is dropped before a
    proper name and kept, as its ISO3 code, before a generic body ("China's foreign ministry")."""
    text = _QUOTES.sub("", _PARENTHESES.sub(" ", name)).strip()
    whole = tuple(w for w in tokens(text) if w != "the")
    if whole in place_codes():
        return place_codes()[whole].lower()  # "the United States", "Seoul" as a speaker
    country, rest, adjective = _split_country(text)
    words = [w for w in tokens(rest) if w != "the"]
    named = [w for w in words if w not in DESCRIPTORS] or words
    if country and _is_generic(rest, named):
        named = [country.lower(), *named]
    elif adjective and rest[:1].isupper():
        named = [*tokens(adjective), *named]  # part of a proper name: "Korean Central News Agency"
    return " ".join(named)


def _split_country(text: str) -> tuple[str | None, str, str]:
    """(ISO3 of a leading country possessive or adjective, the rest of the name, the adjective if any)."""
    text = re.sub(r"^the\s+", "", text, flags=re.I)
    codes = place_codes()
    trailing = _OF_PLACE.search(text)  # "the National Intelligence Service of South Korea"
    if trailing:
        owner = tuple(w for w in tokens(trailing.group(1)) if w != "the")
        if owner in codes:
            return codes[owner], text[:trailing.start()], ""
    match = _POSSESSIVE.match(text)
    if match:
        owner = tuple(w for w in tokens(re.sub(r"['’]s\s+$", "", match.group(0))) if w != "the")
        if owner in codes:
            return codes[owner], text[match.end():], ""
    words = text.split()
    for size in (3, 2, 1):
        key = tuple(tokens(" ".join(words[:size])))
        if len(words) > size and key in codes:
            return codes[key], " ".join(words[size:]), " ".join(words[:size])
    return None, text, ""


def _is_generic(original: str, named: list[str]) -> bool:
    """A body every country has ("foreign ministry", "officials"), rather than a proper name."""
    proper = [w for w in original.split() if w[:1].isupper() and w.lower().strip(",.") not in DESCRIPTORS]
    return not proper or bool(named and named[-1] in GENERIC_BODIES)


GENERIC_BODIES = frozenset("""
ministry ministries government officials official military army navy embassy president spokesperson
spokesman spokeswoman office authorities intelligence diplomats diplomat minister sources source
reports report people insiders analysts experts affairs defence defense
""".split())


@lru_cache(maxsize=1)
def place_codes() -> dict[tuple[str, ...], str]:
    """Country name, alias, demonym, people and capital token sequences -> ISO3."""
    codes: dict[tuple[str, ...], str] = {}
    for row in read_tsv("actors", "countries.tsv"):
        for cell in row[1:6]:
            for name in cell.split("|"):
                if name.strip():
                    codes.setdefault(tuple(tokens(name)), row[0])
    return codes


def outlet_key(outlet: str | None, doc_id: str) -> str:
    """Key of a publishing outlet: its name or domain without 'www.', else the document itself."""
    if not outlet:
        return f"doc:{doc_id}"
    value = outlet.strip().lower()
    value = re.sub(r"^https?://", "", value)
    value = re.sub(r"^www\.", "", value).rstrip("/")
    return " ".join(tokens(value)) if "." not in value else value
