"""The command line end to end: ingest with bad input, contract-shaped exports, filters and usage errors."""
from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from dyadwatch.cli.main import app

runner = CliRunner()

ARTICLES = [
    {"id": "cli-1", "published": "2024-03-14", "outlet": "Test Wire",
     "text": "Indonesian Foreign Minister Retno Marsudi met Chinese Foreign Minister Wang Yi in Jakarta on Tuesday. "
             "The two ministers discussed trade and maritime security, officials said."},
    {"id": "cli-2", "published": "2024-03-15", "outlet": "Test Daily",
     "text": "The Philippine coast guard accused China of firing water cannon at a supply boat on Saturday, "
             "according to a statement from Manila. Beijing denied the accusation."},
]


@pytest.fixture()
def corpus(tmp_path):
    path = tmp_path / "articles.jsonl"
    lines = [json.dumps(a) for a in ARTICLES] + ["{not json", json.dumps({"id": "empty", "text": ""})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.model
def test_ingest_stores_good_documents_and_records_rejections(tmp_path, corpus):
    db = str(tmp_path / "t.duckdb")
    result = runner.invoke(app, ["--db", db, "ingest", str(corpus)])
    assert result.exit_code == 0, result.output
    assert "stored 2 documents" in result.output and "2 rejected" in result.output
    again = runner.invoke(app, ["--db", db, "ingest", str(corpus)])
    assert "stored 0 documents" in again.output and "2 already stored" in again.output
    rejections = runner.invoke(app, ["--db", db, "rejections"])
    assert "bad_json" in rejections.output and "empty" in rejections.output

    out = runner.invoke(app, ["--db", db, "events", "--format", "jsonl"])
    records = [json.loads(line) for line in out.output.splitlines() if line.strip()]
    assert records
    required = {"event_id", "doc_id", "sentence_index", "source", "target", "cameo", "plover", "goldstein",
                "quad_class", "status", "date", "date_basis", "attribution", "evidence", "cluster_id"}
    for rec in records:
        assert required <= rec.keys()
        text = next(a["text"] for a in ARTICLES if a["id"] == rec["doc_id"])
        assert rec["evidence"]["text"] in text
    assert any(r["plover"] == "CONSULT" and {r["source"]["country"], r["target"]["country"]} == {"IDN", "CHN"}
               for r in records)

    filtered = runner.invoke(app, ["--db", db, "events", "--format", "csv", "--dyad", "PHL-CHN"])
    rows = list(csv.DictReader(io.StringIO(filtered.output)))
    assert rows and all({r["source_code"][:3], r["target_code"][:3]} <= {"PHL", "CHN", ""} for r in rows)


def test_usage_errors_exit_non_zero(tmp_path):
    missing = runner.invoke(app, ["--db", str(tmp_path / "none.duckdb"), "events"])
    assert missing.exit_code == 2 and "no database" in missing.output
    bad = runner.invoke(app, ["--db", str(tmp_path / "none.duckdb"), "events", "--dyad", "KOREA"])
    assert bad.exit_code == 2
    fmt = runner.invoke(app, ["--db", str(tmp_path / "none.duckdb"), "events", "--format", "xml"])
    assert fmt.exit_code == 2


def test_db_comes_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # a short relative path: a long one is folded out of the 80-column error box
    monkeypatch.setenv("DYADWATCH_DB", "env.duckdb")
    result = runner.invoke(app, ["events"])
    assert result.exit_code == 2 and "env.duckdb" in result.output
