"""How the server reaches the store: nothing held between requests, busy answers 503 or the cached answer."""
from __future__ import annotations

import subprocess
import sys

import duckdb
import pytest
from fastapi.testclient import TestClient

from dyadwatch.store import DatabaseBusy
from dyadwatch.web.access import AnswerCache, StoreAccess
from dyadwatch.web.app import create_app
from test_relations_data import build_store


@pytest.fixture
def db(tmp_path):
    return build_store(tmp_path / "access.duckdb")


def test_the_server_holds_no_lock_between_requests(db):
    app, token_app = create_app(db), create_app(db, token="t")
    with TestClient(app) as client, TestClient(token_app) as token_client:
        assert client.get("/api/dyads").status_code == 200
        assert token_client.get("/api/dyads").status_code == 200
        for started in (app, token_app):  # the start-up warming reads are over too
            started.state.warming.join(timeout=60)
        # another process can now write the file while both apps are up
        done = subprocess.run([sys.executable, "-c", "import sys, duckdb; duckdb.connect(sys.argv[1]).close()", str(db)],
                              capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr


def test_a_busy_database_answers_from_the_cache_or_503(db):
    app = create_app(db)
    app.state.access = StoreAccess(db, read_timeout=0.3)
    with TestClient(app) as client:
        first = client.get("/api/relations", params={"a": "PRK", "b": "CHN"})
        assert first.status_code == 200
        app.state.warming.join(timeout=60)  # its read-only connection would refuse this process a writer
        assert not app.state.warming.is_alive()
        writer = duckdb.connect(str(db))  # this process now holds the write lock
        try:
            writer.execute("CHECKPOINT")
            again = client.get("/api/relations", params={"a": "PRK", "b": "CHN"})
            assert again.status_code == 200 and again.json()["totals"] == first.json()["totals"]  # stale, whole
            fresh = client.get("/api/search", params={"q": "rail"})
            assert fresh.status_code == 503 and fresh.headers["retry-after"] and "busy" in fresh.json()["detail"]
        finally:
            writer.close()
        assert client.get("/api/search", params={"q": "rail"}).status_code == 200


def test_cache_falls_back_only_on_busy(tmp_path):
    cache = AnswerCache(tmp_path / "none.duckdb")
    assert cache.get(("k",), lambda: 1) == 1

    def busy():
        raise DatabaseBusy("busy")

    assert cache.get(("k",), busy) == 1
    with pytest.raises(DatabaseBusy):
        cache.get(("other",), busy)
