"""Generated inputs that stress the cost of coding: many names, long sentences, long documents.

`generate(case, size, rng)` returns one article text; `size` is the case's unit (names, clauses,
paragraphs, characters or repeats). Names and filler words are made up from syllables; countries
come from the package's own gazetteer, so the texts hold real actor mentions and events.
"""
from __future__ import annotations

import random
from functools import lru_cache

from dyadwatch.resources import data_file

CASES = ("names", "sentence", "paragraphs", "word", "repetitive")
BASE_SIZES = {"names": 60, "sentence": 40, "paragraphs": 15, "word": 25_000, "repetitive": 40}

_SYLLABLES = "ka lo mi ren tav bor sel dun ar vi po zek hal mor tin es gul rab fen ost ul".split()
_ROLES = ("Foreign Minister", "Defence Minister", "President", "Prime Minister", "Ambassador", "General")
_VERBS = ("met", "criticised", "accused", "praised", "threatened", "visited", "called on", "signed a deal with")
_PLAIN = ("the", "talks", "border", "said", "on", "a", "new", "trade", "officials", "after", "week", "deal")


@lru_cache(maxsize=1)
def countries() -> tuple[str, ...]:
    """Canonical country names from the gazetteer."""
    names = []
    with data_file("actors/countries.tsv").open(encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#") or not line.strip():
                continue
            names.append(line.split("\t")[1])
    return tuple(names)


def made_up_word(rng: random.Random, syllables: int = 3) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(syllables))


def made_up_name(rng: random.Random) -> str:
    return f"{made_up_word(rng, 2).title()} {made_up_word(rng, 3).title()}"


def actor_sentence(rng: random.Random) -> str:
    """'Foreign Minister Kalo Renbor of Chile met Peru in Talvo on Monday.'"""
    a, b = rng.sample(countries(), 2)
    return (f"{rng.choice(_ROLES)} {made_up_name(rng)} of {a} {rng.choice(_VERBS)} {b} "
            f"in {made_up_word(rng).title()} on Monday.")


def filler_sentence(rng: random.Random, words: int = 14) -> str:
    body = " ".join(rng.choice(_PLAIN) if rng.random() < 0.4 else made_up_word(rng) for _ in range(words))
    return body[0].upper() + body[1:] + "."


def many_names(n: int, rng: random.Random) -> str:
    """n sentences, each naming a different person; four sentences a paragraph."""
    sentences = [actor_sentence(rng) for _ in range(n)]
    return "\n\n".join(" ".join(sentences[i:i + 4]) for i in range(0, n, 4))


def long_sentence(n: int, rng: random.Random) -> str:
    """One sentence of n clauses joined by commas: 'Chile met Peru, Fiji accused Laos, ... and ...'."""
    clauses = []
    for _ in range(n):
        a, b = rng.sample(countries(), 2)
        clauses.append(f"{a} {rng.choice(_VERBS)} {b} over {made_up_word(rng)}")
    return "Officials said that " + ", ".join(clauses[:-1]) + " and " + clauses[-1] + "."


def distinct_paragraphs(n: int, rng: random.Random) -> str:
    """n paragraphs with no sentence in common: filler around one actor sentence each."""
    paragraphs = []
    for _ in range(n):
        sentences = [filler_sentence(rng) for _ in range(rng.randint(4, 7))]
        sentences.insert(rng.randrange(len(sentences)), actor_sentence(rng))
        paragraphs.append(" ".join(sentences))
    return "\n\n".join(paragraphs)


def spaceless_word(n: int, rng: random.Random) -> str:
    """n characters without a space: runs of letters, '@', '.', '-' and e-mail-like pieces."""
    pieces = ("a@", "@", ".", "-", "a.", "x", "@b.c", "a-", "'s", "1")
    out: list[str] = []
    length = 0
    while length < n:
        piece = rng.choice(pieces) * rng.randint(1, 400)
        out.append(piece)
        length += len(piece)
    return "".join(out)[:n]


def repetitive(n: int, rng: random.Random) -> str:
    """The same two paragraphs n times, each copy numbered so that cleaning cannot drop it as a repeat
    (a live blog re-posting its template, a feed scraped with its archive)."""
    first, second = actor_sentence(rng) + " " + filler_sentence(rng), actor_sentence(rng)
    return "\n\n".join(f"{first} Update {i}.\n\n{second} Item {i}." for i in range(n))


def generate(case: str, size: int, rng: random.Random) -> str:
    makers = {"names": many_names, "sentence": long_sentence, "paragraphs": distinct_paragraphs,
              "word": spaceless_word, "repetitive": repetitive}
    return makers[case](size, rng)
