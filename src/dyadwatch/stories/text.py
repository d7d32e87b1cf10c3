"""Words for comparing reports: tokens, a light stemmer, stop and place words, word classes, shingles,
evidence windows.

Everything here is a pure function of the text (plus static word lists), so any two reports compare the
same way whichever order they were stored in.
"""
from __future__ import annotations

import re
from functools import lru_cache

from dyadwatch.resources import read_tsv

TOKEN = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
EVIDENCE_WINDOW = 10  # tokens either side of the trigger that describe the event itself

STOP_WORDS = frozenset("""
a about above across after again against all almost also although among an and another any are around as at
be became because been before being below between both but by can could did do does doing down during each
either even ever every few for from further had has have having he her here hers him his how however i if in
into is it its itself just least less like many may me might more most much must my near neither no nor not now
of off often on once one only onto or other others our out over own per perhaps rather same she should since
so some such than that the their them themselves then there these they this those though through thus to too
toward towards under until up upon us very via was we well were what when where whether which while who whom
whose why will with within without would yet you your
said says say saying told tell tells reported reports report reporting according added adding noted noting
stated claimed announced reportedly allegedly source sources official officials spokesperson spokesman
spokeswoman statement wednesday thursday friday saturday sunday monday tuesday week weeks month months year
years day days today yesterday tomorrow last next earlier later recent recently new mr ms mrs
january february march april may june july august september october november december
president leader minister ministry foreign government authorities authority ambassador envoy regime state
states country countries side sides party parties premier chairman secretary general leadership
make makes made making hold holds held holding take takes took taken give gives gave given
""".split())


_POSSESSIVE = re.compile(r"['’][a-z]+$")


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens, possessive endings dropped ("China's" -> "china")."""
    return [_POSSESSIVE.sub("", t) if "'" in t or "’" in t else t for t in TOKEN.findall(text.lower())]


_SUFFIXES = ("ations", "ation", "ments", "ment", "ions", "ion", "ings", "ing", "ures", "ure", "ies", "ied", "ed", "es",
             "s")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude suffix stripper: enough to make 'restricted', 'restricting', 'restrictions' agree."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    if len(word) > 4 and word[-1] == word[-2] and word[-1] not in "aeiou":
        word = word[:-1]  # "planned" -> "plann" -> "plan"
    if len(word) > 4 and word.endswith("e"):
        word = word[:-1]  # "issue"/"issued" and "issuance" meet at "issu"
    return word


@lru_cache(maxsize=1)
def name_phrases() -> frozenset[tuple[str, ...]]:
    """Token sequences of country names, demonyms, capitals and leaders' names: they say who, not what."""
    phrases: set[tuple[str, ...]] = set()
    for row in read_tsv("actors", "countries.tsv"):
        for cell in row[1:6]:
            phrases.update(_phrases(cell))
    for row in read_tsv("actors", "leaders.tsv"):
        for cell in row[:2]:
            phrases.update(_phrases(cell))
    return frozenset(p for p in phrases if p and p not in {("new",), ("united",), ("republic",)})


def _phrases(cell: str) -> set[tuple[str, ...]]:
    return {tuple(tokens(name)) for name in cell.replace("~", "").split("|") if name.strip()}


MAX_NAME_TOKENS = 6


def without_names(toks: list[str]) -> list[str]:
    """The tokens with every known name phrase taken out (longest match first)."""
    names = name_phrases()
    out: list[str] = []
    i = 0
    while i < len(toks):
        for size in range(min(MAX_NAME_TOKENS, len(toks) - i), 0, -1):
            if tuple(toks[i:i + size]) in names:
                i += size
                break
        else:
            out.append(toks[i])
            i += 1
    return out


@lru_cache(maxsize=4096)
def proper_words(text: str) -> frozenset[str]:
    """Lower-cased words of the capitalised tokens of a name ("the Chinese Foreign Ministry"); cached, as
    a document names its few actors in event after event."""
    return frozenset(w for raw in re.findall(r"[A-Za-z0-9]+", text) if raw[0].isupper()
                     for w in tokens(raw) if len(w) > 2)


def is_content(word: str) -> bool:
    return len(word) > 1 and word not in STOP_WORDS and not (word.isdigit() and len(word) != 4)


@lru_cache(maxsize=4096)
def word_classes(text: str) -> frozenset[str]:
    """The word classes of a name's tokens ("coast guard"); cached like proper_words."""
    return frozenset(word_class(stem(w)) for w in tokens(text))


def content_stems(text: str) -> set[str]:
    """Stems of a text's content words."""
    return {stem(w) for w in tokens(text) if is_content(w)}


