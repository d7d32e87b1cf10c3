"""The on-disk cache of compiled artefacts: built once, read back, never read for another package."""
from __future__ import annotations

import dyadwatch.cache as cache


def test_built_once_then_read_back(tmp_path, monkeypatch):
    monkeypatch.setenv("DYADWATCH_CACHE", str(tmp_path))
    calls = []

    def build():
        calls.append(1)
        return {"names": ["Kenya", "Peru"]}

    assert cache.cached("thing", build) == {"names": ["Kenya", "Peru"]}
    assert cache.cached("thing", build) == {"names": ["Kenya", "Peru"]}
    assert len(calls) == 1
    assert len(list(tmp_path.glob("thing-*.pickle"))) == 1


def test_another_package_digest_builds_anew(tmp_path, monkeypatch):
    monkeypatch.setenv("DYADWATCH_CACHE", str(tmp_path))
    cache.cached("thing", lambda: "old")
    monkeypatch.setattr(cache, "package_digest", lambda: "f" * 64)
    assert cache.cached("thing", lambda: "new") == "new"


def test_an_unwritable_cache_still_builds(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("DYADWATCH_CACHE", str(blocker / "sub"))
    assert cache.cached("thing", lambda: 42) == 42


def test_a_corrupt_cache_file_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv("DYADWATCH_CACHE", str(tmp_path))
    (tmp_path / f"thing-{cache.package_digest()[:32]}.pickle").write_bytes(b"garbage")
    assert cache.cached("thing", lambda: "fresh") == "fresh"
