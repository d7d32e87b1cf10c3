"""Report and relations over a dyad active in 2016 and 2024: `--since`/`--until` bound everything, the
timeline compresses the empty years into one labelled gap, and shareable output names no local path
and writes dyads and missing values one way (PRK-CHN, an em dash)."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from dyadwatch.cli.main import app
from dyadwatch.display import MISSING
from dyadwatch.relations import relations, write_report
from dyadwatch.relations.svg import Gap, gaps, slots
from dyadwatch.store import Store
from test_relations_data import synthetic_document, synthetic_events

runner = CliRunner()
OLD = [("2016-02", [2.0]), ("2016-03", [-4.0, 3.0])]
NEW = [("2024-04", [-5.0]), ("2024-05", [1.0, -2.0]), ("2024-06", [-3.0])]


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "span.duckdb"
    with Store(path) as store:
        store.writer.save_document(synthetic_document("old"), synthetic_events("old", OLD))
        store.writer.save_document(synthetic_document("new"), synthetic_events("new", NEW))
    return path


def test_empty_years_become_one_gap_and_short_lulls_stay(db):
    with Store(db, read_only=True) as store:
        rel = relations(store, "PRK", "CHN")
    (gap,) = gaps(rel.periods)
    assert gap == Gap("2016-04", "2024-03", 96)
    placed = slots(rel.periods)
    assert len(placed) == 2 + 1 + 3  # two months of 2016, the gap, three of 2024
    lull = [p for p in rel.periods if p.period in ("2024-04", "2024-05", "2024-06")]
    lull[1].events = 0  # one empty month between busy ones is kept as it is
    assert not gaps(lull)


def test_report_compresses_the_gap_and_names_no_local_path(db, tmp_path):
    out = tmp_path / "out" / "report.html"
    with Store(db, read_only=True) as store:
        write_report(store, "PRK", "CHN", out)
    html = out.read_text(encoding="utf-8")
    assert "no events 2016-04 to 2024-03" in html and "96 months" in html
    assert html.count("<polyline") == 2  # the net Goldstein line breaks across the gap
    assert str(tmp_path) not in html and "span.duckdb" in html
    assert "PRK-CHN: relations over time" in html and "\u2013" not in html.split("<h2>Method")[0]


def test_since_and_until_bound_relations_and_report(db, tmp_path):
    with Store(db, read_only=True) as store:
        recent = relations(store, "PRK", "CHN", since="2024", until="2024-05")
        out = tmp_path / "recent.html"
        write_report(store, "PRK", "CHN", out, since="2024-04")
    assert recent.totals.events == 3 and [p.period for p in recent.periods] == ["2024-04", "2024-05"]
    assert (recent.since, recent.until) == ("2024", "2024-05")
    html = out.read_text(encoding="utf-8")
    assert "2016" not in html.split("<h2>Method")[0] and "no events" not in html
    assert "from 2024-04" in html


def test_cli_relations_and_report_take_since_and_until(db, tmp_path):
    result = runner.invoke(app, ["--db", str(db), "relations", "PRK", "CHN", "--since", "2016", "--until", "2016-12",
                                 "--format", "json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["totals"]["events"] == 3 and payload["label"] == "PRK-CHN" and payload["until"] == "2016-12"
    table = runner.invoke(app, ["--db", str(db), "relations", "PRK", "CHN", "--by", "year"])
    assert "PRK-CHN by year" in table.stdout and MISSING in table.stdout  # the empty years' mean
    out = tmp_path / "r.html"
    report = runner.invoke(app, ["--db", str(db), "report", "PRK", "CHN", "--out", str(out), "--until", "2016"])
    assert report.exit_code == 0, report.output
    html = out.read_text(encoding="utf-8")
    assert "<td>2016-03</td>" in html and "<td>2024-" not in html and "until 2016" in html