def evidence_window(evidence: str, trigger: str, window: int = EVIDENCE_WINDOW) -> list[str]:
    """Tokens near the trigger in the evidence sentence (the whole sentence if the trigger is absent),
    names of places and leaders left out.

    News sentences often carry several events; the words around the trigger are the ones about this one.
    """
    toks, first, first_stem = _evidence_index(evidence)
    trig = tokens(trigger)
    at = first.get(trig[0], first_stem.get(stem(trig[0]), -1)) if trig else -1
    if at >= 0:
        return list(toks[max(0, at - window): at + len(trig) + window])
    return list(toks)


@lru_cache(maxsize=64)
def _evidence_index(evidence: str) -> tuple[tuple[str, ...], dict[str, int], dict[str, int]]:
    """The evidence's tokens without names, and the first position of each token and of each stem.

    A sentence carrying many events is read once, not once per event (that was quadratic in its length)."""
    toks = tuple(without_names(tokens(evidence)))
    first: dict[str, int] = {}
    first_stem: dict[str, int] = {}
    for i, tok in enumerate(toks):
        first.setdefault(tok, i)
        first_stem.setdefault(stem(tok), i)
    return toks, first, first_stem


# Words outlets use for one thing of one event ("the killing" / "the murder", "deal" / "agreement"): every
# word of a class compares as the stem of its first word. General news vocabulary, not an ontology.
WORD_CLASSES = (
    "accuse accusation allegation allege suspicion",
    "kill killing murder assassination assassinate slaying slain",
    "deal agreement pact accord treaty",
    "attack strike struck raid bombing bombardment airstrike",
    "missile rocket projectile",
    "drone uav",
    "expel expulsion",
    "coup overthrow overthrew overthrown ouster ousted toppled",
    "troops soldiers servicemen",
    "talks negotiations dialogue",
    "withdraw withdrew withdrawal quit exit",
    "reject dismiss deny denied refute rebuff",
    "drill exercise manoeuvre maneuver wargame",
    "ship vessel boat",
    "arrest detain detention custody",
    "condemn denounce slam criticise criticize decry",
)


@lru_cache(maxsize=1)
def _class_of() -> dict[str, str]:
    table: dict[str, str] = {}
    for row in WORD_CLASSES:
        words = row.split()
        head = stem(words[0])
        for word in words:
            for form in (word, word + "s", word + "ed", word + "ing"):
                table.setdefault(stem(form), head)
    return table


def word_class(stem_: str) -> str:
    """The stem its WORD_CLASSES class compares as (the stem itself when it has none)."""
    return _class_of().get(stem_, stem_)


def evidence_words(evidence: str, trigger: str, exclude: frozenset[str] = frozenset()) -> set[str]:
    """Content stems of the evidence window (words of one class as one), without names of places and
    leaders or `exclude` (actor) words."""
    return {word_class(stem(w)) for w in evidence_window(evidence, trigger) if is_content(w) and w not in exclude}


def year_hint(evidence: str, trigger: str) -> str | None:
    """The one year named next to the trigger ("... in 2016, leading to ..."), if exactly one is."""
    years = {w for w in evidence_window(evidence, trigger) if len(w) == 4 and w.isdigit() and w[:2] in {"19", "20"}}
    return years.pop() if len(years) == 1 else None


def shingles(text: str, size: int = 3) -> set[str]:
    """Word n-grams of the whole text (stop words kept): near-identical texts share most of them."""
    toks = tokens(text)
    if len(toks) < size:
        return {" ".join(toks)} if toks else set()
    return {" ".join(toks[i:i + size]) for i in range(len(toks) - size + 1)}


def overlap(a: set[str], b: set[str]) -> tuple[int, float]:
    """(shared words, shared / size of the smaller set)."""
    if not a or not b:
        return 0, 0.0
    shared = len(a & b)
    return shared, shared / min(len(a), len(b))


DENIAL = re.compile(r"\b(den(?:y|ies|ied|ying|ial|ials)|dismiss(?:es|ed|ing)?|refut(?:e|es|ed|ing)|"
                    r"rebut(?:s|ted|ting)?|reject(?:s|ed|ing)? (?:the |these |those |such )?"
                    r"(?:claims?|reports?|allegations?|accusations?))\b", re.I)


@lru_cache(maxsize=256)
def is_denial_text(trigger: str, evidence: str) -> bool:
    """The trigger, or the sentence, says someone denies or dismisses something (cached: a sentence
    carries several events)."""
    return bool(DENIAL.search(trigger) or DENIAL.search(evidence))
