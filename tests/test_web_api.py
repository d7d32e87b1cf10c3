"""The dashboard's JSON API through FastAPI's TestClient on a small store written through the Store writer."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from dyadwatch.store import Store
from dyadwatch.web.app import create_app
from test_relations_data import build_store


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("web") / "web.duckdb")


@pytest.fixture(scope="module")
def client(db):
    with TestClient(create_app(db)) as c:
        yield c


def test_dyads_lists_the_most_active_pair_first(client):
    body = client.get("/api/dyads").json()
    assert body["dyads"][0]["dyad"] == "CHN-PRK" and body["dyads"][0]["events"] == 11
    assert body["recent"] == ["2024-08", "2024-09", "2024-10"]
    changed = client.get("/api/dyads", params={"sort": "change", "limit": 2}).json()["dyads"]
    assert len(changed) == 2 and abs(changed[0]["change"]) >= abs(changed[1]["change"])


def test_relations_answers_periods_turning_points_and_summary(client):
    body = client.get("/api/relations", params={"a": "prk", "b": "CHN", "by": "month"}).json()
    assert body["a"] == "PRK" and body["totals"]["events"] == 11 and body["totals"]["reports"] == 14
    assert body["periods"][0]["period"] == "2023-09" and body["periods"][-1]["period"] == "2024-10"
    assert body["turning_points"][0]["period"] == "2024-08"
    assert body["summary"].startswith("PRK-CHN: 11 events") and body["label"] == "PRK-CHN"
    quarters = client.get("/api/relations", params={"a": "PRK", "b": "CHN", "by": "quarter", "count": "reports"}).json()
    assert quarters["totals"]["events"] == 14 and quarters["periods"][0]["period"] == "2023-Q3"


def test_events_of_a_period_carry_evidence_sources_and_corroboration(client):
    body = client.get("/api/events", params={"dyad": "PRK-CHN", "period": "2024-08"}).json()
    assert body["total"] == 1 and body["dyad"] == "PRK-CHN"
    (unit,) = body["units"]
    assert unit["plover"] == "SANCTION" and unit["n_reports"] == 2 and unit["independent_origins"] == 2
    outlets = {r["outlet"] for r in unit["reports"]}
    assert outlets == {"Pacific Dispatch", "Harbor Ledger"}
    yonhap = next(r for r in unit["reports"] if r["outlet"] == "Harbor Ledger")
    assert yonhap["attribution"] == [{"text": "Yonhap", "kind": "agency"}]
    assert "recalled thousands of labourers" in yonhap["evidence"]


def test_events_text_query_and_precision_aware_periods(client):
    coal = client.get("/api/events", params={"dyad": "CHN-PRK", "q": "smuggled coal"}).json()
    assert [u["date"] for u in coal["units"]] == ["2024-09"]
    in_q3 = client.get("/api/events", params={"dyad": "PRK-CHN", "period": "2024-Q3"}).json()
    assert in_q3["total"] == 3  # the recall, the refused fuel request and the month-dated coal seizure
    in_week = client.get("/api/events", params={"dyad": "PRK-CHN", "period": "2024-W36"}).json()
    assert in_week["total"] == 0  # the coal seizure (dated only "2024-09") cannot be placed in a week


@pytest.mark.parametrize("path,params,fragment", [
    ("/api/relations", {"a": "PRK", "b": "CHINA"}, "pattern"),
    ("/api/relations", {"a": "PRK", "b": "CHN", "by": "fortnight"}, "by"),
    ("/api/relations", {"a": "PRK"}, "missing"),
    ("/api/events", {"dyad": "PRK"}, "pattern"),
    ("/api/events", {"dyad": "PRK-CHN", "period": "2024-13"}, "month must be in 1..12"),
    ("/api/events", {"dyad": "PRK-CHN", "limit": 0}, "greater than or equal"),
    ("/api/search", {"q": "x"}, "at least 2"),
    ("/api/dyads", {"sort": "loudest"}, "sort"),
])
def test_bad_parameters_get_a_clear_422(client, path, params, fragment):
    response = client.get(path, params=params)
    assert response.status_code == 422
    assert fragment in response.text


def test_search_finds_reports_of_any_status(client):
    body = client.get("/api/search", params={"q": "rail"}).json()
    statuses = {r["status"] for r in body["reports"]}
    assert statuses == {"asserted", "negated"}  # the rail protocol and its denial


def test_stories_degrade_when_clustering_has_not_run(client):
    assert client.get("/api/stories", params={"dyad": "PRK-CHN"}).json() == {"available": False, "stories": []}
    missing = client.get("/api/stories/s-404")
    assert missing.status_code == 404 and "s-404" in missing.json()["detail"]


def test_contradictions_pair_an_assertion_with_its_denial(client):
    body = client.get("/api/contradictions", params={"dyad": "PRK-CHN"}).json()
    kinds = {c["kind"] for c in body["contradictions"]}
    assert kinds and all(c["reports"] for c in body["contradictions"])
    statuses = {r["status"] for c in body["contradictions"] for r in c["reports"]}
    assert {"asserted", "negated"} <= statuses


def test_dashboard_page_is_served_with_a_strict_policy_and_no_external_resources(client):
    page = client.get("/")
    assert page.status_code == 200 and "dyad-picker" in page.text
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert "http://" not in page.text and "https://" not in page.text
    chart = client.get("/static/vendor/chart.umd.min.js")
    assert chart.status_code == 200 and "Chart.js v4" in chart.text[:200]
    js = client.get("/static/dashboard.js").text
    assert "innerHTML" not in js and "insertAdjacentHTML" not in js and "textContent" in js


def test_openapi_documents_every_endpoint(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/dyads", "/api/relations", "/api/events", "/api/stories", "/api/stories/{story_id}",
            "/api/search", "/api/contradictions"} <= set(paths)
    assert "/api/ingest" not in paths


def test_read_only_server_has_no_ingest_endpoint(client):
    assert client.post("/api/ingest", json={"articles": [{"text": "Beijing hosted talks."}]}).status_code in (404, 405)


def test_ingest_requires_the_bearer_token(db, tmp_path):
    copy = tmp_path / "writable.duckdb"
    copy.write_bytes(db.read_bytes())
    with TestClient(create_app(copy, token="correct-horse")) as client:
        body = {"articles": [{"text": "   "}]}
        assert client.post("/api/ingest", json=body).status_code == 401
        wrong = client.post("/api/ingest", json=body, headers={"Authorization": "Bearer battery-staple"})
        assert wrong.status_code == 401 and wrong.headers["www-authenticate"] == "Bearer"
        assert client.post("/api/ingest", json={"articles": []},
                           headers={"Authorization": "Bearer correct-horse"}).status_code == 422
        assert "/api/ingest" in client.get("/openapi.json").json()["paths"]
        # reads still work in writable mode (one shared store behind a lock)
        assert client.get("/api/dyads").json()["dyads"][0]["dyad"] == "CHN-PRK"


@pytest.mark.model
def test_ingest_with_the_token_codes_and_stores_articles(db, tmp_path):
    copy = tmp_path / "ingest.duckdb"
    copy.write_bytes(db.read_bytes())
    article = {"id": "web-1", "published": "2024-11-05", "outlet": "Harbor Ledger",
               "text": "China and North Korea signed a new trade agreement in Beijing on Monday, state media said."}
    with TestClient(create_app(copy, token="correct-horse")) as client:
        answer = client.post("/api/ingest", json={"articles": [article]},
                             headers={"Authorization": "Bearer correct-horse"})
        assert answer.status_code == 200, answer.text
        assert answer.json()["stored"] == 1
    with Store(copy, read_only=True) as store:
        assert store.document("web-1") is not None
