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


def test_another_key_builds_anew_and_keeps_both(tmp_path, monkeypatch):
    monkeypatch.setenv("DYADWATCH_CACHE", str(tmp_path))
    assert cache.cached("thing", lambda: "from a", key=cache.content_key("a")) == "from a"
    assert cache.cached("thing", lambda: "from b", key=cache.content_key("b")) == "from b"
    assert cache.cached("thing", lambda: "rebuilt", key=cache.content_key("a")) == "from a"
    assert len(list(tmp_path.glob("thing-*.pickle"))) == 2


def test_content_key_separates_its_parts():
    assert cache.content_key("ab", "c") != cache.content_key("a", "bc")
    assert cache.content_key("x") == cache.content_key("x")


def test_a_truncated_cache_file_is_rebuilt_and_replaced(tmp_path, monkeypatch):
    monkeypatch.setenv("DYADWATCH_CACHE", str(tmp_path))
    cache.cached("thing", lambda: {"rows": list(range(1000))})
    (path,) = tmp_path.glob("thing-*.pickle")
    path.write_bytes(path.read_bytes()[:100])
    assert cache.cached("thing", lambda: "fresh") == "fresh"
    assert cache.cached("thing", lambda: "again") == "fresh"  # the rebuilt value was stored


RACE = """
import sys, time
import dyadwatch.cache as cache
def build():
    time.sleep(0.5)
    return {"rows": list(range(200000)), "by": sys.argv[1]}
value = cache.cached("race", build)
assert value["rows"] == list(range(200000)), "a torn read"
print(value["by"])
"""


def test_two_processes_building_at_once_both_get_a_whole_value(tmp_path):
    import os
    import subprocess
    import sys

    env = {**os.environ, "DYADWATCH_CACHE": str(tmp_path)}
    runs = [subprocess.Popen([sys.executable, "-c", RACE, name], env=env, stdout=subprocess.PIPE, text=True)
            for name in ("one", "two")]
    outputs = [run.communicate(timeout=120)[0].strip() for run in runs]
    assert [run.returncode for run in runs] == [0, 0]
    assert set(outputs) <= {"one", "two"}  # each got a whole value, built or read, never half a file
    assert [p.suffix for p in tmp_path.iterdir()] == [".pickle"]  # one file, no temporary left behind
    done = subprocess.run([sys.executable, "-c", RACE, "three"], env=env, stdout=subprocess.PIPE, text=True, check=True)
    assert done.stdout.strip() in {"one", "two"}  # read back, not built
