"""Document signatures: MinHash of content words and of word 3-grams, and LSH band buckets.

Signatures are what the store keeps per document instead of its word sets (512 bytes each); the LSH
buckets find a document's near-duplicates with an indexed lookup instead of a pass over every
stored document. MinHash values are datasketch's (stories.minhash) with fixed seeds, so signatures are stable.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from dyadwatch.stories.minhash import minhash_values
from dyadwatch.stories.profiles import cosine, document_profile
from dyadwatch.stories.text import content_stems, shingles

NUM_PERM = 128
SEED = 1
LSH_THRESHOLD = 0.5  # bands tuned so pairs with content Jaccard above this very likely share a bucket


@dataclass(frozen=True)
class DocSignature:
    """What story linking needs to know about a document."""

    doc_id: str
    published: date | None
    outlet: str | None
    dyads: frozenset[str]
    content: np.ndarray  # uint32 MinHash values of content-word stems
    text: np.ndarray  # uint32 MinHash values of word 3-grams
    profile: dict[str, float] = field(default_factory=dict)  # salient terms (stories.profiles), heaviest first

    def profile_similarity(self, other: "DocSignature") -> float:
        return cosine(self.profile, other.profile)

    def content_similarity(self, other: "DocSignature") -> float:
        return jaccard(self.content, other.content)

    def text_similarity(self, other: "DocSignature") -> float:
        return jaccard(self.text, other.text)


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """MinHash estimate of the Jaccard similarity of the two sets."""
    return float(np.count_nonzero(a == b)) / len(a)


def minhash(items: set[str]) -> np.ndarray:
    """uint32 MinHash values of a set of strings."""
    return minhash_values([item.encode("utf-8") for item in sorted(items)], NUM_PERM, SEED)


def signature_of(doc_id: str, text: str, published: date | None, outlet: str | None,
                 dyads: frozenset[str], title: str | None = None,
                 dyad_counts: dict[str, int] | None = None) -> DocSignature:
    return DocSignature(doc_id, published, outlet, dyads, minhash(content_stems(text)), minhash(shingles(text)),
                        document_profile(text, title, dyads, dyad_counts))


BLOCKING_TERMS = 12  # documents of one story share one of their heaviest terms (checked on real coverage)
BLOCK_DAYS = 7  # term buckets are per term and week of publication


def term_buckets(sig: DocSignature) -> list[int]:
    """The buckets a document is filed under: one per heavy term, in its publication week."""
    if sig.published is None:
        return []
    week = sig.published.toordinal() // BLOCK_DAYS
    return [term_bucket(t, week) for t in list(sig.profile)[:BLOCKING_TERMS]]


def term_query_buckets(sig: DocSignature, window_days: int) -> list[int]:
    """The buckets holding documents published within `window_days` of `sig` that share a heavy term."""
    if sig.published is None:
        return []
    first = (sig.published.toordinal() - window_days) // BLOCK_DAYS
    last = (sig.published.toordinal() + window_days) // BLOCK_DAYS
    return [term_bucket(t, w) for t in list(sig.profile)[:BLOCKING_TERMS] for w in range(first, last + 1)]


def term_bucket(term: str, week: int) -> int:
    digest = hashlib.blake2b(f"{term}\t{week}".encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "little", signed=True)


# (bands, rows per band) that datasketch's MinHashLSH picks for LSH_THRESHOLD at NUM_PERM permutations
# (fixed here: finding them imports scipy; tests/test_stories_minhash.py checks they still agree).
BAND_SHAPE = (25, 5)


def band_shape() -> tuple[int, int]:
    return BAND_SHAPE


def lsh_buckets(values: np.ndarray) -> list[int]:
    """One signed 64-bit bucket per band: documents sharing any bucket are near-duplicate candidates."""
    bands, rows = band_shape()
    buckets = []
    for band in range(bands):
        chunk = values[band * rows:(band + 1) * rows].astype("<u4").tobytes()
        digest = hashlib.blake2b(band.to_bytes(2, "little") + chunk, digest_size=8).digest()
        buckets.append(int.from_bytes(digest, "little", signed=True))
    return buckets


def to_blob(values: np.ndarray) -> bytes:
    return values.astype("<u4").tobytes()


def from_blob(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype="<u4").astype(np.uint32)
