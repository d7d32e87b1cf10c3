"""Compiled artefacts cached on disk, keyed by the content of the package that built them.

Building the gazetteer from the shipped dictionaries takes a second or more at every start. `cached`
keeps the built object as a pickle under the user's cache folder ($DYADWATCH_CACHE, else
$XDG_CACHE_HOME/dyadwatch, else ~/.cache/dyadwatch), named by a SHA-256 over the bytes of every file
of the installed package (code and data) and the Python version: any change to either builds anew,
and an old file is never read. The cache is only a shortcut: when it cannot be read or written the
object is built as usual. Several processes may build the same object at once (parallel test
workers, a pool of ingest workers on a fresh machine): each writes a private temporary file and
renames it into place, so a reader finds no file or a whole one, never a half-written one.
"""
from __future__ import annotations

import contextlib
import gc
import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")
PACKAGE = Path(__file__).resolve().parent


def cache_folder() -> Path:
    configured = os.environ.get("DYADWATCH_CACHE")
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "dyadwatch"


@lru_cache(maxsize=1)
def package_digest() -> str:
    """SHA-256 over the relative path and bytes of every file in the package, in sorted order."""
    digest = hashlib.sha256(sys.version.encode())
    for path in sorted(p for p in PACKAGE.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(str(path.relative_to(PACKAGE)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def content_key(*parts: str) -> str:
    """A short SHA-256 of some strings, for `cached(..., key=...)` when the input is not only the package."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\x00")
    return digest.hexdigest()[:32]


def cache_path(name: str, key: str = "") -> Path:
    """Where the object called `name` built by this package (and this Python) from `key` is kept."""
    return cache_folder() / f"{name}-{package_digest()[:32]}{'-' + key if key else ''}.pickle"


def cached(name: str, build: Callable[[], T], key: str = "") -> T:
    """The object `build()` makes, read from the cache when this package built it before (from the
    same `key`, for objects that also depend on something outside the package)."""
    path = cache_path(name, key)
    try:
        return _load(path)
    except Exception:  # noqa: BLE001 - missing, truncated or garbled: the cache is only a shortcut, build anew
        pass
    value = build()
    _store(path, value)
    return value


def _load(path: Path) -> object:
    """Unpickle with the cyclic garbage collector paused: loading creates some 100k objects, none of
    them garbage, and the collections they would trigger take longer than the load itself."""
    paused = gc.isenabled()
    gc.disable()
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)
    finally:
        if paused:
            gc.enable()


def _store(path: Path, value: object) -> None:
    temporary: Path | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{path.stem}-", suffix=".tmp",
                                         delete=False) as handle:
            temporary = Path(handle.name)
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)  # atomic: a concurrent reader sees the old state or the whole file
        temporary = None
    except OSError:
        pass  # a read-only or full disk: the next start builds again
    finally:
        if temporary is not None:  # a write that failed half-way leaves nothing behind
            with contextlib.suppress(OSError):
                temporary.unlink(missing_ok=True)
