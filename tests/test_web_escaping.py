"""Hostile article metadata and text (`<script>`, `onerror=`, `javascript:`) in title, text, outlet and
url stay data: the API answers JSON carrying them verbatim, the dashboard page never embeds them, and
the report shows them escaped, with no tag, handler or script link made from them. (The dashboard's
rendering of them in real Chromium is checked in test_web_browser.py.)"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

import pytest
from fastapi.testclient import TestClient

from dyadwatch.records import Document, Evidence
from dyadwatch.relations import write_report
from dyadwatch.store import Store
from dyadwatch.web.app import create_app
from test_relations_data import build_store, synthetic_events

SCRIPT = "<script>alert('t')</script>"
IMG = "<img src=x onerror=alert(1)>"
TEXT = f"Pyongyang {SCRIPT} accused Beijing {IMG} of spying on its embassy staff."
TITLE = f"Spy row {IMG}"
OUTLET = f"Evil {SCRIPT} Wire"
URL = "javascript:alert(document.cookie)"
# A tag made from article data, or an event handler / script URL inside any tag.
MARKUP = re.compile(r"<(script|img)\b|<[^>]*\bon[a-z]+\s*=|<[^>]*javascript:", re.IGNORECASE)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = build_store(tmp_path_factory.mktemp("escaping") / "hostile.duckdb")
    event = replace(synthetic_events("hostile", [("2024-10", [-6.0])])[0], evidence=Evidence(TEXT, 0, len(TEXT)))
    with Store(path) as store:
        store.writer.save_document(Document("hostile", TEXT, "h-hostile", "fixture", title=TITLE, url=URL,
                                            outlet=OUTLET, published=date(2024, 10, 12)), [event])
    return path


def _reports(body) -> list[dict]:
    found = []
    if isinstance(body, dict):
        if "evidence" in body and "outlet" in body:
            found.append(body)
        for value in body.values():
            found += _reports(value)
    elif isinstance(body, list):
        for value in body:
            found += _reports(value)
    return found


def test_api_answers_carry_the_payloads_as_json_data(db):
    with TestClient(create_app(db)) as client:
        for path, params in (("/api/search", {"q": "spying"}), ("/api/events", {"dyad": "PRK-CHN", "period": "2024-10"}),
                             ("/api/relations", {"a": "PRK", "b": "CHN"})):
            response = client.get(path, params=params)
            assert response.status_code == 200 and response.headers["content-type"].startswith("application/json")
        hits = [r for r in _reports(client.get("/api/search", params={"q": "spying"}).json()) if r["doc_id"] == "hostile"]
        assert hits and hits[0]["evidence"] == TEXT and hits[0]["title"] == TITLE
        assert hits[0]["outlet"] == OUTLET and hits[0]["url"] == URL
        page = client.get("/")
        assert "spying" not in page.text and not MARKUP.search(page.text.replace('<script src="/static/', ""))
        assert "script-src 'self'" in page.headers["content-security-policy"]


def test_report_shows_the_payloads_escaped_and_never_as_markup(db, tmp_path):
    out = tmp_path / "hostile.html"
    with Store(db, read_only=True) as store:
        write_report(store, "PRK", "CHN", out)
    html = out.read_text(encoding="utf-8")
    assert not MARKUP.search(html)
    assert "&lt;script&gt;alert(" in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "Evil &lt;script&gt;" in html  # the outlet, escaped
    assert "href=\"javascript" not in html.lower()
