"""What a document is about: a weighted profile of its salient terms, for grouping documents into stories.

Two reports of one story by different outlets share few surface words (other wording, length, headline
and sourcing) but name the same people and places, code events between the same parties and repeat
the same distinctive words. A profile weighs each content stem of the title and text by
(1 + ln tf) · idf, where idf comes from a frozen background table (`data/stories/background_df.tsv`,
see `scripts/build_story_background.py`), so words common in any news report say little; names
(words written capitalised inside a sentence, more than once) count `NAME_BOOST` times more, and each
dyad the document's events code adds a `dyad:` term. Only the `PROFILE_TERMS` heaviest terms are kept,
normalised to unit length: the similarity of two documents is the cosine of their profiles, a pure
function of the two documents (so stories do not depend on arrival order).

A term that only occurs once in a long text (a background mention, a related-stories link) weighs
little next to the story's repeated names, so passing mentions do not pull stories together.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache

from dyadwatch.resources import read_text
from dyadwatch.stories.text import is_content, stem, tokens

PROFILE_TERMS = 48
NAME_BOOST = 2.0
TITLE_REPEAT = 2  # title words count as if written this many extra times
DYAD_WEIGHT = 1.5  # the idf-like weight of one coded dyad (countries are common; the pair less so)

# Words of web pages around an article rather than of the article (menus, cookie and share notices).
BOILERPLATE = frozenset("""
cookie cookies privacy policy subscribe subscription subscriber newsletter newsletters sign login log
advertisement advertising ads ad copyright rights reserved click share shares tweet facebook twitter
whatsapp telegram instagram youtube linkedin email mail read watch video videos photo photos image images
getty reuters afp ap file caption comments comment follow download app apps browser javascript
terms updated published editor editing reporting writing contributed also more latest top stories
story news home page section menu search live related trending popular recommended
""".split())

_WORD = re.compile(r"[A-Za-z][A-Za-z0-9'’-]*")
_SENTENCE_GAP = re.compile(r"[.!?:\"“”]\s*$|\n\s*$")


@lru_cache(maxsize=1)
def background() -> tuple[int, dict[str, int]]:
    """(number of background passages, stem -> passages it occurs in)."""
    total, df = 1, {}
    for line in read_text("stories", "background_df.tsv").splitlines():
        if line.startswith("# passages\t"):
            total = int(line.split("\t")[1])
        elif line and not line.startswith("#"):
            word, count = line.split("\t")
            df[word] = int(count)
    return total, df


def idf(term: str) -> float:
    total, df = background()
    return math.log((total + 1) / (df.get(term, 0) + 1)) + 1.0


def _terms(text: str) -> tuple[Counter[str], set[str]]:
    """Content stems of a text with their counts, and the stems written as names (capitalised inside
    a sentence, not at its start)."""
    counts: Counter[str] = Counter()
    names: set[str] = set()
    stems_of: dict[str, tuple[str, ...]] = {}  # a long text repeats its words: each is split and stemmed once
    for match in _WORD.finditer(text):
        raw = match.group(0)
        terms = stems_of.get(raw)
        if terms is None:
            terms = stems_of[raw] = _stems(raw)
        if not terms:
            continue
        for term in terms:
            counts[term] += 1
        start = match.start()
        if raw[0].isupper() and start > 0 and not _SENTENCE_GAP.search(text[max(0, start - 3):start]):
            names.update(terms)
    return counts, names


def _stems(raw: str) -> tuple[str, ...]:
    """Stems of the profile words of one written word (its content tokens of three letters or more)."""
    return tuple(stem(word) for word in tokens(raw) if is_content(word) and word not in BOILERPLATE and len(word) >= 3)


def document_profile(text: str, title: str | None, dyads: frozenset[str] | set[str],
                     dyad_counts: dict[str, int] | None = None) -> dict[str, float]:
    """The document's salient terms with unit-length weights (at most PROFILE_TERMS of them)."""
    counts, names = _terms(text)
    if title:
        title_counts, title_names = _terms(title)
        for term, n in title_counts.items():
            counts[term] += n * TITLE_REPEAT
        names |= title_names
    weights = {t: (1 + math.log(n)) * idf(t) * (NAME_BOOST if t in names and n > 1 else 1.0)
               for t, n in counts.items()}
    for dyad in dyads:
        n = (dyad_counts or {}).get(dyad, 1)
        weights[f"dyad:{dyad}"] = (1 + math.log(n)) * DYAD_WEIGHT * NAME_BOOST
    kept = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:PROFILE_TERMS]
    norm = math.sqrt(sum(w * w for _, w in kept)) or 1.0
    return {t: w / norm for t, w in kept}


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    """Cosine of two unit-length profiles."""
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b[t] for t, w in a.items() if t in b)
