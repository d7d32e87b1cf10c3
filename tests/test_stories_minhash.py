"""stories.minhash gives datasketch's MinHash values and LSH band shape, without importing datasketch."""
from __future__ import annotations

import random
import subprocess
import sys

import numpy as np
import pytest

from dyadwatch.stories.minhash import minhash_values
from dyadwatch.stories.signatures import BAND_SHAPE, LSH_THRESHOLD, NUM_PERM, SEED, minhash

datasketch = pytest.importorskip("datasketch")


def reference(items: list[bytes], num_perm: int = NUM_PERM, seed: int = SEED) -> np.ndarray:
    m = datasketch.MinHash(num_perm=num_perm, seed=seed)
    if items:
        m.update_batch(items)
    return m.hashvalues.astype(np.uint32)


@pytest.mark.parametrize("size", [0, 1, 2, 17, 400])
def test_values_are_datasketchs(size):
    rng = random.Random(size)
    words = {"".join(rng.choice("abcdefgh éü") for _ in range(rng.randint(1, 12))) for _ in range(size)}
    items = [w.encode("utf-8") for w in sorted(words)]
    assert np.array_equal(minhash_values(items, NUM_PERM, SEED), reference(items))


def test_other_seeds_and_widths_agree_too():
    items = [f"shingle {i}".encode() for i in range(50)]
    assert np.array_equal(minhash_values(items, 64, 7), reference(items, 64, 7))


def test_signature_minhash_is_uint32_of_the_set():
    values = minhash({"talks", "ceasefire", "border"})
    assert values.dtype == np.uint32 and values.shape == (NUM_PERM,)
    assert np.array_equal(values, minhash({"border", "ceasefire", "talks"}))


def test_band_shape_is_the_one_datasketch_picks():
    lsh = datasketch.MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    assert BAND_SHAPE == (lsh.b, lsh.r)


def test_the_ingest_path_imports_neither_datasketch_nor_scipy_nor_trafilatura():
    code = ("import sys, dyadwatch.runner, dyadwatch.cli.ingest_run; "
            "print(sorted(m for m in ('datasketch', 'scipy', 'trafilatura') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
