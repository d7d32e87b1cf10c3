"""Spelling variants of personal names: diacritics, hyphens, spacing and near-miss transliterations.

"Erdoğan" and "Erdogan", "Kim Jong-un" and "Kim Jong Un" are generated as exact aliases when the tables
load (`name_variants`). Spellings no table lists ("Kim Jung-un", "Volodymyr Zelenskyy") are caught by
`FuzzyPeople`: a name the model tags as a person is folded to a key (lowercase ASCII, hyphens as spaces)
and compared with the keys of every listed person with the same number of words and the same initials;
a small edit distance to exactly one person (or to several who all act for one country) is a match.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from rapidfuzz.distance import Levenshtein

# Letters NFKD does not split into a base letter and a mark.
SPECIAL_LETTERS = str.maketrans({"ı": "i", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D",
                                 "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ð": "d", "þ": "th"})
SEPARATORS = str.maketrans({"-": " ", "‐": " ", "–": " ", ".": " ", ",": " ", "’": "", "'": "", "`": ""})
MIN_FUZZY_LENGTH = 10  # shorter keys ("Park Jin", "Li Wei") differ from other real names by one letter


def ascii_fold(text: str) -> str:
    """"Erdoğan" → "Erdogan", "Łukasz" → "Lukasz": the letters without their marks, case kept."""
    decomposed = unicodedata.normalize("NFKD", text.translate(SPECIAL_LETTERS))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def name_key(text: str) -> str:
    """The comparison key of a name: ASCII, lowercase, hyphens and dots as spaces, single spaces."""
    return " ".join(ascii_fold(text).translate(SEPARATORS).lower().split())


def name_variants(alias: str) -> list[str]:
    """Written variants of a personal name: "Kim Jong-un" ↔ "Kim Jong Un", "Erdoğan" → "Erdogan"."""
    variants = [alias]
    if "-" in alias:
        variants.append(alias.replace("-", " "))
    words = alias.split()
    if len(words) >= 3 and "-" not in alias:
        variants.append(" ".join(words[:-2] + [words[-2] + "-" + words[-1].lower()]))
    for variant in list(variants):
        folded = ascii_fold(variant)
        if folded not in variants:
            variants.append(folded)
    return variants


def allowed_distance(key: str) -> int:
    """Edits a spelling may differ by: none for short names, one up to 15 letters, two beyond."""
    if len(key) < MIN_FUZZY_LENGTH:
        return 0
    return 1 if len(key) <= 15 else 2


def initials(key: str) -> tuple[str, ...]:
    return tuple(word[0] for word in key.split())


@dataclass
class FuzzyPeople:
    """Listed people by (word count, initials), for near-miss spellings of their names."""

    buckets: dict[tuple[str, ...], list[tuple[str, object]]] = field(default_factory=dict)

    def add(self, name: str, entry: object) -> None:
        key = name_key(name)
        if len(key.split()) >= 2:
            self.buckets.setdefault(initials(key), []).append((key, entry))

    def lookup(self, name: str, primary_of=lambda entry: entry) -> object | None:
        """The one person a spelling is a near miss of; None when none is close or the close ones differ
        in country (`primary_of` gives an entry's country)."""
        key = name_key(name)
        limit = allowed_distance(key)
        candidates = self.buckets.get(initials(key), []) if key else []
        best: list[tuple[int, object]] = []
        for known, entry in candidates:
            distance = Levenshtein.distance(key, known, score_cutoff=limit)
            if distance <= limit:
                best.append((distance, entry))
        if not best:
            return None
        closest = min(d for d, _ in best)
        entries = [e for d, e in best if d == closest]
        if len({primary_of(e) for e in entries}) != 1:
            return None
        return entries[0]
