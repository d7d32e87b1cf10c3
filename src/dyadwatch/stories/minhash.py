"""MinHash values of a set of strings, computed as datasketch's `MinHash(num_perm, seed)` computes them.

datasketch (2.x, default "affine32" scheme) hashes each item with the first four bytes of its SHA-1,
mixes the hash with the MurmurHash3 32-bit finalizer and applies `num_perm` affine permutations
h -> a*h + b mod 2^32 drawn from numpy's RandomState(seed); a set's value per permutation is the
minimum. Importing datasketch imports scipy (for its LSH parameter search), some 0.3 s at every start
of the command line for nothing this project uses, so the same arithmetic lives here;
tests/test_stories_minhash.py checks that it gives datasketch's values.
"""
from __future__ import annotations

import hashlib
from functools import lru_cache

import numpy as np

_FMIX = (np.uint32(16), np.uint32(0x85EBCA6B), np.uint32(13), np.uint32(0xC2B2AE35), np.uint32(16))
_EMPTY = np.uint32(0xFFFFFFFF)  # the value of a permutation no item has reached


@lru_cache(maxsize=4)
def permutations(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """The (a, b) arrays of the affine permutations, as datasketch draws them (odd a: a bijection)."""
    gen = np.random.RandomState(seed)
    a = gen.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    return a, b


def sha1_hash32(data: bytes) -> int:
    """The first four bytes of the SHA-1 digest, little-endian (datasketch's default hash)."""
    return int.from_bytes(hashlib.sha1(data).digest()[:4], "little")


def _fmix32(hv: np.ndarray) -> np.ndarray:
    s1, m1, s2, m2, s3 = _FMIX
    hv = hv ^ (hv >> s1)
    hv = hv * m1
    hv = hv ^ (hv >> s2)
    hv = hv * m2
    return hv ^ (hv >> s3)


def minhash_values(items: list[bytes], num_perm: int, seed: int) -> np.ndarray:
    """uint32 MinHash values of the items (all 0xFFFFFFFF for no items)."""
    if not items:
        return np.full(num_perm, _EMPTY, dtype=np.uint32)
    a, b = permutations(num_perm, seed)
    hv = _fmix32(np.array([sha1_hash32(item) for item in items], dtype=np.uint32)).reshape(-1, 1)
    return (hv * a + b).min(axis=0)  # uint32 arithmetic wraps around: mod 2^32, as intended
