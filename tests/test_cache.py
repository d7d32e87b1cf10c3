"""The on-disk cache of compiled artefacts: built once, read back, never read for another package, and
never read half-written while other processes write it."""
from __future__ import annotations

import json
import pickle
import subprocess
import sys

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


def test_a_write_that_fails_half_way_leaves_no_file(tmp_path):
    unpicklable = {"names": ["Kenya"], "build": lambda: None}
    try:
        cache._store(tmp_path / "thing.pickle", unpicklable)
    except (pickle.PicklingError, AttributeError):
        pass  # the caller hears of it; what matters here is the folder
    assert list(tmp_path.iterdir()) == []


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


# -- several processes at once (parallel test workers, ingest workers on a fresh machine) --------------

WRITER = """
import sys
import dyadwatch.cache as cache
value = [f"name {i}" for i in range(int(sys.argv[1]))]
for _ in range(int(sys.argv[2])):
    cache._store(cache.cache_path("big"), value)
"""

BUILDER = """
import json, sys, time
from pathlib import Path
import dyadwatch.cache as cache
arrived = Path(sys.argv[1])
built = []

def build():
    (arrived / sys.argv[2]).touch()
    deadline = time.monotonic() + 60
    while len(list(arrived.iterdir())) < 2 and time.monotonic() < deadline:
        time.sleep(0.01)  # both processes are building before either stores
    built.append(1)
    return {"names": [f"name {i}" for i in range(50_000)]}

value = cache.cached("slow", build)
print(json.dumps({"built": len(built), "names": len(value["names"])}))
"""


def _python(script: str, *args: object) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", script, *map(str, args)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def _leftovers(folder):
    return sorted(p.name for p in folder.iterdir() if not p.name.endswith(".pickle"))


def test_a_reader_never_sees_a_half_written_file(tmp_path, monkeypatch):
    monkeypatch.setenv("DYADWATCH_CACHE", str(tmp_path))
    size = 200_000
    cache._store(cache.cache_path("big"), [f"name {i}" for i in range(size)])
    rebuilt = []

    def build():
        rebuilt.append(1)  # reached only when the file on disk could not be read whole
        return []

    writers = [_python(WRITER, size, 10) for _ in range(2)]
    reads = 0
    while any(w.poll() is None for w in writers) or reads < 3:
        assert len(cache.cached("big", build)) == size
        reads += 1
    for writer in writers:
        assert writer.wait() == 0, writer.stderr.read()
    assert rebuilt == [] and reads >= 3
    assert _leftovers(tmp_path) == []


def test_two_processes_building_at_once_both_get_it_and_leave_one_whole_file(tmp_path, monkeypatch):
    cache_dir, arrived = tmp_path / "cache", tmp_path / "arrived"
    arrived.mkdir()
    monkeypatch.setenv("DYADWATCH_CACHE", str(cache_dir))
    builders = [_python(BUILDER, arrived, name) for name in ("one", "two")]
    results = []
    for builder in builders:
        out, err = builder.communicate(timeout=120)
        assert builder.returncode == 0, err
        results.append(json.loads(out))
    assert results == [{"built": 1, "names": 50_000}] * 2
    assert [p.name for p in cache_dir.iterdir()] == [cache.cache_path("slow").name]
    assert len(cache.cached("slow", lambda: {"names": []})["names"]) == 50_000


def test_writing_prunes_old_versions_but_keeps_recent_and_other_names(tmp_path, monkeypatch):
    import os
    import time
    monkeypatch.setenv("DYADWATCH_CACHE", str(tmp_path))
    old = time.time() - 10 * 24 * 3600
    stale = []
    for n in range(cache.KEEP + 3):  # files other versions left, last used ten days ago and before
        path = tmp_path / f"thing-{n:032x}.pickle"
        path.write_bytes(pickle.dumps(n))
        os.utime(path, (old - n, old - n))
        stale.append(path)
    recent = tmp_path / f"thing-{'e' * 32}.pickle"  # another checkout used it an hour ago
    recent.write_bytes(pickle.dumps("recent"))
    os.utime(recent, (time.time() - 3600,) * 2)
    other_name = tmp_path / f"thingamajig-{'0' * 32}.pickle"
    other_name.write_bytes(pickle.dumps("other"))
    os.utime(other_name, (old - 99, old - 99))

    assert cache.cached("thing", lambda: "built") == "built"

    kept = {p.name for p in tmp_path.glob("*.pickle")}
    assert cache.cache_path("thing").name in kept and recent.name in kept and other_name.name in kept
    assert {p.name for p in stale[:cache.KEEP - 1]} <= kept  # the newest stale ones, with the recent one
    assert not {p.name for p in stale[cache.KEEP - 1:]} & kept


def test_a_read_marks_the_file_used(tmp_path, monkeypatch):
    import os
    monkeypatch.setenv("DYADWATCH_CACHE", str(tmp_path))
    cache.cached("thing", lambda: 1)
    path = cache.cache_path("thing")
    os.utime(path, (1000.0, 1000.0))
    assert cache.cached("thing", lambda: 2) == 1
    assert path.stat().st_mtime > 1000.0
