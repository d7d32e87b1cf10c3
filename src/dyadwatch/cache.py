"""Compiled artefacts cached on disk, keyed by the content of the package that built them.

Building the gazetteer from the shipped dictionaries takes a second or more at every start. `cached`
keeps the built object as a pickle under the user's cache folder ($DYADWATCH_CACHE, else
$XDG_CACHE_HOME/dyadwatch, else ~/.cache/dyadwatch), named by a SHA-256 over the bytes of every file
of the installed package (code and data) and the Python version: any change to either builds anew,
and an old file is never read. The cache is only a shortcut: when it cannot be read or written the
object is built as usual. Several processes may build the same object at once (parallel test
workers, a pool of ingest workers on a fresh machine): each writes a private temporary file and
renames it into place, so a reader finds no file or a whole one, never a half-written one.

Every package version leaves its own files, so writing one prunes the files of the same name that
other versions left: the `KEEP` most recently used stay (a read marks a file used), and so does any
used within `RECENT_SECONDS` (checkouts of several versions side by side keep theirs).
"""
from __future__ import annotations

import contextlib
import gc
import hashlib
import os
import pickle
import re
import sys
import time
import tempfile
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")
PACKAGE = Path(__file__).resolve().parent
KEEP = 4  # files of one name kept from other package versions, the most recently used first
RECENT_SECONDS = 24 * 3600  # a file used this recently is never pruned


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
        value = _load(path)
    except Exception:  # noqa: BLE001 - missing, truncated or garbled: the cache is only a shortcut, build anew
        pass
    else:
        _mark_used(path)
        return value
    value = build()
    if _store(path, value):
        prune(name, keep=path)
    return value


def prune(name: str, keep: Path) -> list[Path]:
    """Remove the cached files called `name` that other package versions left, except the `KEEP`
    most recently used and those used within `RECENT_SECONDS`; returns the removed paths."""
    pattern = re.compile(rf"{re.escape(name)}-[0-9a-f]{{32}}(-[0-9a-f]+)?\.pickle")
    others: list[tuple[float, Path]] = []
    for path in keep.parent.glob(f"{name}-*.pickle"):
        if path == keep or not pattern.fullmatch(path.name):
            continue
        with contextlib.suppress(OSError):
            others.append((path.stat().st_mtime, path))
    others.sort(reverse=True)
    removed = []
    now = time.time()
    for used, path in others[KEEP:]:
        if now - used > RECENT_SECONDS:
            with contextlib.suppress(OSError):
                path.unlink()
                removed.append(path)
    return removed


def _mark_used(path: Path) -> None:
    with contextlib.suppress(OSError):  # a read-only cache folder: pruning just sees it as older
        os.utime(path)


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


def _store(path: Path, value: object) -> bool:
    """Write `value` to `path` atomically; False when the disk refused."""
    temporary: Path | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{path.stem}-", suffix=".tmp",
                                         delete=False) as handle:
            temporary = Path(handle.name)
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)  # atomic: a concurrent reader sees the old state or the whole file
        temporary = None
        return True
    except OSError:
        return False  # a read-only or full disk: the next start builds again
    finally:
        if temporary is not None:  # a write that failed half-way leaves nothing behind
            with contextlib.suppress(OSError):
                temporary.unlink(missing_ok=True)
