"""The dashboard in real headless Chromium (Debian's package, driven by Playwright): pick PRK-CHN, see
the chart, click a period, read an evidence sentence; hostile article text stays text."""
from __future__ import annotations

import os
import socket
import threading
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from dyadwatch.records import Document, Evidence
from dyadwatch.store import Store
from test_relations_data import build_store, synthetic_events

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
HOSTILE = "Pyongyang <script>alert('owned')</script> accused <img src=x onerror=alert(2)> Beijing of spying."

pytestmark = pytest.mark.browser


def _require_chromium() -> None:
    if CHROMIUM.exists():
        return
    message = f"{CHROMIUM} is missing: install Debian's chromium package (make browser-deps)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def _bound_socket() -> socket.socket:
    """A socket on a port the system picks, held from here on (no other process can take it meanwhile)."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    return sock


def _store(path: Path) -> Path:
    build_store(path)
    event = replace(synthetic_events("hostile", [("2024-10", [-2.0])])[0], evidence=Evidence(HOSTILE, 0, len(HOSTILE)))
    with Store(path) as store:
        store.writer.save_document(Document("hostile", HOSTILE, "h-hostile", "fixture",
                                            title="Spy row <img src=x onerror=alert(3)>",
                                            outlet="Evil <script>alert(4)</script> Wire", url="javascript:alert(5)",
                                            published=date(2024, 10, 12)), [event])
    return path


@pytest.fixture
def server(tmp_path):
    import uvicorn

    from dyadwatch.web.app import create_app

    sock = _bound_socket()
    port = sock.getsockname()[1]
    config = uvicorn.Config(create_app(_store(tmp_path / "browser.duckdb")), host="127.0.0.1", port=port,
                            log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the dashboard server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)
    sock.close()


def test_dashboard_timeline_period_click_and_evidence(server, tmp_path):
    _require_chromium()
    from playwright.sync_api import expect, sync_playwright

    dialogs: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 900})
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            page.goto(server + "/")
            picker = page.locator("#dyad-picker")
            expect(picker.locator("option[value='CHN-PRK']")).to_have_count(1)
            picker.select_option("CHN-PRK")
            expect(page.locator("#dyad-title")).to_have_text("CHN-PRK by month")
            page.wait_for_function("window.dyadwatchChart && window.dyadwatchChart.data.labels.includes('2024-08')")
            expect(page.locator("#timeline")).to_be_visible()
            expect(page.locator("#summary")).to_contain_text("turned down")

            # click the material-conflict bar of August 2024 on the canvas
            point = page.evaluate("""() => {
                const chart = window.dyadwatchChart;
                const bar = chart.getDatasetMeta(4).data[chart.data.labels.indexOf('2024-08')];
                const box = chart.canvas.getBoundingClientRect();
                return {x: bar.x, y: (bar.y + bar.base) / 2, w: box.width, h: box.height};
            }""")
            page.locator("#timeline").click(position={"x": point["x"], "y": point["y"]})
            expect(page.locator("#period-title")).to_contain_text("in 2024-08: 1 event")
            evidence = page.locator("#period-events .evidence-text").first
            expect(evidence).to_contain_text("recalled thousands of labourers")
            expect(page.locator("#period-events .corroboration").first).to_contain_text("2 reports, 2 independent origins")
            page.screenshot(path=str(tmp_path / "dashboard-period.png"), full_page=False)

            # hostile text is shown as text and never runs
            page.fill("#search-input", "spying")
            page.click("#search-form button")
            expect(page.locator("#search-results .evidence-text").first).to_contain_text("<script>alert('owned')</script>")
            assert page.locator("#search-results img").count() == 0
            source = page.locator("#search-results .source").first
            expect(source).to_contain_text("Evil <script>alert(4)</script> Wire")
            expect(source).to_contain_text("Spy row <img src=x onerror=alert(3)>")
            assert page.locator("a[href^='javascript']").count() == 0 and page.locator("script:not([src])").count() == 0

            page.locator("#period-list button[data-period='2024-08']").click()
            shot = tmp_path / "dashboard.png"
            page.screenshot(path=str(shot), full_page=True)
        finally:
            browser.close()
    assert dialogs == []
    print(f"dashboard screenshot: {shot}")
