"""`dyadwatch ingest` beside a running `dyadwatch serve` on the same database, both real processes: the
ingest stores everything, the API keeps answering (never a server error) and shows the new documents
on the next request; the server's own POST /api/ingest (token mode) coexists with the CLI's."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import psutil
import pytest

from dyadwatch.store import Store
from test_relations_data import build_store

SRC = Path(__file__).resolve().parents[1] / "src"
TOKEN = "side-by-side"
# Written for this test: two capitals the fixture store never mentions.
CLI_ARTICLES = [
    {"id": "side-1", "published": "2024-11-04", "outlet": "Test Wire",
     "text": "Chilean Foreign Minister Alberto van Klaveren met Peruvian Foreign Minister Elmer Schialer in Lima "
             "on Monday. The two ministers discussed fisheries and border trade, officials said."},
    {"id": "side-2", "published": "2024-11-05", "outlet": "Test Daily",
     "text": "Peru and Chile signed a fisheries cooperation agreement in Santiago on Tuesday."},
]
WEB_ARTICLE = {"id": "side-web", "published": "2024-11-06", "outlet": "Test Post",
               "text": "Chile sent emergency aid to Peru after floods hit the southern region of Tacna on Wednesday."}

pytestmark = pytest.mark.model


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(SRC), "DYADWATCH_BUSY_TIMEOUT": "120"}


def _serve(db: Path) -> tuple[subprocess.Popen, str]:
    """A `dyadwatch serve` answering on a free port; another port when the one picked was taken in between
    (parallel test workers pick ports too)."""
    for _ in range(5):
        port = _free_port()
        proc = subprocess.Popen([sys.executable, "-m", "dyadwatch.cli.main", "--db", str(db), "serve", "--port",
                                 str(port), "--token", TOKEN], env=_env(), stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE, text=True)
        if _answers(proc, port):
            return proc, f"http://127.0.0.1:{port}"
        err = proc.stderr.read() if proc.stderr else ""
        if "address already in use" not in err.lower():
            pytest.fail(f"serve exited: {err}")
    pytest.fail("serve found no free port in 5 tries")


def _listens(proc: subprocess.Popen, port: int) -> bool:
    """Whether `proc` itself holds the listening socket (not a server another test started on the port)."""
    try:
        connections = psutil.Process(proc.pid).net_connections(kind="tcp")
    except psutil.Error:
        return False
    return any(c.status == psutil.CONN_LISTEN and c.laddr.port == port for c in connections)


def _answers(proc: subprocess.Popen, port: int) -> bool:
    """True once the server listens and answers; False when it exits first."""
    deadline = time.monotonic() + 60
    while proc.poll() is None:
        try:
            if _listens(proc, port) and httpx.get(f"http://127.0.0.1:{port}/openapi.json", timeout=2).status_code == 200:
                return True
        except httpx.HTTPError:
            pass  # not listening yet
        if time.monotonic() > deadline:
            proc.kill()
            pytest.fail("serve did not start within 60 s")
        time.sleep(0.2)
    return False


@pytest.fixture
def server(tmp_path):
    db = build_store(tmp_path / "shared.duckdb")
    proc, base = _serve(db)
    yield db, base
    proc.terminate()
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


class Poller(threading.Thread):
    """Reads the API every 100 ms until stopped, recording every status code."""

    def __init__(self, base: str) -> None:
        super().__init__(daemon=True)
        self.base = base
        self.statuses: list[int] = []
        self.stop = threading.Event()

    def run(self) -> None:
        with httpx.Client(base_url=self.base, timeout=30) as client:
            while not self.stop.is_set() and len(self.statuses) < 2000:
                for path, params in (("/api/dyads", {}), ("/api/relations", {"a": "PRK", "b": "CHN"}),
                                     ("/api/search", {"q": "Pyongyang"})):
                    self.statuses.append(client.get(path, params=params).status_code)
                self.stop.wait(0.1)


@pytest.mark.slow(seconds=8)
def test_cli_ingest_while_serving_stores_everything_and_shows_after_refresh(server, tmp_path):
    db, base = server
    articles = tmp_path / "side.jsonl"
    articles.write_text("".join(json.dumps(a) + "\n" for a in CLI_ARTICLES), encoding="utf-8")
    before = httpx.get(base + "/api/search", params={"q": "fisheries"}, timeout=30).json()
    assert before["reports"] == []

    poller = Poller(base)
    poller.start()
    ingest = subprocess.Popen([sys.executable, "-m", "dyadwatch.cli.main", "--db", str(db), "ingest", str(articles)],
                              env=_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        posted = httpx.post(base + "/api/ingest", json={"articles": [WEB_ARTICLE]}, timeout=180,
                            headers={"Authorization": f"Bearer {TOKEN}"})
        out, err = ingest.communicate(timeout=300)
    finally:
        poller.stop.set()
        poller.join(timeout=60)
        if ingest.poll() is None:
            ingest.kill()
            ingest.wait()
    assert ingest.returncode == 0, err
    assert "Traceback" not in err and "stored 2 documents" in err
    assert posted.status_code == 200, posted.text
    assert posted.json()["stored"] == 1
    assert poller.statuses and all(code in (200, 503) for code in poller.statuses), sorted(set(poller.statuses))
    assert poller.statuses.count(200) > 0

    after = httpx.get(base + "/api/search", params={"q": "fisheries"}, timeout=30).json()
    assert {r["doc_id"] for r in after["reports"]} >= {"side-2"}
    dyads = {d["dyad"] for d in httpx.get(base + "/api/dyads", timeout=30).json()["dyads"]}
    assert "CHL-PER" in dyads
    with Store(db, read_only=True) as store:
        for doc_id in ("side-1", "side-2", "side-web"):
            assert store.document(doc_id) is not None, doc_id


# Written for this test: short reports of one kind, each its own document and event.
PAIRS = [("Chile", "Peru", "Lima"), ("Peru", "Ecuador", "Quito"), ("Ecuador", "Colombia", "Bogota"),
         ("Colombia", "Panama", "Panama City"), ("Bolivia", "Paraguay", "Asuncion"), ("Uruguay", "Argentina", "Montevideo")]


def _kelp_articles(count: int) -> list[dict]:
    articles = []
    for i in range(count):
        a, b, city = PAIRS[i % len(PAIRS)]
        day = 1 + i % 28
        articles.append({"id": f"kelp-{i}", "published": f"2023-03-{day:02}", "outlet": f"Coast Wire {i % 5}",
                         "title": f"Kelp accord {i}",
                         "text": f"{a} and {b} signed kelp harvesting accord number {i} in {city} on {day} March 2023. "
                                 f"The accord covers {10 + i} coastal villages, officials said."})
    return articles


@pytest.mark.slow(seconds=12)
def test_a_long_ingest_gives_the_file_to_the_dashboard_which_shows_partial_progress(server, tmp_path):
    db, base = server
    total = 60
    articles = tmp_path / "kelp.jsonl"
    articles.write_text("".join(json.dumps(a) + "\n" for a in _kelp_articles(total)), encoding="utf-8")
    ingest = subprocess.Popen([sys.executable, "-m", "dyadwatch.cli.main", "--db", str(db), "ingest", "--jobs", "1",
                               str(articles)], env=_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    seen_during_run: list[int] = []
    try:
        with httpx.Client(base_url=base, timeout=30) as client:
            while ingest.poll() is None:
                answer = client.get("/api/search", params={"q": "kelp", "limit": 200})
                assert answer.status_code in (200, 503), answer.text
                if answer.status_code == 200 and ingest.poll() is None:
                    seen_during_run.append(len({r["doc_id"] for r in answer.json()["reports"]}))
                time.sleep(0.1)
        out, err = ingest.communicate(timeout=300)
    finally:
        if ingest.poll() is None:
            ingest.kill()
            ingest.wait()
    assert ingest.returncode == 0, err
    assert f"stored {total} documents" in err
    assert any(0 < n < total for n in seen_during_run), seen_during_run  # read mid-run, fresh data
    with httpx.Client(base_url=base, timeout=30) as client:
        final = client.get("/api/search", params={"q": "kelp", "limit": 200}).json()["reports"]
    assert len({r["doc_id"] for r in final}) == total
