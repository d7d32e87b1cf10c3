"""Issue 13: one bad document never costs another. A folder of hostile inputs, one CLI run."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from dyadwatch.cli.main import app
from dyadwatch.pipeline import shared_pipeline
from dyadwatch.store import Store
from strategies import long_text, write_nasty_folder

pytestmark = pytest.mark.model
runner = CliRunner()
SMALL_MAX_LENGTH = 3_000


@pytest.fixture()
def small_model():
    """The shared pipeline with a small nlp.max_length, so a long document is cheap to make."""
    nlp = shared_pipeline()
    saved, nlp.max_length = nlp.max_length, SMALL_MAX_LENGTH
    yield nlp
    nlp.max_length = saved


def test_every_nasty_file_is_stored_or_rejected_with_a_reason(tmp_path, small_model):
    kinds = write_nasty_folder(tmp_path / "nasty", long_chars=SMALL_MAX_LENGTH * 4)
    db = tmp_path / "n.duckdb"
    result = runner.invoke(app, ["--db", str(db), "ingest", str(tmp_path / "nasty")])
    assert result.exit_code == 0, result.output
    with Store(db, read_only=True) as store:
        docs = {d.origin: d for d in store.documents()}
        rejections = store.rejections()
        events = store.events()
    rejected = {r.origin.split(":")[0].split("[")[0]: r for r in rejections}
    for name in kinds:
        origins = [o for o in list(docs) + list(rejected) if o.split(":")[0].split("[")[0].endswith("/" + name)]
        assert origins, f"{name} ({kinds[name]}) was neither stored nor rejected"
    assert all(r.reason and r.detail for r in rejections)
    by_name = {origin.rsplit("/", 1)[-1]: doc for origin, doc in docs.items()}
    # decoded, not rejected: legacy encodings, a one-line brief, field aliases
    assert "Chávez" in by_name["cp1252.txt"].text and "“officials”" in by_name["cp1252.txt"].text
    assert "Brasília" in by_name["latin1.txt"].text and "utf16.txt" in by_name
    assert "brief.txt" in by_name
    alias = by_name["aliases.jsonl:1"]
    assert alias.outlet == "Wire" and str(alias.published) == "2024-06-19"
    assert "ignored JSON fields (records): lang (1)" in result.output
    # deep JSON and lone surrogates are malformed
    reasons = {r.origin.rsplit("/", 1)[-1]: r.reason for r in rejections}
    assert reasons["deep.json:1"] == reasons["deep-line.jsonl:1"] == "malformed"
    assert [reasons[f"surrogates.jsonl:{i}"] for i in (1, 2, 3)] == ["malformed"] * 3
    # every date probe is kept, undated, with a warning; its events are kept
    dated = [d for o, d in by_name.items() if o.startswith("dates.jsonl")]
    assert len(dated) == 5 and all(d.published is None for d in dated)
    assert result.output.count("warning") >= 5
    assert {e.doc_id for e in events} >= {d.doc_id for d in dated}
    # the long document: coded in pieces as one document, evidence offsets into the whole text
    long_doc = by_name["long.txt"]
    assert len(long_doc.text) > SMALL_MAX_LENGTH * 3
    long_events = [e for e in events if e.doc_id == long_doc.doc_id]
    assert long_events and max(e.evidence.start for e in long_events) > SMALL_MAX_LENGTH * 2
    assert all(long_doc.text[e.evidence.start:e.evidence.end] == e.evidence.text for e in long_events)
    assert "rejected by reason: binary 1, malformed 5" in result.output


def test_exit_codes(tmp_path, small_model):
    db = str(tmp_path / "x.duckdb")
    missing = runner.invoke(app, ["--db", db, "ingest", str(tmp_path / "nowhere")])
    assert missing.exit_code == 2 and "no such file or folder" in missing.output
    assert len(missing.output.strip().splitlines()) == 1
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "text": ""}\n', encoding="utf-8")
    assert runner.invoke(app, ["--db", db, "ingest", str(bad)]).exit_code == 0
    assert runner.invoke(app, ["--db", db, "ingest", "--fail-on-reject", str(bad)]).exit_code == 1
    wrong = runner.invoke(app, ["--db", db, "ingest", "--published", "June 2024", str(bad)])
    assert wrong.exit_code == 2 and "--published" in wrong.output and "YYYY-MM-DD" in wrong.output


def test_run_options_fill_what_documents_lack(tmp_path, small_model):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Chile recalled its ambassador from Peru on Monday, officials said.\n")
    (tmp_path / "in" / "b.jsonl").write_text(json.dumps({"id": "own", "text": long_text(200), "published": "2023-01-05",
                                                         "outlet": "Own Wire"}) + "\n")
    db = tmp_path / "o.duckdb"
    result = runner.invoke(app, ["--db", str(db), "ingest", "--published", "2024-06-19", "--outlet", "Desk",
                                 "--url", "https://example.org/a", str(tmp_path / "in")])
    assert result.exit_code == 0, result.output
    with Store(db, read_only=True) as store:
        docs = {d.origin.rsplit("/", 1)[-1]: d for d in store.documents()}
        events = store.events()
    txt, own = docs["a.txt"], docs["b.jsonl:1"]
    assert (str(txt.published), txt.outlet, txt.url) == ("2024-06-19", "Desk", "https://example.org/a")
    assert (str(own.published), own.outlet) == ("2023-01-05", "Own Wire")
    assert any(e.doc_id == txt.doc_id and e.date == "2024-06-17" for e in events)  # "on Monday" anchored
